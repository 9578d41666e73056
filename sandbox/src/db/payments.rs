//! Sessions, transactions, the card nonces and idempotency keys of payments, and refunds.

use super::conn::{Db, DbResult, lock, record_where, to_json};
use crate::records::{SessionRec, TxRec};
use paykka_protocol::types::RefundData;
use rusqlite::{OptionalExtension, Transaction, params};

impl Db {
    /// Order ids of transactions whose action expired.
    pub fn expired_actions(&self, now: i64) -> DbResult<Vec<String>> {
        let conn = lock(&self.conn);
        let mut st = conn.prepare("SELECT order_id FROM transactions WHERE status = 'PROCESSING' AND action_expires_at <= ?1 LIMIT 100")?;
        let rows = st.query_map([now], |r| r.get(0))?;
        rows.collect()
    }
}

pub fn insert_session(tx: &Transaction<'_>, s: &SessionRec) -> DbResult<()> {
    tx.execute(
        "INSERT INTO sessions (session_id, merchant_id, trans_id, data) VALUES (?1, ?2, ?3, ?4)",
        params![s.session_id, s.merchant_id, s.trans_id, to_json(s)],
    )?;
    Ok(())
}

pub fn update_session(tx: &Transaction<'_>, s: &SessionRec) -> DbResult<()> {
    tx.execute(
        "UPDATE sessions SET data = ?2 WHERE session_id = ?1",
        params![s.session_id, to_json(s)],
    )?;
    Ok(())
}

pub fn session_by_id(
    tx: &Transaction<'_>,
    merchant_id: &str,
    session_id: &str,
) -> DbResult<Option<SessionRec>> {
    record_where(
        tx,
        "SELECT data FROM sessions WHERE session_id = ?1 AND merchant_id = ?2",
        [session_id, merchant_id],
    )
}

pub fn session_by_trans(
    tx: &Transaction<'_>,
    merchant_id: &str,
    trans_id: &str,
) -> DbResult<Option<SessionRec>> {
    record_where(
        tx,
        "SELECT data FROM sessions WHERE trans_id = ?1 AND merchant_id = ?2",
        [trans_id, merchant_id],
    )
}

pub fn session_any(tx: &Transaction<'_>, session_id: &str) -> DbResult<Option<SessionRec>> {
    record_where(
        tx,
        "SELECT data FROM sessions WHERE session_id = ?1",
        [session_id],
    )
}

pub fn insert_tx(tx: &Transaction<'_>, t: &TxRec) -> DbResult<()> {
    let seq: i64 = tx.query_row(
        "SELECT COALESCE(MAX(created_seq), 0) + 1 FROM transactions",
        [],
        |r| r.get(0),
    )?;
    tx.execute(
        "INSERT INTO transactions (order_id, merchant_id, trans_id, session_id, status, action_expires_at, created_seq, data)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![t.order_id, t.merchant_id, t.trans_id, t.session_id, t.status, t.action_expires_at, seq, to_json(t)],
    )?;
    Ok(())
}

pub fn update_tx(tx: &Transaction<'_>, t: &TxRec) -> DbResult<()> {
    tx.execute(
        "UPDATE transactions SET status = ?2, action_expires_at = ?3, data = ?4 WHERE order_id = ?1",
        params![t.order_id, t.status, t.action_expires_at, to_json(t)],
    )?;
    Ok(())
}

pub fn tx_by_order(tx: &Transaction<'_>, order_id: &str) -> DbResult<Option<TxRec>> {
    record_where(
        tx,
        "SELECT data FROM transactions WHERE order_id = ?1",
        [order_id],
    )
}

/// The column a transaction is looked up by: `session_id`, else `trans_id` (never a name from
/// a request in the SQL).
fn tx_column(column: &str) -> &'static str {
    if column == "session_id" {
        "session_id"
    } else {
        "trans_id"
    }
}

pub fn latest_tx(
    tx: &Transaction<'_>,
    merchant_id: &str,
    column: &str,
    value: &str,
) -> DbResult<Option<TxRec>> {
    let column = tx_column(column);
    record_where(
        tx,
        &format!(
            "SELECT data FROM transactions WHERE {column} = ?1 AND merchant_id = ?2 ORDER BY created_seq DESC LIMIT 1"
        ),
        [value, merchant_id],
    )
}

/// Transactions of a trans_id that are not failed (a trans_id can be retried after a failure).
pub fn live_tx_count(
    tx: &Transaction<'_>,
    merchant_id: &str,
    column: &str,
    value: &str,
) -> DbResult<i64> {
    let column = tx_column(column);
    tx.query_row(
        &format!("SELECT COUNT(*) FROM transactions WHERE {column} = ?1 AND merchant_id = ?2 AND status NOT IN ('FAILURE', 'PROCESSING')"),
        [value, merchant_id],
        |r| r.get(0),
    )
}

/// Records the nonces of the card envelopes of one payment; `Ok(false)` when one was already
/// used (a replay), and then none is recorded.
pub fn use_card_nonces(
    tx: &Transaction<'_>,
    merchant_id: &str,
    nonces: &[String],
    now: i64,
) -> DbResult<bool> {
    for n in nonces {
        let fresh = tx.execute(
            "INSERT INTO card_nonces (nonce, merchant_id, used_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
            rusqlite::params![n, merchant_id, now],
        )?;
        if fresh == 0 {
            return Ok(false);
        }
    }
    Ok(true)
}

pub fn idempotent(
    tx: &Transaction<'_>,
    merchant_id: &str,
    key: &str,
) -> DbResult<Option<(String, String)>> {
    tx.query_row(
        "SELECT body_hash, response FROM idempotency WHERE merchant_id = ?1 AND idem_key = ?2",
        [merchant_id, key],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()
}

pub fn store_idempotent(
    tx: &Transaction<'_>,
    merchant_id: &str,
    key: &str,
    hash: &str,
    response: &str,
) -> DbResult<()> {
    tx.execute(
        "INSERT INTO idempotency (merchant_id, idem_key, body_hash, response, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![merchant_id, key, hash, response, paykka_protocol::time::now_ms()],
    )?;
    Ok(())
}

pub fn insert_refund(tx: &Transaction<'_>, r: &RefundData) -> DbResult<()> {
    tx.execute(
        "INSERT INTO refunds (refund_order_id, merchant_id, refund_trans_id, order_id, data) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            r.refund_order_id,
            r.merchant_id,
            r.refund_trans_id,
            r.ori_order_id.as_deref().unwrap_or(""),
            to_json(r)
        ],
    )?;
    Ok(())
}

/// A merchant's refund by PayKKa's id or by the merchant's reference.
pub fn refund(
    tx: &Transaction<'_>,
    merchant_id: &str,
    refund_order_id: Option<&str>,
    refund_trans_id: Option<&str>,
) -> DbResult<Option<RefundData>> {
    record_where(
        tx,
        "SELECT data FROM refunds WHERE merchant_id = ?1 AND (refund_order_id = ?2 OR refund_trans_id = ?3)",
        params![merchant_id, refund_order_id, refund_trans_id],
    )
}
