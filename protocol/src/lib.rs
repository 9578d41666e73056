//! Wire types and request signing shared by the PayKKa sandbox gateway and the reference
//! merchant backend.
//!
//! * [`sign`]: SHA256withRSA over `merchantId=<id>&timestamp=<ms>&requestBody=<exact body>`,
//!   base64 in header `signature`, with `type: RSA256` and `version: v1.2`.
//! * [`cardenc`]: the `pkenc.v2.<kid>.<base64url>` envelope of card fields (RSA-OAEP SHA-256).
//! * [`types`]: request and response bodies of the gateway API (`ret_code` / `ret_msg` / `data`).
//! * [`card`], [`money`], [`time`]: Luhn and brands, currencies and minor units, RFC 3339.

/// Lowercase hex, written once in the core.
pub use paykka_core::digits::hex;

pub mod card;
pub mod cardenc;
pub mod money;
pub mod sign;
pub mod time;
pub mod types;

pub use rsa;

/// Gateway API paths. The seeds fix the `/payments...` ones; the session paths are ours.
pub mod paths {
    pub const CREATE_SESSION: &str = "/payments/sessions";
    pub const QUERY_SESSION: &str = "/payments/sessions/query";
    pub const PAYMENTS: &str = "/payments";
    pub const QUERY_TRANSACTION: &str = "/payments/query";
    pub const CAPTURE: &str = "/payments/capture";
    pub const VOID: &str = "/payments/void";
    pub const REFUND: &str = "/payments/refund";
    pub const TOKEN_QUERY: &str = "/payments/token/query";
    pub const TOKEN_REMOVE: &str = "/payments/token/remove";
    pub const RECURRING_CANCEL: &str = "/payments/recurring/cancel";
    pub const APPLE_PAY_SESSION: &str = "/payments/apple-pay/create-session";
}

/// Signature headers.
pub mod headers {
    pub const SIGNATURE: &str = "signature";
    pub const TYPE: &str = "type";
    pub const VERSION: &str = "version";
    pub const TYPE_VALUE: &str = "RSA256";
    pub const VERSION_VALUE: &str = "v1.2";
    pub const IDEMPOTENCY_KEY: &str = "idempotency-key";
}

/// `ret_code` values. `000000` is the seeds'; the others are the sandbox's own and are listed
/// in `sandbox/README.md`.
pub mod ret {
    pub const SUCCESS: &str = "000000";
    pub const INVALID_REQUEST: &str = "100001";
    pub const MISSING_PARAMETER: &str = "100002";
    pub const UNSUPPORTED_CURRENCY: &str = "100003";
    pub const INVALID_AMOUNT: &str = "100004";
    pub const BODY_TOO_LARGE: &str = "100005";
    pub const IDEMPOTENCY_CONFLICT: &str = "100006";
    pub const UNSUPPORTED_PAYMENT_METHOD: &str = "100007";
    pub const SIGNATURE_MISSING: &str = "200001";
    pub const SIGNATURE_INVALID: &str = "200002";
    pub const TIMESTAMP_EXPIRED: &str = "200003";
    pub const MERCHANT_NOT_FOUND: &str = "200004";
    pub const SIGNATURE_TYPE_UNSUPPORTED: &str = "200005";
    pub const SESSION_NOT_FOUND: &str = "300001";
    pub const SESSION_EXPIRED: &str = "300002";
    pub const SESSION_CLOSED: &str = "300003";
    pub const DUPLICATE_TRANS_ID: &str = "300004";
    pub const AMOUNT_MISMATCH: &str = "300005";
    pub const ORDER_NOT_FOUND: &str = "400001";
    pub const INVALID_STATUS: &str = "400002";
    pub const AMOUNT_EXCEEDS_BALANCE: &str = "400003";
    pub const TOKEN_NOT_FOUND: &str = "500001";
    /// PayKKa's "card decryption failed": an envelope that does not open, or was sealed for
    /// another field, session or merchant, or was already used.
    pub const CARD_DATA_INVALID: &str = "206020";
    /// PayKKa's "card encryption information expired, please retry payment".
    pub const CARD_DATA_EXPIRED: &str = "206021";
    pub const CLEAR_CARD_REFUSED: &str = "500003";
    pub const RECURRING_NOT_FOUND: &str = "500004";
    pub const INTERNAL_ERROR: &str = "999999";
}

/// Transaction `error_code` values (decline reasons) carried in transaction data and webhooks.
pub mod decline {
    pub const OK: &str = "0000";
    pub const DECLINED: &str = "1001";
    pub const INSUFFICIENT_FUNDS: &str = "1002";
    pub const EXPIRED_CARD: &str = "1003";
    pub const AUTHENTICATION_FAILED: &str = "1004";
    pub const INVALID_CARD: &str = "1005";
    pub const PAYMENT_EXPIRED: &str = "1006";
    pub const INVALID_CVV: &str = "1007";

    /// Stable snake_case reason for an `error_code`, as the merchant backend reports it.
    pub fn reason(code: &str) -> &'static str {
        match code {
            OK => "none",
            DECLINED => "card_declined",
            INSUFFICIENT_FUNDS => "insufficient_funds",
            EXPIRED_CARD => "expired_card",
            AUTHENTICATION_FAILED => "authentication_failed",
            INVALID_CARD => "invalid_card",
            PAYMENT_EXPIRED => "payment_expired",
            INVALID_CVV => "invalid_cvv",
            _ => "payment_failed",
        }
    }

    pub fn description(code: &str) -> &'static str {
        match code {
            OK => "request success",
            DECLINED => "Do not honor: the card was declined",
            INSUFFICIENT_FUNDS => "Insufficient funds",
            EXPIRED_CARD => "Expired card",
            AUTHENTICATION_FAILED => "3-D Secure authentication failed",
            INVALID_CARD => "Invalid card number",
            PAYMENT_EXPIRED => "The payment was not completed in time",
            INVALID_CVV => "Invalid security code",
            _ => "Payment failed",
        }
    }
}

/// Throw-away RSA keys for tests and examples only. Never use them for anything real.
#[doc(hidden)]
pub mod test_keys {
    pub const MERCHANT: &str = include_str!("../testdata/merchant_test_key.pem");
    pub const GATEWAY: &str = include_str!("../testdata/gateway_test_key.pem");
    pub const CARD: &str = include_str!("../testdata/card_test_key.pem");
    /// A second gateway key and a second merchant key, for key-rotation tests.
    pub const GATEWAY_NEXT: &str = include_str!("../testdata/gateway_next_test_key.pem");
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
