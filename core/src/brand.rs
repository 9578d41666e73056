use crate::digits::ascii_digit;

/// A card scheme, as far as the checkout needs to know it: how to recognise it from the first
/// digits, how long its numbers and security codes are and how to group its digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Brand {
    /// Visa.
    Visa,
    /// Mastercard, 2-series included.
    Mastercard,
    /// American Express.
    Amex,
    /// JCB.
    Jcb,
    /// Discover.
    Discover,
    /// Diners Club (International and the ranges Discover processes).
    Diners,
    /// UnionPay, the 622126-622925 Discover co-brand included.
    UnionPay,
    /// No known range matches (yet): the number may still be valid, from a scheme we do not
    /// recognise, so it keeps the generic ISO/IEC 7812 rules.
    Unknown,
}

/// IIN ranges: `(low, high, digits, brand)` where `low..=high` bounds the first `digits`
/// digits. The ranges are disjoint, so at most one matches.
///
/// 622126-622925 (Discover's acceptance of UnionPay cards in the US) is deliberately not a
/// Discover range: those cards are issued by UnionPay, carry its logo and follow its rules,
/// so they stay inside the UnionPay `62` range.
const RANGES: [(u32, u32, u8, Brand); 15] = [
    (4, 4, 1, Brand::Visa),
    (51, 55, 2, Brand::Mastercard),
    (2221, 2720, 4, Brand::Mastercard),
    (34, 34, 2, Brand::Amex),
    (37, 37, 2, Brand::Amex),
    (3528, 3589, 4, Brand::Jcb),
    (6011, 6011, 4, Brand::Discover),
    (644, 649, 3, Brand::Discover),
    (65, 65, 2, Brand::Discover),
    (300, 305, 3, Brand::Diners),
    (3095, 3095, 4, Brand::Diners),
    (36, 36, 2, Brand::Diners),
    (38, 39, 2, Brand::Diners),
    (62, 62, 2, Brand::UnionPay),
    (8100, 8171, 4, Brand::UnionPay),
];

/// Longest IIN prefix in [`RANGES`].
const PREFIX_DIGITS: usize = 4;

