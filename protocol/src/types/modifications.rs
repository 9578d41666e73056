//! Changes to a payment: capture, void, refund, and the refund query.

use super::{de_int, de_opt_int};
use serde::{Deserialize, Serialize};

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
