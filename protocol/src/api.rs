//! The two generations of PayKKa's API that one client speaks: **v3** (PayKKa's current API,
//! `/v3/payment/acq/...`, `x-paykka-*` headers, a signature over method, path, timestamp, nonce
//! and body) and **v1.2** (the seed's, `/payments/...`, headers `signature` / `type` /
//! `version`, a signature over `merchantId=..&timestamp=..&requestBody=..`).
//!
//! Everything that differs between the two lives here: the paths, the header names, the string
//! that is signed, and how a signature travels (base64, then URL-encoded, in both). See
//! `backend/README.md` for which of these facts PayKKa's documents show and which are ours.

use crate::sign::{SignatureError, SigningKey, VerifyingKeys};
use std::fmt;

/// Which generation of the API a request speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum ApiVersion {
    /// `/payments/...` with headers `signature`, `type: RSA256`, `version: v1.2`.
    V1_2,
    /// `/v3/payment/acq/...` with the `x-paykka-*` headers. PayKKa's current API.
    #[default]
    V3,
}

impl ApiVersion {
    /// Both generations, v3 (the default) first.
    pub const ALL: [ApiVersion; 2] = [ApiVersion::V3, ApiVersion::V1_2];

    /// Reads `v3` / `3` / `v1.2` / `1.2` (what `PAYKKA_API_VERSION` takes).
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "v3" | "3" | "v3.0" | "3.0" => Some(ApiVersion::V3),
            "v1.2" | "1.2" => Some(ApiVersion::V1_2),
            _ => None,
        }
    }

    /// `v3` or `v1.2`, as configured and logged (and as v1.2's `version` header says).
    pub fn as_str(self) -> &'static str {
        match self {
            ApiVersion::V1_2 => "v1.2",
            ApiVersion::V3 => "v3",
        }
    }

    /// The documented path of `op` in this generation.
    pub fn path(self, op: Operation) -> &'static str {
        use Operation::*;
        match self {
            // The seed shows the `/payments...` paths of payment, query, capture, void, token
            // query and remove, recurring cancel and the Apple Pay session; the docs list the
            // session and refund operations under the same prefix.
            ApiVersion::V1_2 => match op {
                CreateSession => "/payments/sessions",
                QuerySession => "/payments/sessions/query",
                Payment => "/payments",
                Query => "/payments/query",
                Capture => "/payments/capture",
                Void => "/payments/void",
                Refund => "/payments/refund",
                RefundQuery => "/payments/refund/query",
                TokenQuery => "/payments/token/query",
                TokenRemove => "/payments/token/remove",
                RecurringCancel => "/payments/recurring/cancel",
                ApplePaySession => "/payments/apple-pay/create-session",
            },
            // PayKKa's v3 reference and the plugin that calls it. v3 queries transactions
            // through `query` (by `session_id`, `trans_id` or `order_id`). The session query
            // (the session's own terms and methods), capture, direct payment and token query
            // paths are not published: ours follow the pattern and can be overridden
            // (`PAYKKA_PATH_<OPERATION>`).
            ApiVersion::V3 => match op {
                CreateSession => "/v3/payment/acq/session",
                QuerySession => "/v3/payment/acq/session/query",
                Payment => "/v3/payment/acq/pay",
                Query => "/v3/payment/acq/query",
                Capture => "/v3/payment/acq/capture",
                Void => "/v3/payment/acq/void",
                Refund => "/v3/payment/acq/refund",
                RefundQuery => "/v3/payment/acq/refund/query",
                TokenQuery => "/v3/payment/acq/token/query",
                TokenRemove => "/v3/payment/acq/token/remove",
                RecurringCancel => "/v3/payment/acq/recurring/cancel",
                ApplePaySession => "/v3/payment/acq/apple-pay/create-session",
            },
        }
    }

    /// Is this path documented by PayKKa for this generation (rather than our guess)?
    pub fn path_is_documented(self, op: Operation) -> bool {
        match self {
            ApiVersion::V1_2 => !matches!(
                op,
                Operation::CreateSession | Operation::QuerySession | Operation::RefundQuery
            ),
            ApiVersion::V3 => !matches!(
                op,
                Operation::QuerySession
                    | Operation::Payment
                    | Operation::Capture
                    | Operation::TokenQuery
            ),
        }
    }

    /// The generation a request path belongs to.
    pub fn of_path(path: &str) -> Self {
        if path.starts_with("/v3/") {
            ApiVersion::V3
        } else {
            ApiVersion::V1_2
        }
    }
}

