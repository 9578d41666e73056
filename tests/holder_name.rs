//! The holder's name as the merchant asks for it, in a real browser: not shown by default, shown
//! when optional or required, and a required field nobody mounted is named at once instead of
//! waiting for a frame that never comes.
#![cfg(target_arch = "wasm32")]

mod support;

use leptos::prelude::*;
use paykka_checkout::components::{CardFrames, CheckoutScope, SecureCardForm, SecureField};
use paykka_checkout::context::CheckoutContext;
use paykka_checkout::core::frame_protocol::FieldKind;
use paykka_checkout::core::{CheckoutError, HolderNamePolicy};
use support::mount;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// Nothing listens there: no frame ever needs to answer in these tests.
const PROVIDER: &str = "http://127.0.0.1:9";

/// A card form of `policy`, and its frames.
fn card_form(policy: HolderNamePolicy) -> (support::Mounted, CardFrames) {
    let frames = StoredValue::new_local(None::<CardFrames>);
    let view = mount(move || {
        view! {
            <CheckoutScope locale="en-US">
                {
                    let ctx = CheckoutContext::expect();
                    let card = CardFrames::with_holder_name(PROVIDER, ctx.i18n(), Vec::new(), policy);
                    frames.set_value(Some(card.clone()));
                    view! { <SecureCardForm frames=card /> }
                }
            </CheckoutScope>
        }
    });
    (view, frames.get_value().unwrap())
}

#[wasm_bindgen_test]
fn the_card_form_shows_the_holder_field_only_when_the_merchant_asks_for_it() {
    for (policy, shown) in [
        (HolderNamePolicy::Hidden, false),
        (HolderNamePolicy::Optional, true),
        (HolderNamePolicy::Required, true),
    ] {
        let (view, frames) = card_form(policy);
        assert_eq!(
            view.query("[data-field=holder]").is_some(),
            shown,
            "{policy:?}"
        );
        let fields = view
            .container()
            .query_selector_all("[data-field]")
            .unwrap()
            .length();
        assert_eq!(fields, 3 + u32::from(shown), "{policy:?}");
        assert_eq!(frames.holder_name(), policy);
        assert_eq!(
            frames.missing_fields(),
            Vec::<FieldKind>::new(),
            "{policy:?}"
        );
    }
}

#[wasm_bindgen_test]
async fn a_required_holder_field_nobody_mounted_is_named_and_refused_before_any_frame_is_asked() {
    let frames = StoredValue::new_local(None::<CardFrames>);
    // Component mode: number, expiry and security code mounted, the holder's name forgotten.
    let _view = mount(move || {
        view! {
            <CheckoutScope locale="en-US">
                {
                    let ctx = CheckoutContext::expect();
                    let card = CardFrames::with_holder_name(
                        PROVIDER,
                        ctx.i18n(),
                        Vec::new(),
                        HolderNamePolicy::Required,
                    );
                    card.bind("CS0123", "10000000000001");
                    frames.set_value(Some(card.clone()));
                    view! {
                        <SecureField frames=card.clone() kind=FieldKind::Number />
                        <SecureField frames=card.clone() kind=FieldKind::Expiry />
                        <SecureField frames=card kind=FieldKind::Cvv />
                    }
                }
            </CheckoutScope>
        }
    });
    let frames = frames.get_value().unwrap();
    assert_eq!(frames.missing_fields(), vec![FieldKind::Holder]);
    // At once: no frame is asked to encrypt (none would answer in time).
    assert_eq!(frames.encrypt().await, Err(CheckoutError::FieldNotMounted));
}

#[wasm_bindgen_test]
fn an_unmounted_field_counts_as_missing_again() {
    let (view, frames) = card_form(HolderNamePolicy::Required);
    assert!(frames.missing_fields().is_empty());
    drop(view);
    assert_eq!(
        frames.missing_fields(),
        vec![
            FieldKind::Number,
            FieldKind::Expiry,
            FieldKind::Cvv,
            FieldKind::Holder
        ]
    );
}
