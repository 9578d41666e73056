//! Refunds by the merchant's reference, and their notifications, once per event id across
//! instances (the event's insert and the refund's upsert in one transaction).

use super::payments::new_event;
use super::{PgStore, col, exec, first, now, row};
use crate::store::{DbResult, StoredRefund};

impl PgStore {
    pub(in crate::store) async fn record_refund(
        &self,
        refund_trans_id: &str,
        refund_order_id: Option<&str>,
        order_id: &str,
        amount: i64,
        status: &str,
    ) -> DbResult<()> {
        exec(
            &self.conn().await?,
            "INSERT INTO refunds (refund_trans_id, refund_order_id, order_id, amount, status, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (refund_trans_id) DO UPDATE SET refund_order_id = COALESCE(excluded.refund_order_id, refunds.refund_order_id), status = excluded.status, updated_at = excluded.updated_at",
            &[&refund_trans_id, &refund_order_id, &order_id, &amount, &status, &now()],
        )
        .await?;
        Ok(())
    }

    pub(in crate::store) async fn record_refund_event(
        &self,
        event: &str,
        refund_order_id: &str,
        refund_trans_id: &str,
        order_id: &str,
        status: &str,
        amount: i64,
    ) -> DbResult<bool> {
        let mut c = self.conn().await?;
        let tx = c.transaction().await?;
        if !new_event(&tx, event, order_id, status).await? {
            return Ok(false);
        }
        exec(
            &tx,
            "INSERT INTO refunds (refund_trans_id, refund_order_id, order_id, amount, status, updated_at, notifications) VALUES ($1, $2, $3, $4, $5, $6, 1)
             ON CONFLICT (refund_trans_id) DO UPDATE SET refund_order_id = excluded.refund_order_id, status = excluded.status, updated_at = excluded.updated_at, notifications = refunds.notifications + 1",
            &[&refund_trans_id, &refund_order_id, &order_id, &amount, &status, &now()],
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    pub(in crate::store) async fn refund_events(&self) -> DbResult<i64> {
        Ok(first(
            &self.conn().await?,
            "SELECT COALESCE(SUM(notifications), 0)::BIGINT FROM refunds",
            &[],
        )
        .await?
        .unwrap_or(0))
    }

    pub(in crate::store) async fn refund(
        &self,
        refund_trans_id: &str,
    ) -> DbResult<Option<StoredRefund>> {
        let r = row(
            &self.conn().await?,
            "SELECT refund_order_id, order_id, amount, status FROM refunds WHERE refund_trans_id = $1",
            &[&refund_trans_id],
        )
        .await?;
        r.map(|r| {
            Ok(StoredRefund {
                refund_trans_id: refund_trans_id.to_string(),
                refund_order_id: col(&r, 0)?,
                order_id: col(&r, 1)?,
                amount: col(&r, 2)?,
                status: col(&r, 3)?,
            })
        })
        .transpose()
    }
}
