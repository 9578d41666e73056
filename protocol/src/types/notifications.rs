//! Webhooks: the body the sandbox sends and the notification as PayKKa documents it.

use super::de_opt_int;
use super::payments::{AuthenticationResult, CardInfo, MethodRef, TransactionData};
use serde::{Deserialize, Serialize};

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
