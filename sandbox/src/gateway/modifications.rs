//! Capture, Void, Refund and Refund Query: the changes to a payment's balances after it is
//! authorised.

use super::auth::Signed;
use super::error::{GwError, ok};
use super::validate::{check_id, check_url, none_if_empty};
use crate::db;
use crate::ids::new_id;
use crate::lifecycle;
use crate::records::TxRec;
use crate::state::{AppState, Shared};
use axum::extract::State;
use axum::response::Response;
use paykka_protocol::types::{
    CaptureRequest, RefundData, RefundQueryRequest, RefundRequest, VoidRequest,
};
use paykka_protocol::{decline, ret};
use rusqlite::Transaction;

fn owned_tx(tx: &Transaction<'_>, mid: &str, order_id: &str) -> Result<TxRec, GwError> {
    db::tx_by_order(tx, order_id)?
        .filter(|t| t.merchant_id == mid)
        .ok_or_else(|| GwError::biz(ret::ORDER_NOT_FOUND, "the order doesn't exist"))
}

/// Refuses to `what` (capture, void, refund) a transaction whose status does not allow it.
fn require_status(t: &TxRec, allowed: bool, what: &str) -> Result<(), GwError> {
    if allowed {
        return Ok(());
    }
    Err(GwError::biz(
        ret::INVALID_STATUS,
        format!("cannot {what} a {} transaction", t.status),
    ))
}

fn check_balance_request(
    t: &TxRec,
    amount: i64,
    currency: &str,
    able: i64,
    what: &str,
) -> Result<(), GwError> {
    if currency != t.currency {
        return Err(GwError::biz(
            ret::INVALID_REQUEST,
            "currency must be the transaction's currency",
        ));
    }
    if amount <= 0 {
        return Err(GwError::biz(ret::INVALID_AMOUNT, "amount must be positive"));
    }
    if amount > able {
        return Err(GwError::biz(
            ret::AMOUNT_EXCEEDS_BALANCE,
            format!("amount exceeds the amount able to {what} ({able})"),
        ));
    }
    Ok(())
}

/// A change to a payment's balances that answers the payment (capture, void), in one database
/// transaction: the merchant's transaction `order_id`, changed by `change`, stored, its webhook
/// queued.
fn change_tx(
    st: &AppState,
    mid: &str,
    order_id: &str,
    change: impl FnOnce(&mut TxRec) -> Result<(), GwError>,
) -> Result<Response, GwError> {
    let data = st.db.with_tx(|tx| {
        let mut t = owned_tx(tx, mid, order_id)?;
        change(&mut t)?;
        db::update_tx(tx, &t)?;
        lifecycle::enqueue(st, tx, &t)?;
        Ok::<_, GwError>(t.to_data())
    })?;
    ok(data)
}

pub(super) async fn capture(
    State(st): State<Shared>,
    Signed { mid, req: r, .. }: Signed<CaptureRequest>,
) -> Result<Response, GwError> {
    change_tx(&st, &mid, &r.order_id, |t| {
        let able = t.balances.able_to_capture_amount;
        let allowed = t.status == "AUTHORIZED" || (t.status == "SUCCESS" && able > 0);
        require_status(t, allowed, "capture")?;
        check_balance_request(t, r.amount, &r.currency, able, "capture")?;
        let b = &mut t.balances;
        b.captured_amount += r.amount;
        b.able_to_capture_amount -= r.amount;
        b.able_to_refund_amount += r.amount;
        if r.capture_final.unwrap_or(true) {
            b.able_to_capture_amount = 0;
        }
        b.able_to_void_amount = b.able_to_capture_amount;
        t.status = "SUCCESS".into();
        Ok(())
    })
}

pub(super) async fn void(
    State(st): State<Shared>,
    Signed { mid, req: r, .. }: Signed<VoidRequest>,
) -> Result<Response, GwError> {
    change_tx(&st, &mid, &r.order_id, |t| {
        let allowed = t.balances.able_to_void_amount > 0
            && (t.status == "AUTHORIZED" || t.status == "SUCCESS");
        require_status(t, allowed, "void")?;
        let b = &mut t.balances;
        b.voided_amount += b.able_to_void_amount;
        b.able_to_void_amount = 0;
        b.able_to_capture_amount = 0;
        t.status = if b.captured_amount == 0 {
            "CANCELED"
        } else {
            "PARTIALLY_REVERSED"
        }
        .into();
        Ok(())
    })
}

pub(super) async fn refund(
    State(st): State<Shared>,
    Signed { mid, req: r, .. }: Signed<RefundRequest>,
) -> Result<Response, GwError> {
    check_id("refund_trans_id", &r.refund_trans_id)?;
    check_url("notify_url", &r.notify_url)?;
    let data = st.db.with_tx(|tx| {
        // The same reference again answers the refund already made: a retried request
        // never refunds twice.
        if let Some(done) = db::refund(tx, &mid, None, Some(&r.refund_trans_id))? {
            return if done.ori_order_id.as_deref() == Some(r.ori_order_id.as_str())
                && done.amount == r.refund_amount
            {
                Ok(done)
            } else {
                Err(GwError::biz(
                    ret::DUPLICATE_TRANS_ID,
                    "refund_trans_id already used for another refund",
                ))
            };
        }
        let mut t = owned_tx(tx, &mid, &r.ori_order_id)?;
        let allowed = matches!(
            t.status.as_str(),
            "SUCCESS" | "PARTIALLY_REFUNDED" | "PARTIALLY_REVERSED"
        );
        require_status(&t, allowed, "refund")?;
        let able = t.balances.able_to_refund_amount;
        check_balance_request(&t, r.refund_amount, &r.currency, able, "refund")?;
        let b = &mut t.balances;
        b.refunded_amount += r.refund_amount;
        b.able_to_refund_amount -= r.refund_amount;
        t.status = if b.able_to_refund_amount == 0 {
            "REFUNDED"
        } else {
            "PARTIALLY_REFUNDED"
        }
        .into();
        db::update_tx(tx, &t)?;
        let refund = RefundData {
            merchant_id: mid.clone(),
            refund_trans_id: r.refund_trans_id.clone(),
            refund_order_id: new_id("RG"),
            ori_order_id: Some(t.order_id.clone()),
            status: "SUCCESS".into(),
            amount: r.refund_amount,
            currency: t.currency.clone(),
            error_code: Some(decline::OK.into()),
            error_description: None,
        };
        db::insert_refund(tx, &refund)?;
        let url = r.notify_url.clone().or_else(|| t.notify_url.clone());
        lifecycle::enqueue_refund(&st, tx, &refund, url)?;
        Ok(refund)
    })?;
    ok(data)
}

pub(super) async fn refund_query(
    State(st): State<Shared>,
    Signed { mid, req: r, .. }: Signed<RefundQueryRequest>,
) -> Result<Response, GwError> {
    let (by_id, by_ref) = (
        none_if_empty(&r.refund_order_id),
        none_if_empty(&r.refund_trans_id),
    );
    if by_id.is_none() && by_ref.is_none() {
        return Err(GwError::biz(
            ret::MISSING_PARAMETER,
            "refund_order_id or refund_trans_id is required",
        ));
    }
    let data = st.db.with_tx(|tx| {
        db::refund(tx, &mid, by_id, by_ref)?
            .ok_or_else(|| GwError::biz(ret::REFUND_NOT_FOUND, "the refund doesn't exist"))
    })?;
    ok(data)
}
