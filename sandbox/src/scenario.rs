//! Stored records, test-card outcomes, and the state changes of a transaction.

use crate::AppState;
use crate::db::{self, DbResult};
use paykka_protocol::card;
use paykka_protocol::decline;
use paykka_protocol::time::{format_rfc3339, now_ms};
use paykka_protocol::types::{
    Action, Balances, CardInfo, MethodInfo, MethodRef, PaymentNotification, SessionData,
    TransactionData,
};
use rusqlite::Transaction;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// What a card does, decided by its number (the brief's test cards) when it is first seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scenario {
    Success,
    Declined,
    InsufficientFunds,
    /// 3DS challenge; code 1234 passes.
    Challenge,
    /// 3DS challenge (code 1234 passes), then declined by the issuer.
    ChallengeThenDecline,
}

pub fn scenario_for(pan: &str) -> Scenario {
    match pan {
        "4000000000000002" => Scenario::Declined,
        "4000000000009995" => Scenario::InsufficientFunds,
        "4000002760003184" => Scenario::Challenge,
        "4000008400001629" => Scenario::ChallengeThenDecline,
        _ => Scenario::Success,
    }
}

/// The 3DS code that passes a challenge.
pub const CHALLENGE_CODE: &str = "1234";

/// Payment methods in the order a session offers them by default.
pub const DEFAULT_METHODS: &[&str] = &[
    "BANKCARD",
    "ApplePay",
    "GooglePay",
    "WechatPayGlobal",
    "AlipayPlus",
];

/// Every method the sandbox knows, with its flow.
pub const METHODS: &[(&str, &str)] = &[
    ("BANKCARD", "card"),
    ("ApplePay", "wallet"),
    ("GooglePay", "wallet"),
    ("WechatPayGlobal", "qr"),
    ("AlipayPlus", "qr"),
    ("eftpos", "redirect"),
    ("SEPA", "redirect"),
    ("Bancontact", "redirect"),
    ("EPS", "redirect"),
    ("iDEAL", "redirect"),
    ("P24", "redirect"),
    ("Sofort", "redirect"),
];

/// Canonical name and flow of a method name, read as PayKKa's documents spell it in different
/// places: case-insensitive, with or without underscores (`BankCard`, `BANKCARD`;
/// `GooglePay`, `GOOGLE_PAY`).
pub fn method(name: &str) -> Option<(&'static str, &'static str)> {
    let squeezed: String = name.chars().filter(|c| *c != '_').collect();
    METHODS
        .iter()
        .copied()
        .find(|(m, _)| m.eq_ignore_ascii_case(&squeezed))
}

pub fn method_info(name: &str) -> MethodInfo {
    let (m, flow) = method(name).unwrap_or(("BANKCARD", "card"));
    MethodInfo {
        payment_method: m.to_string(),
        flow: flow.to_string(),
        brands: if flow == "card" {
            card::Brand::ALL
                .iter()
                .map(|b| b.as_str().to_string())
                .collect()
        } else {
            vec![]
        },
    }
}

/// A session id: the shopper's only credential towards the merchant backend until it pays, so
/// 128 random bits (32 hex digits), not a counter or a short number.
pub fn new_session_id() -> String {
    use paykka_protocol::rsa::rand_core::{OsRng, RngCore};
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    format!("CS{}", paykka_protocol::hex(&bytes))
}

pub fn new_id(prefix: &str) -> String {
    use paykka_protocol::rsa::rand_core::{OsRng, RngCore};
    format!(
        "{prefix}{:018}",
        OsRng.next_u64() % 1_000_000_000_000_000_000
    )
}

pub fn fingerprint(merchant_id: &str, pan: &str) -> String {
    let h = Sha256::digest(format!("{merchant_id}:{pan}").as_bytes());
    h.iter().map(|b| format!("{b:02x}")).collect()
}

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

