//! The field's value: formatting as the shopper types, the state sent to the parent, and the
//! checked value to encrypt.

use js_sys::Object;
use paykka_core::field::{self, FieldVerdict};
use paykka_core::frame_protocol::{
    Bin, FieldKind, FieldState, FrameToParent, HolderText, Last4, encode,
};
use paykka_core::{
    Brand, CardNumber, CheckoutError, Expiry, HolderName, Reformatted, SecurityCode, YearMonth,
    reformat_card_number, reformat_cvv, reformat_expiry, reformat_expiry_on_delete,
};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Event, InputEvent};

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

    /// The caret (`selectionStart`), or the end of `raw` when the input has none.
    fn caret(&self, raw: &str) -> usize {
        self.input
            .selection_start()
            .ok()
            .flatten()
            .map_or(raw.encode_utf16().count(), |c| c as usize)
    }

    /// Puts `shown` in the input if it differs from `raw`, and (`caret`) the caret where it
    /// says: not in a field without focus, which some browsers would focus for that.
    fn show(&self, raw: &str, shown: &Reformatted, caret: bool) {
        if shown.value != raw {
            self.input.set_value(&shown.value);
        }
        if caret {
            let at = u32::try_from(shown.caret).unwrap_or(u32::MAX);
            let _ = self.input.set_selection_range(at, at);
        }
    }

    pub(crate) fn on_input(&self, ev: &Event) {
        let raw = self.input.value();
        let deleting = ev
            .dyn_ref::<InputEvent>()
            .is_some_and(|e| e.input_type().starts_with("delete"));
        if let Some(shown) = reformat(
            self.kind,
            &raw,
            self.caret(&raw),
            deleting,
            self.brand.get(),
        ) {
            self.show(&raw, &shown, true);
        }
        self.send_state(false);
    }

    /// Takes over the page's input as the wasm starts: what the shopper typed before is
    /// formatted as if it had been typed now (the caret after the same digits), focus kept; a
    /// field left with something in it counts as touched (its blur came before the wasm).
    pub(crate) fn adopt(&self, document: &Document) {
        // The page's focus, not only its element's: a frame the shopper left keeps its
        // `activeElement`.
        let focused = document.has_focus().unwrap_or(false)
            && document
                .active_element()
                .is_some_and(|e| Object::is(&e, &self.input));
        self.focused.set(focused);
        let raw = self.input.value();
        if raw.is_empty() {
            return;
        }
        self.touched.set(!focused);
        if let Some(shown) = reformat(self.kind, &raw, self.caret(&raw), false, self.brand.get()) {
            self.show(&raw, &shown, focused);
        }
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

/// The field's value as the shopper should see it after an edit (`deleting`: the `input`
/// event's `inputType` starts with `delete`), with the caret after the same digits; `None` for
/// the holder, shown as typed. `brand` is the CVV's.
pub(crate) fn reformat(
    kind: FieldKind,
    raw: &str,
    caret: usize,
    deleting: bool,
    brand: Brand,
) -> Option<Reformatted> {
    match kind {
        FieldKind::Number => Some(reformat_card_number(raw, caret)),
        FieldKind::Expiry if deleting => Some(reformat_expiry_on_delete(raw, caret)),
        FieldKind::Expiry => Some(reformat_expiry(raw, caret)),
        FieldKind::Cvv => Some(reformat_cvv(raw, caret, brand)),
        FieldKind::Holder => None,
    }
}

/// A value checked and ready to encrypt.
pub(crate) enum Clear {
    Number(String, Brand, Bin, Last4),
    /// Month `01`-`12` and four-digit year, as the gateway takes them.
    Expiry(String, String),
    Cvv(String),
    Holder(HolderText),
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `|` marks the caret: what the shopper typed before the wasm (or now), what is shown after.
    fn check(kind: FieldKind, deleting: bool, brand: Brand, typed: &str, shown: &str) {
        let caret = typed.find('|').expect("a caret in the typed value");
        let raw = typed.replace('|', "");
        let caret16 = raw.get(..caret).unwrap_or("").encode_utf16().count();
        let got = reformat(kind, &raw, caret16, deleting, brand);
        let got = got.map(|r| {
            let mut v = r.value.clone();
            v.insert(r.caret, '|');
            v
        });
        assert_eq!(got.as_deref(), Some(shown), "{kind:?} {typed:?}");
    }

    #[test]
    fn typed_before_the_wasm_is_formatted_with_the_caret_after_the_same_digits() {
        use FieldKind::{Cvv, Expiry, Number};
        let u = Brand::Unknown;
        for (kind, typed, shown) in [
            // The whole test card typed at full speed: grouped, caret at the end.
            (Number, "4242424242424242|", "4242 4242 4242 4242|"),
            // Part of it, still typing.
            (Number, "42424|", "4242 4|"),
            (Number, "4242|", "4242|"),
            (Number, "|", "|"),
            // The caret moved back by the shopper: after the same digits.
            (Number, "4242|4242", "4242| 4242"),
            (Number, "42|4242424242", "42|42 4242 4242"),
            (Number, "|4242424242424242", "|4242 4242 4242 4242"),
            // Pasted with separators, or formatted already (autofill).
            (Number, "4242-4242 4242.4242|", "4242 4242 4242 4242|"),
            (Number, "4242 4242 4242 4242|", "4242 4242 4242 4242|"),
            // American Express grouping, and digits past the brand's longest cut.
            (Number, "378282246310005|", "3782 822463 10005|"),
            (Number, "37828224631000599|", "3782 822463 10005|"),
            // Letters dropped, Unicode digits made ASCII; the caret counts UTF-16 units.
            (Number, "42a42|", "4242|"),
            (Number, "４２４２４|", "4242 4|"),
            (Expiry, "1230|", "12/30|"),
            (Expiry, "12/30|", "12/30|"),
            (Expiry, "1|230", "1|2/30"),
            (Cvv, "12345|", "1234|"),
            (Cvv, "1|23", "1|23"),
        ] {
            check(kind, false, u, typed, shown);
        }
        check(Cvv, false, Brand::Visa, "12345|", "123|");
        check(Expiry, true, u, "12/|", "12|");
    }

    #[test]
    fn the_holder_is_left_as_typed() {
        assert_eq!(
            reformat(FieldKind::Holder, "Jane Doe", 8, false, Brand::Unknown),
            None
        );
    }
}
