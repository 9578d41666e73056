//! Stored payment methods (tokens) and recurring agreements.

use super::de_opt_int;
use super::payments::CardInfo;
use serde::{Deserialize, Serialize};

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
