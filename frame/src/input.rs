//! The field's value: formatting as the shopper types, the state sent to the parent, and the
//! checked value to encrypt.

use paykka_core::field::{self, FieldVerdict};
use paykka_core::frame_protocol::{
    Bin, FieldKind, FieldState, FrameToParent, HolderText, Last4, encode,
};
use paykka_core::{
    Brand, CardNumber, CheckoutError, Expiry, HolderName, SecurityCode, YearMonth,
    reformat_card_number, reformat_cvv, reformat_expiry, reformat_expiry_on_delete,
};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Event, InputEvent};

use crate::Frame;

fn today() -> YearMonth {
    let now = js_sys::Date::new_0();
    YearMonth::new(now.get_full_year() as u16, now.get_month() as u8 + 1)
}

impl Frame {
    fn verdict(&self, value: &str) -> (Option<Brand>, FieldVerdict) {
        let touched = self.touched.get();
        match self.kind {
            FieldKind::Number => {
                let (brand, verdict) = field::card_number(value, touched);
                (Some(brand), verdict)
            }
            FieldKind::Expiry => (None, field::expiry(value, touched, today())),
            FieldKind::Cvv => (None, field::security_code(value, self.brand.get(), touched)),
            FieldKind::Holder => (None, field::holder_name(value, touched)),
        }
    }

    /// Sends the field's state unless it is the one sent last (or `force`), and mirrors it in
    /// `aria-invalid`.
    pub(crate) fn send_state(&self, force: bool) {
        let value = self.input.value();
        let (brand, verdict) = self.verdict(&value);
        let error = verdict.visible_error();
        let _ = self.input.set_attribute(
            "aria-invalid",
            if error.is_some() { "true" } else { "false" },
        );
        let msg = FrameToParent::State {
            field: self.kind,
            state: FieldState {
                empty: value.trim().is_empty(),
                complete: verdict.complete,
                valid: verdict.error.is_none(),
                focused: self.focused.get(),
                error,
                brand,
            },
        };
        let data = encode(&self.channel, &msg);
        if force || *self.last_state.borrow() != data {
            let _ = self
                .parent
                .post_message(&JsValue::from_str(&data), self.origin.as_str());
            *self.last_state.borrow_mut() = data;
        }
    }

    pub(crate) fn on_input(&self, ev: &Event) {
        let raw = self.input.value();
        let caret = self
            .input
            .selection_start()
            .ok()
            .flatten()
            .map_or(raw.encode_utf16().count(), |c| c as usize);
        let deleting = ev
            .dyn_ref::<InputEvent>()
            .is_some_and(|e| e.input_type().starts_with("delete"));
        let shown = match self.kind {
            FieldKind::Number => Some(reformat_card_number(&raw, caret)),
            FieldKind::Expiry if deleting => Some(reformat_expiry_on_delete(&raw, caret)),
            FieldKind::Expiry => Some(reformat_expiry(&raw, caret)),
            FieldKind::Cvv => Some(reformat_cvv(&raw, caret, self.brand.get())),
            FieldKind::Holder => None,
        };
        if let Some(shown) = shown {
            if shown.value != raw {
                self.input.set_value(&shown.value);
            }
            let caret = u32::try_from(shown.caret).unwrap_or(u32::MAX);
            let _ = self.input.set_selection_range(caret, caret);
        }
        self.send_state(false);
    }

    /// What to encrypt, read and checked now (the shopper may type on while WebCrypto works).
    pub(crate) fn clear_values(&self) -> Result<Clear, CheckoutError> {
        let value = self.input.value();
        if let Some(error) = self.verdict(&value).1.error {
            return Err(error);
        }
        Ok(match self.kind {
            FieldKind::Number => {
                let n = CardNumber::parse(&value)?;
                let summary = (Bin::new(n.bin()), Last4::new(n.last4()));
                let (Some(bin), Some(last4)) = summary else {
                    return Err(CheckoutError::NumberInvalid);
                };
                Clear::Number(n.digits().to_owned(), n.brand(), bin, last4)
            }
            FieldKind::Expiry => {
                let e = Expiry::parse(&value, today())?;
                let (m, y) = (e.month(), e.year());
                let month = [b'0' + m / 10, b'0' + m % 10];
                let year = [y / 1000, y / 100 % 10, y / 10 % 10, y % 10].map(|d| b'0' + d as u8);
                Clear::Expiry(ascii(&month), ascii(&year))
            }
            FieldKind::Cvv => Clear::Cvv(
                SecurityCode::parse(&value, self.brand.get())?
                    .digits()
                    .to_owned(),
            ),
            FieldKind::Holder => {
                let name = HolderName::parse(&value)?;
                Clear::Holder(
                    HolderText::new(name.as_str()).ok_or(CheckoutError::HolderNameInvalid)?,
                )
            }
        })
    }
}

fn ascii(digits: &[u8]) -> String {
    digits.iter().map(|&d| char::from(d)).collect()
}

/// A value checked and ready to encrypt.
pub(crate) enum Clear {
    Number(String, Brand, Bin, Last4),
    /// Month `01`-`12` and four-digit year, as the gateway takes them.
    Expiry(String, String),
    Cvv(String),
    Holder(HolderText),
}
