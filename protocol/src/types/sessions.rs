//! Sessions: Create Session, Query Session, the session data they answer, and the Apple Pay
//! merchant session a wallet sheet asks for.

use super::{Address, Authentication, Customer, Goods, de_int, de_opt_int};
use serde::{Deserialize, Serialize};

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
