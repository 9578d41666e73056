//! Request and response bodies of the gateway API, as in the seeds.
//!
//! Amounts are minor units. The seeds show them both as numbers (`"amount": 100`, payments)
//! and as strings (`"amount": "800"`, sessions): both are accepted, numbers are sent.

pub use crate::order::{Address, Authentication, Browser, Customer, Goods};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

/// Deserialises an integer given as a JSON number or a string of digits.
pub fn de_int<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum NumOrStr {
        N(i64),
        S(String),
    }
    match NumOrStr::deserialize(d).map_err(|_| serde::de::Error::custom("expected an integer"))? {
        NumOrStr::N(n) => Ok(n),
        NumOrStr::S(s)
            if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && s.len() <= 18 =>
        {
            s.parse().map_err(serde::de::Error::custom)
        }
        NumOrStr::S(_) => Err(serde::de::Error::custom("expected an integer")),
    }
}

pub fn de_opt_int<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    #[derive(Deserialize)]
    struct W(#[serde(deserialize_with = "de_int")] i64);
    Option::<W>::deserialize(d).map(|o| o.map(|w| w.0))
}

/// Every gateway answer: `ret_code`, `ret_msg`, and `data` on success.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ApiResponse<T> {
    #[serde(default)]
    pub ret_code: String,
    #[serde(default)]
    pub ret_msg: String,
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub data: Option<T>,
    /// Some v3 refusals carry no `ret_code`, only a top-level `error_code` and
    /// `error_description` (as PayKKa's plugin reads them): see [`ApiResponse::normalised`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_description: Option<String>,
}

impl<T> ApiResponse<T> {
    pub fn ok(data: T) -> Self {
        Self {
            ret_code: crate::ret::SUCCESS.into(),
            ret_msg: "Success".into(),
            data: Some(data),
            error_code: None,
            error_description: None,
        }
    }
    pub fn is_success(&self) -> bool {
        self.ret_code == crate::ret::SUCCESS
    }

    /// One shape for both kinds of refusal: a top-level `error_code` other than success, with
    /// no `ret_code`, becomes the `ret_code` (and its description the `ret_msg`). `None`: the
    /// answer has neither, so it is not an answer.
    pub fn normalised(mut self) -> Option<Self> {
        let refused = self
            .error_code
            .as_deref()
            .filter(|c| !matches!(*c, "" | "0" | "0000" | "000000"));
        if self.ret_code.is_empty() {
            let code = refused?.to_string();
            self.ret_msg = self.error_description.clone().unwrap_or_default();
            self.ret_code = code;
        }
        Some(self)
    }
}

impl ApiResponse<Value> {
    pub fn error(code: &str, msg: impl Into<String>) -> Self {
        Self {
            ret_code: code.into(),
            ret_msg: msg.into(),
            data: None,
            error_code: None,
            error_description: None,
        }
    }
}

/// `payment` object of Create Session.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionPayment {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub store_payment_method: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_usage: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shopper_reference: Option<String>,
    /// A stored card's token, to pay with it (PayKKa's plugin sends the member, `null`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// PayKKa's plugin sends the member, always `null`; a card number never goes here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_no: Option<String>,
}

/// Create Session request.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateSessionRequest {
    #[serde(default)]
    pub merchant_id: String,
    /// v1.2 only (v3 carries the time in `x-paykka-timestamp`).
    #[serde(
        default,
        deserialize_with = "de_opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub timestamp: Option<i64>,
    pub trans_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorisation_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capture_method: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expire_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_mode: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_locale: Option<String>,
    pub currency: String,
    #[serde(deserialize_with = "de_int")]
    pub amount: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notify_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mit: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment: Option<SessionPayment>,
    /// The methods the session offers, in order (PayKKa's `allowed_payment_methods`; default:
    /// all the merchant has).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_payment_methods: Option<Vec<String>>,
    /// v3: where the hosted page's Cancel takes the shopper.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancel_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_merchant_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goods: Option<Vec<Goods>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bill: Option<Address>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping: Option<Address>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<Customer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authentication: Option<Authentication>,
}

