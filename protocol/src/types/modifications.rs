//! Changes to a payment: capture, void, refund, and the refund query.

use super::de_int;
use serde::{Deserialize, Serialize};

wire! {
    /// Capture (v1.2 `/payments/capture`; v3 path not published, ours
    /// `/v3/payment/acq/capture`): takes all or part of a `MANUAL` authorisation. Answered with
    /// the payment's [`super::TransactionData`].
    #[derive(Debug, Clone, Default, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct CaptureRequest {
        signed_request_fields;
        /// PayKKa's id of the authorised payment (`GW...`).
        pub order_id: String,
        /// How much to capture, in the currency's minor units (at most
        /// `able_to_capture_amount`, else `206026`); read as a number or a string of digits.
        #[serde(deserialize_with = "de_int")]
        pub amount: i64,
        /// ISO 4217 code; must be the payment's.
        pub currency: String,
        /// `false` keeps the rest of the authorisation capturable; `None` or `true`: this is
        /// the last capture, the rest is released.
        pub capture_final: Option<bool>,
    }

    /// Void (`/v3/payment/acq/void`, v1.2 `/payments/void`): releases what is authorised and
    /// not captured (CANCELED, or PARTIALLY_REVERSED after a partial capture). Answered with the
    /// payment's [`super::TransactionData`].
    #[derive(Debug, Clone, Default, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct VoidRequest {
        signed_request_fields;
        /// PayKKa's id of the payment to void (`GW...`).
        pub order_id: String,
        /// The merchant's reason, free text for PayKKa's records.
        pub reason: Option<String>,
    }

    /// Refund (`/v3/payment/acq/refund`), as PayKKa's v3 plugin sends it (the v1.2 document
    /// shows no example; the same members are sent there, to our `/payments/refund`):
    /// `refund_trans_id` is the merchant's reference of the refund, `ori_order_id` the
    /// payment's `order_id`. Answered with [`RefundData`].
    #[derive(Debug, Clone, Default, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct RefundRequest {
        signed_request_fields;
        /// The merchant's reference of this refund; the same one again answers the same
        /// refund (so a retry does not refund twice).
        pub refund_trans_id: String,
        /// PayKKa's id of the payment refunded (`GW...`).
        pub ori_order_id: String,
        /// How much to refund, in the currency's minor units (at most
        /// `able_to_refund_amount`, else `206026`); read as a number or a string of digits.
        #[serde(deserialize_with = "de_int")]
        pub refund_amount: i64,
        /// ISO 4217 code; must be the payment's.
        pub currency: String,
        /// The merchant's reason, free text for PayKKa's records.
        pub reason: Option<String>,
        /// Where PayKKa posts the refund's webhook (`REFUND.SUCCESS` / `REFUND.FAILURE`);
        /// `None`: no webhook.
        pub notify_url: Option<String>,
    }

    /// Refund query (`/v3/payment/acq/refund/query`; v1.2 path ours): by the merchant's
    /// `refund_trans_id` or PayKKa's `refund_order_id`. Answered with [`RefundData`]; an
    /// unknown refund with `206027`.
    #[derive(Debug, Clone, Default, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct RefundQueryRequest {
        signed_request_fields;
        /// The merchant's reference of the refund.
        pub refund_trans_id: Option<String>,
        /// PayKKa's id of the refund (`RG...`).
        pub refund_order_id: Option<String>,
    }

    /// A refund, as the refund answer, the refund query and the refund webhook carry it.
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct RefundData {
        /// The merchant's id at PayKKa; empty (and left out) when not sent.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        pub merchant_id: String,
        /// The merchant's reference of the refund.
        pub refund_trans_id: String,
        /// PayKKa's id of the refund (`RG...`).
        pub refund_order_id: String,
        /// The refunded payment's `order_id`.
        pub ori_order_id: Option<String>,
        /// `REVIEWING`, `PROCESSING`, `SUCCESS` or `FAILURE`.
        pub status: String,
        /// Refunded, in the currency's minor units; read as a number or a string of digits.
        #[serde(deserialize_with = "de_int")]
        pub amount: i64,
        /// ISO 4217 code of `amount`; empty (and left out) when not sent.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        pub currency: String,
        /// `0000` on success, else why the refund failed.
        pub error_code: Option<String>,
        /// PayKKa's text of `error_code`.
        pub error_description: Option<String>,
    }
}
