//! Live reformatting of the card fields while the shopper types, pastes or deletes.
//!
//! Each function takes the field's raw value and its caret (`selectionStart`, a UTF-16 offset)
//! and returns the value to put back and where to put the caret. The caret stays after the same
//! typed digits it was after, whatever separators were added or removed around them.

use crate::Brand;
use crate::card_number::MAX_PAN;
use crate::digits::{ascii_digit, digits_with_caret};

/// A reformatted field value and its caret.
///
/// `value` is ASCII, so `caret` is both a char and a UTF-16 offset; it is at most
/// `value.len()`.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Reformatted {
    /// The value to put back into the field.
    pub value: String,
    /// Where to put the caret (`setSelectionRange(caret, caret)`).
    pub caret: usize,
}

/// Collects up to `N` digits of `raw`, and how many of them are before `caret`.
fn collect<const N: usize>(raw: &str, caret: usize) -> ([u8; N], usize, usize) {
    let mut digits = [0u8; N];
    let mut len = 0;
    let mut before = 0;
    for (d, is_before) in digits_with_caret(raw, caret) {
        let Some(slot) = digits.get_mut(len) else {
            break;
        };
        *slot = d;
        len += 1;
        before += usize::from(is_before);
    }
    (digits, len, before)
}

/// Card number as the shopper should see it: digits grouped for the brand
/// (`4242 4242 4242 4242`, `3782 822463 10005`), cut at the brand's longest length.
///
/// Spaces, dashes, dots, letters and anything else are dropped; Unicode digits become ASCII.
pub fn reformat_card_number(raw: &str, caret: usize) -> Reformatted {
    let (digits, len, before) = collect::<MAX_PAN>(raw, caret);
    let typed = digits.get(..len).unwrap_or(&[]);
    let brand = Brand::detect_ascii(typed);
    let kept = typed
        .get(..usize::from(brand.max_length()))
        .unwrap_or(typed);
    let before = before.min(kept.len());

    let mut value = String::with_capacity(kept.len() + 4);
    let mut out_caret = 0;
    let mut sizes = brand.groups(kept.len()).iter().map(|&g| usize::from(g));
    let mut group_left = sizes.next().unwrap_or(usize::MAX);
    for (i, &d) in kept.iter().enumerate() {
        if group_left == 0 {
            value.push(' ');
            group_left = sizes.next().unwrap_or(usize::MAX);
        }
        value.push(char::from(d));
        group_left = group_left.saturating_sub(1);
        if i + 1 == before {
            out_caret = value.len();
        }
    }
    Reformatted {
        value,
        caret: out_caret,
    }
}

/// Security code as typed: digits only, cut at the brand's longest code.
pub fn reformat_cvv(raw: &str, caret: usize, brand: Brand) -> Reformatted {
    let (digits, len, before) = collect::<4>(raw, caret);
    let kept = digits
        .get(..len.min(usize::from(brand.cvv_length())))
        .unwrap_or(&[]);
    Reformatted {
        caret: before.min(kept.len()),
        value: kept.iter().map(|&d| char::from(d)).collect(),
    }
}

/// Expiry date while typing or pasting, shaped `MM/YY`.
///
/// - A first digit 2-9 can only be a month: `"4"` becomes `"04/"`.
/// - `"1"` stays `"1"` (October to December may follow), but `"13"` becomes `"01/3"` and
///   `"1/"` becomes `"01/"`.
/// - The slash comes as soon as the month is complete: `"12"` becomes `"12/"`.
/// - A pasted four-digit year is shortened: `"12/2030"` becomes `"12/30"`.
///
/// The caret goes right after the last digit the shopper typed before it, which is before an
/// auto-inserted slash: a backspace then removes that digit rather than bouncing off a slash
/// that comes back each time. For deletions, [`reformat_expiry_on_delete`] also drops the slash.
pub fn reformat_expiry(raw: &str, caret: usize) -> Reformatted {
    expiry(raw, caret, true)
}

/// [`reformat_expiry`] for a deletion (the `input` event's `inputType` starts with `delete`).
///
/// It leaves out the trailing slash when no year digit follows, and does not move a lone `1`
/// into `01`: otherwise deleting the slash of `"12/"`, or the `2` of `"12/3"`, would put back
/// what the shopper just removed.
pub fn reformat_expiry_on_delete(raw: &str, caret: usize) -> Reformatted {
    expiry(raw, caret, false)
}

fn expiry(raw: &str, caret: usize, typing: bool) -> Reformatted {
    // Six digits is MMYYYY, the longest shape a paste can have.
    let mut digits = [0u8; 6];
    let mut len = 0;
    let mut before = 0;
    let mut slash_after_first = false;
    let mut end = 0usize;
    for c in raw.chars() {
        end += c.len_utf16();
        if let Some(d) = ascii_digit(c) {
            let Some(slot) = digits.get_mut(len) else {
                break;
            };
            *slot = d;
            len += 1;
            before += usize::from(end <= caret);
        } else if len == 1 && !c.is_alphanumeric() {
            slash_after_first = true;
        }
    }
    let typed = digits.get(..len).unwrap_or(&[]);
    let Some((&first, rest)) = typed.split_first() else {
        return Reformatted::default();
    };
    let second = rest.first().copied();

    let pad = first >= b'2'
        || (typing && first == b'1' && (slash_after_first || matches!(second, Some(b'3'..=b'9'))));
    let month_len = if pad || second.is_none() { 1 } else { 2 };
    let month_complete = pad || month_len == 2;
    let year = typed.get(month_len..).unwrap_or(&[]);
    // A four-digit year: keep its last two digits.
    let (year_start, year) = match year.get(2..4) {
        Some(yy) if year.len() >= 4 => (month_len + 2, yy),
        _ => (month_len, year.get(..2).unwrap_or(year)),
    };

    let mut value = String::with_capacity(5);
    let mut out_caret = 0;
    let mut push = |value: &mut String, src: usize, d: u8| {
        value.push(char::from(d));
        if src < before {
            out_caret = value.len();
        }
    };
    if pad {
        value.push('0');
    }
    for (i, &d) in typed.iter().take(month_len).enumerate() {
        push(&mut value, i, d);
    }
    if month_complete && (typing || !year.is_empty()) {
        value.push('/');
    }
    for (i, &d) in year.iter().enumerate() {
        push(&mut value, year_start + i, d);
    }
    Reformatted {
        value,
        caret: out_caret,
    }
}