/// Query Session request: `session_id` or `trans_id`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuerySessionRequest {
    #[serde(default)]
    pub merchant_id: String,
    /// v1.2 only (v3 carries the time in `x-paykka-timestamp`).
    #[serde(
        default,
        deserialize_with = "de_opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub timestamp: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trans_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
}

/// A payment method offered by a session (sandbox extension of the session data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MethodInfo {
    pub payment_method: String,
    /// `card`, `qr`, `wallet` (Apple Pay / Google Pay sheet) or `redirect`.
    pub flow: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub brands: Vec<String>,
}

/// Session data (Create Session / Query Session).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SessionData {
    #[serde(default, deserialize_with = "crate::order::de_text")]
    pub merchant_id: String,
    #[serde(default)]
    pub trans_id: String,
    pub session_id: String,
    #[serde(default)]
    pub session_mode: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub currency: String,
    #[serde(default, deserialize_with = "de_int")]
    pub amount: i64,
    #[serde(default)]
    pub expire_time: String,
    #[serde(default)]
    pub authorisation_type: String,
    #[serde(default)]
    pub capture_method: String,
    #[serde(default)]
    pub payment_type: String,
    #[serde(default)]
    pub session_url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_locale: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shopper_reference: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub store_payment_method: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_usage: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub payment_methods: Vec<MethodInfo>,
    /// Latest transaction of the session, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
}

/// `payment` object of Initiate Transaction.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PaymentData {
    pub payment_method: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shopper_reference: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub store_payment_method: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_usage: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_no: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exp_year: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exp_month: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cvv: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encrypted_card_no: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encrypted_exp_year: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encrypted_exp_month: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encrypted_cvv: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder_email: Option<String>,
    /// Apple Pay / Google Pay decrypted authentication data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wallet_data: Option<Value>,
}

/// Initiate Transaction (`/payments`). With `session_id` (Drop-in / Component flow), amount,
/// currency and trans_id default to the session's and must match it when given.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PaymentRequest {
    #[serde(default)]
    pub merchant_id: String,
    /// v1.2 only (v3 carries the time in `x-paykka-timestamp`).
    #[serde(
        default,
        deserialize_with = "de_opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub timestamp: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trans_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorisation_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capture_method: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    #[serde(
        default,
        deserialize_with = "de_opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notify_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mit: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurring_agreement_id: Option<String>,
    pub payment: PaymentData,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub browser: Option<Browser>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goods: Option<Vec<Goods>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bill: Option<Address>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping: Option<Address>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<Customer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authentication: Option<Authentication>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardInfo {
    #[serde(default)]
    pub bin: String,
    pub last4: String,
    pub card_brand: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exp_month: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exp_year: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder_name: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Balances {
    pub authed_amount: i64,
    pub captured_amount: i64,
    pub able_to_capture_amount: i64,
    pub voided_amount: i64,
    pub able_to_void_amount: i64,
    pub refunded_amount: i64,
    pub able_to_refund_amount: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MethodRef {
    #[serde(default)]
    pub payment_method: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub store_payment_method: Option<bool>,
}

/// Next step for the shopper when a payment answers PROCESSING (our design; see the README).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    /// `redirect` (3DS challenge, wallet page) or `qr`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Page to send the shopper to (redirect) or the approval page behind the QR code.
    pub url: String,
    /// `GET` or `POST` (with `data` as form fields).
    pub method: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<serde_json::Map<String, Value>>,
    /// QR payload to render (type `qr`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qr_code: Option<String>,
    /// RFC 3339; after it the QR code / challenge is no longer accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
}

/// Transaction data (Initiate Transaction, Query Transaction, webhooks).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct TransactionData {
    /// A string (one Google Pay example shows a number).
    #[serde(default, deserialize_with = "crate::order::de_text")]
    pub merchant_id: String,
    pub trans_id: String,
    pub order_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    pub status: String,
    #[serde(default)]
    pub payment_type: String,
    #[serde(default)]
    pub authorisation_type: String,
    #[serde(default)]
    pub capture_method: String,
    #[serde(deserialize_with = "de_int")]
    pub amount: i64,
    pub currency: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shopper_reference: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expire_time: Option<String>,
    #[serde(default)]
    pub payment: MethodRef,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_info: Option<CardInfo>,
    #[serde(default)]
    pub balances: Balances,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pay_finish_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<Action>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_usage: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurring_agreement_id: Option<String>,
    /// 3-D Secure, as PayKKa documents it: `authentication_url` while the shopper must be
    /// sent to their issuer, and the outcome's details once done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authentication_result: Option<AuthenticationResult>,
}

