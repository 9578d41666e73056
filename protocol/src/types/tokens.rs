//! Stored payment methods (tokens) and recurring agreements.

use super::payments::CardInfo;
use serde::{Deserialize, Serialize};

wire! {
    /// Token Query (v1.2 `/payments/token/query`; v3 path not published, ours
    /// `/v3/payment/acq/token/query`): a shopper's stored methods, answered as a list of
    /// [`TokenInfo`].
    #[derive(Debug, Clone, Default, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct TokenQueryRequest {
        signed_request_fields;
        /// The merchant's id of the shopper whose stored methods are asked for.
        pub shopper_reference: String,
    }

    /// One stored payment method. `card_info` (brand, last4, expiry) is a sandbox extension.
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct TokenInfo {
        /// PayKKa's token (`TK...`), which a payment's `payment.token` names.
        pub token: String,
        /// What it may be used for: `CARD_ON_FILE`, `SUBSCRIPTION` or
        /// `UNSCHEDULED_CARD_ON_FILE`.
        pub token_usage: String,
        /// The method stored (`BANKCARD`).
        pub payment_method: String,
        /// `ACTIVATE`, or `INACTIVE` once its recurring agreement is cancelled.
        pub status: String,
        /// The merchant's id of the shopper it belongs to.
        pub shopper_reference: Option<String>,
        /// The stored card (sandbox extension): brand, BIN, last four, expiry.
        pub card_info: Option<CardInfo>,
        /// The recurring agreement (`RA...`) the token serves, for `SUBSCRIPTION` tokens.
        pub recurring_agreement_id: Option<String>,
    }

    /// Token Remove (`/v3/payment/acq/token/remove`, v1.2 `/payments/token/remove`): deletes a
    /// shopper's stored method.
    #[derive(Debug, Clone, Default, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct TokenRemoveRequest {
        signed_request_fields;
        /// The token to delete (`TK...`).
        pub token: String,
        /// The merchant's id of the shopper it belongs to (must match).
        pub shopper_reference: String,
    }

    /// Recurring Cancel (`/v3/payment/acq/recurring/cancel`, v1.2
    /// `/payments/recurring/cancel`): ends a recurring agreement; its token becomes `INACTIVE`.
    /// An unknown agreement answers `206031`.
    #[derive(Debug, Clone, Default, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct RecurringCancelRequest {
        signed_request_fields;
        /// The agreement to end (`RA...`), as the first recurring payment answered it.
        pub recurring_agreement_id: String,
        /// The merchant's id of the shopper it belongs to (must match).
        pub shopper_reference: String,
    }
}
