//! The saved-card component mounted on its own (Component mode), in a real browser: what it
//! shows, its security-code frame, and removal only after confirmation.
#![cfg(target_arch = "wasm32")]

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use leptos::prelude::*;
use paykka_checkout::api::StoredCard;
use paykka_checkout::components::{CardFrames, CheckoutScope, RemoveState, StoredCardForm};
use paykka_checkout::context::CheckoutContext;
use paykka_checkout::core::{Brand, CheckoutError};
use support::{click, mount};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// Nothing listens there: the frame stays empty, which is all these tests need of it.
const PROVIDER: &str = "http://127.0.0.1:9";

fn card(brand: Brand, last4: &str, exp_month: u8, exp_year: u16) -> StoredCard {
    StoredCard {
        token: "TK-test".into(),
        brand,
        last4: last4.into(),
        exp_month,
        exp_year,
    }
}

fn stored(
    card: StoredCard,
    on_remove: Option<Callback<()>>,
    state: RwSignal<RemoveState>,
) -> support::Mounted {
    mount(move || {
        view! {
            <CheckoutScope locale="en-US">
                {
                    let ctx = CheckoutContext::expect();
                    let frames = CardFrames::cvv_only(PROVIDER, ctx.i18n(), card.brand);
                    view! { <StoredCardForm card=card frames=Some(frames) on_remove=on_remove remove_state=Some(state.into()) /> }
                }
            </CheckoutScope>
        }
    })
}

#[wasm_bindgen_test]
async fn a_saved_card_shows_brand_last_four_and_expiry_and_asks_only_for_its_security_code() {
    let view = stored(
        card(Brand::Visa, "4242", 3, 2099),
        None,
        RwSignal::new(RemoveState::Idle),
    );
    let text = view.container().text_content().unwrap_or_default();
    assert!(text.contains("Visa •••• 4242"), "{text}");
    assert!(text.contains("Expires 03/99"), "{text}");
    assert!(text.contains("3 digits on the back of the card"), "{text}");
    let frames = view.container().query_selector_all("iframe").unwrap();
    assert_eq!(frames.length(), 1, "one frame: the security code");
    let frame = view.query("iframe").unwrap();
    assert_eq!(
        frame.get_attribute("title").as_deref(),
        Some("Secure security code input")
    );
    let src = frame.get_attribute("src").unwrap();
    assert!(
        src.starts_with("http://127.0.0.1:9/frames/card-field.html#field=cvv&"),
        "{src}"
    );
    assert!(
        view.query("button").is_none(),
        "no remove action unless the owner handles it"
    );
}

#[wasm_bindgen_test]
async fn an_american_express_card_asks_for_four_digits_on_the_front() {
    let view = stored(
        card(Brand::Amex, "0005", 12, 2099),
        None,
        RwSignal::new(RemoveState::Idle),
    );
    let text = view.container().text_content().unwrap_or_default();
    assert!(text.contains("American Express •••• 0005"), "{text}");
    assert!(text.contains("4 digits on the front of the card"), "{text}");
}

#[wasm_bindgen_test]
async fn an_expired_card_is_marked_and_has_no_security_code_field() {
    let view = stored(
        card(Brand::Mastercard, "4444", 1, 2020),
        None,
        RwSignal::new(RemoveState::Idle),
    );
    let text = view.container().text_content().unwrap_or_default();
    assert!(text.contains("Expired 01/20"), "{text}");
    assert!(view.query("iframe").is_none());
}

#[wasm_bindgen_test]
async fn removing_a_card_takes_a_confirmation_and_can_be_called_off() {
    let removed = Arc::new(AtomicU32::new(0));
    let on_remove = {
        let removed = removed.clone();
        Callback::new(move |()| {
            removed.fetch_add(1, Ordering::Relaxed);
        })
    };
    let state = RwSignal::new(RemoveState::Idle);
    let view = stored(card(Brand::Visa, "4242", 3, 2099), Some(on_remove), state);
    click(&view.button_by_text("Remove card")).await;
    assert_eq!(
        removed.load(Ordering::Relaxed),
        0,
        "one click deletes nothing"
    );
    let group = view.query("[role=group]").unwrap();
    assert_eq!(
        group.get_attribute("aria-label").as_deref(),
        Some("Remove this card?")
    );
    click(&view.button_by_text("Keep it")).await;
    assert_eq!(removed.load(Ordering::Relaxed), 0);
    assert!(view.query("[role=group]").is_none());
    click(&view.button_by_text("Remove card")).await;
    click(&view.button_by_text("Remove")).await;
    assert_eq!(removed.load(Ordering::Relaxed), 1);
}

#[wasm_bindgen_test]
async fn a_failed_removal_says_why_and_keeps_the_card() {
    let state = RwSignal::new(RemoveState::Idle);
    let view = stored(
        card(Brand::Visa, "4242", 3, 2099),
        Some(Callback::new(|()| {})),
        state,
    );
    click(&view.button_by_text("Remove card")).await;
    click(&view.button_by_text("Remove")).await;
    state.set(RemoveState::Failed(CheckoutError::NetworkUnavailable));
    leptos::task::tick().await;
    let alert = view
        .query("[role=alert]")
        .and_then(|a| a.text_content())
        .unwrap_or_default();
    assert!(
        alert.starts_with("The card could not be removed."),
        "{alert}"
    );
    assert!(
        alert.contains("We could not reach the payment service"),
        "{alert}"
    );
    assert!(
        view.container()
            .text_content()
            .unwrap_or_default()
            .contains("Visa •••• 4242")
    );
}