/// `authentication_result` of a card payment (its members beyond the URL are kept as given).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AuthenticationResult {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authentication_url: Option<String>,
    #[serde(flatten)]
    pub details: serde_json::Map<String, Value>,
}

/// Query Transaction: one of `order_id`, `trans_id`, `session_id` (empty strings count as absent).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QueryTransactionRequest {
    #[serde(default)]
    pub merchant_id: String,
    /// v1.2 only (v3 carries the time in `x-paykka-timestamp`).
    #[serde(
        default,
        deserialize_with = "de_opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub timestamp: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trans_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaptureRequest {
    #[serde(default)]
    pub merchant_id: String,
    /// v1.2 only (v3 carries the time in `x-paykka-timestamp`).
    #[serde(
        default,
        deserialize_with = "de_opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub timestamp: Option<i64>,
    pub order_id: String,
    #[serde(deserialize_with = "de_int")]
    pub amount: i64,
    pub currency: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capture_final: Option<bool>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VoidRequest {
    #[serde(default)]
    pub merchant_id: String,
    /// v1.2 only (v3 carries the time in `x-paykka-timestamp`).
    #[serde(
        default,
        deserialize_with = "de_opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub timestamp: Option<i64>,
    pub order_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Refund, as PayKKa's v3 plugin sends it (the v1.2 document shows no example; the same
/// members are sent there): `refund_trans_id` is the merchant's reference of the refund,
/// `ori_order_id` the payment's `order_id`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefundRequest {
    #[serde(default)]
    pub merchant_id: String,
    /// v1.2 only (v3 carries the time in `x-paykka-timestamp`).
    #[serde(
        default,
        deserialize_with = "de_opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub timestamp: Option<i64>,
    pub refund_trans_id: String,
    pub ori_order_id: String,
    #[serde(deserialize_with = "de_int")]
    pub refund_amount: i64,
    pub currency: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notify_url: Option<String>,
}

/// Refund query: by the merchant's `refund_trans_id` or PayKKa's `refund_order_id`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefundQueryRequest {
    #[serde(default)]
    pub merchant_id: String,
    /// v1.2 only.
    #[serde(
        default,
        deserialize_with = "de_opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub timestamp: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_trans_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_order_id: Option<String>,
}

/// A refund, as the refund answer, the refund query and the refund webhook carry it.
/// `status`: `REVIEWING`, `PROCESSING`, `SUCCESS`, `FAILURE`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefundData {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub merchant_id: String,
    pub refund_trans_id: String,
    pub refund_order_id: String,
    /// The refunded payment's `order_id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ori_order_id: Option<String>,
    pub status: String,
    #[serde(deserialize_with = "de_int")]
    pub amount: i64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub currency: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_description: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenQueryRequest {
    #[serde(default)]
    pub merchant_id: String,
    /// v1.2 only (v3 carries the time in `x-paykka-timestamp`).
    #[serde(
        default,
        deserialize_with = "de_opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub timestamp: Option<i64>,
    pub shopper_reference: String,
}