impl Brand {
    /// Every brand, [`Brand::Unknown`] last.
    pub const ALL: &'static [Brand] = &[
        Self::Visa,
        Self::Mastercard,
        Self::Amex,
        Self::Jcb,
        Self::Discover,
        Self::Diners,
        Self::UnionPay,
        Self::Unknown,
    ];

    /// Stable lowercase identifier, for the API, CSS classes and icon names.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Visa => "visa",
            Self::Mastercard => "mastercard",
            Self::Amex => "amex",
            Self::Jcb => "jcb",
            Self::Discover => "discover",
            Self::Diners => "diners",
            Self::UnionPay => "unionpay",
            Self::Unknown => "unknown",
        }
    }

    /// The brand's own spelling of its name (not translated: brand names are not); `"Card"`
    /// for [`Brand::Unknown`].
    pub const fn display_name(self) -> &'static str {
        match self {
            Self::Visa => "Visa",
            Self::Mastercard => "Mastercard",
            Self::Amex => "American Express",
            Self::Jcb => "JCB",
            Self::Discover => "Discover",
            Self::Diners => "Diners Club",
            Self::UnionPay => "UnionPay",
            Self::Unknown => "Card",
        }
    }

    /// The brand from its [`code`](Self::code).
    pub fn from_code(code: &str) -> Option<Brand> {
        Self::ALL.iter().copied().find(|b| b.code() == code)
    }

    /// Valid card number lengths, ascending.
    pub const fn lengths(self) -> &'static [u8] {
        match self {
            Self::Visa => &[13, 16, 19],
            Self::Mastercard => &[16],
            Self::Amex => &[15],
            Self::Jcb | Self::Discover | Self::UnionPay => &[16, 17, 18, 19],
            Self::Diners => &[14, 15, 16, 17, 18, 19],
            Self::Unknown => &[12, 13, 14, 15, 16, 17, 18, 19],
        }
    }

    /// Longest valid card number; input is cut there while typing.
    pub const fn max_length(self) -> u8 {
        match self {
            Self::Mastercard => 16,
            Self::Amex => 15,
            _ => 19,
        }
    }

    /// Valid security code lengths, ascending. An unknown brand may use either.
    pub const fn cvv_lengths(self) -> &'static [u8] {
        match self {
            Self::Amex => &[4],
            Self::Unknown => &[3, 4],
            _ => &[3],
        }
    }

    /// Longest valid security code; input is cut there while typing.
    pub const fn cvv_length(self) -> u8 {
        match self {
            Self::Amex | Self::Unknown => 4,
            _ => 3,
        }
    }

    /// Sizes of the digit groups for a number of `len` digits.
    ///
    /// Diners numbers switch from 4-6-4 to 4-4-4-4-3 at the fifteenth digit: while typing, the
    /// final length is not known, and 14 digits is the common case for the classic ranges.
    pub const fn groups(self, len: usize) -> &'static [u8] {
        match self {
            Self::Amex => &[4, 6, 5],
            Self::Diners if len <= 14 => &[4, 6, 4],
            _ => &[4, 4, 4, 4, 3],
        }
    }

    /// The brand of a (possibly partial) card number.
    ///
    /// Non-digits are skipped, so formatted input works. A brand is only reported once the
    /// digits typed so far can only belong to it: `"2"` is [`Brand::Unknown`] (it could become
    /// `2221`, a Mastercard, or `2000`, nothing known) while `"23"` is already Mastercard.
    pub fn detect(digits: &str) -> Brand {
        let mut prefix = [0u8; PREFIX_DIGITS];
        let mut len = 0;
        for (slot, d) in prefix
            .iter_mut()
            .zip(digits.chars().filter_map(ascii_digit))
        {
            *slot = d;
            len += 1;
        }
        Self::detect_ascii(prefix.get(..len).unwrap_or(&[]))
    }

    /// [`Brand::detect`] over ASCII digits; only the first four are looked at.
    pub(crate) fn detect_ascii(digits: &[u8]) -> Brand {
        for &(low, high, width, brand) in &RANGES {
            let width = usize::from(width);
            let typed = digits.len().min(width);
            if typed == 0 {
                return Brand::Unknown;
            }
            let mut first = 0u32;
            for &d in digits.iter().take(typed) {
                first = first * 10 + u32::from(d.wrapping_sub(b'0'));
            }
            // Every number starting with the typed digits has its first `width` digits
            // between `first * scale` and `first * scale + scale - 1`.
            let scale = 10u32.pow((width - typed) as u32);
            if low <= first * scale && first * scale + scale - 1 <= high {
                return brand;
            }
        }
        Brand::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_do_not_overlap() {
        for (i, a) in RANGES.iter().enumerate() {
            for b in &RANGES[i + 1..] {
                let width = a.2.max(b.2);
                let widen = |(low, high, w, _): (u32, u32, u8, Brand)| {
                    let scale = 10u32.pow(u32::from(width - w));
                    (low * scale, high * scale + scale - 1)
                };
                let (a_low, a_high) = widen(*a);
                let (b_low, b_high) = widen(*b);
                assert!(a_high < b_low || b_high < a_low, "{a:?} overlaps {b:?}");
            }
        }
        assert!(
            RANGES
                .iter()
                .all(|r| usize::from(r.2) <= PREFIX_DIGITS && r.0 <= r.1)
        );
    }

    #[test]
    fn code_round_trips_for_every_brand() {
        for &brand in Brand::ALL {
            assert_eq!(Brand::from_code(brand.code()), Some(brand));
        }
        assert_eq!(Brand::from_code("VISA"), None);
    }

    #[test]
    fn max_lengths_match_the_longest_valid_length() {
        for &brand in Brand::ALL {
            assert_eq!(Some(&brand.max_length()), brand.lengths().last());
            assert_eq!(Some(&brand.cvv_length()), brand.cvv_lengths().last());
            assert!(brand.lengths().windows(2).all(|w| w[0] < w[1]));
            for &len in brand.lengths() {
                let covered: usize = brand
                    .groups(len.into())
                    .iter()
                    .map(|&g| usize::from(g))
                    .sum();
                assert!(covered >= usize::from(len), "{brand:?} {len}");
            }
        }
    }
}
