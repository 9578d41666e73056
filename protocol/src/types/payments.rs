//! Payments: Initiate Transaction, Query Transaction and the transaction data they answer.

use super::{Address, Authentication, Browser, Customer, Goods, de_int, de_opt_int};
use serde::{Deserialize, Serialize};
use serde_json::Value;

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

/// Final transaction statuses (a webhook is sent when one is reached).
pub fn is_final_status(status: &str) -> bool {
    !matches!(status, "PROCESSING")
}
