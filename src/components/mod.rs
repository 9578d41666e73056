//! Leptos components: one folder per payment method or piece of UI, shared bits in `internal`.

pub mod card;
pub mod dropin;
pub mod internal;
pub mod qr;
pub mod secure_card;
pub mod stored_card;
pub mod wallet;

pub use card::{CardForm, CardSummary};
pub use dropin::{DropIn, PaymentSummary};
pub use internal::CheckoutScope;
pub use qr::QrPanel;
pub use secure_card::{CardFrames, SecureCardForm, SecureField};
pub use stored_card::{RemoveState, StoredCardForm};
