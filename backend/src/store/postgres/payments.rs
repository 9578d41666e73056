//! News of payments across instances: each transaction that applies news to a session first
//! locks that session's order row, so news applies one at a time and by `store::rules` (a
//! status only moves forward, whichever instance hears it and in whatever order). A webhook id
//! is recorded by an insert on its primary key in the same transaction as its effect.

use super::{PgStore, col, exec, first, now, row, rows};
use crate::store::rules::{AttemptWrite, OrderChange, attempt_write, order_change};
use crate::store::{DbResult, SecondCharge};
use deadpool_postgres::{GenericClient, Transaction};

impl PgStore {
    pub(in crate::store) async fn unresolved_second_charges(
        &self,
    ) -> DbResult<Vec<(String, String, i64, String)>> {
        rows(
            &self.conn().await?,
            "SELECT s.order_id, s.status, o.amount, o.currency FROM second_charges s JOIN orders o ON o.session_id = s.session_id WHERE s.resolution IS NULL",
            &[],
        )
        .await?
        .iter()
        .map(|r| Ok((col(r, 0)?, col(r, 1)?, col(r, 2)?, col(r, 3)?)))
        .collect()
    }

    pub(in crate::store) async fn resolve_second_charge(
        &self,
        order_id: &str,
        resolution: &str,
    ) -> DbResult<()> {
        exec(
            &self.conn().await?,
            "UPDATE second_charges SET resolution = $2, resolved_at = $3 WHERE order_id = $1",
            &[&order_id, &resolution, &now()],
        )
        .await?;
        Ok(())
    }

    pub(in crate::store) async fn second_charges(&self) -> DbResult<Vec<SecondCharge>> {
        rows(
            &self.conn().await?,
            "SELECT order_id, session_id, status, resolution FROM second_charges ORDER BY detected_at",
            &[],
        )
        .await?
        .iter()
        .map(|r| Ok((col(r, 0)?, col(r, 1)?, col(r, 2)?, col(r, 3)?)))
        .collect()
    }

    pub(in crate::store) async fn record_payment(
        &self,
        session_id: &str,
        order_id: &str,
        status: &str,
    ) -> DbResult<()> {
        let mut c = self.conn().await?;
        let tx = c.transaction().await?;
        apply_payment(&tx, session_id, order_id, status).await?;
        Ok(tx.commit().await?)
    }

    pub(in crate::store) async fn finish_payment(
        &self,
        key: &str,
        response: &str,
        session_id: &str,
        order_id: &str,
        status: &str,
    ) -> DbResult<()> {
        let mut c = self.conn().await?;
        let tx = c.transaction().await?;
        apply_payment(&tx, session_id, order_id, status).await?;
        exec(
            &tx,
            "UPDATE idempotency SET state = 'done', http_status = 200, response = $2 WHERE idem_key = $1",
            &[&key, &response],
        )
        .await?;
        Ok(tx.commit().await?)
    }

    pub(in crate::store) async fn record_webhook(
        &self,
        notify_id: &str,
        order_id: &str,
        status: &str,
        session_id: Option<&str>,
    ) -> DbResult<bool> {
        let mut c = self.conn().await?;
        let tx = c.transaction().await?;
        if !new_event(&tx, notify_id, order_id, status).await? {
            return Ok(false);
        }
        if let Some(sid) = session_id {
            apply_payment(&tx, sid, order_id, status).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    pub(in crate::store) async fn payment_status(
        &self,
        order_id: &str,
    ) -> DbResult<Option<String>> {
        status_of(&self.conn().await?, order_id).await
    }

    pub(in crate::store) async fn payment_session(
        &self,
        order_id: &str,
    ) -> DbResult<Option<String>> {
        first(
            &self.conn().await?,
            "SELECT session_id FROM payments WHERE order_id = $1",
            &[&order_id],
        )
        .await
    }

    pub(in crate::store) async fn webhook_count(&self) -> DbResult<i64> {
        Ok(first(
            &self.conn().await?,
            "SELECT COUNT(*) FROM webhook_events",
            &[],
        )
        .await?
        .unwrap_or(0))
    }
}

/// Records a gateway event id with what it said: false, with nothing written, if the id was
/// already seen (by this instance or another: the insert of a concurrent transaction with the
/// same id waits for it to end).
pub(super) async fn new_event(
    tx: &Transaction<'_>,
    event: &str,
    order_id: &str,
    status: &str,
) -> DbResult<bool> {
    let n = exec(
        tx,
        "INSERT INTO webhook_events (notify_id, order_id, status, received_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        &[&event, &order_id, &status, &now()],
    )
    .await?;
    Ok(n > 0)
}

async fn status_of(c: &impl GenericClient, order_id: &str) -> DbResult<Option<String>> {
    first(
        c,
        "SELECT status FROM payments WHERE order_id = $1",
        &[&order_id],
    )
    .await
}

/// News of one attempt of one of our sessions (nothing for a session that is not ours),
/// applied under the lock of the session's order row.
async fn apply_payment(
    tx: &Transaction<'_>,
    session_id: &str,
    order_id: &str,
    status: &str,
) -> DbResult<()> {
    let Some(order) = row(
        tx,
        "SELECT status, order_id FROM orders WHERE session_id = $1 FOR UPDATE",
        &[&session_id],
    )
    .await?
    else {
        return Ok(());
    };
    let (order_status, current): (String, Option<String>) = (col(&order, 0)?, col(&order, 1)?);
    let t = now();
    match attempt_write(status_of(tx, order_id).await?.as_deref(), status) {
        AttemptWrite::Insert => exec(
            tx,
            "INSERT INTO payments (order_id, session_id, status, updated_at) VALUES ($1, $2, $3, $4)",
            &[&order_id, &session_id, &status, &t],
        )
        .await?,
        AttemptWrite::Update => exec(
            tx,
            "UPDATE payments SET status = $2, updated_at = $3 WHERE order_id = $1",
            &[&order_id, &status, &t],
        )
        .await?,
        AttemptWrite::Nothing => return Ok(()),
    };
    // Attempts in the order this backend first heard of them (payments' seq).
    let newer = match current.as_deref() {
        Some(cur) if cur != order_id => {
            let seq = "SELECT seq FROM payments WHERE order_id = $1";
            let mine: Option<i64> = first(tx, seq, &[&order_id]).await?;
            mine > first(tx, seq, &[&cur]).await?
        }
        _ => false,
    };
    match order_change(&order_status, current.as_deref(), order_id, status, || {
        newer
    }) {
        OrderChange::Take => {
            exec(
                tx,
                "UPDATE orders SET status = $2, order_id = $3, updated_at = $4 WHERE session_id = $1",
                &[&session_id, &status, &order_id, &t],
            )
            .await?;
        }
        OrderChange::SecondCharge => {
            exec(
                tx,
                "INSERT INTO second_charges (order_id, session_id, status, detected_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                &[&order_id, &session_id, &status, &t],
            )
            .await?;
        }
        OrderChange::Keep => {}
    }
    Ok(())
}
