//! The state changes of a transaction: its final state (balances, the token it stores, the
//! session it closes, the webhook it queues), and the pending actions (a 3DS challenge, a QR or
//! redirect approval) that the pages finish and that expire by themselves.

use crate::db::{self, DbResult};
use crate::ids::new_id;
use crate::records::{Pending, StoreReq, TokenRec, TxRec};
use crate::scenario::CHALLENGE_CODE;
use crate::state::AppState;
use paykka_protocol::decline;
use paykka_protocol::time::now_ms;
use paykka_protocol::types::{Balances, PaymentNotification};
use rusqlite::Transaction;

/// How a payment ends: approved, or failed with a decline code (`paykka_protocol::decline`).
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
                keep_card(tx, t, &s, now)?;
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

/// Stores the card a successful payment asked to keep: the token the shopper already has for
/// this card and use, else a new one (with a recurring agreement for a subscription).
fn keep_card(tx: &Transaction<'_>, t: &mut TxRec, s: &StoreReq, now: i64) -> DbResult<()> {
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
            let recurring = s.token_usage == "SUBSCRIPTION" || t.payment_type == "RECURRING";
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
    Ok(())
}

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

/// Queues a signed notification of the transaction's current state, if it has a notify_url.
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

/// Finishes a pending challenge or approval (pages, expiry sweep). Returns the transaction.
pub fn complete_pending(
    st: &AppState,
    order_id: &str,
    decide: impl FnOnce(&Pending) -> Outcome,
) -> DbResult<Option<TxRec>> {
    st.db.with_tx(|tx| {
        let Some(mut t) = db::tx_by_order(tx, order_id)? else {
            return Ok(None);
        };
        if t.status == "PROCESSING"
            && let Some(p) = t.pending
        {
            let outcome = if t.action_expires_at.is_some_and(|e| e <= now_ms()) {
                Outcome::Fail(decline::PAYMENT_EXPIRED)
            } else {
                decide(&p)
            };
            finalize(st, tx, &mut t, outcome)?;
        }
        Ok(Some(t))
    })
}

pub fn challenge_outcome(p: &Pending, code: &str) -> Outcome {
    match p {
        Pending::Challenge { .. } if code.trim() != CHALLENGE_CODE => {
            Outcome::Fail(decline::AUTHENTICATION_FAILED)
        }
        Pending::Challenge { then_decline: true } => Outcome::Fail(decline::DECLINED),
        Pending::Challenge {
            then_decline: false,
        } => Outcome::Approve,
        Pending::Approval => Outcome::Fail(decline::AUTHENTICATION_FAILED),
    }
}

/// Marks a pending transaction failed when its action's time is up: Query Transaction and the
/// hosted page's result queries call it, so that a result never waits for the worker's sweep.
pub fn expire_due(st: &AppState, tx: &Transaction<'_>, t: &mut TxRec) -> DbResult<()> {
    if t.status == "PROCESSING" && t.action_expires_at.is_some_and(|e| e <= now_ms()) {
        finalize(st, tx, t, Outcome::Fail(decline::PAYMENT_EXPIRED))?;
    }
    Ok(())
}

/// Expires every transaction whose action timed out (the webhook worker, on each tick).
pub fn sweep_expired(st: &AppState) {
    let ids = st.db.expired_actions(now_ms()).unwrap_or_default();
    for id in ids {
        let _ = complete_pending(st, &id, |_| Outcome::Fail(decline::PAYMENT_EXPIRED));
    }
}
