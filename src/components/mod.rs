//! Leptos components: one folder per payment method or piece of UI, shared bits in `internal`.

pub mod card;
pub mod internal;

pub use card::{CardForm, CardSummary};
pub use internal::CheckoutScope;
