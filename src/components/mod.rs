//! Leptos components: one folder per payment method or piece of UI, shared bits in `internal`.

#[cfg(feature = "plain-card-form-outside-saq-a")]
pub mod card;
pub mod checkout;
pub mod dropin;
pub(crate) mod internal;
pub mod qr;
pub mod secure_card;
pub mod stored_card;
pub(crate) mod wallet;

pub use crate::controller::{PaymentController, PaymentSummary};
#[cfg(feature = "plain-card-form-outside-saq-a")]
pub use card::{CardForm, CardSummary};
pub use checkout::{Checkout, PaymentStatus, SaveCardChoice};
pub use dropin::DropIn;
pub use internal::CheckoutScope;
pub use qr::QrPanel;
pub use secure_card::{CardFormOptions, CardFrames, FieldTexts, SecureCardForm, SecureField};
pub use stored_card::{RemoveState, StoredCardForm};
