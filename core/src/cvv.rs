use core::fmt;

use crate::digits::{ascii_digit, ascii_str};
use crate::{Brand, CheckoutError};

/// A card security code (CVV/CVC/CID) of the right length for its brand.
///
/// `Debug` prints `***`; the clear value leaves only through [`SecurityCode::digits`].
#[derive(Clone, PartialEq, Eq)]
pub struct SecurityCode {
    digits: [u8; 4],
    len: u8,
}

impl SecurityCode {
    /// Parses a security code for `brand`: exactly its length (3, or 4 for Amex; 3 or 4 when
    /// the brand is unknown). Surrounding whitespace is ignored, Unicode digits accepted.
    pub fn parse(input: &str, brand: Brand) -> Result<SecurityCode, CheckoutError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(CheckoutError::CvvEmpty);
        }
        // Too long and not digits also read as "incomplete": the field's reformatting makes
        // both impossible there, so only a merchant's own field can send them.
        let wrong = CheckoutError::CvvIncomplete;
        let mut digits = [0u8; 4];
        let mut len = 0usize;
        for c in input.chars() {
            *digits.get_mut(len).ok_or(wrong)? = ascii_digit(c).ok_or(wrong)?;
            len += 1;
        }
        if !brand.cvv_lengths().iter().any(|&l| usize::from(l) == len) {
            return Err(wrong);
        }
        Ok(SecurityCode {
            digits,
            len: len as u8,
        })
    }

    /// The clear code, ASCII digits only. Only for the encryption step.
    pub fn digits(&self) -> &str {
        ascii_str(self.digits.get(..usize::from(self.len)).unwrap_or(&[]))
    }
}

impl fmt::Debug for SecurityCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}
