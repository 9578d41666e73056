//! The names the JS API is made of (its options, components and JS-only error codes), in a
//! module that also compiles natively: the JS API itself (`js_api`, wasm and `js-api` only)
//! reads them, and a native test checks them against the published declarations
//! (`sdk/paykka-checkout.d.ts`) and the loader (`sdk/core.js`), so an option, a component, an
//! error code, a custom element, an attribute or an event present in one and not the other
//! fails `cargo test`.

/// Every option `PaykkaCheckout.create()` takes; any other key is a `TypeError` naming it. The
/// members of the `.d.ts`'s `CheckoutOptions`, exactly.
pub(crate) const KNOWN_OPTIONS: &[&str] = &[
    "sessionId",
    "backendUrl",
    "locale",
    "returnUrl",
    "allowStoredCardRemoval",
    "onReady",
    "onChange",
    "onFocus",
    "onBlur",
    "onValidityChange",
    "onAdditionalAction",
    "onPaymentCompleted",
    "onPaymentFailed",
    "onError",
    "onSubmit",
    "onExpired",
    "showPayButton",
    "holderName",
    "labels",
    "placeholders",
    "paymentMethodsConfiguration",
    "allowPaymentMethods",
    "removePaymentMethods",
    "translations",
    "appearance",
];

/// The components `checkout.create(kind)` makes: the `.d.ts`'s `ComponentKind`.
pub(crate) const COMPONENT_KINDS: &[&str] = &["cardNumber", "expiry", "cvv", "holderName", "card"];

/// `submit()` rejected because fields need attention (each says what is wrong beside it).
pub(crate) const INVALID_FIELDS: &str = "invalid_fields";

/// The error codes only the JS API has, beside every `CheckoutError::code`: together the
/// `.d.ts`'s `ErrorCode`.
#[cfg(test)]
const JS_ONLY_ERROR_CODES: &[&str] = &[INVALID_FIELDS];

#[cfg(test)]
mod tests;
