//! `PaykkaComponent`: one piece of a Component-mode checkout.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::Object;
use leptos::prelude::*;
use paykka_core::Brand;
use paykka_core::frame_protocol::FieldKind;
use wasm_bindgen::prelude::*;

use super::convert::*;
use super::inner::*;
use crate::components::{CheckoutScope, SecureCardForm, SecureField};

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
        let context = inner.context.clone();
        let locale = context.i18n().locale().to_owned();
        // The first component of a checkout carries its live region.
        let first = inner.mounts.borrow().is_empty();
        let kind = self.kind;
        let appearance = inner.options.appearance.clone();
        let on_change = inner
            .options
            .on_change
            .clone()
            .map(send_wrapper::SendWrapper::new);
        let handle = leptos::mount::mount_to(element.clone(), move || {
            if let (Some(on_change), ComponentKind::Field(field)) = (on_change, kind) {
                let state = frames.state(field);
                Effect::new(move |_| {
                    if let Some(state) = state.get() {
                        let object = Object::new();
                        set(&object, "field", field.code());
                        set(&object, "complete", state.complete);
                        set(&object, "valid", state.valid);
                        set(&object, "empty", state.empty);
                        set(
                            &object,
                            "brand",
                            state
                                .brand
                                .map_or(JsValue::NULL, |b: Brand| b.code().into()),
                        );
                        call(&Some((*on_change).clone()), &object.into());
                    }
                });
            }
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
        Ok(())
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
