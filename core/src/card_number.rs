use core::fmt;
use core::str::FromStr;

use crate::digits::{ascii_digit, ascii_str, is_separator};
use crate::{Brand, CheckoutError};

/// Longest card number any brand allows.
pub(crate) const MAX_PAN: usize = 19;
/// Shortest card number any brand allows (an unknown brand's, ISO/IEC 7812).
pub(crate) const MIN_PAN: usize = 12;

/// A card number that passed every check the browser can make: digits only, a length valid
/// for its brand, and the Luhn checksum.
///
/// It only comes out of [`CardNumber::parse`]. There is deliberately no `Display` and no
/// serialisation: the clear value leaves only through [`CardNumber::digits`], for encryption,
/// and `Debug` masks it, so a stray log line cannot leak it.
#[derive(Clone, PartialEq, Eq)]
pub struct CardNumber {
    digits: [u8; MAX_PAN],
    len: u8,
    brand: Brand,
}

impl CardNumber {
    /// Parses a card number as typed or pasted: any Unicode decimal digits, with spaces,
    /// dashes or dots between them. Any other character makes it
    /// [`CheckoutError::NumberInvalid`].
    pub fn parse(input: &str) -> Result<CardNumber, CheckoutError> {
        let mut digits = [0u8; MAX_PAN];
        let mut len = 0usize;
        let mut overflow = false;
        for c in input.chars() {
            if let Some(d) = ascii_digit(c) {
                match digits.get_mut(len) {
                    Some(slot) => {
                        *slot = d;
                        len += 1;
                    }
                    None => overflow = true,
                }
            } else if !is_separator(c) {
                return Err(CheckoutError::NumberInvalid);
            }
        }
        let typed = digits.get(..len).unwrap_or(&[]);
        if typed.is_empty() {
            return Err(CheckoutError::NumberEmpty);
        }
        let brand = Brand::detect_ascii(typed);
        if overflow || len > usize::from(brand.max_length()) {
            return Err(CheckoutError::NumberTooLong);
        }
        // Between two valid lengths the shopper may still be typing: incomplete, not invalid.
        if !brand.lengths().iter().any(|&l| usize::from(l) == len) {
            return Err(CheckoutError::NumberIncomplete);
        }
        if !luhn_valid(typed) {
            return Err(CheckoutError::NumberInvalid);
        }
        Ok(CardNumber {
            digits,
            len: len as u8,
            brand,
        })
    }

    /// The brand detected from the number's IIN.
    pub fn brand(&self) -> Brand {
        self.brand
    }

    /// The clear card number, ASCII digits only.
    ///
    /// This is the only way to the clear value. Call it for the encryption step and nowhere
    /// else: anything built from it must be treated as cardholder data.
    pub fn digits(&self) -> &str {
        ascii_str(self.digits.get(..usize::from(self.len)).unwrap_or(&[]))
    }

    /// The last four digits, safe to show and to send with the ciphertext.
    pub fn last4(&self) -> &str {
        let d = self.digits();
        d.get(d.len().saturating_sub(4)..).unwrap_or("")
    }

    /// The leading digits the page may know (the BIN, cut by [`revealed_head`]): six for a
    /// number of 16 digits or more, fewer for shorter ones. Safe to show and to send with the
    /// ciphertext.
    pub fn bin(&self) -> &str {
        self.digits()
            .get(..revealed_head(self.digits().len()))
            .unwrap_or("")
    }

    /// Fails with [`CheckoutError::NumberUnsupported`] unless the brand is among `accepted`.
    pub fn check_accepted(&self, accepted: &[Brand]) -> Result<(), CheckoutError> {
        if accepted.contains(&self.brand) {
            Ok(())
        } else {
            Err(CheckoutError::NumberUnsupported)
        }
    }
}

impl FromStr for CardNumber {
    type Err = CheckoutError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl fmt::Debug for CardNumber {
    /// Prints what [`revealed_head`] and the last four allow (`424242******4242`, and
    /// `37828*****10005` for a 15-digit number): at least six digits stay hidden.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let len = usize::from(self.len);
        let shown_head = revealed_head(len);
        let mut masked = self.digits;
        for (i, d) in masked.iter_mut().enumerate() {
            if i >= shown_head && i + 4 < len {
                *d = b'*';
            }
        }
        f.write_str(core::str::from_utf8(masked.get(..len).unwrap_or(&[])).unwrap_or(""))
    }
}

/// How many leading digits of a `len`-digit card number may be revealed beside its last four:
/// six from 16 digits on, and for shorter numbers as many as leave six digits hidden (15: five,
/// 14: four, 13: three, 12: two). The one truncation rule: `Debug`, the frames' `bin6` and
/// anything shown to the page follow it.
pub const fn revealed_head(len: usize) -> usize {
    let head = len.saturating_sub(4 + HIDDEN_AT_LEAST);
    if head < 6 { head } else { 6 }
}

/// Digits of a card number never revealed, whatever its length (from 12 digits on).
pub const HIDDEN_AT_LEAST: usize = 6;

