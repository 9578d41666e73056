//! Talking to the frames: configuring them, their state messages, and the card sealed in them.

use futures_channel::oneshot;
use leptos::prelude::*;
use paykka_core::frame_protocol::{
    Configure, Encrypted, FailReason, FieldKind, FieldState, FrameToParent, Label, Locale,
    ParentToFrame, decode_frame_message, encode,
};
use paykka_core::{Brand, CheckoutError, HolderNamePolicy};
use wasm_bindgen::JsCast;
use web_sys::{HtmlIFrameElement, MessageEvent};

use super::*;
use crate::api::EncryptedCard;
use paykka_core::appearance::{FrameStyle, FrameStyleVar};

impl CardFrames {
    /// Sends `message` to one frame, addressed to the frames' exact origin.
    pub(super) fn post(&self, field: FieldKind, message: &ParentToFrame) {
        let (Some(origin), Some(channel)) = (&self.0.frames_origin, &self.0.channel) else {
            return;
        };
        if !self.0.ready[index(field)].get() {
            return;
        }
        let window = self.0.iframes.borrow()[index(field)]
            .as_ref()
            .and_then(HtmlIFrameElement::content_window);
        if let Some(window) = window {
            let _ = window.post_message(&encode(channel, message).into(), origin.as_str());
        }
    }

    /// Puts the focus in a frame (the shopper clicked its label, or the previous field completed).
    pub fn focus(&self, field: FieldKind) {
        self.post(field, &ParentToFrame::Focus);
    }

    /// Empties a field (its frame forgets what was typed, and says so in its next state).
    pub fn clear(&self, field: FieldKind) {
        self.post(field, &ParentToFrame::Clear);
    }

    pub(super) fn on_message(&self, event: &MessageEvent) {
        let inner = &self.0;
        // Origin first: anything from elsewhere is dropped before its data is even read.
        let Some(origin) = &inner.frames_origin else {
            return;
        };
        if event.origin() != origin.as_str() {
            return;
        }
        let Some(source) = event.source() else { return };
        let field = {
            let iframes = inner.iframes.borrow();
            FIELDS.into_iter().find(|f| {
                iframes[index(*f)]
                    .as_ref()
                    .and_then(HtmlIFrameElement::content_window)
                    .is_some_and(|w| {
                        wasm_bindgen::JsValue::from(w)
                            == wasm_bindgen::JsValue::from(source.clone())
                    })
            })
        };
        let Some(field) = field else { return };
        let Some(data) = event.data().as_string() else {
            return;
        };
        let Ok((channel, message)) = decode_frame_message(&data) else {
            return;
        };
        if inner.channel != Some(channel) {
            return;
        }
        match message {
            FrameToParent::Ready { field: reported } if reported == field => self.on_ready(field),
            FrameToParent::State {
                field: reported,
                state,
            } if reported == field => self.on_state(field, state),
            FrameToParent::Submit { .. } => inner.submit_requests.update(|n| *n += 1),
            FrameToParent::Encrypted { req, ref value } if value.field() == field => {
                self.resolve(req, message)
            }
            FrameToParent::Failed {
                req,
                field: reported,
                ..
            } if reported == field => self.resolve(req, message),
            // A frame speaking for another field than its own is not ours to believe.
            _ => {}
        }
    }

    pub(super) fn on_ready(&self, field: FieldKind) {
        self.0.ready[index(field)].set(true);
        self.0.ready_signals[index(field)].set(true);
        if field == FieldKind::Number {
            self.0.others_may_load.set(true);
        }
        self.configure(field)
    }

    /// The loader's early number frame, for the number field to put in place (once).
    pub(super) fn take_prewarmed(&self) -> Option<(HtmlIFrameElement, js_sys::Object)> {
        self.0.prewarmed.borrow_mut().take()
    }

