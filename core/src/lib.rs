//! Pure-Rust core of the PayKKa checkout: card brands, card numbers, expiry dates,
//! security codes, holder names and money.
//!
//! It has no dependencies and never touches the DOM, so that it stays small inside the wasm
//! bundle and can be tested natively. Every parser and formatter is total: whatever a shopper
//! types or pastes, the functions here return a value or a [`CheckoutError`], never panic.
//!
//! ```
//! use paykka_core::{Brand, CardNumber, Expiry, YearMonth, reformat_card_number};
//!
//! // The shopper pasted a number with dashes; the caret was at the end (UTF-16 offset 19).
//! let shown = reformat_card_number("4242-4242-4242-4242", 19);
//! assert_eq!((shown.value.as_str(), shown.caret), ("4242 4242 4242 4242", 19));
//!
//! let number = CardNumber::parse(&shown.value).unwrap();
//! assert_eq!((number.brand(), number.last4()), (Brand::Visa, "4242"));
//! assert_eq!(format!("{number:?}"), "424242******4242");
//!
//! let expiry = Expiry::parse("04/29", YearMonth::new(2026, 11)).unwrap();
//! assert_eq!((expiry.month(), expiry.year()), (4, 2029));
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod appearance;
mod brand;
pub mod browser_info;
pub mod card_envelope;
mod card_number;
mod cvv;
pub mod digits;
mod error;
mod expiry;
pub mod field;
pub mod flow;
mod format;
pub mod frame_protocol;
mod holder;
pub mod messages;
pub mod methods;
mod money;
pub mod random;
pub mod style_values;

pub use brand::Brand;
pub use card_number::{CardNumber, HIDDEN_AT_LEAST, looks_like_card_number, revealed_head};
pub use cvv::SecurityCode;
pub use digits::digits_only;
pub use error::CheckoutError;
pub use expiry::{Expiry, YearMonth};
pub use format::{
    Reformatted, reformat_card_number, reformat_cvv, reformat_expiry, reformat_expiry_on_delete,
};
pub use holder::{HolderName, HolderNamePolicy, MAX_HOLDER_NAME_CHARS};
pub use money::{Amount, Currency, currency_exponent};