/// Whether `s` reads as a card number in clear: 12 to 19 ASCII digits, spaces and dashes
/// allowed between them, passing the Luhn check. The servers refuse such a value wherever a card
/// number has no business (free text, browser-facing routes).
///
/// Broader than [`CardNumber::parse`], since any card length counts whatever the brand, and
/// narrower than the frame protocol's guard,
/// [`has_card_number_run`](crate::digits::has_card_number_run), which needs no checksum.
pub fn looks_like_card_number(s: &str) -> bool {
    let mut digits = [0u8; MAX_PAN];
    let mut len = 0usize;
    for b in s.bytes() {
        match b {
            b' ' | b'-' => {}
            b'0'..=b'9' => match digits.get_mut(len) {
                Some(slot) => {
                    *slot = b;
                    len += 1;
                }
                None => return false,
            },
            _ => return false,
        }
    }
    len >= MIN_PAN && luhn_valid(digits.get(..len).unwrap_or(&[]))
}

/// The Luhn (mod 10) checksum over ASCII digits.
pub(crate) fn luhn_valid(digits: &[u8]) -> bool {
    let mut sum = 0u32;
    for (i, &d) in digits.iter().rev().enumerate() {
        let mut v = u32::from(d.wrapping_sub(b'0'));
        if i % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_brand_length_keeps_at_least_six_digits_hidden_and_debug_reveals_no_more() {
        // (length, leading digits revealed): the table a reviewer checks against PCI DSS.
        let table = [
            (12, 2),
            (13, 3),
            (14, 4),
            (15, 5),
            (16, 6),
            (17, 6),
            (18, 6),
            (19, 6),
        ];
        for (len, head) in table {
            assert_eq!(revealed_head(len), head, "{len}");
        }
        for brand in Brand::ALL.iter().copied().chain([Brand::Unknown]) {
            for &len in brand.lengths() {
                let len = usize::from(len);
                let hidden = len - revealed_head(len) - 4;
                assert!(
                    hidden >= HIDDEN_AT_LEAST,
                    "{brand:?} {len}: {hidden} hidden"
                );
            }
        }
        // Real numbers of each length: Debug and bin() say exactly what the rule allows.
        for (pan, debug, bin) in [
            ("4242424242424242", "424242******4242", "424242"),
            ("378282246310005", "37828******0005", "37828"),
            ("36227206271667", "3622******1667", "3622"),
            ("4222222222222", "422******2222", "422"),
            ("6200000000000005", "620000******0005", "620000"),
        ] {
            let n = CardNumber::parse(pan).unwrap();
            assert_eq!((format!("{n:?}").as_str(), n.bin()), (debug, bin), "{pan}");
            assert_eq!(
                format!("{n:?}").bytes().filter(|b| *b == b'*').count(),
                pan.len() - 4 - bin.len()
            );
        }
    }

    #[test]
    fn debug_masks_everything_but_the_bin_and_last_four() {
        let n = CardNumber::parse("4242 4242 4242 4242").unwrap();
        assert_eq!(format!("{n:?}"), "424242******4242");
        assert_eq!(format!("{:?}", Some(&n)), "Some(424242******4242)");
        let amex = CardNumber::parse("378282246310005").unwrap();
        assert_eq!(format!("{amex:?}"), "37828******0005");
        let diners = CardNumber::parse("36227206271667").unwrap();
        assert_eq!(format!("{diners:?}"), "3622******1667");
    }

    #[test]
    fn debug_of_a_twelve_digit_number_keeps_six_digits_hidden() {
        // 12 digits, Unknown brand, Luhn-valid.
        let n = CardNumber::parse("990000000002").unwrap();
        assert_eq!(n.brand(), Brand::Unknown);
        assert_eq!(format!("{n:?}"), "99******0002");
    }

    #[test]
    fn a_clear_card_number_is_12_to_19_digits_passing_luhn_spaces_and_dashes_allowed() {
        for pan in [
            "4242424242424242",
            "4242 4242 4242 4242",
            "4242-4242-4242-4242",
            "990000000002",
            "4000000000000000006",
            // Any card length counts, whatever the brand: a Visa has no 14-digit numbers.
            "42424242424242",
        ] {
            assert!(looks_like_card_number(pan), "{pan}");
        }
        for not_pan in [
            "",
            "4242424242424241",
            "99000000002",
            "40000000000000000002",
            "4242.4242.4242.4242",
            "４２４２４２４２４２４２４２４２",
            "pkenc.v2.abc.def",
            "x4242424242424242",
        ] {
            assert!(!looks_like_card_number(not_pan), "{not_pan}");
        }
    }

    #[test]
    fn the_frames_digit_run_guard_starts_at_the_shortest_card_number() {
        assert_eq!(crate::digits::PAN_DIGIT_RUN, MIN_PAN);
        assert_eq!(
            Brand::Unknown.lengths().first().copied(),
            Some(MIN_PAN as u8)
        );
        assert_eq!(
            Brand::Unknown.lengths().last().copied(),
            Some(MAX_PAN as u8)
        );
    }

    #[test]
    fn accepted_brands_gate_the_number() {
        let n = CardNumber::parse("4242424242424242").unwrap();
        assert_eq!(n.check_accepted(&[Brand::Visa, Brand::Amex]), Ok(()));
        assert_eq!(
            n.check_accepted(&[Brand::Amex]),
            Err(CheckoutError::NumberUnsupported)
        );
    }
}