    /// Puts the early number frame first in `frame_box` and treats it as this form's:
    /// `moveBefore` keeps its document (a plain insert would load it again, which also works: it
    /// then says ready again). A frame that already said ready before anyone listened is
    /// configured now.
    pub(super) fn adopt(
        &self,
        frame_box: &web_sys::Element,
        iframe: HtmlIFrameElement,
        record: &js_sys::Object,
    ) {
        let _ = iframe.remove_attribute("style");
        let _ = iframe.remove_attribute("aria-hidden");
        let _ = iframe.remove_attribute("tabindex");
        let _ = iframe.remove_attribute("data-paykka-prewarmed");
        let first = frame_box.first_child();
        let move_before = js_sys::Reflect::get(frame_box, &"moveBefore".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let before = first
            .as_ref()
            .map_or(wasm_bindgen::JsValue::NULL, |n| n.into());
        let moved = move_before.is_some_and(|f| f.call2(frame_box, &iframe, &before).is_ok());
        if !moved {
            let _ = frame_box.insert_before(&iframe, first.as_ref());
        }
        self.attach(FieldKind::Number, iframe);
        if moved && prewarm_field(record, "ready").as_bool() == Some(true) {
            self.on_ready(FieldKind::Number);
        }
    }

    pub(super) fn configure(&self, field: FieldKind) {
        let i = index(field);
        let (Some(label), Some(locale)) =
            (Label::new(&self.0.labels[i]), Locale::new(&self.0.locale))
        else {
            return;
        };
        let placeholder = self.0.placeholders[i].as_deref().and_then(Label::new);
        let brand = if field == FieldKind::Cvv {
            self.0.fixed_brand
        } else {
            None
        };
        let style = self.frame_style(field);
        let binding = self.0.binding.borrow().clone();
        self.post(
            field,
            &ParentToFrame::Configure(Configure {
                label,
                placeholder,
                locale,
                brand,
                style,
                binding,
            }),
        );
        if field == FieldKind::Cvv && self.0.fixed_brand.is_none() {
            // Read straight from the state: `brand()` builds a derived signal, and out here (a
            // message listener, no reactive owner) nothing would ever dispose of it.
            let brand = self.0.states[0]
                .get_untracked()
                .and_then(|s| s.brand)
                .unwrap_or(Brand::Unknown);
            if brand != Brand::Unknown {
                self.post(FieldKind::Cvv, &ParentToFrame::Brand { brand });
            }
        }
    }

    /// The look around the frame (theme, appearance, the merchant's CSS), as the frame's own
    /// custom properties: read from the iframe element's computed style.
    pub(super) fn frame_style(&self, field: FieldKind) -> FrameStyle {
        let iframe = self.0.iframes.borrow()[index(field)].clone();
        let computed = iframe.and_then(|iframe| {
            web_sys::window()?
                .get_computed_style(&iframe)
                .ok()
                .flatten()
        });
        let Some(computed) = computed else {
            return FrameStyle::default();
        };
        let values: Vec<(FrameStyleVar, String)> = FrameStyleVar::ALL
            .into_iter()
            .filter_map(|var| {
                let value = var
                    .parent_properties()
                    .iter()
                    .map(|p| computed.get_property_value(p).unwrap_or_default())
                    .find(|v| !v.trim().is_empty())?;
                Some((var, value))
            })
            .collect();
        FrameStyle::from_values(values.iter().map(|(var, value)| (*var, value.as_str())))
    }

    pub(super) fn on_state(&self, field: FieldKind, state: FieldState) {
        let inner = &self.0;
        let previous = inner.states[index(field)].get_untracked();
        inner.states[index(field)].set(Some(state));
        if field == FieldKind::Number {
            let brand = state.brand.unwrap_or(Brand::Unknown);
            if previous.and_then(|p| p.brand) != state.brand {
                self.post(FieldKind::Cvv, &ParentToFrame::Brand { brand });
            }
            let refused = brand != Brand::Unknown
                && !inner.accepted.is_empty()
                && !inner.accepted.contains(&brand);
            inner.parent_errors[0].set(refused.then_some(CheckoutError::NumberUnsupported));
        }
        // Focus moves on when a field has just become complete, as the shopper types.
        let completed = state.complete && state.focused && !previous.is_some_and(|p| p.complete);
        match field {
            FieldKind::Number if completed && inner.parent_errors[0].get_untracked().is_none() => {
                self.focus(FieldKind::Expiry)
            }
            FieldKind::Expiry if completed => self.focus(FieldKind::Cvv),
            _ => {}
        }
    }

    pub(super) fn resolve(&self, req: u32, message: FrameToParent) {
        if let Some(sender) = self.0.pending.borrow_mut().remove(&req) {
            let _ = sender.send(message);
        }
    }

    pub(super) async fn request_encryption(&self, field: FieldKind) -> Option<FrameToParent> {
        let req = self.0.next_req.get();
        self.0.next_req.set(req.wrapping_add(1));
        let (sender, receiver) = oneshot::channel();
        self.0.pending.borrow_mut().insert(req, sender);
        self.post(field, &ParentToFrame::Encrypt { req });
        let timeout = crate::components::internal::browser::sleep(ENCRYPT_TIMEOUT_MS);
        let answer = futures_util_select(receiver, timeout).await;
        self.0.pending.borrow_mut().remove(&req);
        answer
    }

    /// Validates every field (showing errors in the frames) and, when all are valid, collects
    /// their ciphertexts. Errs with the first invalid field's error (and focuses it), with
    /// [`CheckoutError::SecureFieldsUnavailable`] when a frame or the key is unreachable, or with
    /// [`CheckoutError::RandomnessUnavailable`] when the frames have no channel.
    pub async fn encrypt(&self) -> Result<EncryptedCard, CheckoutError> {
        if let Some(error) = self.unavailable() {
            return Err(error);
        }
        let fields = self.0.fields.clone();
        for &field in &fields {
            self.post(field, &ParentToFrame::Touch);
        }
        if let Some(error) = self.0.parent_errors[0].get_untracked() {
            self.focus(FieldKind::Number);
            return Err(error);
        }
        if let Some(missing) = self.missing_fields().first() {
            leptos::logging::warn!(
                "paykka-checkout: the card form's {} field is not mounted",
                missing.code()
            );
            return Err(CheckoutError::FieldNotMounted);
        }
        let mut card = EncryptedCard::default();
        let mut first_invalid = None;
        for field in fields {
            if field == FieldKind::Holder && self.holder_left_out() {
                continue;
            }
            match self.request_encryption(field).await {
                Some(FrameToParent::Encrypted { value, .. }) => match value {
                    Encrypted::Number { enc, brand, .. } => {
                        if !self.0.accepted.is_empty() && !self.0.accepted.contains(&brand) {
                            first_invalid.get_or_insert((field, CheckoutError::NumberUnsupported));
                        }
                        card.encrypted_card_no = enc.as_str().to_owned();
                    }
                    Encrypted::Expiry {
                        enc_month,
                        enc_year,
                    } => {
                        card.encrypted_exp_month = enc_month.as_str().to_owned();
                        card.encrypted_exp_year = enc_year.as_str().to_owned();
                    }
                    Encrypted::Cvv { enc } => card.encrypted_cvv = enc.as_str().to_owned(),
                    Encrypted::Holder { holder } => {
                        card.holder_name = Some(holder.as_str().to_owned())
                    }
                },
                Some(FrameToParent::Failed {
                    reason: FailReason::Invalid,
                    error,
                    ..
                }) => {
                    first_invalid
                        .get_or_insert((field, error.unwrap_or(CheckoutError::NumberInvalid)));
                }
                _ => return Err(CheckoutError::SecureFieldsUnavailable),
            }
        }
        match first_invalid {
            Some((field, error)) => {
                self.focus(field);
                Err(error)
            }
            None => Ok(card),
        }
    }

    /// The fields a payment needs that no [`SecureField`] shows now, in form order (Component
    /// mode: the merchant did not mount them). The holder's only when it is required.
    pub fn missing_fields(&self) -> Vec<FieldKind> {
        self.0
            .fields
            .iter()
            .copied()
            .filter(|&f| self.0.mounted[index(f)].get() == 0)
            .filter(|&f| f != FieldKind::Holder || self.0.holder == HolderNamePolicy::Required)
            .collect()
    }

    /// A holder's name the payment does not need goes unsent when its field is not mounted or
    /// left empty.
    fn holder_left_out(&self) -> bool {
        self.0.holder != HolderNamePolicy::Required
            && (self.0.mounted[index(FieldKind::Holder)].get() == 0
                || self.0.states[index(FieldKind::Holder)]
                    .get_untracked()
                    .is_none_or(|s| s.empty))
    }

    /// A [`SecureField`] of `field` is on the page (until its cleanup calls
    /// [`CardFrames::field_unmounted`]).
    pub(super) fn field_mounted(&self, field: FieldKind) {
        let count = &self.0.mounted[index(field)];
        count.set(count.get() + 1);
    }

    pub(super) fn field_unmounted(&self, field: FieldKind) {
        let count = &self.0.mounted[index(field)];
        count.set(count.get().saturating_sub(1));
    }

    /// Whether a payment asks for the holder's name.
    pub fn holder_name(&self) -> HolderNamePolicy {
        self.0.holder
    }

    pub(super) fn attach(&self, field: FieldKind, iframe: HtmlIFrameElement) {
        self.0.ready[index(field)].set(false);
        self.0.ready_signals[index(field)].set(false);
        self.0.iframes.borrow_mut()[index(field)] = Some(iframe);
    }
}

/// Waits for the frame's answer or the timeout, whichever comes first.
pub(super) async fn futures_util_select(
    receiver: oneshot::Receiver<FrameToParent>,
    timeout: impl std::future::Future<Output = ()>,
) -> Option<FrameToParent> {
    use std::pin::pin;
    use std::task::Poll;
    let mut receiver = pin!(receiver);
    let mut timeout = pin!(timeout);
    std::future::poll_fn(|cx| {
        if let Poll::Ready(answer) = receiver.as_mut().poll(cx) {
            return Poll::Ready(answer.ok());
        }
        if timeout.as_mut().poll(cx).is_ready() {
            return Poll::Ready(None);
        }
        Poll::Pending
    })
    .await
}