/// One stored payment method. `card_info` (brand, last4, expiry) is a sandbox extension.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenInfo {
    pub token: String,
    pub token_usage: String,
    pub payment_method: String,
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shopper_reference: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_info: Option<CardInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurring_agreement_id: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenRemoveRequest {
    #[serde(default)]
    pub merchant_id: String,
    /// v1.2 only (v3 carries the time in `x-paykka-timestamp`).
    #[serde(
        default,
        deserialize_with = "de_opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub timestamp: Option<i64>,
    pub token: String,
    pub shopper_reference: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecurringCancelRequest {
    #[serde(default)]
    pub merchant_id: String,
    /// v1.2 only (v3 carries the time in `x-paykka-timestamp`).
    #[serde(
        default,
        deserialize_with = "de_opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub timestamp: Option<i64>,
    pub recurring_agreement_id: String,
    pub shopper_reference: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplePaySessionRequest {
    #[serde(default)]
    pub merchant_id: String,
    /// v1.2 only (v3 carries the time in `x-paykka-timestamp`).
    #[serde(
        default,
        deserialize_with = "de_opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub timestamp: Option<i64>,
    pub display_name: String,
    pub domain_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation_url: Option<String>,
}

/// Webhook body: the transaction data plus a notification id and the signing fields.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PaymentNotification {
    pub notify_id: String,
    /// `TRANSACTION`.
    pub notify_type: String,
    /// v1.2 only (v3 carries the time in `x-paykka-timestamp`).
    #[serde(
        default,
        deserialize_with = "de_opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub timestamp: Option<i64>,
    #[serde(flatten)]
    pub transaction: TransactionData,
}

/// A webhook as PayKKa documents it: `notify_type` (`PAYMENT.AUTHORIZATION`,
/// `PAYMENT.SUCCESS`, `PAYMENT.FAILURE`, `PAYMENT.CANCELED`, `REFUND.SUCCESS`,
/// `REFUND.FAILURE`), the payment's references and status, and for a refund its
/// `refund_order_id` (and `trans_id` the refund's reference). Read leniently: PayKKa's
/// payloads carry more than we use (3DS results, balances), and a new member must not make us
/// refuse a payment's news.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Notification {
    /// Ours (the sandbox's; PayKKa's payloads show none): the same for every retry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notify_id: Option<String>,
    pub notify_type: String,
    #[serde(default)]
    pub merchant_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trans_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_order_id: Option<String>,
    pub status: String,
    #[serde(
        default,
        deserialize_with = "de_opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pay_finish_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shopper_reference: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurring_agreement_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_info: Option<CardInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment: Option<MethodRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expire_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authentication_result: Option<AuthenticationResult>,
    /// v1.0-era payloads: `version` and an in-body `sign`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sign: Option<String>,
    /// v1.2: the time the webhook was signed at.
    #[serde(
        default,
        deserialize_with = "de_opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub timestamp: Option<i64>,
}

impl Notification {
    pub fn is_refund(&self) -> bool {
        self.notify_type.starts_with("REFUND.") || self.refund_order_id.is_some()
    }

    /// What one event is known by: `notify_id` when there is one, else the event itself
    /// (PayKKa's retries of one event carry the same type, ids and status).
    pub fn event_key(&self) -> String {
        self.notify_id.clone().unwrap_or_else(|| {
            format!(
                "{}:{}:{}:{}",
                self.notify_type,
                self.order_id.as_deref().unwrap_or(""),
                self.refund_order_id.as_deref().unwrap_or(""),
                self.status
            )
        })
    }
}

