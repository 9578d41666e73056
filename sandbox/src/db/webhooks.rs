//! The webhook queue: notifications queued with the change that caused them, delivered and
//! retried by the worker (`webhook.rs`).

use super::conn::{Db, DbResult, lock};
use rusqlite::{Transaction, params};

#[derive(Debug, Clone)]
pub struct WebhookRow {
    pub notify_id: String,
    pub merchant_id: String,
    pub url: String,
    pub body: String,
    pub attempts: u32,
}

impl Db {
    pub fn due_webhooks(
        &self,
        now: i64,
        max_attempts: u32,
        limit: u32,
    ) -> DbResult<Vec<WebhookRow>> {
        let conn = lock(&self.conn);
        let mut st = conn.prepare(
            "SELECT notify_id, merchant_id, url, body, attempts FROM webhooks
             WHERE delivered_at IS NULL AND next_attempt_at <= ?1 AND attempts < ?2
             ORDER BY next_attempt_at LIMIT ?3",
        )?;
        let rows = st.query_map(params![now, max_attempts, limit], |r| {
            Ok(WebhookRow {
                notify_id: r.get(0)?,
                merchant_id: r.get(1)?,
                url: r.get(2)?,
                body: r.get(3)?,
                attempts: r.get(4)?,
            })
        })?;
        rows.collect()
    }

    pub fn webhook_result(
        &self,
        notify_id: &str,
        ok: bool,
        next_attempt_at: i64,
        error: Option<&str>,
    ) -> DbResult<()> {
        let conn = lock(&self.conn);
        let now = paykka_protocol::time::now_ms();
        conn.execute(
            "UPDATE webhooks SET attempts = attempts + 1, delivered_at = CASE WHEN ?2 THEN ?3 ELSE NULL END,
             next_attempt_at = ?4, last_error = ?5 WHERE notify_id = ?1",
            params![notify_id, ok, now, next_attempt_at, error],
        )?;
        Ok(())
    }

    /// (attempts, delivered) of the webhooks of an order, oldest first (tests, diagnostics).
    pub fn webhook_attempts(&self) -> DbResult<Vec<(String, u32, bool)>> {
        let conn = lock(&self.conn);
        let mut st = conn.prepare("SELECT notify_id, attempts, delivered_at IS NOT NULL FROM webhooks ORDER BY created_at")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect()
    }
}

pub fn enqueue_webhook(
    tx: &Transaction<'_>,
    notify_id: &str,
    merchant_id: &str,
    url: &str,
    body: &str,
) -> DbResult<()> {
    let now = paykka_protocol::time::now_ms();
    tx.execute(
        "INSERT INTO webhooks (notify_id, merchant_id, url, body, attempts, next_attempt_at, created_at) VALUES (?1, ?2, ?3, ?4, 0, ?5, ?5)",
        params![notify_id, merchant_id, url, body, now],
    )?;
    Ok(())
}
