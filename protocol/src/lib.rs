//! Wire types and request signing shared by the PayKKa sandbox gateway and the reference
//! merchant backend.
//!
//! * [`sign`]: the RSA keys that sign and verify, and v1.2's signature: SHA256withRSA over
//!   `merchantId=<id>&timestamp=<ms>&requestBody=<exact body>`, base64 in header `signature`,
//!   with `type: RSA256` and `version: v1.2`.
//! * [`cardenc`]: the `pkenc.v2.<kid>.<base64url>` envelope of card fields (RSA-OAEP SHA-256).
//! * [`types`]: request and response bodies of the gateway API (`ret_code` / `ret_msg` / `data`).
//! * [`api`]: the two API generations (v3 `x-paykka-*` headers and `/v3/payment/acq/...` paths,
//!   and v1.2), their paths, headers and the v3 signing string.
//! * [`order`]: the order's objects (goods, addresses, customer, browser, 3-D Secure).
//! * [`card`], [`money`], [`time`]: brands and PAN checks (on the card facts of `paykka_core`),
//!   currencies and minor units, RFC 3339.
//! * [`ret`] and [`decline`]: the gateway's `ret_code`s and the transactions' `error_code`s.

#![warn(missing_docs)]

/// Lowercase hex, written once in the core.
pub use paykka_core::digits::hex;

#[macro_use]
mod wire;

pub mod api;
pub mod card;
pub mod cardenc;
pub mod money;
pub mod order;
pub mod sign;
pub mod time;
pub mod types;

/// The RSA crate the keys of [`sign`] and [`cardenc`] are made of, so that users name the
/// same version.
pub use rsa;

/// Header names of both API generations (see [`api`]).
pub use api::headers;
pub use api::{ApiVersion, Operation};

/// `ret_code` values: PayKKa's documented ones, then the sandbox's own (all listed in
/// `sandbox/README.md`). A refusal is answered with one of them and no `data`.
pub mod ret {
    // PayKKa's documented `ret_code`s ("Response codes" of its API reference).

    /// The request was accepted: `data` holds the answer (a declined payment is a success too,
    /// with its own `error_code`).
    pub const SUCCESS: &str = "000000";
    /// PayKKa's "system error": a fault on the gateway's side; the request may be retried.
    pub const INTERNAL_ERROR: &str = "999999";
    /// "Invalid request": a body that is not JSON or does not fit the operation's schema (an
    /// unknown member, a wrong type).
    pub const INVALID_REQUEST: &str = "010000";
    /// "Invalid API version": the `version` / `type` or `x-paykka-sign-alg` headers are wrong,
    /// or the other generation's headers were sent.
    pub const INVALID_API_VERSION: &str = "206001";
    /// "Signature missing": no signature header (v3 also: no appid, nonce or millisecond
    /// timestamp).
    pub const SIGNATURE_MISSING: &str = "206002";
    /// "Signature error": the signature does not verify with any of the merchant's public keys.
    pub const SIGNATURE_INVALID: &str = "206003";
    /// "Signature expired": the signed time is more than 5 minutes from the gateway's clock
    /// ([`crate::sign::MAX_SKEW_MS`]), or (v3) the nonce was used before.
    pub const TIMESTAMP_EXPIRED: &str = "206004";
    /// "Merchant does not exist": an unknown `merchant_id`, or a v3 body naming another
    /// merchant than the caller.
    pub const MERCHANT_NOT_FOUND: &str = "206005";
    /// "Merchant public key not configured": the merchant has uploaded no key to verify with.
    pub const MERCHANT_KEY_MISSING: &str = "206006";
    /// "Session does not exist": no session of this merchant has the `session_id` /
    /// `trans_id` given.
    pub const SESSION_NOT_FOUND: &str = "206011";
    /// "PCI level insufficient": clear card data sent by a merchant not certified for it.
    pub const PCI_LEVEL_INSUFFICIENT: &str = "206017";
    /// "Card decryption failed": an envelope that does not open, or was sealed for another
    /// field, session or merchant, or was already used.
    pub const CARD_DATA_INVALID: &str = "206020";
    /// "Card encryption information expired, please retry payment".
    pub const CARD_DATA_EXPIRED: &str = "206021";
    /// "Card decryption not supported": an envelope of a format or key the gateway does not
    /// take.
    pub const CARD_DATA_UNSUPPORTED: &str = "206022";
    /// "The order doesn't exist": Query Transaction, Capture, Void or Refund of an unknown
    /// `order_id` / `trans_id`.
    pub const ORDER_NOT_FOUND: &str = "206024";
    /// "Payment method not supported" for this merchant or this operation.
    pub const UNSUPPORTED_PAYMENT_METHOD: &str = "210001";
    /// "Shopper reference empty": storing a card, or paying with a token, without
    /// `shopper_reference`.
    pub const SHOPPER_REFERENCE_EMPTY: &str = "210002";
    /// "Shipping empty": physical goods without a `shipping` address.
    pub const SHIPPING_EMPTY: &str = "210003";