/// Final transaction statuses (a webhook is sent when one is reached).
pub fn is_final_status(status: &str) -> bool {
    !matches!(status, "PROCESSING")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_as_numbers_or_strings() {
        let j =
            r#"{"merchant_id":"m","timestamp":"1","trans_id":"t","currency":"HKD","amount":"800"}"#;
        let r: CreateSessionRequest = serde_json::from_str(j).unwrap();
        assert_eq!(r.amount, 800);
        let j = r#"{"merchant_id":"m","timestamp":1,"trans_id":"t","currency":"HKD","amount":800}"#;
        assert_eq!(
            serde_json::from_str::<CreateSessionRequest>(j)
                .unwrap()
                .amount,
            800
        );
        for bad in [r#""8.5""#, "8.5", r#""-1""#, "true", r#""""#] {
            let j = format!(
                r#"{{"merchant_id":"m","timestamp":1,"trans_id":"t","currency":"HKD","amount":{bad}}}"#
            );
            assert!(
                serde_json::from_str::<CreateSessionRequest>(&j).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn seed_payment_request_parses() {
        let j = r#"{"trans_id":"174293243204408","merchant_id":"18356675194960","payment_type":"PURCHASE",
            "authorisation_type":"FINAL_AUTH","capture_method":"AUTOMATIC","timestamp":1746515589126,
            "currency":"EUR","amount":100,"notify_url":"https://your_url","return_url":"https://your_url",
            "payment":{"payment_method":"BANKCARD","shopper_reference":"f49","card_no":"4242424242424242",
            "exp_year":"2029","exp_month":"03","cvv":"123","holder_name":"W R","holder_email":"z@test.com"},
            "browser":{"user_agent":"x"},"goods":[{"id":"1"}],"customer":{"pay_ip":"1.2.3.4"},
            "authentication":{"challenge_indicator":"AUTO"}}"#;
        let r: PaymentRequest = serde_json::from_str(j).unwrap();
        assert_eq!(r.amount, Some(100));
        assert_eq!(r.payment.card_no.as_deref(), Some("4242424242424242"));
        let bad = j.replace("\"cvv\"", "\"cvc\"");
        assert!(serde_json::from_str::<PaymentRequest>(&bad).is_err());
    }

    #[test]
    fn seed_transaction_response_parses() {
        let j = r#"{ "ret_code": "000000", "ret_msg": "Success", "data": { "merchant_id": "18356675194960", "trans_id": "174293243204402", "order_id": "GW205905xxxx960982", "status": "PROCESSING", "authorisation_type": "FINAL_AUTH", "capture_method": "AUTOMATIC", "amount": 100, "currency": "EUR", "shopper_reference": "f4911bc8b17106a08f2f7a89a9fc4d11", "expire_time": "2025-05-06T14:40:43+08:00", "payment": { "payment_method": "BANKCARD" }, "card_info": { "bin": "424242", "last4": "4242", "card_brand": "VISA" }, "balances": { "authed_amount": 100, "captured_amount": 100, "able_to_capture_amount": 0, "voided_amount": 0, "able_to_void_amount": 0, "refunded_amount": 0, "able_to_refund_amount": 0 } } }"#;
        let r: ApiResponse<TransactionData> = serde_json::from_str(j).unwrap();
        assert!(r.is_success());
        assert_eq!(r.data.unwrap().balances.captured_amount, 100);
        let s = r#"{"ret_code":"000000","ret_msg":"Success","data":{"merchant_id":"1","trans_id":"m","session_id":"CS2","session_mode":"HOSTED","status":"PROCESSING","currency":"HKD","amount":"800","expire_time":"2025-05-05T17:17:24+08:00","authorisation_type":"FINAL_AUTH","capture_method":"AUTOMATIC","session_url":"https://x"}}"#;
        let r: ApiResponse<SessionData> = serde_json::from_str(s).unwrap();
        assert_eq!(r.data.unwrap().amount, 800);
        let e: ApiResponse<SessionData> =
            serde_json::from_str(r#"{"ret_code":"300001","ret_msg":"no"}"#).unwrap();
        assert!(!e.is_success() && e.data.is_none());
    }
}
