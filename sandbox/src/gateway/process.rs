//! A payment, step by step, inside its database transaction: resolve the session, take the
//! terms (from the session, or from the request without one), validate them, then apply what
//! the method does (a stored card, a new card, a wallet, or an approval to wait for) and answer
//! the transaction as it now stands.

use super::card_data::{CardDetails, CardSource, parse_month, parse_year};
use super::error::GwError;
use super::validate::{
    AUTH_TYPES, CAPTURE_METHODS, Keep, PAYMENT_TYPES, check_enum, check_id, check_money, check_url,
    none_if_empty,
};
use crate::db;
use crate::ids::{fingerprint, new_id};
use crate::lifecycle::{Outcome, finalize};
use crate::records::{Pending, SessionRec, StoreReq, TxRec};
use crate::scenario::{self, Scenario};
use crate::state::AppState;
use paykka_protocol::time::{format_rfc3339, now_ms};
use paykka_protocol::types::{Action, Balances, CardInfo, PaymentRequest, TransactionData};
use paykka_protocol::{card, decline, ret};
use rusqlite::Transaction;

/// One payment being processed: what every step reads.
struct Payment<'a> {
    st: &'a AppState,
    tx: &'a Transaction<'a>,
    mid: &'a str,
    r: &'a PaymentRequest,
    method: &'static str,
    now: i64,
    /// When an action (3DS challenge, QR code, redirect) started now expires.
    expires: i64,
}

/// Processes one payment: the steps below, in this order, each refusing with its own error.
/// The card was read before the transaction opened (`PaidWith::read` in `payments.rs`).
pub(super) fn process_payment(
    st: &AppState,
    tx: &Transaction<'_>,
    mid: &str,
    r: &PaymentRequest,
    method: &'static str,
    flow: &'static str,
    source: Option<CardSource>,
) -> Result<TransactionData, GwError> {
    let now = now_ms();
    let pay = Payment {
        st,
        tx,
        mid,
        r,
        method,
        now,
        expires: now + st.action_ttl.as_millis() as i64,
    };
    let session = pay.resolve_session()?;
    check_url("return_url", &r.return_url)?;
    check_url("notify_url", &r.notify_url)?;
    let mut t = pay.new_transaction();
    let mut keep = Keep::asked(r.payment.store_payment_method, &r.payment.token_usage);
    match &session {
        Some(s) => pay.take_session_terms(s, &mut t, &mut keep)?,
        None => pay.take_request_terms(&mut t)?,
    }
    pay.validate(&t, &mut keep)?;
    match (flow, source) {
        ("card", Some(CardSource::Token { token, cvv })) => pay.with_token(&mut t, &token, cvv)?,
        ("card", Some(CardSource::Card(c))) => pay.with_card(&mut t, &keep, &c)?,
        ("wallet", _) => pay.with_wallet(&mut t)?,
        (_, _) => pay.await_approval(&mut t, flow)?,
    }
    Ok(t.to_data())
}

