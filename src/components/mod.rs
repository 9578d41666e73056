//! Leptos components: one folder per payment method or piece of UI, shared bits in `internal`.

pub mod card;
pub mod dropin;
pub mod internal;
pub mod secure_card;

pub use card::{CardForm, CardSummary};
pub use dropin::{DropIn, PaymentSummary};
pub use secure_card::{CardFrames, SecureCardForm};
pub use internal::CheckoutScope;
