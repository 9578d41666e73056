use core::fmt;
use core::str::FromStr;

use crate::digits::{ascii_digit, ascii_str, is_separator};
use crate::{Brand, CheckoutError};

/// Longest card number any brand allows.
pub(crate) const MAX_PAN: usize = 19;

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

    /// The first six digits (the BIN), safe to show and to send with the ciphertext.
    pub fn bin6(&self) -> &str {
        self.digits().get(..6).unwrap_or("")
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
    /// Prints the first six and last four digits only (`424242******4242`). Shorter numbers
    /// show fewer leading digits, so that at least four digits always stay hidden.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let len = usize::from(self.len);
        let shown_head = 6.min(len.saturating_sub(8));
        let mut masked = self.digits;
        for (i, d) in masked.iter_mut().enumerate() {
            if i >= shown_head && i + 4 < len {
                *d = b'*';
            }
        }
        f.write_str(core::str::from_utf8(masked.get(..len).unwrap_or(&[])).unwrap_or(""))
    }
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
    fn debug_masks_everything_but_the_bin_and_last_four() {
        let n = CardNumber::parse("4242 4242 4242 4242").unwrap();
        assert_eq!(format!("{n:?}"), "424242******4242");
        assert_eq!(format!("{:?}", Some(&n)), "Some(424242******4242)");
        let amex = CardNumber::parse("378282246310005").unwrap();
        assert_eq!(format!("{amex:?}"), "378282*****0005");
        let diners = CardNumber::parse("36227206271667").unwrap();
        assert_eq!(format!("{diners:?}"), "362272****1667");
    }

    #[test]
    fn debug_of_a_twelve_digit_number_keeps_four_digits_hidden() {
        // 12 digits, Unknown brand, Luhn-valid.
        let n = CardNumber::parse("990000000002").unwrap();
        assert_eq!(n.brand(), Brand::Unknown);
        assert_eq!(format!("{n:?}"), "9900****0002");
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
