//! Webhooks: the body the sandbox sends and the notification as PayKKa documents it.

use super::de_opt_int;
use super::payments::{AuthenticationResult, CardInfo, MethodRef, TransactionData};
use serde::{Deserialize, Serialize};

wire! {
    /// Webhook body the sandbox sends: the transaction data plus a notification id and the
    /// signing fields. The merchant reads it as a [`Notification`].
    #[derive(Debug, Clone, Default, Serialize, Deserialize)]
    pub struct PaymentNotification {
        /// The sandbox's id of this event (`NT...`), the same on every retry: what the
        /// merchant deduplicates by.
        pub notify_id: String,
        /// PayKKa's type of the event: `PAYMENT.AUTHORIZATION`, `PAYMENT.SUCCESS`,
        /// `PAYMENT.FAILURE`, `PAYMENT.CANCELED` or `REFUND.SUCCESS`.
        pub notify_type: String,
        /// v1.2 only: when the webhook was signed, in milliseconds since the epoch (the
        /// signature covers it). `None` in v3, which carries it in `x-paykka-timestamp`.
        #[serde(deserialize_with = "de_opt_int")]
        pub timestamp: Option<i64>,
        /// The payment as Query Transaction would answer it, its members at the top level.
        #[serde(flatten)]
        pub transaction: TransactionData,
    }

    /// A webhook as PayKKa documents it: `notify_type` (`PAYMENT.AUTHORIZATION`,
    /// `PAYMENT.SUCCESS`, `PAYMENT.FAILURE`, `PAYMENT.CANCELED`, `REFUND.SUCCESS`,
    /// `REFUND.FAILURE`), the payment's references and status, and for a refund its
    /// `refund_order_id` (and `trans_id` the refund's reference). Read leniently: PayKKa's
    /// payloads carry more than we use (3DS results, balances), and a new member must not make us
    /// refuse a payment's news. Acknowledged with HTTP 200.
    #[derive(Debug, Clone, Default, Serialize, Deserialize)]
    pub struct Notification {
        /// Ours (the sandbox's; PayKKa's payloads show none): the same for every retry.
        pub notify_id: Option<String>,
        /// The event: `PAYMENT.AUTHORIZATION`, `PAYMENT.SUCCESS`, `PAYMENT.FAILURE`,
        /// `PAYMENT.CANCELED`, `REFUND.SUCCESS` or `REFUND.FAILURE`.
        pub notify_type: String,
        /// The merchant's id at PayKKa; empty when not sent.
        #[serde(default)]
        pub merchant_id: String,
        /// The merchant's reference of the payment (of the refund, for a refund event).
        pub trans_id: Option<String>,
        /// PayKKa's id of the payment (`GW...`).
        pub order_id: Option<String>,
        /// The checkout session paid in (`CS...`), for session payments.
        pub session_id: Option<String>,
        /// PayKKa's id of the refund (`RG...`), for refund events.
        pub refund_order_id: Option<String>,
        /// The payment's (or refund's) status after the event, as in [`TransactionData`].
        pub status: String,
        /// In the currency's minor units, read as a number or a string of digits.
        #[serde(deserialize_with = "de_opt_int")]
        pub amount: Option<i64>,
        /// ISO 4217 code of `amount`.
        pub currency: Option<String>,
        /// `0000` on success, else the decline's code ([`crate::decline`]).
        pub error_code: Option<String>,
        /// PayKKa's text of `error_code`.
        pub error_description: Option<String>,
        /// When the payment reached its final status (ISO 8601 with an offset).
        pub pay_finish_time: Option<String>,
        /// The token (`TK...`) the card was stored as, or paid with.
        pub token: Option<String>,
        /// The merchant's id of the shopper, when a card is stored for them.
        pub shopper_reference: Option<String>,
        /// The recurring agreement (`RA...`) a first recurring payment created.
        pub recurring_agreement_id: Option<String>,
        /// The card paid with (card payments only).
        pub card_info: Option<CardInfo>,
        /// The method paid with.
        pub payment: Option<MethodRef>,
        /// When an unfinished payment stops being payable (ISO 8601 with an offset).
        pub expire_time: Option<String>,
        /// 3-D Secure outcome, as PayKKa sends it.
        pub authentication_result: Option<AuthenticationResult>,
        /// v1.0-era payloads: their API version (v1.2 and v3 carry it in headers).
        pub version: Option<String>,
        /// v1.0-era payloads: the signature, in the body (v1.2 and v3 sign in headers).
        pub sign: Option<String>,
        /// v1.2: the time the webhook was signed at, in milliseconds since the epoch.
        #[serde(deserialize_with = "de_opt_int")]
        pub timestamp: Option<i64>,
    }
}

impl Notification {
    /// Is this a refund's news (`REFUND.*`, or any event naming a `refund_order_id`) rather than
    /// a payment's?
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