    // The sandbox's own, for conditions PayKKa's tables name no code for (listed in
    // `sandbox/README.md`); a client maps them like any unknown code.

    /// Sandbox: a required member is missing (v1.2: `merchant_id` or `timestamp` too).
    pub const MISSING_PARAMETER: &str = "010001";
    /// Sandbox: a currency not in [`crate::money::CURRENCIES`].
    pub const UNSUPPORTED_CURRENCY: &str = "010002";
    /// Sandbox: an amount outside 1 to [`crate::money::MAX_AMOUNT_MINOR`] minor units.
    pub const INVALID_AMOUNT: &str = "010003";
    /// Sandbox: a body larger than 64 KiB (HTTP 413).
    pub const BODY_TOO_LARGE: &str = "010004";
    /// Sandbox: an `idempotency-key` used again with another body.
    pub const IDEMPOTENCY_CONFLICT: &str = "010005";
    /// Sandbox: the session's `expire_time` has passed; nothing is stored.
    pub const SESSION_EXPIRED: &str = "206012";
    /// Sandbox: the session was paid already (a session takes payments until one succeeds).
    pub const SESSION_CLOSED: &str = "206013";
    /// Sandbox: a `trans_id` already used by a session or payment of the merchant, or a
    /// `refund_trans_id` sent again with other terms.
    pub const DUPLICATE_TRANS_ID: &str = "206014";
    /// Sandbox: a payment's amount or currency differs from its session's.
    pub const AMOUNT_MISMATCH: &str = "206015";
    /// Sandbox: the operation is not allowed in the payment's status (e.g. capturing a
    /// FAILURE).
    pub const INVALID_STATUS: &str = "206025";
    /// Sandbox: a capture, void or refund for more than the matching balance
    /// (`able_to_*_amount`).
    pub const AMOUNT_EXCEEDS_BALANCE: &str = "206026";
    /// Sandbox: no stored method has this `token` for this shopper.
    pub const TOKEN_NOT_FOUND: &str = "206030";
    /// Sandbox: card data in clear where only envelopes are taken (an `encrypted_*` member
    /// that looks like a card number or digits, or a clear card on a browser-facing route).
    pub const CLEAR_CARD_REFUSED: &str = "206018";
    /// Sandbox: no recurring agreement has this `recurring_agreement_id` for this shopper.
    pub const RECURRING_NOT_FOUND: &str = "206031";
    /// Sandbox: Refund Query of an unknown `refund_trans_id` / `refund_order_id`.
    pub const REFUND_NOT_FOUND: &str = "206027";
}

/// Transaction `error_code` values, carried in transaction data and webhooks (`0000` is
/// success): PayKKa's published table (1000-1022 merchant configuration, 2000-2018 parameters,
/// 2099 "Invalid Card"), and the sandbox's own issuer declines (3001-3005; PayKKa publishes no
/// issuer codes). One table: the code, the reason the merchant backend reports (which the
/// checkout turns into the shopper's message), and the description.
pub mod decline {
    use paykka_core::CheckoutError;

