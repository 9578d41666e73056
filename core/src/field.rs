//! When a card field shows what: the rules between the core's verdicts and the shopper's eyes.
//!
//! The Drop-in's own fields and the secure card frames both judge with these functions, so an
//! error appears at the same moment and with the same message whichever renders the field.
//!
//! A verdict is shown only once it is fair to the shopper: after they leave the field, after
//! they submit, or when the field is as long as it can get and still wrong. An error never
//! appears on the first keystroke of a number that is merely incomplete.

use crate::{
    Brand, CardNumber, CheckoutError, Expiry, HolderName, SecurityCode, YearMonth, digits_only,
};

/// What one field looks like to the shopper right now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldVerdict {
    /// The core's verdict on the current value, `None` when valid.
    pub error: Option<CheckoutError>,
    /// Whether `error` should be shown (and announced) now.
    pub show: bool,
    /// Whether the value is valid and can take no more characters: focus may move on.
    pub complete: bool,
}

impl FieldVerdict {
    fn new(error: Option<CheckoutError>, touched: bool, full: bool) -> Self {
        Self {
            error,
            show: error.is_some() && (touched || full),
            complete: error.is_none() && full,
        }
    }

    /// The error to show now, if any.
    pub fn visible_error(&self) -> Option<CheckoutError> {
        self.error.filter(|_| self.show)
    }
}

/// The card number field: its brand (known from the first digits) and its verdict.
pub fn card_number(value: &str, touched: bool) -> (Brand, FieldVerdict) {
    let digits = digits_only(value);
    let brand = Brand::detect(&digits);
    let error = CardNumber::parse(&digits).err();
    let full =
        digits.len() >= usize::from(brand.max_length()) || is_usual_length(brand, digits.len());
    (brand, FieldVerdict::new(error, touched, full))
}

/// Visa numbers may be 13, 16 or 19 digits long, yet almost all are 16: at 16 digits a number is
/// judged (focus moves on, or its error shows) while the field still accepts three more digits.
fn is_usual_length(brand: Brand, len: usize) -> bool {
    match brand {
        Brand::Amex => len == 15,
        Brand::Diners => len == 14 || len == 16,
        _ => len == 16,
    }
}

/// The expiry field, judged against the shopper's current month.
pub fn expiry(value: &str, touched: bool, today: YearMonth) -> FieldVerdict {
    let error = Expiry::parse(value, today).err();
    let full = digits_only(value).len() >= 4;
    FieldVerdict::new(error, touched, full)
}

/// The security code field, whose length depends on the brand.
pub fn security_code(value: &str, brand: Brand, touched: bool) -> FieldVerdict {
    let error = SecurityCode::parse(value, brand).err();
    let full = digits_only(value).len() >= usize::from(brand.cvv_length());
    FieldVerdict::new(error, touched, full)
}

/// The cardholder name field.
///
/// A name holding any digit (any numeric character) is [`CheckoutError::HolderNameInvalid`] here, although
/// [`HolderName::parse`] alone accepts one beside letters: no embossed name has digits, a digit
/// there is most likely card data typed in the wrong field, and the frame protocol refuses to
/// carry a holder name with digits (the frame protocol's `HolderText`).
pub fn holder_name(value: &str, touched: bool) -> FieldVerdict {
    let error = match HolderName::parse(value) {
        Ok(_) if value.chars().any(char::is_numeric) => Some(CheckoutError::HolderNameInvalid),
        result => result.err(),
    };
    FieldVerdict::new(error, touched, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOV_2026: YearMonth = YearMonth::new(2026, 11);

    #[test]
    fn an_incomplete_number_shows_no_error_while_the_shopper_is_typing() {
        let (brand, verdict) = card_number("4242 42", false);
        assert_eq!(brand, Brand::Visa);
        assert_eq!(verdict.error, Some(CheckoutError::NumberIncomplete));
        assert_eq!(verdict.visible_error(), None);
    }

    #[test]
    fn an_incomplete_number_shows_its_error_once_the_shopper_leaves_the_field() {
        let (_, verdict) = card_number("4242 42", true);
        assert_eq!(
            verdict.visible_error(),
            Some(CheckoutError::NumberIncomplete)
        );
    }

    #[test]
    fn a_full_length_number_failing_luhn_shows_its_error_without_waiting_for_blur() {
        let (_, verdict) = card_number("4242 4242 4242 4241", false);
        assert_eq!(verdict.visible_error(), Some(CheckoutError::NumberInvalid));
        assert!(!verdict.complete);
    }

    #[test]
    fn valid_numbers_are_complete_at_their_usual_length() {
        for number in [
            "4242424242424242",
            "378282246310005",
            "36227206271667",
            "5555555555554444",
        ] {
            let (_, verdict) = card_number(number, false);
            assert!(verdict.complete, "{number}");
            assert_eq!(verdict.visible_error(), None, "{number}");
        }
    }

    #[test]
    fn expiry_in_the_past_is_shown_as_soon_as_it_is_fully_typed() {
        let verdict = expiry("10/26", false, NOV_2026);
        assert_eq!(verdict.visible_error(), Some(CheckoutError::ExpiryInPast));
        let verdict = expiry("11/26", false, NOV_2026);
        assert!(verdict.complete);
    }

    #[test]
    fn security_code_length_follows_the_brand() {
        assert!(security_code("123", Brand::Visa, false).complete);
        assert!(!security_code("123", Brand::Amex, false).complete);
        assert_eq!(
            security_code("123", Brand::Amex, true).visible_error(),
            Some(CheckoutError::CvvIncomplete)
        );
        assert!(security_code("1234", Brand::Amex, false).complete);
    }

    #[test]
    fn an_empty_holder_name_is_an_error_only_after_the_field_was_visited() {
        assert_eq!(holder_name("", false).visible_error(), None);
        assert_eq!(
            holder_name("", true).visible_error(),
            Some(CheckoutError::HolderNameEmpty)
        );
        assert_eq!(holder_name("Jane Doe", true).visible_error(), None);
    }

    #[test]
    fn a_holder_name_with_digits_is_invalid() {
        for name in ["Jane Doe 3", "J4ne", "Jane ٣", "Jane Doe²"] {
            assert_eq!(
                holder_name(name, true).visible_error(),
                Some(CheckoutError::HolderNameInvalid),
                "{name}"
            );
            assert_eq!(holder_name(name, false).visible_error(), None, "{name}");
        }
    }

    #[test]
    fn verdicts_never_show_an_error_on_a_valid_value() {
        let (_, v) = card_number("", false);
        assert_eq!(
            (v.error, v.show, v.complete),
            (Some(CheckoutError::NumberEmpty), false, false)
        );
        let (_, v) = card_number("", true);
        assert_eq!(v.visible_error(), Some(CheckoutError::NumberEmpty));
        assert_eq!(
            expiry("", true, NOV_2026).visible_error(),
            Some(CheckoutError::ExpiryEmpty)
        );
        assert_eq!(expiry("1", false, NOV_2026).visible_error(), None);
        assert_eq!(
            security_code("", Brand::Visa, true).visible_error(),
            Some(CheckoutError::CvvEmpty)
        );
        let v = holder_name("Jane Doe", true);
        assert!(!v.show && !v.complete && v.error.is_none());
    }
}
