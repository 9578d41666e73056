//! Digits as shoppers type or paste them: any Unicode decimal digit counts, since phones with
//! an Arabic, Persian or Devanagari keyboard, or a fullwidth IME, send those instead of ASCII.

/// First code point of every run of Unicode decimal digits (general category Nd), sorted.
///
/// Nd digits always come as runs of ten in order 0..=9, so knowing where a run starts is
/// enough to read any of its digits. Unicode 16.0.
const ZEROS: [u32; 76] = [
    0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
    0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
    0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10, 0x104A0, 0x10D30, 0x10D40, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450,
    0x114D0, 0x11650, 0x116C0, 0x116D0, 0x116DA, 0x11730, 0x118E0, 0x11950, 0x11BF0, 0x11C50,
    0x11D50, 0x11DA0, 0x11F50, 0x16130, 0x16A60, 0x16AC0, 0x16B50, 0x16D70, 0x1CCF0, 0x1D7CE,
    0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0, 0x1E5F1, 0x1E950, 0x1FBF0,
];

/// The ASCII digit (`b'0'..=b'9'`) for any Unicode decimal digit, `None` for anything else.
///
/// `'７'` (fullwidth), `'٧'` (Arabic-Indic), `'۷'` (Extended Arabic-Indic) and `'७'`
/// (Devanagari) all give `Some(b'7')`. Other numeric characters (`'½'`, `'Ⅶ'`, `'²'`) are not
/// decimal digits and give `None`.
pub fn ascii_digit(c: char) -> Option<u8> {
    if c.is_ascii_digit() {
        return Some(c as u8);
    }
    let cp = c as u32;
    let after = ZEROS.partition_point(|&z| z <= cp);
    let zero = *ZEROS.get(after.checked_sub(1)?)?;
    let offset = cp - zero;
    (offset < 10).then(|| b'0' + offset as u8)
}

/// The ASCII digits of `s`, everything else dropped: `"４２-٤٢ x"` gives `"4242"`.
pub fn digits_only(s: &str) -> String {
    s.chars().filter_map(ascii_digit).map(char::from).collect()
}

/// Separators shoppers put between digit groups of a card number; accepted and dropped.
pub(crate) fn is_separator(c: char) -> bool {
    matches!(c, '-' | '.' | '/' | '\u{2010}'..='\u{2015}' | '\u{2212}') || c.is_whitespace()
}

/// The digits of `raw`, each with whether it ends at or before `caret`, a UTF-16 offset as the
/// DOM's `selectionStart` gives it. A caret inside a surrogate pair counts the pair as after it.
pub(crate) fn digits_with_caret(raw: &str, caret: usize) -> impl Iterator<Item = (u8, bool)> + '_ {
    let mut end = 0usize;
    raw.chars().filter_map(move |c| {
        end += c.len_utf16();
        ascii_digit(c).map(|d| (d, end <= caret))
    })
}

/// A slice known to hold ASCII digits, as `&str`.
pub(crate) fn ascii_str(bytes: &[u8]) -> &str {
    core::str::from_utf8(bytes).unwrap_or("")
}

/// The lowercase hex digits, by value.
pub(crate) const LOWER_HEX: &[u8; 16] = b"0123456789abcdef";

/// `bytes` as lowercase hex, two digits each: the one hex writer of the checkout (idempotency
/// keys, envelope nonces, ids and digests on the servers).
pub fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(LOWER_HEX[usize::from(b >> 4)]));
        s.push(char::from(LOWER_HEX[usize::from(b & 15)]));
    }
    s
}

/// A run of this many consecutive digits may be a card number: the shortest is 12 digits
/// (ISO/IEC 7812, the shortest an unknown brand may have).
pub const PAN_DIGIT_RUN: usize = 12;

/// Whether `s` holds [`PAN_DIGIT_RUN`] or more consecutive (Unicode decimal) digits: the guard
/// of the frame protocol, which refuses any such value, and of the style values a frame is sent.
pub fn has_card_number_run(s: &str) -> bool {
    let mut run = 0usize;
    for c in s.chars() {
        if ascii_digit(c).is_some() {
            run += 1;
            if run >= PAN_DIGIT_RUN {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_run_of_the_table_is_ten_numeric_characters() {
        for zero in ZEROS {
            for i in 0..10 {
                let c = char::from_u32(zero + i).unwrap();
                assert!(c.is_numeric(), "U+{:04X}", zero + i);
                assert_eq!(ascii_digit(c), Some(b'0' + i as u8));
            }
        }
        assert!(ZEROS.windows(2).all(|w| w[0] + 10 <= w[1]));
    }

    #[test]
    fn scripts_shoppers_type_with_give_ascii_digits() {
        for s in [
            "0123456789",
            "０１２３４５６７８９",
            "٠١٢٣٤٥٦٧٨٩",
            "۰۱۲۳۴۵۶۷۸۹",
            "०१२३४५६७८९",
        ] {
            let out: Vec<u8> = s.chars().filter_map(ascii_digit).collect();
            assert_eq!(out, b"0123456789", "{s}");
        }
    }

    #[test]
    fn numeric_characters_that_are_not_decimal_digits_are_ignored() {
        for c in [
            '½',
            'Ⅶ',
            '²',
            '①',
            'a',
            ' ',
            '/',
            '\u{0}',
            char::MAX,
            '\u{FF1A}',
            '\u{1FBFA}',
        ] {
            assert_eq!(ascii_digit(c), None, "{c:?}");
        }
    }

    #[test]
    fn a_run_of_twelve_digits_of_any_script_looks_like_a_card_number() {
        assert!(!has_card_number_run("42424242424"));
        assert!(has_card_number_run("x424242424242"));
        assert!(has_card_number_run("٤٢٤٢٤٢٤٢٤٢٤٢"));
        assert!(!has_card_number_run("4242 4242 4242 4242"));
        assert!(!has_card_number_run(""));
    }

    #[test]
    fn a_caret_inside_a_surrogate_pair_leaves_the_pair_after_it() {
        // U+1D7D9 MATHEMATICAL DOUBLE-STRUCK DIGIT ONE takes two UTF-16 units.
        let raw = "4\u{1D7D9}2";
        let flags: Vec<_> = digits_with_caret(raw, 2).collect();
        assert_eq!(flags, [(b'4', true), (b'1', false), (b'2', false)]);
        let flags: Vec<_> = digits_with_caret(raw, usize::MAX).collect();
        assert!(flags.iter().all(|&(_, before)| before));
    }
}
