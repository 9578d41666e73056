//! Checks of the card fields, the expiry and the frame protocol (`paykka-core`).
//!
//! Uses only `paykka_core` and `std`, because `core/tests/fuzz_corpus.rs` includes this module
//! with `#[path]` to replay the corpus on stable. Every input is taken as text (invalid UTF-8
//! becomes U+FFFD, as a browser would show it).

mod dates;
mod envelope;
mod formatting;
mod frames;
mod number;

pub use dates::expiry;
pub use envelope::card_envelope;
pub use formatting::card_format;
pub use frames::frame_message;
pub use number::card_number;

use paykka_core::digits::ascii_digit;
use paykka_core::field::{self, FieldVerdict};
use paykka_core::frame_protocol::*;
use paykka_core::{
    Brand, CardNumber, CheckoutError, Expiry, HolderName, MAX_HOLDER_NAME_CHARS, SecurityCode,
    YearMonth, digits_only, reformat_card_number, reformat_cvv, reformat_expiry,
    reformat_expiry_on_delete,
};
use std::borrow::Cow;

fn text(data: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// Luhn over ASCII digits, written apart from the crate's own.
fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let d = d * 2;
                if d > 9 { d - 9 } else { d }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

fn length_ok(brand: Brand, len: usize) -> bool {
    u8::try_from(len).is_ok_and(|len| brand.lengths().contains(&len))
}

fn check_verdict(v: FieldVerdict) {
    assert!(
        !v.show || v.error.is_some(),
        "an error shown without an error: {v:?}"
    );
    assert!(
        !v.complete || v.error.is_none(),
        "complete yet invalid: {v:?}"
    );
    assert_eq!(v.visible_error(), v.error.filter(|_| v.show));
}

/// The caret, when the input starts with `<decimal>|`, and the text after it.
fn split_caret(data: &[u8]) -> (Option<usize>, &[u8]) {
    if let Some(bar) = data.iter().take(7).position(|&b| b == b'|')
        && let Some(caret) = std::str::from_utf8(&data[..bar])
            .ok()
            .and_then(|n| n.parse().ok())
    {
        return (Some(caret), &data[bar + 1..]);
    }
    (None, data)
}

/// Carets to try in a text of `units` UTF-16 units: every position (and one past the end)
/// for texts up to 32 units, a few for long ones, plus the one the input names.
fn carets(units: usize, given: Option<usize>) -> Vec<usize> {
    let mut out: Vec<usize> = if units <= 32 {
        (0..=units + 1).collect()
    } else {
        vec![0, 1, units / 2, units]
    };
    out.push(usize::MAX);
    out.extend(given);
    out
}

// ---------------------------------------------------------------------------------------------
// card_number: parsing the number, brand detection, CVV, holder name

fn check_caret_after_digit(value: &str, caret: usize) {
    assert!(caret <= value.len(), "caret {caret} beyond {value:?}");
    assert!(
        caret == 0 || value.as_bytes()[caret - 1].is_ascii_digit(),
        "caret {caret} not after a digit in {value:?}"
    );
}
