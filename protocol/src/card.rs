//! Card number checks the sandbox needs: Luhn and brand by IIN.

/// Card brands, named as the gateway's `card_brand`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Brand {
    Visa,
    Mastercard,
    Amex,
    Jcb,
    Discover,
    Diners,
    UnionPay,
}

impl Brand {
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

    pub const ALL: [Brand; 7] = [
        Brand::Visa,
        Brand::Mastercard,
        Brand::Amex,
        Brand::Jcb,
        Brand::Discover,
        Brand::Diners,
        Brand::UnionPay,
    ];

    /// Valid PAN lengths of the brand.
    pub fn lengths(self) -> &'static [usize] {
        match self {
            Brand::Visa => &[13, 16, 19],
            Brand::Mastercard => &[16],
            Brand::Amex => &[15],
            Brand::Jcb => &[16, 17, 18, 19],
            Brand::Discover => &[16, 17, 18, 19],
            Brand::Diners => &[14, 15, 16, 17, 18, 19],
            Brand::UnionPay => &[16, 17, 18, 19],
        }
    }

    pub fn cvv_len(self) -> usize {
        if self == Brand::Amex { 4 } else { 3 }
    }
}

fn prefix(pan: &str, n: usize) -> Option<u32> {
    pan.get(..n)?.parse().ok()
}

/// Brand of a PAN (digits only) by its IIN, or `None`.
pub fn brand(pan: &str) -> Option<Brand> {
    if pan.is_empty() || !pan.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let p1 = prefix(pan, 1);
    let p2 = prefix(pan, 2);
    let p3 = prefix(pan, 3);
    let p4 = prefix(pan, 4);
    let p6 = prefix(pan, 6);
    if p2.is_some_and(|p| p == 34 || p == 37) {
        return Some(Brand::Amex);
    }
    if p4.is_some_and(|p| (3528..=3589).contains(&p)) {
        return Some(Brand::Jcb);
    }
    if p3.is_some_and(|p| (300..=305).contains(&p))
        || p4 == Some(3095)
        || p2.is_some_and(|p| p == 36 || p == 38 || p == 39)
    {
        return Some(Brand::Diners);
    }
    if p2.is_some_and(|p| (51..=55).contains(&p))
        || p6.is_some_and(|p| (222100..=272099).contains(&p))
    {
        return Some(Brand::Mastercard);
    }
    if p4 == Some(6011) || p3.is_some_and(|p| (644..=649).contains(&p)) || p2 == Some(65) {
        return Some(Brand::Discover);
    }
    if p2 == Some(62) || p2 == Some(81) {
        return Some(Brand::UnionPay);
    }
    if p1 == Some(4) {
        return Some(Brand::Visa);
    }
    None
}

/// Luhn checksum of a digit string.
pub fn luhn_valid(pan: &str) -> bool {
    if pan.len() < 2 || !pan.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let sum: u32 = pan
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let d2 = d * 2;
                if d2 > 9 { d2 - 9 } else { d2 }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// A PAN is acceptable when it is all digits, passes Luhn and has a length of its brand.
pub fn validate_pan(pan: &str) -> Option<Brand> {
    let b = brand(pan)?;
    (luhn_valid(pan) && b.lengths().contains(&pan.len())).then_some(b)
}

/// Does this string look like a card number in clear (12 to 19 digits, spaces or dashes
/// allowed, passing Luhn)? Used to refuse clear PANs on browser-facing routes.
pub fn looks_like_pan(s: &str) -> bool {
    let digits: String = s.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    (12..=19).contains(&digits.len()) && luhn_valid(&digits)
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
        assert_eq!(validate_pan(""), None);
        assert!(looks_like_pan("4242 4242 4242 4242"));
        assert!(!looks_like_pan("pkenc.v2.abc.def"));
    }
}
