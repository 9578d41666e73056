//! When the card form shows what: the verdict rules live in the core ([`paykka_core::field`]) so
//! that the Drop-in's fields and the secure card frames judge a value identically.

pub use paykka_core::field::*;
