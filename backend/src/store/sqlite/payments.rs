//! Payment attempts and their news (query answers and webhooks), which can arrive late or out
//! of order and so only ever move a payment forward; and the second charges that news reveals.

use super::{SqlResult, SqliteStore, first_column, now};
use crate::store::SecondCharge;
use crate::store::rules::{AttemptWrite, OrderChange, attempt_write, order_change};
use crate::support::lock;
use rusqlite::{Connection, OptionalExtension, params};

impl SqliteStore {
    /// Second charges not reversed yet: (order id, status, amount, currency).
    pub(in crate::store) fn unresolved_second_charges(
        &self,
    ) -> SqlResult<Vec<(String, String, i64, String)>> {
        let c = lock(&self.conn);
        let mut q = c.prepare(
            "SELECT s.order_id, s.status, o.amount, o.currency FROM second_charges s JOIN orders o ON o.session_id = s.session_id WHERE s.resolution IS NULL",
        )?;
        let rows = q.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        rows.collect()
    }

    /// Records how a second charge was reversed (`VOIDED`, `REFUNDED`).
    pub(in crate::store) fn resolve_second_charge(
        &self,
        order_id: &str,
        resolution: &str,
    ) -> SqlResult<()> {
        let c = lock(&self.conn);
        c.execute(
            "UPDATE second_charges SET resolution = ?2, resolved_at = ?3 WHERE order_id = ?1",
            params![order_id, resolution, now()],
        )?;
        Ok(())
    }

    /// Every second charge: (order id, session id, status, resolution).
    pub(in crate::store) fn second_charges(&self) -> SqlResult<Vec<SecondCharge>> {
        let c = lock(&self.conn);
        let mut q = c.prepare("SELECT order_id, session_id, status, resolution FROM second_charges ORDER BY detected_at")?;
        let rows = q.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        rows.collect()
    }

    /// Records a payment attempt's status and, when it moves the order forward, the order's
    /// (the rules of `store::rules`).
    pub(in crate::store) fn record_payment(
        &self,
        session_id: &str,
        order_id: &str,
        status: &str,
    ) -> SqlResult<()> {
        let mut c = lock(&self.conn);
        let tx = c.transaction()?;
        apply_payment(&tx, session_id, order_id, status)?;
        tx.commit()
    }

    pub(in crate::store) fn finish_payment(
        &self,
        key: &str,
        response: &str,
        session_id: &str,
        order_id: &str,
        status: &str,
    ) -> SqlResult<()> {
        let mut c = lock(&self.conn);
        let tx = c.transaction()?;
        apply_payment(&tx, session_id, order_id, status)?;
        tx.execute(
            "UPDATE idempotency SET state = 'done', http_status = 200, response = ?2 WHERE idem_key = ?1",
            params![key, response],
        )?;
        tx.commit()
    }

    /// Records a verified webhook: its id and its effect on the order (if `session_id` is one
    /// of ours), in one transaction. False, with nothing changed, if the id was already seen.
    pub(in crate::store) fn record_webhook(
        &self,
        notify_id: &str,
        order_id: &str,
        status: &str,
        session_id: Option<&str>,
    ) -> SqlResult<bool> {
        let mut c = lock(&self.conn);
        let tx = c.transaction()?;
        if !new_event(&tx, notify_id, order_id, status)? {
            return Ok(false);
        }
        if let Some(sid) = session_id {
            let ours: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM orders WHERE session_id = ?1)",
                [sid],
                |r| r.get(0),
            )?;
            if ours {
                apply_payment(&tx, sid, order_id, status)?;
            }
        }
        tx.commit()?;
        Ok(true)
    }

    /// Status recorded for a payment attempt.
    pub(in crate::store) fn payment_status(&self, order_id: &str) -> SqlResult<Option<String>> {
        status_of(&lock(&self.conn), order_id)
    }

    /// Session of a payment made through this backend.
    pub(in crate::store) fn payment_session(&self, order_id: &str) -> SqlResult<Option<String>> {
        first_column(
            &lock(&self.conn),
            "SELECT session_id FROM payments WHERE order_id = ?1",
            [order_id],
        )
    }

    pub(in crate::store) fn webhook_count(&self) -> SqlResult<i64> {
        let c = lock(&self.conn);
        c.query_row("SELECT COUNT(*) FROM webhook_events", [], |r| r.get(0))
    }
}

/// Records a gateway event id (a webhook's, a refund notification's) with what it said: false,
/// with nothing written, if the id was already seen.
pub(super) fn new_event(
    tx: &rusqlite::Transaction<'_>,
    event: &str,
    order_id: &str,
    status: &str,
) -> SqlResult<bool> {
    let n = tx.execute(
        "INSERT INTO webhook_events (notify_id, order_id, status, received_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
        params![event, order_id, status, now()],
    )?;
    Ok(n > 0)
}

/// The status recorded for a payment attempt.
fn status_of(c: &Connection, order_id: &str) -> SqlResult<Option<String>> {
    first_column(
        c,
        "SELECT status FROM payments WHERE order_id = ?1",
        [order_id],
    )
}

/// News of one attempt, applied by the rules of `store::rules` (the connection's mutex makes
/// the read and the writes one step).
fn apply_payment(
    tx: &rusqlite::Transaction<'_>,
    session_id: &str,
    order_id: &str,
    status: &str,
) -> SqlResult<()> {
    let t = now();
    match attempt_write(status_of(tx, order_id)?.as_deref(), status) {
        AttemptWrite::Insert => tx.execute(
            "INSERT INTO payments (order_id, session_id, status, updated_at) VALUES (?1, ?2, ?3, ?4)",
            params![order_id, session_id, status, t],
        )?,
        AttemptWrite::Update => tx.execute(
            "UPDATE payments SET status = ?2, updated_at = ?3 WHERE order_id = ?1",
            params![order_id, status, t],
        )?,
        AttemptWrite::Nothing => return Ok(()),
    };
    let order: Option<(String, Option<String>)> = tx
        .query_row(
            "SELECT status, order_id FROM orders WHERE session_id = ?1",
            [session_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((order_status, current)) = order else {
        return Ok(());
    };
    // Attempts in the order this backend first heard of them (payments' rowid).
    let seq = |id: &str| -> SqlResult<Option<i64>> {
        first_column(tx, "SELECT rowid FROM payments WHERE order_id = ?1", [id])
    };
    let newer = match current.as_deref() {
        Some(cur) if cur != order_id => seq(order_id)? > seq(cur)?,
        _ => false,
    };
    match order_change(&order_status, current.as_deref(), order_id, status, || {
        newer
    }) {
        OrderChange::Take => {
            tx.execute(
                "UPDATE orders SET status = ?2, order_id = ?3, updated_at = ?4 WHERE session_id = ?1",
                params![session_id, status, order_id, t],
            )?;
        }
        OrderChange::SecondCharge => {
            tx.execute(
                "INSERT INTO second_charges (order_id, session_id, status, detected_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
                params![order_id, session_id, status, t],
            )?;
        }
        OrderChange::Keep => {}
    }
    Ok(())
}
