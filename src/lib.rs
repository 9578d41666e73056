//! PayKKa Checkout: Drop-in and Components for the PayKKa cashier, in Rust and WebAssembly.
//!
//! - [`core`]: card numbers, brands, expiry, security codes and money, in pure Rust (no DOM).
//! - [`components`]: the Leptos components a Rust app mounts directly.
//! - [`i18n`]: Fluent messages per locale and amounts through the browser's `Intl`.
//! - [`context::CheckoutContext`]: the one context a checkout mount shares.

pub use paykka_core as core;

pub mod api;
pub mod components;
pub mod context;
pub mod i18n;
mod small_map;

// The script-tag API; only the SDK bundle (`scripts/build-sdk.sh`) is built with it.
#[cfg(all(target_arch = "wasm32", feature = "js-api"))]
mod js_api;
