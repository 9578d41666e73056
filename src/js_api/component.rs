//! `PaykkaComponent`: one piece of a Component-mode checkout.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use paykka_core::frame_protocol::FieldKind;
use wasm_bindgen::prelude::*;

use super::convert::*;
use super::inner::*;
use crate::components::{CardFrames, CheckoutScope, SecureCardForm, SecureField};

#[derive(Clone, Copy)]
pub(super) enum ComponentKind {
    Field(FieldKind),
    Card,
}

/// One piece of a Component-mode checkout, mounted where the merchant wants it.
#[wasm_bindgen(js_name = PaykkaComponent)]
pub struct JsComponent {
    pub(super) inner: Rc<Inner>,
    pub(super) kind: ComponentKind,
    pub(super) mount: Cell<Option<u32>>,
}

#[wasm_bindgen(js_class = PaykkaComponent)]
impl JsComponent {
    /// Mounts the component into `target` (a CSS selector or an element).
    pub fn mount(&self, target: JsValue) -> Result<(), JsValue> {
        let inner = self.inner.clone();
        inner.alive("mount")?;
        if self.mount.get().is_some() {
            return Err(type_error(
                "mount(): this component is mounted already; unmount it first",
            ));
        }
        let element = element_of(&target, "mount")?;
        inner.claim(&element, "mount")?;
        let frames = inner
            .component_payment()
            .and_then(|payment| payment.card_frames())
            .ok_or_else(|| type_error("mount(): this checkout's session takes no cards"))?;
        let frames_to_check = frames.clone();
        let context = inner.context.clone();
        let locale = context.i18n().locale().to_owned();
        // The first component of a checkout carries its live region.
        let first = inner.mounts.borrow().is_empty();
        let kind = self.kind;
        let appearance = inner.options.appearance.clone();
        let handle = leptos::mount::mount_to(element.clone(), move || {
            // Built inside the scope's children: the fields read the context the scope provides.
            // (Children must be Send; the frames never leave this thread.)
            let frames = send_wrapper::SendWrapper::new(frames);
            view! {
                <CheckoutScope locale=locale context=context without_live_region=!first appearance=appearance>
                    {match kind {
                        ComponentKind::Field(field) => view! { <SecureField frames=(*frames).clone() kind=field /> }.into_any(),
                        ComponentKind::Card => view! { <SecureCardForm frames=(*frames).clone() /> }.into_any(),
                    }}
                </CheckoutScope>
            }
        });
        let id = inner.add_mount(element, Box::new(handle));
        keep_alive(&inner);
        self.mount.set(Some(id));
        warn_of_missing_components(&inner, frames_to_check);
        Ok(())
    }

    /// Puts the focus in this component's field (the card number's, for `card`).
    pub fn focus(&self) {
        if let Some(frames) = self.frames() {
            frames.focus(self.fields()[0]);
        }
    }

    /// Empties this component's field (every field, for `card`).
    pub fn clear(&self) {
        if let Some(frames) = self.frames() {
            for field in self.fields() {
                frames.clear(field);
            }
        }
    }

    fn frames(&self) -> Option<CardFrames> {
        self.mount.get()?;
        self.inner.payment.borrow().and_then(|p| p.card_frames())
    }

    fn fields(&self) -> Vec<FieldKind> {
        match self.kind {
            ComponentKind::Field(field) => vec![field],
            ComponentKind::Card => vec![
                FieldKind::Number,
                FieldKind::Expiry,
                FieldKind::Cvv,
                FieldKind::Holder,
            ],
        }
    }

    /// Removes the component from the page (the checkout keeps its other components).
    pub fn unmount(&self) {
        if let Some(id) = self.mount.take() {
            self.inner.remove_mount(id);
            if self.inner.mounts.borrow().is_empty() {
                let_go(&self.inner);
            }
        }
    }
}

/// The JS API's name of the component that shows `field`.
pub(super) fn component_name(field: FieldKind) -> &'static str {
    match field {
        FieldKind::Number => "cardNumber",
        FieldKind::Expiry => "expiry",
        FieldKind::Cvv => "cvv",
        FieldKind::Holder => "holderName",
    }
}

/// Says in the console which card components a payment needs and nobody mounted, once the
/// merchant's mounts of this task are done: `submit()` would fail naming them.
fn warn_of_missing_components(inner: &Rc<Inner>, frames: CardFrames) {
    if inner.missing_check_due.replace(true) {
        return;
    }
    let inner = Rc::downgrade(inner);
    leptos::task::spawn_local(async move {
        crate::components::internal::browser::sleep(0).await;
        let Some(inner) = inner.upgrade() else { return };
        inner.missing_check_due.set(false);
        if inner.destroyed.get() || inner.mounts.borrow().is_empty() {
            return;
        }
        let missing: Vec<&str> = frames
            .missing_fields()
            .into_iter()
            .map(component_name)
            .collect();
        if !missing.is_empty() {
            web_sys::console::warn_1(
                &format!(
                    "PaykkaCheckout: the card payment needs these components, not mounted: {} (submit() will reject with code 'field_not_mounted' until they are)",
                    missing.join(", ")
                )
                .into(),
            );
        }
    });
}