pub enum Outcome {
    Approve,
    Fail(&'static str),
}

/// Moves a transaction to its final state: balances, token, session, webhook.
pub fn finalize(
    st: &AppState,
    tx: &Transaction<'_>,
    t: &mut TxRec,
    outcome: Outcome,
) -> DbResult<()> {
    let now = now_ms();
    t.pay_finish_at = Some(now);
    t.action_expires_at = None;
    t.pending = None;
    match outcome {
        Outcome::Approve => {
            let manual = t.capture_method == "MANUAL";
            t.status = if manual { "AUTHORIZED" } else { "SUCCESS" }.into();
            t.error_code = Some(decline::OK.into());
            t.balances = Balances {
                authed_amount: t.amount,
                captured_amount: if manual { 0 } else { t.amount },
                able_to_capture_amount: if manual { t.amount } else { 0 },
                voided_amount: 0,
                able_to_void_amount: if manual { t.amount } else { 0 },
                refunded_amount: 0,
                able_to_refund_amount: if manual { 0 } else { t.amount },
            };
            if let Some(s) = t.store.take() {
                let existing = db::token_by_fingerprint(
                    tx,
                    &t.merchant_id,
                    &s.shopper_reference,
                    &s.fingerprint,
                    &s.token_usage,
                )?;
                let tok = match existing {
                    Some(tok) => tok,
                    None => {
                        let recurring =
                            s.token_usage == "SUBSCRIPTION" || t.payment_type == "RECURRING";
                        let tok = TokenRec {
                            token: new_id("TK"),
                            merchant_id: t.merchant_id.clone(),
                            shopper_reference: s.shopper_reference.clone(),
                            token_usage: s.token_usage.clone(),
                            payment_method: "BANKCARD".into(),
                            status: "ACTIVATE".into(),
                            card: s.card.clone(),
                            scenario: s.scenario,
                            fingerprint: s.fingerprint.clone(),
                            recurring_agreement_id: recurring.then(|| new_id("RA")),
                            created_at: now,
                        };
                        db::insert_token(tx, &tok)?;
                        tok
                    }
                };
                t.token = Some(tok.token);
                t.token_usage = Some(tok.token_usage);
                t.recurring_agreement_id = tok.recurring_agreement_id;
            }
            if let Some(sid) = &t.session_id
                && let Some(mut s) = db::session_any(tx, sid)?
            {
                s.status = "COMPLETED".into();
                db::update_session(tx, &s)?;
            }
        }
        Outcome::Fail(code) => {
            t.status = "FAILURE".into();
            t.error_code = Some(code.into());
            t.balances = Balances::default();
            t.store = None;
        }
    }
    db::update_tx(tx, t)?;
    enqueue(st, tx, t)
}

/// Queues a signed notification of the transaction's current state, if it has a notify_url.
/// PayKKa's `notify_type` for a payment reaching `status`.
pub fn notify_type(status: &str) -> &'static str {
    match status {
        "AUTHORIZED" => "PAYMENT.AUTHORIZATION",
        "SUCCESS" => "PAYMENT.SUCCESS",
        "CANCELED" => "PAYMENT.CANCELED",
        "REFUNDED" | "PARTIALLY_REFUNDED" => "REFUND.SUCCESS",
        _ => "PAYMENT.FAILURE",
    }
}

pub fn enqueue(st: &AppState, tx: &Transaction<'_>, t: &TxRec) -> DbResult<()> {
    let Some(url) = t.notify_url.clone() else {
        return Ok(());
    };
    let n = PaymentNotification {
        notify_id: new_id("NT"),
        notify_type: notify_type(&t.status).into(),
        timestamp: None,
        transaction: t.to_data(),
    };
    db::enqueue_webhook(
        tx,
        &n.notify_id,
        &t.merchant_id,
        &url,
        &serde_json::to_string(&n).expect("serialises"),
    )?;
    st.wake.notify_one();
    Ok(())
}

/// Queues the refund's notification (`REFUND.SUCCESS` / `REFUND.FAILURE`) to `url`.
pub fn enqueue_refund(
    st: &AppState,
    tx: &Transaction<'_>,
    r: &paykka_protocol::types::RefundData,
    url: Option<String>,
) -> DbResult<()> {
    let Some(url) = url else {
        return Ok(());
    };
    let notify_id = new_id("NT");
    let body = serde_json::json!({
        "notify_id": notify_id,
        "notify_type": if r.status == "SUCCESS" { "REFUND.SUCCESS" } else { "REFUND.FAILURE" },
        "merchant_id": r.merchant_id,
        "trans_id": r.refund_trans_id,
        "order_id": r.ori_order_id,
        "refund_order_id": r.refund_order_id,
        "status": r.status,
        "amount": r.amount,
        "currency": r.currency,
        "error_code": r.error_code,
    });
    db::enqueue_webhook(tx, &notify_id, &r.merchant_id, &url, &body.to_string())?;
    st.wake.notify_one();
    Ok(())
}

/// Outcome of a card first seen, before any challenge.
pub fn card_check(
    pan: &str,
    exp_month: u32,
    exp_year: u32,
    cvv: Option<&str>,
    now: i64,
) -> Result<(card::Brand, Scenario), &'static str> {
    let brand = card::validate_pan(pan).ok_or(decline::INVALID_CARD)?;
    expiry_check(exp_month, exp_year, now)?;
    if let Some(c) = cvv
        && (c.len() != brand.cvv_len() || !c.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(decline::INVALID_CVV);
    }
    Ok((brand, scenario_for(pan)))
}

pub fn expiry_check(exp_month: u32, exp_year: u32, now: i64) -> Result<(), &'static str> {
    let today = format_rfc3339(now);
    let y: u32 = today[0..4].parse().unwrap_or(0);
    let m: u32 = today[5..7].parse().unwrap_or(0);
    if (exp_year, exp_month) < (y, m) {
        Err(decline::EXPIRED_CARD)
    } else {
        Ok(())
    }
}