    /// Approved: the payment (or refund) succeeded.
    pub const OK: &str = "0000";
    /// PayKKa: the merchant does not take this payment method.
    pub const PAYMENT_METHOD_NOT_SUPPORTED: &str = "1004";
    /// PayKKa: the card envelopes are too old; the shopper must enter the card again.
    pub const CARD_ENCRYPTION_EXPIRED: &str = "2005";
    /// PayKKa: the card's brand or type is not taken; the shopper may use another card.
    pub const CARD_NOT_SUPPORTED: &str = "2006";
    /// PayKKa: physical goods need a `shipping` address.
    pub const SHIPPING_REQUIRED: &str = "2009";
    /// PayKKa: "Invalid Card" (the sandbox: a number failing Luhn, of a wrong length or of no
    /// known brand).
    pub const INVALID_CARD: &str = "2099";
    /// Sandbox issuer decline: "do not honor", no reason given.
    pub const DECLINED: &str = "3001";
    /// Sandbox issuer decline: insufficient funds.
    pub const INSUFFICIENT_FUNDS: &str = "3002";
    /// Sandbox issuer decline: the card has expired.
    pub const EXPIRED_CARD: &str = "3003";
    /// Sandbox: the shopper failed the 3-D Secure challenge.
    pub const AUTHENTICATION_FAILED: &str = "3004";
    /// Sandbox: a security code of the wrong length for the brand.
    pub const INVALID_CVV: &str = "3005";
    /// Sandbox: the QR approval, redirect or challenge was not completed in time (15 minutes).
    pub const PAYMENT_EXPIRED: &str = "3006";
    /// "Not paid yet": what PayKKa's plugin reads from a query of a session nobody paid
    /// (unconfirmed by the documents).
    pub const NOT_PAID_YET: &str = "4032";

    /// (code, reason, description), one row a line. The reason is the stable snake_case word the
    /// merchant backend reports (and the checkout turns into the shopper's message), a
    /// [`CheckoutError::code`] where the shopper's checkout has a word for it (one table of
    /// codes, core's); the description is PayKKa's text (or the sandbox's, for its own codes), for logs.
    #[rustfmt::skip]
    pub const TABLE: &[(&str, &str, &str)] = &[
        (OK, "none", "request success"),
        ("1000", "merchant_configuration", "Merchant does not exist"),
        ("1001", "merchant_configuration", "Merchant is disabled"),
        ("1002", "merchant_configuration", "Entity does not exist"),
        ("1003", "merchant_configuration", "Entity is disabled"),
        ("1004", "payment_method_not_supported", "Merchant does not support this payment method"),
        ("1005", "merchant_configuration", "Merchant does not support this payment type"),
        ("1006", "merchant_configuration", "This merchant is not allowed to refund"),
        ("1007", "merchant_configuration", "Merchant does not support this currency"),
        ("1008", "merchant_configuration", "Not PCI certified, cannot initiate plain card transaction"),
        ("1009", "merchant_configuration", "Component call parameter error"),
        ("1010", "merchant_configuration", "WeChat OpenID cannot be empty"),
        ("1011", "merchant_configuration", "WeChat terminal type not supported"),
        ("1012", "merchant_configuration", "Merchant public key not configured"),
        ("1013", "merchant_configuration", "Platform public key does not exist"),
        ("1014", "merchant_configuration", "Checkout theme does not exist"),
        ("1015", "merchant_configuration", "This product does not exist"),
        ("1016", "merchant_configuration", "Route does not exist"),
        ("1017", "merchant_configuration", "Non-whitelist request, please contact PayKKa to enable whitelist permission"),
        ("1018", "merchant_configuration", "POS device information does not exist"),
        ("1019", "merchant_configuration", "POS device is not available"),
        ("1020", "merchant_configuration", "POS device serial number error"),
        ("1021", "merchant_configuration", "Merchant ID configuration error"),
        ("1022", "merchant_configuration", "This merchant is not allowed to pay"),
        ("2000", "merchant_configuration", "Signature error"),
        ("2001", "merchant_configuration", "Signature expired"),
        ("2002", "payment_method_not_supported", "Current version does not support this payment method"),
        ("2003", "card_data_invalid", "Card information encryption failed"),
        ("2004", "card_data_invalid", "Card information decryption failed"),
        (CARD_ENCRYPTION_EXPIRED, CheckoutError::CardDataExpired.code(), "Card encryption information expired, please retry payment"),
        (CARD_NOT_SUPPORTED, "card_not_supported", "This card is not supported, please use another card"),
        ("2007", "session_changed", "Payment link amount or currency has changed, please refresh the page before paying"),
        ("2008", "invalid_request", "shopperReference is a required field"),
        (SHIPPING_REQUIRED, "invalid_request", "shipping is a required field"),
        ("2010", "invalid_request", "mit is a required field in recurring payment scenarios"),
        ("2011", "invalid_request", "For non-first recurring payments, mit must be set to true"),
        ("2012", "invalid_request", "For non-first recurring payments, mit must be set to false"),
        ("2013", "invalid_request", "For transactions storing card information, paymentMethod must be set to BANKCARD"),
        ("2014", "invalid_request", "For first recurring payment, storePaymentMethod must be set to true"),
        ("2015", "recurring_agreement_invalid", "Recurring payment agreement does not exist"),
        ("2016", "recurring_agreement_invalid", "Recurring payment agreement is not active"),
        ("2017", "recurring_agreement_invalid", "Recurring payment creation failed"),
        (INVALID_CARD, CheckoutError::CardInvalid.code(), "Invalid Card"),
        (DECLINED, CheckoutError::CardDeclined.code(), "Do not honor: the card was declined"),
        (INSUFFICIENT_FUNDS, CheckoutError::InsufficientFunds.code(), "Insufficient funds"),
        (EXPIRED_CARD, CheckoutError::CardExpired.code(), "Expired card"),
        (AUTHENTICATION_FAILED, CheckoutError::AuthenticationFailed.code(), "3-D Secure authentication failed"),
        (INVALID_CVV, CheckoutError::CvvInvalid.code(), "Invalid security code"),
        (PAYMENT_EXPIRED, CheckoutError::PaymentExpired.code(), "The payment was not completed in time"),
        (NOT_PAID_YET, "not_paid_yet", "The order has not been paid"),
    ];

