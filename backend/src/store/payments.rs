//! Payment attempts and their news (query answers and webhooks), which can arrive late or out
//! of order and so only ever move a payment forward; and the second charges that news reveals.

use super::{DbResult, Store, first_column, new_event, now};
use crate::support::lock;
use rusqlite::{Connection, OptionalExtension, params};

/// (order_id, session_id, status, resolution) of a second charge of one order.
pub type SecondCharge = (String, String, String, Option<String>);

impl Store {
    /// Second charges not reversed yet: (order id, status, amount, currency).
    pub fn unresolved_second_charges(&self) -> DbResult<Vec<(String, String, i64, String)>> {
        let c = lock(&self.conn);
        let mut q = c.prepare(
            "SELECT s.order_id, s.status, o.amount, o.currency FROM second_charges s JOIN orders o ON o.session_id = s.session_id WHERE s.resolution IS NULL",
        )?;
        let rows = q.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        rows.collect()
    }

    /// Records how a second charge was reversed (`VOIDED`, `REFUNDED`).
    pub fn resolve_second_charge(&self, order_id: &str, resolution: &str) -> DbResult<()> {
        let c = lock(&self.conn);
        c.execute(
            "UPDATE second_charges SET resolution = ?2, resolved_at = ?3 WHERE order_id = ?1",
            params![order_id, resolution, now()],
        )?;
        Ok(())
    }

    /// Every second charge: (order id, session id, status, resolution).
    pub fn second_charges(&self) -> DbResult<Vec<SecondCharge>> {
        let c = lock(&self.conn);
        let mut q = c.prepare("SELECT order_id, session_id, status, resolution FROM second_charges ORDER BY detected_at")?;
        let rows = q.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        rows.collect()
    }

    /// Records a payment attempt's status and, when it moves the order forward, the order's.
    /// Notifications and query answers can arrive late or out of order, so nothing here goes
    /// backwards (see [`supersedes`]):
    /// - an attempt's own status only moves forward: `SUCCESS` then a late `PROCESSING` stays
    ///   `SUCCESS`, `REFUNDED` then a late `SUCCESS` stays `REFUNDED`, and of two outcomes of
    ///   equal rank (`SUCCESS` / `FAILURE` / `CANCELED`) the first one recorded stays;
    /// - the order follows its current attempt the same way. Another attempt takes the order
    ///   over only if the order is not settled (paid, authorised, refunded, ...) and that
    ///   attempt is settled or newer (first recorded after the current one): a late `FAILURE`
    ///   of an earlier attempt never replaces a newer attempt or a paid order.
    pub fn record_payment(&self, session_id: &str, order_id: &str, status: &str) -> DbResult<()> {
        let mut c = lock(&self.conn);
        let tx = c.transaction()?;
        apply_payment(&tx, session_id, order_id, status)?;
        tx.commit()
    }

    /// Records a verified webhook: its id and its effect on the order (if `session_id` is one
    /// of ours), in one transaction. False, with nothing changed, if the id was already seen.
    pub fn record_webhook(
        &self,
        notify_id: &str,
        order_id: &str,
        status: &str,
        session_id: Option<&str>,
    ) -> DbResult<bool> {
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
    pub fn payment_status(&self, order_id: &str) -> DbResult<Option<String>> {
        status_of(&lock(&self.conn), order_id)
    }

    /// Session of a payment made through this backend.
    pub fn payment_session(&self, order_id: &str) -> DbResult<Option<String>> {
        first_column(
            &lock(&self.conn),
            "SELECT session_id FROM payments WHERE order_id = ?1",
            [order_id],
        )
    }

    pub fn webhook_count(&self) -> DbResult<i64> {
        let c = lock(&self.conn);
        c.query_row("SELECT COUNT(*) FROM webhook_events", [], |r| r.get(0))
    }
}

/// How far along its life a transaction status is. A payment goes PROCESSING → AUTHORIZED →
/// SUCCESS (capture) → PARTIALLY_REVERSED (void of the uncaptured rest) → PARTIALLY_REFUNDED →
/// REFUNDED; PROCESSING → SUCCESS / FAILURE directly; AUTHORIZED → CANCELED (void). Unknown
/// statuses count as pending.
pub fn status_rank(status: &str) -> u8 {
    match status {
        "AUTHORIZED" => 1,
        "SUCCESS" | "FAILURE" | "CANCELED" => 2,
        "PARTIALLY_REVERSED" => 3,
        "PARTIALLY_REFUNDED" => 4,
        "REFUNDED" => 5,
        _ => 0,
    }
}

/// Does `new` replace `current` as one payment attempt's status? Only moving forward; the
/// same status again is kept (a second partial refund); between two different statuses of the
/// same rank (`SUCCESS` and `FAILURE`, two pending ones) the first recorded stays.
pub fn supersedes(new: &str, current: &str) -> bool {
    new == current || status_rank(new) > status_rank(current)
}

/// Is an order with this status settled (money moved or reserved), so that another attempt's
/// notification must not take it over?
fn settled(status: &str) -> bool {
    status_rank(status) > 0 && status != "FAILURE"
}

/// The status recorded for a payment attempt.
fn status_of(c: &Connection, order_id: &str) -> DbResult<Option<String>> {
    first_column(
        c,
        "SELECT status FROM payments WHERE order_id = ?1",
        [order_id],
    )
}

fn apply_payment(
    tx: &rusqlite::Transaction<'_>,
    session_id: &str,
    order_id: &str,
    status: &str,
) -> DbResult<()> {
    let t = now();
    let before = status_of(tx, order_id)?;
    match &before {
        None => {
            tx.execute(
                "INSERT INTO payments (order_id, session_id, status, updated_at) VALUES (?1, ?2, ?3, ?4)",
                params![order_id, session_id, status, t],
            )?;
        }
        Some(cur) if supersedes(status, cur) => {
            tx.execute(
                "UPDATE payments SET status = ?2, updated_at = ?3 WHERE order_id = ?1",
                params![order_id, status, t],
            )?;
        }
        // Late news of this attempt: nothing moves.
        Some(_) => return Ok(()),
    }
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
    let take = match current.as_deref() {
        None => true,
        Some(cur) if cur == order_id => supersedes(status, &order_status),
        Some(_) if settled(&order_status) => {
            // This attempt charged the shopper although another one had already paid the
            // order (a wallet approved late, two instances racing): one order, two charges.
            // Recorded here, in the same transaction; the backend reverses it
            // (`api::second_charges`).
            if matches!(status, "SUCCESS" | "AUTHORIZED") {
                tx.execute(
                    "INSERT INTO second_charges (order_id, session_id, status, detected_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
                    params![order_id, session_id, status, t],
                )?;
            }
            false
        }
        Some(cur) => {
            // Attempts in the order this backend first heard of them (payments' rowid).
            let seq = |id: &str| -> DbResult<Option<i64>> {
                first_column(tx, "SELECT rowid FROM payments WHERE order_id = ?1", [id])
            };
            settled(status) || seq(order_id)? > seq(cur)?
        }
    };
    if take {
        tx.execute(
            "UPDATE orders SET status = ?2, order_id = ?3, updated_at = ?4 WHERE session_id = ?1",
            params![session_id, status, order_id, t],
        )?;
    }
    Ok(())
}
