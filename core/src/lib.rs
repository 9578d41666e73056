//! Pure-Rust core of the PayKKa checkout: card brands, card numbers, expiry dates,
//! security codes, holder names and money.
//!
//! It has no dependencies and never touches the DOM, so that it stays small inside the wasm
//! bundle and can be tested natively. Every parser and formatter is total: whatever a shopper
//! types or pastes, the functions here return a value or a [`CheckoutError`], never panic.

#![forbid(unsafe_code)]

mod brand;
mod card_number;
mod cvv;
pub mod digits;
mod error;
mod expiry;
mod format;
mod holder;
mod money;

pub use brand::Brand;
pub use card_number::CardNumber;
pub use cvv::SecurityCode;
pub use error::CheckoutError;
pub use expiry::{Expiry, YearMonth};
pub use format::{
    Reformatted, reformat_card_number, reformat_cvv, reformat_expiry, reformat_expiry_on_delete,
};
pub use holder::HolderName;
pub use money::{Amount, Currency, currency_exponent};