impl fmt::Display for ApiVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The gateway operations the backend calls (each has a path in each generation:
/// [`ApiVersion::path`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Operation {
    /// Create Session: a checkout's amount and terms ([`crate::types::CreateSessionRequest`]).
    CreateSession,
    /// Query Session: a session's status and latest transaction (path ours in both
    /// generations).
    QuerySession,
    /// Initiate Transaction: pay in a session or server to server
    /// ([`crate::types::PaymentRequest`]; v3 path ours).
    Payment,
    /// Query Transaction: a payment by `order_id`, `trans_id` or `session_id`.
    Query,
    /// Capture all or part of a `MANUAL` authorisation (v3 path ours).
    Capture,
    /// Void: release an uncaptured authorisation.
    Void,
    /// Refund all or part of a captured payment.
    Refund,
    /// Refund Query: a refund by `refund_trans_id` or `refund_order_id`.
    RefundQuery,
    /// Token Query: a shopper's stored cards (v3 path ours).
    TokenQuery,
    /// Token Remove: delete a stored card.
    TokenRemove,
    /// Recurring Cancel: end a recurring agreement.
    RecurringCancel,
    /// Apple Pay merchant session, for the Apple Pay sheet's merchant validation.
    ApplePaySession,
}

impl Operation {
    /// Every operation, in the order above.
    pub const ALL: [Operation; 12] = [
        Operation::CreateSession,
        Operation::QuerySession,
        Operation::Payment,
        Operation::Query,
        Operation::Capture,
        Operation::Void,
        Operation::Refund,
        Operation::RefundQuery,
        Operation::TokenQuery,
        Operation::TokenRemove,
        Operation::RecurringCancel,
        Operation::ApplePaySession,
    ];

    /// The name in `PAYKKA_PATH_<NAME>` that overrides this operation's path.
    pub fn env_name(self) -> &'static str {
        match self {
            Operation::CreateSession => "CREATE_SESSION",
            Operation::QuerySession => "QUERY_SESSION",
            Operation::Payment => "PAYMENT",
            Operation::Query => "QUERY",
            Operation::Capture => "CAPTURE",
            Operation::Void => "VOID",
            Operation::Refund => "REFUND",
            Operation::RefundQuery => "REFUND_QUERY",
            Operation::TokenQuery => "TOKEN_QUERY",
            Operation::TokenRemove => "TOKEN_REMOVE",
            Operation::RecurringCancel => "RECURRING_CANCEL",
            Operation::ApplePaySession => "APPLE_PAY_SESSION",
        }
    }
}

/// Header names and fixed values.
pub mod headers {
    /// v1.2: the signature (base64, URL-encoded) of request, answer or webhook.
    pub const SIGNATURE: &str = "signature";
    /// v1.2: the signature's algorithm, always [`TYPE_VALUE`].
    pub const TYPE: &str = "type";
    /// v1.2: the API version, always [`VERSION_VALUE`].
    pub const VERSION: &str = "version";
    /// v1.2: the value of `type` (SHA256withRSA).
    pub const TYPE_VALUE: &str = "RSA256";
    /// v1.2: the value of `version`.
    pub const VERSION_VALUE: &str = "v1.2";
    /// v1.2 answers: the timestamp the gateway signed with (our assumption, see
    /// [`super::gateway_signing_input`]).
    pub const TIMESTAMP: &str = "timestamp";

    /// v3: the caller's id (PayKKa's plugin falls back to the merchant id).
    pub const APPID: &str = "x-paykka-appid";
    /// v3: the time of signing in milliseconds since the epoch (13 digits), in the signed
    /// string.
    pub const V3_TIMESTAMP: &str = "x-paykka-timestamp";
    /// v3: 10 to 100 characters, unique per request ([`super::nonce_ok`]), in the signed
    /// string.
    pub const NONCE: &str = "x-paykka-nonce";
    /// v3: the signature's algorithm, always [`SIGN_ALG_VALUE`].
    pub const SIGN_ALG: &str = "x-paykka-sign-alg";
    /// v3: the signature (base64, URL-encoded) over [`super::v3_signing_input`].
    pub const SIGN: &str = "x-paykka-sign";
    /// v3: the value of `x-paykka-sign-alg` (SHA256withRSA, PKCS#1 v1.5).
    pub const SIGN_ALG_VALUE: &str = "SHA256_WITH_RSA";

