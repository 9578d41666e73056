//! Card number checks the sandbox needs, on the facts of `paykka_core`, their one home (brand
//! ranges, lengths, security code lengths, Luhn, the clear-card-number guard): this module adds
//! only the gateway's names for the brands and the strictness of a number sent as data.

use paykka_core::CardNumber;

/// Does this string look like a card number in clear (12 to 19 digits, spaces or dashes
/// allowed, passing Luhn)? Used to refuse clear PANs on browser-facing routes.
pub use paykka_core::looks_like_card_number as looks_like_pan;

/// Card brands, named as the gateway's `card_brand`: those of [`paykka_core::Brand`] but
/// `Unknown`, which the gateway declines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Brand {
    /// Visa: `VISA`.
    Visa,
    /// Mastercard (51-55 and 2221-2720): `MASTERCARD`.
    Mastercard,
    /// American Express, 15 digits and a 4-digit security code: `AMEX`.
    Amex,
    /// JCB: `JCB`.
    Jcb,
    /// Discover: `DISCOVER`.
    Discover,
    /// Diners Club: `DINERS`.
    Diners,
    /// UnionPay: `UNIONPAY`.
    UnionPay,
}

impl Brand {
    /// Every brand the gateway takes.
    pub const ALL: [Brand; 7] = [
        Brand::Visa,
        Brand::Mastercard,
        Brand::Amex,
        Brand::Jcb,
        Brand::Discover,
        Brand::Diners,
        Brand::UnionPay,
    ];

    /// The gateway's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Brand::Visa => "VISA",
            Brand::Mastercard => "MASTERCARD",
            Brand::Amex => "AMEX",
            Brand::Jcb => "JCB",
            Brand::Discover => "DISCOVER",
            Brand::Diners => "DINERS",
            Brand::UnionPay => "UNIONPAY",
        }
    }

    /// The core's brand, which knows the brand's ranges and lengths.
    pub const fn core(self) -> paykka_core::Brand {
        match self {
            Brand::Visa => paykka_core::Brand::Visa,
            Brand::Mastercard => paykka_core::Brand::Mastercard,
            Brand::Amex => paykka_core::Brand::Amex,
            Brand::Jcb => paykka_core::Brand::Jcb,
            Brand::Discover => paykka_core::Brand::Discover,
            Brand::Diners => paykka_core::Brand::Diners,
            Brand::UnionPay => paykka_core::Brand::UnionPay,
        }
    }

    /// The gateway's brand of a core brand; `None` for `Unknown`.
    pub fn from_core(brand: paykka_core::Brand) -> Option<Brand> {
        Self::ALL.into_iter().find(|b| b.core() == brand)
    }

    /// Length of the brand's security code.
    pub fn cvv_len(self) -> usize {
        usize::from(self.core().cvv_length())
    }
}

/// A PAN is acceptable when it is all ASCII digits (no separators: it arrives as data, not as
/// typed), of a known brand, of a length of that brand, and passes Luhn.
pub fn validate_pan(pan: &str) -> Option<Brand> {
    if !pan.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Brand::from_core(CardNumber::parse(pan).ok()?.brand())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brief_test_cards() {
        let cases = [
            ("4242424242424242", Brand::Visa),
            ("5555555555554444", Brand::Mastercard),
            ("2223003122003222", Brand::Mastercard),
            ("378282246310005", Brand::Amex),
            ("3530111333300000", Brand::Jcb),
            ("6011111111111117", Brand::Discover),
            ("3056930009020004", Brand::Diners),
            ("36227206271667", Brand::Diners),
            ("6200000000000005", Brand::UnionPay),
            ("4000002760003184", Brand::Visa),
            ("4000008400001629", Brand::Visa),
            ("4000000000000002", Brand::Visa),
            ("4000000000009995", Brand::Visa),
        ];
        for (pan, b) in cases {
            assert_eq!(validate_pan(pan), Some(b), "{pan}");
        }
    }

    #[test]
    fn rejects_bad_numbers() {
        assert_eq!(validate_pan("4242424242424241"), None);
        assert_eq!(validate_pan("424242424242424"), None);
        assert_eq!(validate_pan("42424242a2424242"), None);
        assert_eq!(validate_pan("4242 4242 4242 4242"), None);
        assert_eq!(validate_pan("４２４２４２４２４２４２４２４２"), None);
        assert_eq!(validate_pan(""), None);
        // Luhn-valid, of no known brand.
        assert_eq!(validate_pan("9900000000000002"), None);
        assert!(looks_like_pan("4242 4242 4242 4242"));
        assert!(!looks_like_pan("pkenc.v2.abc.def"));
    }

    /// This module once had its own brand table, where every `81` number was UnionPay; the core
    /// (and so the checkout the shopper typed into) knows only `8100` to `8171`.
    #[test]
    fn unionpay_81_numbers_are_8100_to_8171_as_in_the_core() {
        assert_eq!(validate_pan("8100000000000002"), Some(Brand::UnionPay));
        assert_eq!(validate_pan("8171000000000006"), Some(Brand::UnionPay));
        assert_eq!(validate_pan("8172000000000005"), None);
        assert_eq!(validate_pan("8199000000000004"), None);
    }

    #[test]
    fn every_brand_is_the_cores_with_its_security_code_length() {
        for b in Brand::ALL {
            assert_eq!(Brand::from_core(b.core()), Some(b));
            assert_eq!(b.cvv_len(), if b == Brand::Amex { 4 } else { 3 });
        }
        assert_eq!(Brand::from_core(paykka_core::Brand::Unknown), None);
    }
}
