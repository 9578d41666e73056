//! PayKKa Checkout: Drop-in and Components for the PayKKa cashier, in Rust and WebAssembly.
//!
//! - [`components`]: the Leptos components a Rust app mounts: the whole [`DropIn`], or a
//!   [`Checkout`] around the merchant's own layout of secure fields.
//! - [`controller`]: the [`PaymentController`] every mode pays through (submit, 3-D Secure, QR
//!   codes, wallets, saved cards, results).
//! - [`core`]: card numbers, brands, expiry, security codes and money, in pure Rust (no DOM);
//!   its [`CheckoutError`] is every error a shopper can meet.
//! - [`api`]: the client of the merchant backend's small JSON API.
//! - [`i18n`]: Fluent messages per locale and amounts through the browser's `Intl`. en-US is
//!   compiled in; the other locales are files of this crate, `locales/<tag>/checkout.ftl`, which
//!   an app serves at `/locales/<tag>/checkout.ftl` (or names with [`i18n::set_locale_source`]).
//! - [`context::CheckoutContext`]: the one context a checkout mount shares.
//! - [`STYLESHEET`] and [`PaykkaStyles`]: the components' CSS with the theme, to serve or apply.
//!
//! ```no_run
//! use leptos::prelude::*;
//! use paykka_checkout::components::{DropIn, PaymentSummary};
//!
//! // The session comes from the merchant's backend (`POST /api/sessions` with the cart):
//! // the amount and the shopper are the server's, never the page's.
//! leptos::mount::mount_to_body(|| view! {
//!     <DropIn
//!         session_id="CS0123"
//!         on_payment_completed=|payment: PaymentSummary| {
//!             leptos::logging::log!("paid, order {:?}", payment.order_id)
//!         }
//!     />
//! });
//! ```
//!
//! [`DropIn`]: components::DropIn
//! [`Checkout`]: components::Checkout
//! [`PaymentController`]: controller::PaymentController
//! [`CheckoutError`]: core::CheckoutError

#![warn(missing_docs)]

pub use paykka_core as core;
pub use paykka_core::CheckoutError;

pub mod api;
pub mod chunks;
pub mod components;
pub mod context;
pub mod controller;
pub mod i18n;
mod small_map;
mod styles;

pub use styles::{PaykkaStyles, STYLESHEET};

// The script-tag API; only the SDK bundle (`scripts/build-sdk.sh`) is built with it.
#[cfg(all(target_arch = "wasm32", feature = "js-api"))]
mod js_api;
// Its names (options, components, JS-only error codes), native too: checked against the
// published declarations by a native test.
#[cfg(any(test, all(target_arch = "wasm32", feature = "js-api")))]
mod js_api_names;
