//! The talk with the parent: messages sent to it, messages taken from it (only its own, on the
//! fragment's channel), and the answer to `encrypt`.

use std::rc::Rc;

use js_sys::Object;
use paykka_core::frame_protocol::{
    Configure, Encrypted, FailReason, FieldKind, FrameToParent, ParentToFrame,
    decode_parent_message, encode,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::spawn_local;
use web_sys::MessageEvent;

use crate::Frame;
use crate::input::Clear;

impl Frame {
    pub(crate) fn post(&self, msg: &FrameToParent) {
        let data = encode(&self.channel, msg);
        let _ = self
            .parent
            .post_message(&JsValue::from_str(&data), self.origin.as_str());
    }

    pub(crate) fn on_message(self: &Rc<Self>, ev: &MessageEvent) {
        let from_parent = ev.source().is_some_and(|s| Object::is(&s, &self.parent));
        if !from_parent || ev.origin() != self.origin.as_str() {
            return;
        }
        let Some(data) = ev.data().as_string() else {
            return;
        };
        let Ok((channel, msg)) = decode_parent_message(&data) else {
            return;
        };
        if channel != self.channel {
            return;
        }
        match msg {
            ParentToFrame::Configure(c) => self.configure(&c),
            ParentToFrame::Brand { brand } => {
                if self.kind == FieldKind::Cvv && !self.brand_fixed.get() {
                    self.brand.set(brand);
                    self.send_state(false);
                }
            }
            ParentToFrame::Focus => {
                let _ = self.input.focus();
            }
            ParentToFrame::Touch => {
                self.touched.set(true);
                self.send_state(true);
            }
            ParentToFrame::Clear => {
                self.input.set_value("");
                self.touched.set(false);
                self.send_state(false);
            }
            ParentToFrame::Encrypt { req } => {
                let frame = self.clone();
                spawn_local(async move { frame.encrypt(req).await });
            }
        }
    }

    /// `configure`: the checkout bound, label, placeholder, locale, look, and a stored card's
    /// brand.
    fn configure(&self, c: &Configure) {
        if c.binding.is_some() {
            *self.binding.borrow_mut() = c.binding.clone();
        }
        let _ = self.input.set_attribute("aria-label", c.label.as_str());
        match &c.placeholder {
            Some(p) => self.input.set_placeholder(p.as_str()),
            None => {
                let _ = self.input.remove_attribute("placeholder");
            }
        }
        if let Some(root) = self.window.document().and_then(|d| d.document_element()) {
            let _ = root.set_attribute("lang", c.locale.as_str());
            // The parent's look, checked again by the decoder: values only, through
            // CSSOM (one property each, so nothing can add a declaration).
            if let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() {
                for (var, value) in &c.style.0 {
                    let _ = root
                        .style()
                        .set_property(var.frame_property(), value.as_str());
                }
            }
        }
        if self.kind == FieldKind::Cvv {
            if let Some(brand) = c.brand {
                self.brand.set(brand);
            }
            self.brand_fixed.set(c.brand.is_some());
        }
        self.send_state(false);
    }

    async fn encrypt(self: Rc<Self>, req: u32) {
        let field = self.kind;
        let fail = |reason, error| FrameToParent::Failed {
            req,
            field,
            reason,
            error,
        };
        let clear = match self.clear_values() {
            Ok(clear) => clear,
            Err(error) => {
                self.touched.set(true);
                self.send_state(true);
                self.post(&fail(FailReason::Invalid, Some(error)));
                return;
            }
        };
        let value = match clear {
            Clear::Holder(holder) => Ok(Encrypted::Holder { holder }),
            clear => self.seal(clear).await,
        };
        match value {
            Ok(value) => self.post(&FrameToParent::Encrypted { req, value }),
            Err(reason) => self.post(&fail(reason, None)),
        }
    }
}
