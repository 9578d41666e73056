//! The split points of the SDK's wasm: code a new-card payment does not need, loaded on demand.
//!
//! The script-tag SDK is built with `--cfg paykka_split` (`scripts/build-sdk.sh`): each function
//! declared here with `split_point!` then lands in a chunk of its name (a separate `.wasm`,
//! SRI-checked like the rest, see `sdk/core.js`), fetched the first time it is called or
//! preloaded. Every other build (the demo's Rust Drop-in, the crate as a dependency, the tests)
//! compiles the same functions in, and calling one costs nothing more than a ready future.
//!
//! A chunk that cannot be loaded is an `Err(ChunkUnavailable)`, never a panic: the caller shows
//! that one thing as unavailable and the card path keeps working.
//!
//! The splitting macro (`wasm_split_helpers`, Leptos's `#[lazy]` runtime, used directly for its
//! `fallible` option: `#[lazy]` traps when a chunk fails to load) writes `unsafe` FFI glue;
//! `split_point!` puts it in a module of its own, the one place the crate allows it.

use leptos::prelude::*;
use leptos::task::spawn_local;
use paykka_core::CheckoutError;
use paykka_core::appearance::Appearance;
use paykka_core::methods::{MethodFlow, PaymentMethod};

use crate::components::qr::QrPanel;

/// A chunk of the SDK's wasm could not be loaded (network, or its integrity hash did not match).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChunkUnavailable;

impl From<leptos::wasm_split::SplitLoaderError> for ChunkUnavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkUnavailable
    }
}

impl From<ChunkUnavailable> for CheckoutError {
    fn from(_: ChunkUnavailable) -> Self {
        CheckoutError::MethodUnavailable
    }
}

/// Declares `async fn name(args) -> Result<T, E>` (`E: From<SplitLoaderError>`) whose body is
/// in the chunk `chunk` of the split build, and plainly compiled in elsewhere; and
/// `async fn preload() -> Result<(), SplitLoaderError>`, which loads the chunk without calling
/// anything. Usable anywhere in the crate (`crate::chunks::split_point!`), so that a split
/// point sits beside the view it splits; several functions may share a chunk.
///
/// The splitter's FFI glue is `unsafe`: it is generated in a module of its own, the one place
/// the crate allows unsafe code.
macro_rules! split_point {
    ($chunk:ident, $preload:ident: $(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        #[cfg(paykka_split)]
        #[allow(unsafe_code)]
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible, preload(
                #[doc = concat!("Loads the chunk of [`", stringify!($name), "`] ahead of its first call.")]
                $preload
            ))]
            $(#[$meta])*
            pub fn $name($($arg: $ty),*) -> $ret $body
        }
        #[cfg(paykka_split)]
        #[allow(unused_imports)]
        $vis use $name::{$name, $preload};

        #[cfg(not(paykka_split))]
        $(#[$meta])*
        $vis async fn $name($($arg: $ty),*) -> $ret $body

        #[doc = concat!("Loads the chunk of [`", stringify!($name), "`] ahead of its first call (compiled in: nothing to load).")]
        #[cfg(not(paykka_split))]
        #[allow(dead_code)]
        $vis async fn $preload() -> Result<(), leptos::wasm_split::SplitLoaderError> {
            Ok(())
        }
    };
}
pub(crate) use split_point;

/// Why an appearance was not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AppearanceRefused {
    /// The merchant's appearance is not valid: what is wrong with it.
    Invalid(String),
    /// Its parser's chunk could not be loaded.
    Unavailable,
}

impl From<ChunkUnavailable> for AppearanceRefused {
    fn from(_: ChunkUnavailable) -> Self {
        AppearanceRefused::Unavailable
    }
}

impl From<leptos::wasm_split::SplitLoaderError> for AppearanceRefused {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        AppearanceRefused::Unavailable
    }
}

/// An appearance as the merchant gives it: a theme, variables and rules, each a name and a value.
#[derive(Clone, Debug, Default)]
pub struct AppearanceSource {
    /// `light`, `dark`, or none.
    pub theme: Option<String>,
    /// Variable name to value.
    pub variables: Vec<(String, String)>,
    /// Selector, property, value.
    pub rules: Vec<(String, String, String)>,
}

split_point! { appearance, preload_appearance:
    /// Checks the merchant's appearance (colours, lengths and fonts only) and makes it ours.
    pub fn parse_appearance(source: AppearanceSource) -> Result<Appearance, AppearanceRefused> {
        Appearance::parse(
            source.theme.as_deref(),
            source.variables.iter().map(|(n, v)| (n.as_str(), v.as_str())),
            source.rules.iter().map(|(s, p, v)| (s.as_str(), p.as_str(), v.as_str())),
        )
        .map_err(|e| AppearanceRefused::Invalid(e.to_string()))
    }
}

/// What the QR panel shows (see [`QrPanel`]'s props).
pub struct QrPanelParts {
    /// The wallet, from the catalogue.
    pub method: PaymentMethod,
    /// What the QR code holds.
    pub payload: String,
    /// The amount as the shopper reads it.
    pub amount: String,
    /// When the code stops working (RFC 3339).
    pub expires_at: Option<String>,
    /// Called once when the countdown reaches zero.
    pub on_expired: Callback<()>,
    /// True while the backend cannot be reached.
    pub reconnecting: Signal<bool>,
}

split_point! { qr, preload_qr:
    /// The QR code to scan, with its countdown: the QR encoder and the panel.
    pub fn qr_panel(parts: QrPanelParts) -> Result<AnyView, ChunkUnavailable> {
        Ok(view! {
            <QrPanel
                method=parts.method
                payload=parts.payload
                amount=parts.amount
                expires_at=parts.expires_at.unwrap_or_default()
                on_expired=parts.on_expired
                reconnecting=parts.reconnecting
            />
        }
        .into_any())
    }
}

/// Starts loading, alongside the first render, the chunks the session's `methods` will need; a
/// chunk that cannot be loaded makes its methods `unavailable` (shown so, not offered).
pub fn preload_for_session(
    methods: &[&'static PaymentMethod],
    unavailable: RwSignal<Vec<&'static str>>,
) {
    let qr: Vec<&'static str> = methods
        .iter()
        .filter(|m| m.flow == MethodFlow::Qr)
        .map(|m| m.code)
        .collect();
    if !qr.is_empty() {
        spawn_local(async move {
            if preload_qr().await.is_err() {
                let _ = unavailable.try_update(|u| u.extend(qr));
            }
        });
    }
}
