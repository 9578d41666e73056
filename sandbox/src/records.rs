//! The records the sandbox stores (sessions, transactions, tokens) and how each answers in the
//! API. Owned here, below the storage that keeps them (`db`) and the state changes that move them
//! (`lifecycle`), so that both read them and neither reads the other.

use crate::scenario::{Scenario, method_info};
use paykka_protocol::decline;
use paykka_protocol::time::{format_rfc3339, now_ms};
use paykka_protocol::types::{Action, Balances, CardInfo, MethodRef, SessionData, TransactionData};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SessionRec {
    pub session_id: String,
    pub merchant_id: String,
    pub trans_id: String,
    pub session_mode: String,
    /// PROCESSING, COMPLETED (paid); EXPIRED is derived from `expire_at`.
    pub status: String,
    pub currency: String,
    pub amount: i64,
    pub expire_at: i64,
    pub created_at: i64,
    pub authorisation_type: String,
    pub capture_method: String,
    pub payment_type: String,
    pub display_locale: String,
    pub return_url: Option<String>,
    pub notify_url: Option<String>,
    pub shopper_reference: Option<String>,
    pub store_payment_method: bool,
    pub token_usage: Option<String>,
    pub payment_methods: Vec<String>,
    pub mit: bool,
    /// The order's details as the merchant sent them (`goods`, `bill`, `shipping`,
    /// `customer`, `cancel_url`): kept, as a gateway keeps them for risk checks and receipts.
    #[serde(default)]
    pub details: serde_json::Value,
}

impl SessionRec {
    pub fn effective_status(&self, now: i64) -> &str {
        if self.status == "PROCESSING" && now >= self.expire_at {
            "EXPIRED"
        } else {
            &self.status
        }
    }

    pub fn to_data(&self, base_url: &str, order_id: Option<String>) -> SessionData {
        SessionData {
            merchant_id: self.merchant_id.clone(),
            trans_id: self.trans_id.clone(),
            session_id: self.session_id.clone(),
            session_mode: self.session_mode.clone(),
            status: self.effective_status(now_ms()).to_string(),
            currency: self.currency.clone(),
            amount: self.amount,
            expire_time: format_rfc3339(self.expire_at),
            authorisation_type: self.authorisation_type.clone(),
            capture_method: self.capture_method.clone(),
            payment_type: self.payment_type.clone(),
            session_url: format!("{base_url}/hp/pay/{}", self.session_id),
            display_locale: (!self.display_locale.is_empty()).then(|| self.display_locale.clone()),
            shopper_reference: self.shopper_reference.clone(),
            store_payment_method: Some(self.store_payment_method),
            token_usage: self.token_usage.clone(),
            payment_methods: self
                .payment_methods
                .iter()
                .map(|m| method_info(m))
                .collect(),
            order_id,
        }
    }
}

/// A card to store if the payment succeeds.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoreReq {
    pub shopper_reference: String,
    pub token_usage: String,
    pub fingerprint: String,
    pub card: CardInfo,
    pub scenario: Scenario,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Pending {
    Challenge { then_decline: bool },
    Approval,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TxRec {
    pub order_id: String,
    pub merchant_id: String,
    pub trans_id: String,
    pub session_id: Option<String>,
    pub status: String,
    pub payment_type: String,
    pub authorisation_type: String,
    pub capture_method: String,
    pub amount: i64,
    pub currency: String,
    pub shopper_reference: Option<String>,
    pub payment_method: String,
    pub card: Option<CardInfo>,
    pub balances: Balances,
    pub error_code: Option<String>,
    pub created_at: i64,
    pub pay_finish_at: Option<i64>,
    pub action: Option<Action>,
    pub action_expires_at: Option<i64>,
    pub pending: Option<Pending>,
    pub return_url: Option<String>,
    pub notify_url: Option<String>,
    pub store: Option<StoreReq>,
    pub token: Option<String>,
    pub token_usage: Option<String>,
    pub recurring_agreement_id: Option<String>,
    /// What the payment request said of the shopper's browser and address and of 3-D Secure
    /// (`browser`, `customer`, `authentication`).
    #[serde(default)]
    pub details: serde_json::Value,
}

impl TxRec {
    pub fn to_data(&self) -> TransactionData {
        TransactionData {
            merchant_id: self.merchant_id.clone(),
            trans_id: self.trans_id.clone(),
            order_id: self.order_id.clone(),
            session_id: self.session_id.clone(),
            status: self.status.clone(),
            payment_type: self.payment_type.clone(),
            authorisation_type: self.authorisation_type.clone(),
            capture_method: self.capture_method.clone(),
            amount: self.amount,
            currency: self.currency.clone(),
            shopper_reference: self.shopper_reference.clone(),
            expire_time: self.action_expires_at.map(format_rfc3339),
            payment: MethodRef {
                payment_method: self.payment_method.clone(),
                store_payment_method: None,
            },
            card_info: self.card.clone(),
            balances: self.balances,
            error_code: self.error_code.clone(),
            error_description: self
                .error_code
                .as_deref()
                .map(|c| decline::description(c).to_string()),
            pay_finish_time: self.pay_finish_at.map(format_rfc3339),
            action: if self.status == "PROCESSING" {
                self.action.clone()
            } else {
                None
            },
            token: self.token.clone(),
            token_usage: self.token_usage.clone(),
            recurring_agreement_id: self.recurring_agreement_id.clone(),
            // PayKKa's own signal of a pending 3-D Secure challenge, beside our `action`.
            authentication_result: match (&self.pending, &self.action) {
                (Some(Pending::Challenge { .. }), Some(a)) if self.status == "PROCESSING" => {
                    Some(paykka_protocol::types::AuthenticationResult {
                        authentication_url: Some(a.url.clone()),
                        ..Default::default()
                    })
                }
                _ => None,
            },
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TokenRec {
    pub token: String,
    pub merchant_id: String,
    pub shopper_reference: String,
    pub token_usage: String,
    pub payment_method: String,
    /// ACTIVATE, or INACTIVE once its recurring agreement is cancelled.
    pub status: String,
    pub card: CardInfo,
    pub scenario: Scenario,
    pub fingerprint: String,
    pub recurring_agreement_id: Option<String>,
    pub created_at: i64,
}