    /// Ours (the sandbox honours it; PayKKa's documents show none): repeats of one payment
    /// with the same key answer the first result.
    pub const IDEMPOTENCY_KEY: &str = "idempotency-key";
}

/// The bytes a v3 request is signed over: `METHOD\nPATH\nTIMESTAMP\nNONCE\nBODY`, the path
/// without host or query, no newline after the body.
pub fn v3_signing_input(
    method: &str,
    path: &str,
    timestamp: i64,
    nonce: &str,
    body: &[u8],
) -> Vec<u8> {
    let path = path.split('?').next().unwrap_or(path);
    let mut v = Vec::with_capacity(body.len() + path.len() + 64);
    v.extend_from_slice(method.to_ascii_uppercase().as_bytes());
    v.push(b'\n');
    v.extend_from_slice(path.as_bytes());
    v.push(b'\n');
    v.extend_from_slice(timestamp.to_string().as_bytes());
    v.push(b'\n');
    v.extend_from_slice(nonce.as_bytes());
    v.push(b'\n');
    v.extend_from_slice(body);
    v
}

/// The bytes a gateway **answer or webhook** is signed over. PayKKa does not publish this
/// string; our assumption, in one place so that it changes in one place:
///
/// * v3: the request's five-line shape, `METHOD\nPATH\nTIMESTAMP\nNONCE\nBODY`, with the
///   answer's `x-paykka-timestamp` and `x-paykka-nonce`; for an answer the method and path are
///   those of the request it answers, for a webhook `POST` and the path of our `notify_url`
///   (as PayKKa's plugin does).
/// * v1.2: the request's shape, `merchantId=..&timestamp=..&requestBody=BODY`, with the
///   `timestamp` header of an answer or the `timestamp` member of a webhook.
pub fn gateway_signing_input(version: ApiVersion, signed: &SignedMessage<'_>) -> Vec<u8> {
    match version {
        ApiVersion::V3 => v3_signing_input(
            signed.method,
            signed.path,
            signed.timestamp,
            signed.nonce,
            signed.body,
        ),
        ApiVersion::V1_2 => {
            crate::sign::signing_input(signed.merchant_id, signed.timestamp, signed.body)
        }
    }
}

/// What a gateway answer or webhook is signed over (see [`gateway_signing_input`]).
#[derive(Clone, Copy, Debug)]
pub struct SignedMessage<'a> {
    /// v3: the HTTP method of the request answered (`POST` for a webhook).
    pub method: &'a str,
    /// v3: the path of the request answered, or of the webhook's `notify_url` (no host, no
    /// query).
    pub path: &'a str,
    /// v1.2: the merchant the answer or webhook is for.
    pub merchant_id: &'a str,
    /// Milliseconds since the epoch: v3's `x-paykka-timestamp`, v1.2's `timestamp` header (an
    /// answer) or member (a webhook).
    pub timestamp: i64,
    /// v3: the answer's or webhook's `x-paykka-nonce`.
    pub nonce: &'a str,
    /// The exact bytes of the body, as received.
    pub body: &'a [u8],
}

/// A signature as it travels in a header: standard base64, then URL-encoded (`+` `%2B`,
/// `/` `%2F`, `=` `%3D`), as PayKKa's documents and plugin do for both generations.
pub fn encode_signature(base64: &str) -> String {
    let mut s = String::with_capacity(base64.len() + 8);
    for c in base64.chars() {
        match c {
            '+' => s.push_str("%2B"),
            '/' => s.push_str("%2F"),
            '=' => s.push_str("%3D"),
            c => s.push(c),
        }
    }
    s
}

/// A signature header back to base64: URL-decoded when encoded; a plain base64 value is taken
/// as it is (some senders do not encode).
pub fn decode_signature(header: &str) -> String {
    let h = header.trim();
    let mut out = String::with_capacity(h.len());
    let mut rest = h;
    while let Some(i) = rest.find('%') {
        out.push_str(&rest[..i]);
        let code = rest.get(i + 1..i + 3).unwrap_or("");
        match code.to_ascii_uppercase().as_str() {
            "2B" => out.push('+'),
            "2F" => out.push('/'),
            "3D" => out.push('='),
            // Anything else is not a base64 character: left as is, so it fails to decode.
            _ => {
                out.push('%');
                rest = &rest[i + 1..];
                continue;
            }
        }
        rest = &rest[i + 3..];
    }
    out.push_str(rest);
    out
}