    fn row(code: &str) -> Option<&'static (&'static str, &'static str, &'static str)> {
        TABLE.iter().find(|r| r.0 == code)
    }

    /// Is `code` in the table (an unknown one is logged by the backend)?
    pub fn is_known(code: &str) -> bool {
        row(code).is_some()
    }

    /// Stable snake_case reason for an `error_code`, as the merchant backend reports it;
    /// `payment_failed` for a code not in the table.
    pub fn reason(code: &str) -> &'static str {
        row(code).map_or(CheckoutError::PaymentFailed.code(), |r| r.1)
    }

    /// PayKKa's text for an `error_code`, for logs; `Payment failed` for a code not in the
    /// table.
    pub fn description(code: &str) -> &'static str {
        row(code).map_or("Payment failed", |r| r.2)
    }
}

/// Throw-away RSA keys for tests and examples only. Never use them for anything real.
#[doc(hidden)]
pub mod test_keys {
    /// A merchant's request-signing key (PKCS#8 PEM), as the reference backend would hold.
    pub const MERCHANT: &str = include_str!("../testdata/merchant_test_key.pem");
    /// The gateway's answer- and webhook-signing key (PEM), as the sandbox would hold.
    pub const GATEWAY: &str = include_str!("../testdata/gateway_test_key.pem");
    /// The gateway's card decryption key (PEM) for `pkenc.v2` envelopes.
    pub const CARD: &str = include_str!("../testdata/card_test_key.pem");
    /// A second gateway key, for key-rotation tests.
    pub const GATEWAY_NEXT: &str = include_str!("../testdata/gateway_next_test_key.pem");
    /// A second merchant key, for key-rotation tests.
    pub const MERCHANT_NEXT: &str = include_str!("../testdata/merchant_next_test_key.pem");
}

/// Removes every `encrypted_*` member, at any depth: what an idempotency fingerprint leaves out,
/// since encrypting the same card twice gives different ciphertexts.
pub fn without_envelopes(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(members) => {
            members.retain(|name, _| !name.starts_with("encrypted_"));
            members.values_mut().for_each(without_envelopes);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(without_envelopes),
        _ => {}
    }
}

#[cfg(test)]
mod envelope_tests {
    #[test]
    fn a_retry_with_fresh_ciphertexts_has_the_same_fingerprint_and_a_changed_payment_does_not() {
        let strip = |mut v: serde_json::Value| {
            super::without_envelopes(&mut v);
            v
        };
        let first = serde_json::json!({ "session_id": "CS1", "card": { "encrypted_card_no": "aaa", "encrypted_cvv": "bbb", "holder_name": "Ada" } });
        let retry = serde_json::json!({ "session_id": "CS1", "card": { "encrypted_card_no": "ccc", "encrypted_cvv": "ddd", "holder_name": "Ada" } });
        let other = serde_json::json!({ "session_id": "CS1", "card": { "encrypted_card_no": "ccc", "holder_name": "Bob" } });
        assert_eq!(strip(first.clone()), strip(retry));
        assert_ne!(strip(first), strip(other));
    }
}
