//! Refunds the merchant asked for, by the merchant's reference, and their notifications.

use super::payments::new_event;
use super::{SqlResult, SqliteStore, now};
use crate::store::StoredRefund;
use crate::support::lock;
use rusqlite::{OptionalExtension, params};

impl SqliteStore {
    /// Records a refund the merchant asked for (or its answer): by its reference.
    pub(in crate::store) fn record_refund(
        &self,
        refund_trans_id: &str,
        refund_order_id: Option<&str>,
        order_id: &str,
        amount: i64,
        status: &str,
    ) -> SqlResult<()> {
        let c = lock(&self.conn);
        c.execute(
            "INSERT INTO refunds (refund_trans_id, refund_order_id, order_id, amount, status, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (refund_trans_id) DO UPDATE SET refund_order_id = COALESCE(excluded.refund_order_id, refund_order_id), status = excluded.status, updated_at = excluded.updated_at",
            params![refund_trans_id, refund_order_id, order_id, amount, status, now()],
        )?;
        Ok(())
    }

    /// A refund's notification, once per event: false for a repeat.
    pub(in crate::store) fn record_refund_event(
        &self,
        event: &str,
        refund_order_id: &str,
        refund_trans_id: &str,
        order_id: &str,
        status: &str,
        amount: i64,
    ) -> SqlResult<bool> {
        let mut c = lock(&self.conn);
        let tx = c.transaction()?;
        if !new_event(&tx, event, order_id, status)? {
            return Ok(false);
        }
        tx.execute(
            "INSERT INTO refunds (refund_trans_id, refund_order_id, order_id, amount, status, updated_at, notifications) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1)
             ON CONFLICT (refund_trans_id) DO UPDATE SET refund_order_id = excluded.refund_order_id, status = excluded.status, updated_at = excluded.updated_at, notifications = notifications + 1",
            params![refund_trans_id, refund_order_id, order_id, amount, status, now()],
        )?;
        tx.commit()?;
        Ok(true)
    }

    /// How many refund notifications were recorded.
    pub(in crate::store) fn refund_events(&self) -> SqlResult<i64> {
        let c = lock(&self.conn);
        c.query_row(
            "SELECT COALESCE(SUM(notifications), 0) FROM refunds",
            [],
            |r| r.get(0),
        )
    }

    /// A refund, by its reference.
    pub(in crate::store) fn refund(
        &self,
        refund_trans_id: &str,
    ) -> SqlResult<Option<StoredRefund>> {
        let c = lock(&self.conn);
        c.query_row(
            "SELECT refund_order_id, order_id, amount, status FROM refunds WHERE refund_trans_id = ?1",
            [refund_trans_id],
            |r| {
                Ok(StoredRefund {
                    refund_trans_id: refund_trans_id.to_string(),
                    refund_order_id: r.get(0)?,
                    order_id: r.get(1)?,
                    amount: r.get(2)?,
                    status: r.get(3)?,
                })
            },
        )
        .optional()
    }
}