/// The five headers of a signed v3 request or webhook: caller, time, nonce, algorithm, signature.
pub fn v3_headers(
    app_id: &str,
    timestamp: i64,
    nonce: &str,
    sign: String,
) -> [(&'static str, String); 5] {
    [
        (headers::APPID, app_id.to_string()),
        (headers::V3_TIMESTAMP, timestamp.to_string()),
        (headers::NONCE, nonce.to_string()),
        (headers::SIGN_ALG, headers::SIGN_ALG_VALUE.to_string()),
        (headers::SIGN, sign),
    ]
}

/// Is a v3 nonce acceptable: 10 to 100 printable ASCII characters without spaces?
pub fn nonce_ok(nonce: &str) -> bool {
    (10..=100).contains(&nonce.len()) && nonce.bytes().all(|b| b.is_ascii_graphic())
}

impl SigningKey {
    /// Signs `data`, header form (base64, URL-encoded).
    pub fn sign_header(&self, data: &[u8]) -> String {
        encode_signature(&self.sign_bytes(data))
    }
}

impl VerifyingKeys {
    /// Verifies a header-form signature (URL-encoded or plain base64) over `data` with any of
    /// the keys ([`VerifyingKeys::verify_bytes`]).
    pub fn verify_header(&self, data: &[u8], header: &str) -> Result<(), SignatureError> {
        self.verify_bytes(data, &decode_signature(header))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sign::VerifyingKey;

    #[test]
    fn every_operation_has_a_path_in_each_generation_and_paths_name_their_generation() {
        for v in ApiVersion::ALL {
            for op in Operation::ALL {
                assert_eq!(ApiVersion::of_path(v.path(op)), v, "{op:?}");
            }
        }
        assert_eq!(
            ApiVersion::V3.path(Operation::CreateSession),
            "/v3/payment/acq/session"
        );
        assert_eq!(ApiVersion::V1_2.path(Operation::Payment), "/payments");
    }

    #[test]
    fn versions_read_as_configured() {
        for (s, v) in [
            ("v3", Some(ApiVersion::V3)),
            ("V1.2", Some(ApiVersion::V1_2)),
            ("1.2", Some(ApiVersion::V1_2)),
            ("v2", None),
            ("", None),
        ] {
            assert_eq!(ApiVersion::parse(s), v, "{s}");
        }
    }

    #[test]
    fn the_v3_string_is_five_lines_without_a_trailing_newline() {
        assert_eq!(
            v3_signing_input(
                "post",
                "/v3/payment/acq/session?x=1",
                1745922570644,
                "abcdefghij",
                b"{\"a\":1}"
            ),
            b"POST\n/v3/payment/acq/session\n1745922570644\nabcdefghij\n{\"a\":1}".to_vec()
        );
    }

    #[test]
    fn signatures_travel_url_encoded_and_verify_either_way() {
        let k = SigningKey::from_pem(crate::test_keys::MERCHANT).unwrap();
        let data = v3_signing_input("POST", "/v3/payment/acq/query", 5, "nonce-12345", b"{}");
        let header = k.sign_header(&data);
        assert!(!header.contains(['+', '/', '=']), "{header}");
        let keys =
            VerifyingKeys::new([VerifyingKey::from_pem(&k.verifying_key().to_spki_pem()).unwrap()]);
        assert_eq!(keys.verify_header(&data, &header), Ok(()));
        assert_eq!(
            keys.verify_header(&data, &decode_signature(&header)),
            Ok(())
        );
        let other = v3_signing_input("POST", "/v3/payment/acq/refund", 5, "nonce-12345", b"{}");
        assert!(keys.verify_header(&other, &header).is_err());
        assert!(keys.verify_header(&data, "%ZZ%").is_err());
    }

    #[test]
    fn url_encoding_round_trips_every_base64_alphabet_character() {
        let b64 = "ab+/cd==";
        assert_eq!(encode_signature(b64), "ab%2B%2Fcd%3D%3D");
        assert_eq!(decode_signature("ab%2b%2fcd%3d%3d"), b64);
        assert_eq!(decode_signature(b64), b64);
        assert_eq!(decode_signature("%"), "%");
        assert_eq!(decode_signature("a%2"), "a%2");
    }

    #[test]
    fn nonces_have_ten_to_a_hundred_visible_characters() {
        assert!(nonce_ok("0123456789"));
        assert!(!nonce_ok("012345678"));
        assert!(!nonce_ok(&"a".repeat(101)));
        assert!(!nonce_ok("0123456789 "));
    }
}