impl Payment<'_> {
    /// The session paid: by `session_id` (a `trans_id` beside it must be the session's), else by
    /// `trans_id` (none: a payment without a session).
    fn resolve_session(&self) -> Result<Option<SessionRec>, GwError> {
        let r = self.r;
        if let Some(sid) = none_if_empty(&r.session_id) {
            let s = db::session_by_id(self.tx, self.mid, sid)?
                .ok_or_else(|| GwError::biz(ret::SESSION_NOT_FOUND, "the session doesn't exist"))?;
            if let Some(t) = none_if_empty(&r.trans_id)
                && t != s.trans_id
            {
                return Err(GwError::biz(
                    ret::INVALID_REQUEST,
                    "trans_id does not match the session's",
                ));
            }
            Ok(Some(s))
        } else if let Some(t) = none_if_empty(&r.trans_id) {
            check_id("trans_id", t)?;
            Ok(db::session_by_trans(self.tx, self.mid, t)?)
        } else {
            Err(GwError::biz(
                ret::MISSING_PARAMETER,
                "session_id or trans_id is required",
            ))
        }
    }

    /// The transaction before its terms: what the request says of itself.
    fn new_transaction(&self) -> TxRec {
        let r = self.r;
        TxRec {
            order_id: new_id("GW"),
            merchant_id: self.mid.to_string(),
            trans_id: String::new(),
            session_id: None,
            status: "PROCESSING".into(),
            payment_type: String::new(),
            authorisation_type: String::new(),
            capture_method: String::new(),
            amount: 0,
            currency: String::new(),
            shopper_reference: none_if_empty(&r.payment.shopper_reference).map(str::to_string),
            payment_method: self.method.to_string(),
            card: None,
            balances: Balances::default(),
            error_code: None,
            created_at: self.now,
            pay_finish_at: None,
            action: None,
            action_expires_at: None,
            pending: None,
            return_url: none_if_empty(&r.return_url).map(str::to_string),
            notify_url: none_if_empty(&r.notify_url).map(str::to_string),
            store: None,
            token: None,
            token_usage: None,
            recurring_agreement_id: None,
            details: serde_json::json!({ "browser": r.browser, "customer": r.customer,
                "authentication": r.authentication }),
        }
    }

    /// The session's terms: it must be open and unpaid, and what the request repeats of it
    /// (amount, currency, method, shopper) must match; what the request leaves out it gives.
    fn take_session_terms(
        &self,
        s: &SessionRec,
        t: &mut TxRec,
        keep: &mut Keep,
    ) -> Result<(), GwError> {
        let r = self.r;
        match s.effective_status(self.now) {
            "EXPIRED" => {
                return Err(GwError::biz(
                    ret::SESSION_EXPIRED,
                    "the session has expired",
                ));
            }
            "PROCESSING" => {}
            _ => {
                return Err(GwError::biz(
                    ret::SESSION_CLOSED,
                    "the session is already paid",
                ));
            }
        }
        if db::live_tx_count(self.tx, self.mid, "session_id", &s.session_id)? > 0 {
            return Err(GwError::biz(
                ret::SESSION_CLOSED,
                "the session is already paid",
            ));
        }
        if r.amount.is_some_and(|a| a != s.amount)
            || none_if_empty(&r.currency).is_some_and(|c| c != s.currency)
        {
            return Err(GwError::biz(
                ret::AMOUNT_MISMATCH,
                format!(
                    "amount and currency must match the session's ({} {})",
                    s.amount, s.currency
                ),
            ));
        }
        if !s.payment_methods.iter().any(|m| m == self.method) {
            return Err(GwError::biz(
                ret::UNSUPPORTED_PAYMENT_METHOD,
                format!("{} is not offered by this session", self.method),
            ));
        }
        match (&t.shopper_reference, &s.shopper_reference) {
            (Some(a), Some(b)) if a != b => {
                return Err(GwError::biz(
                    ret::INVALID_REQUEST,
                    "shopper_reference does not match the session's",
                ));
            }
            (None, Some(b)) => t.shopper_reference = Some(b.clone()),
            _ => {}
        }
        t.trans_id = s.trans_id.clone();
        t.session_id = Some(s.session_id.clone());
        t.amount = s.amount;
        t.currency = s.currency.clone();
        t.payment_type = r
            .payment_type
            .clone()
            .unwrap_or_else(|| s.payment_type.clone());
        t.authorisation_type = s.authorisation_type.clone();
        t.capture_method = s.capture_method.clone();
        t.return_url = t.return_url.take().or_else(|| s.return_url.clone());
        t.notify_url = t.notify_url.take().or_else(|| s.notify_url.clone());
        if r.payment.store_payment_method.is_none() {
            keep.store = s.store_payment_method;
        }
        if keep.token_usage.is_none() {
            keep.token_usage = s.token_usage.clone();
        }
        Ok(())
    }

    /// The terms of a payment without a session (a merchant server with the card in clear):
    /// amount and currency required, the `trans_id` not paid yet, enums or their defaults.
    fn take_request_terms(&self, t: &mut TxRec) -> Result<(), GwError> {
        let r = self.r;
        let trans_id = none_if_empty(&r.trans_id).unwrap_or_default();
        let (Some(amount), Some(currency)) = (r.amount, none_if_empty(&r.currency)) else {
            return Err(GwError::biz(
                ret::MISSING_PARAMETER,
                "amount and currency are required without a session",
            ));
        };
        check_money(currency, amount)?;
        if db::live_tx_count(self.tx, self.mid, "trans_id", trans_id)? > 0 {
            return Err(GwError::biz(
                ret::DUPLICATE_TRANS_ID,
                "trans_id already has a transaction",
            ));
        }
        t.trans_id = trans_id.to_string();
        t.amount = amount;
        t.currency = currency.to_string();
        t.payment_type = check_enum("payment_type", &r.payment_type, PAYMENT_TYPES, "PURCHASE")?;
        t.authorisation_type = check_enum(
            "authorisation_type",
            &r.authorisation_type,
            AUTH_TYPES,
            "FINAL_AUTH",
        )?;
        t.capture_method = check_enum(
            "capture_method",
            &r.capture_method,
            CAPTURE_METHODS,
            "AUTOMATIC",
        )?;
        Ok(())
    }

    /// The payment type, and what it means for the card: the first payment of a recurring
    /// series keeps its card (a payment with a token already has one).
    fn validate(&self, t: &TxRec, keep: &mut Keep) -> Result<(), GwError> {
        if !PAYMENT_TYPES.contains(&t.payment_type.as_str()) {
            return Err(GwError::biz(
                ret::INVALID_REQUEST,
                "payment_type must be PURCHASE or RECURRING",
            ));
        }
        if t.payment_type == "RECURRING" && self.r.payment.token.is_none() {
            keep.recurring();
        }
        keep.check_usage()
    }

    /// A stored card: the shopper's own, active, within its recurring agreement; its CVV needed
    /// with the shopper present (`mit` false), when it also faces the card's 3DS challenge.
    fn with_token(&self, t: &mut TxRec, token: &str, cvv: Option<String>) -> Result<(), GwError> {
        let mit = self.r.mit.unwrap_or(false);
        let tk = db::token(self.tx, self.mid, token)?.filter(|k| k.status == "ACTIVATE");
        let tk = tk.ok_or_else(|| {
            GwError::biz(
                ret::TOKEN_NOT_FOUND,
                "the token doesn't exist or is inactive",
            )
        })?;
        if t.shopper_reference.as_deref() != Some(tk.shopper_reference.as_str()) {
            return Err(GwError::biz(
                ret::TOKEN_NOT_FOUND,
                "the token doesn't belong to this shopper_reference",
            ));
        }
        if let Some(ra) = none_if_empty(&self.r.recurring_agreement_id)
            && tk.recurring_agreement_id.as_deref() != Some(ra)
        {
            return Err(GwError::biz(
                ret::RECURRING_NOT_FOUND,
                "recurring_agreement_id doesn't match the token",
            ));
        }
        if !mit && cvv.is_none() {
            return Err(GwError::biz(
                ret::MISSING_PARAMETER,
                "encrypted_cvv is required for a token payment with the shopper present",
            ));
        }
        t.card = Some(tk.card.clone());
        t.token = Some(tk.token.clone());
        t.token_usage = Some(tk.token_usage.clone());
        t.recurring_agreement_id = tk.recurring_agreement_id.clone();
        let check = stored_card_check(&tk.card, cvv.as_deref(), self.now)?;
        db::insert_tx(self.tx, t)?;
        match check {
            Err(code) => finalize(self.st, self.tx, t, Outcome::Fail(code))?,
            Ok(()) => self.apply_scenario(t, tk.scenario, !mit)?,
        }
        Ok(())
    }

    /// A card first seen: checked (number, expiry, CVV), kept if asked and valid, then its
    /// scenario.
    fn with_card(&self, t: &mut TxRec, keep: &Keep, c: &CardDetails) -> Result<(), GwError> {
        let check =
            scenario::card_check(&c.pan, c.exp_month, c.exp_year, c.cvv.as_deref(), self.now);
        if let Ok((brand, _)) = &check {
            t.card = Some(CardInfo {
                bin: c.pan[..6].to_string(),
                last4: c.pan[c.pan.len() - 4..].to_string(),
                card_brand: brand.as_str().to_string(),
                exp_month: Some(format!("{:02}", c.exp_month)),
                exp_year: Some(c.exp_year.to_string()),
                holder_name: self.r.payment.holder_name.clone(),
            });
        }
        if keep.store {
            let (Some(sr), Some(u)) = (&t.shopper_reference, &keep.token_usage) else {
                return Err(GwError::biz(
                    ret::MISSING_PARAMETER,
                    "store_payment_method needs payment.shopper_reference and payment.token_usage",
                ));
            };
            if let (Ok((_, sc)), Some(ci)) = (&check, &t.card) {
                t.store = Some(StoreReq {
                    shopper_reference: sr.clone(),
                    token_usage: u.clone(),
                    fingerprint: fingerprint(self.mid, &c.pan),
                    card: ci.clone(),
                    scenario: *sc,
                });
            }
        }
        db::insert_tx(self.tx, t)?;
        match check {
            Err(code) => finalize(self.st, self.tx, t, Outcome::Fail(code))?,
            Ok((_, sc)) => self.apply_scenario(t, sc, true)?,
        }
        Ok(())
    }

    /// Apple Pay, Google Pay: the wallet's data completes the payment at once.
    fn with_wallet(&self, t: &mut TxRec) -> Result<(), GwError> {
        if self.r.payment.wallet_data.is_none() {
            return Err(GwError::biz(
                ret::MISSING_PARAMETER,
                format!("payment.wallet_data is required for {}", self.method),
            ));
        }
        db::insert_tx(self.tx, t)?;
        finalize(self.st, self.tx, t, Outcome::Approve)?;
        Ok(())
    }

    /// A QR code or a redirect: the payment waits on the approval page until the shopper
    /// decides or its time is up.
    fn await_approval(&self, t: &mut TxRec, flow: &str) -> Result<(), GwError> {
        let url = format!("{}/approve/{}", self.st.base_url, t.order_id);
        t.pending = Some(Pending::Approval);
        t.action_expires_at = Some(self.expires);
        t.action = Some(Action {
            kind: if flow == "qr" { "qr" } else { "redirect" }.into(),
            url: url.clone(),
            method: "GET".into(),
            data: None,
            qr_code: (flow == "qr").then(|| url.clone()),
            expires_at: Some(format_rfc3339(self.expires)),
        });
        db::insert_tx(self.tx, t)?;
        Ok(())
    }

    /// Applies a card's scenario to a new transaction: final now, or a 3DS challenge (only
    /// with the shopper present, `challenge`).
    fn apply_scenario(&self, t: &mut TxRec, sc: Scenario, challenge: bool) -> Result<(), GwError> {
        use Scenario::*;
        let (st, tx) = (self.st, self.tx);
        match (sc, challenge) {
            (Success, _) | (Challenge, false) => finalize(st, tx, t, Outcome::Approve)?,
            (Declined, _) | (ChallengeThenDecline, false) => {
                finalize(st, tx, t, Outcome::Fail(decline::DECLINED))?
            }
            (InsufficientFunds, _) => {
                finalize(st, tx, t, Outcome::Fail(decline::INSUFFICIENT_FUNDS))?
            }
            (Challenge | ChallengeThenDecline, true) => {
                t.pending = Some(Pending::Challenge {
                    then_decline: sc == ChallengeThenDecline,
                });
                t.action_expires_at = Some(self.expires);
                t.action = Some(Action {
                    kind: "redirect".into(),
                    url: format!("{}/3ds/challenge/{}", st.base_url, t.order_id),
                    method: "GET".into(),
                    data: None,
                    qr_code: None,
                    expires_at: Some(format_rfc3339(self.expires)),
                });
                db::update_tx(tx, t)?;
            }
        }
        Ok(())
    }
}

/// A stored card's checks at payment time: not expired since it was stored, and the CVV given
/// the length of the card's brand. `Err` is the request's own error (an unreadable stored
/// expiry); `Ok(Err(code))` is the decline.
fn stored_card_check(
    c: &CardInfo,
    cvv: Option<&str>,
    now: i64,
) -> Result<Result<(), &'static str>, GwError> {
    let brand_cvv = card::Brand::ALL
        .iter()
        .find(|b| b.as_str() == c.card_brand)
        .map(|b| b.cvv_len())
        .unwrap_or(3);
    let month = c
        .exp_month
        .as_deref()
        .map(parse_month)
        .transpose()?
        .unwrap_or(12);
    let year = c
        .exp_year
        .as_deref()
        .map(parse_year)
        .transpose()?
        .unwrap_or(2099);
    Ok(
        scenario::expiry_check(month, year, now).and_then(|_| match cvv {
            Some(c) if c.len() != brand_cvv || !c.bytes().all(|b| b.is_ascii_digit()) => {
                Err(decline::INVALID_CVV)
            }
            _ => Ok(()),
        }),
    )
}
