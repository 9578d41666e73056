//! The merchant's own records: orders (one per session), payment attempts, idempotency keys,
//! and webhook ids already processed.

use rusqlite::{Connection, OptionalExtension, params};
use std::path::Path;
use std::sync::Mutex;

pub type DbResult<T> = Result<T, rusqlite::Error>;

pub struct Store {
    conn: Mutex<Connection>,
}

#[derive(Debug, Clone)]
pub struct Order {
    pub session_id: String,
    pub trans_id: String,
    pub amount: i64,
    pub currency: String,
    pub shopper_reference: Option<String>,
    pub token_usage: Option<String>,
    pub status: String,
    pub order_id: Option<String>,
}

pub enum Claim {
    /// This request owns the key and must finish it.
    Claimed,
    /// Already answered: (HTTP status, body).
    Done(u16, String),
    /// Same key, other body.
    Conflict,
    /// Another request with this key is in flight.
    InFlight,
}

const SCHEMA: &str = "
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
CREATE TABLE IF NOT EXISTS orders (
    session_id TEXT PRIMARY KEY,
    trans_id TEXT NOT NULL UNIQUE,
    amount INTEGER NOT NULL,
    currency TEXT NOT NULL,
    shopper_reference TEXT,
    token_usage TEXT,
    status TEXT NOT NULL,
    order_id TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS payments (
    order_id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL,
    status TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS idempotency (
    idem_key TEXT PRIMARY KEY,
    body_hash TEXT NOT NULL,
    state TEXT NOT NULL,
    http_status INTEGER,
    response TEXT,
    created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS webhook_events (
    notify_id TEXT PRIMARY KEY,
    order_id TEXT NOT NULL,
    status TEXT NOT NULL,
    received_at INTEGER NOT NULL
);
";

/// (body hash, state, HTTP status, response, created at) of an idempotency key.
type ClaimRow = (String, String, Option<u16>, Option<String>, i64);

/// A claim older than this is from a crashed request and may be taken over.
const STALE_CLAIM_MS: i64 = 120_000;

fn now() -> i64 {
    paykka_protocol::time::now_ms()
}

impl Store {
    pub fn open(path: &Path) -> DbResult<Self> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.execute_batch(SCHEMA)?;
        Ok(Self {
            conn: Mutex::new(conn),
        })
    }

    pub fn insert_order(&self, o: &Order) -> DbResult<()> {
        let c = crate::lock(&self.conn);
        c.execute(
            "INSERT INTO orders (session_id, trans_id, amount, currency, shopper_reference, token_usage, status, order_id, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            params![o.session_id, o.trans_id, o.amount, o.currency, o.shopper_reference, o.token_usage, o.status, o.order_id, now()],
        )?;
        Ok(())
    }

    pub fn order(&self, session_id: &str) -> DbResult<Option<Order>> {
        let c = crate::lock(&self.conn);
        c.query_row(
            "SELECT session_id, trans_id, amount, currency, shopper_reference, token_usage, status, order_id FROM orders WHERE session_id = ?1",
            [session_id],
            |r| {
                Ok(Order {
                    session_id: r.get(0)?,
                    trans_id: r.get(1)?,
                    amount: r.get(2)?,
                    currency: r.get(3)?,
                    shopper_reference: r.get(4)?,
                    token_usage: r.get(5)?,
                    status: r.get(6)?,
                    order_id: r.get(7)?,
                })
            },
        )
        .optional()
    }

    /// Records a payment attempt's status and makes it the order's latest.
    pub fn record_payment(&self, session_id: &str, order_id: &str, status: &str) -> DbResult<()> {
        let mut c = crate::lock(&self.conn);
        let tx = c.transaction()?;
        tx.execute(
            "INSERT INTO payments (order_id, session_id, status, updated_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (order_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at",
            params![order_id, session_id, status, now()],
        )?;
        // A late notification of an earlier, failed attempt does not overwrite a paid order.
        tx.execute(
            "UPDATE orders SET status = ?2, order_id = ?3, updated_at = ?4 WHERE session_id = ?1
             AND NOT (order_id IS NOT NULL AND order_id != ?3 AND status IN
                 ('SUCCESS', 'AUTHORIZED', 'REFUNDED', 'PARTIALLY_REFUNDED', 'PARTIALLY_REVERSED', 'CANCELED'))",
            params![session_id, status, order_id, now()],
        )?;
        tx.commit()
    }

    /// Session of a payment made through this backend.
    pub fn payment_session(&self, order_id: &str) -> DbResult<Option<String>> {
        let c = crate::lock(&self.conn);
        c.query_row(
            "SELECT session_id FROM payments WHERE order_id = ?1",
            [order_id],
            |r| r.get(0),
        )
        .optional()
    }

    pub fn claim(&self, key: &str, hash: &str) -> DbResult<Claim> {
        let mut c = crate::lock(&self.conn);
        let tx = c.transaction()?;
        let row: Option<ClaimRow> = tx
            .query_row(
                "SELECT body_hash, state, http_status, response, created_at FROM idempotency WHERE idem_key = ?1",
                [key],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        let out = match row {
            None => {
                tx.execute(
                    "INSERT INTO idempotency (idem_key, body_hash, state, created_at) VALUES (?1, ?2, 'pending', ?3)",
                    params![key, hash, now()],
                )?;
                Claim::Claimed
            }
            Some((h, _, _, _, _)) if h != hash => Claim::Conflict,
            Some((_, state, Some(code), Some(resp), _)) if state == "done" => {
                Claim::Done(code, resp)
            }
            Some((_, _, _, _, created)) if now() - created > STALE_CLAIM_MS => {
                tx.execute(
                    "UPDATE idempotency SET created_at = ?2 WHERE idem_key = ?1",
                    params![key, now()],
                )?;
                Claim::Claimed
            }
            Some(_) => Claim::InFlight,
        };
        tx.commit()?;
        Ok(out)
    }

    pub fn finish_claim(&self, key: &str, status: u16, response: &str) -> DbResult<()> {
        let c = crate::lock(&self.conn);
        c.execute(
            "UPDATE idempotency SET state = 'done', http_status = ?2, response = ?3 WHERE idem_key = ?1",
            params![key, status, response],
        )?;
        Ok(())
    }

    /// Forgets a claim whose request could not be completed (gateway unreachable): the same key
    /// may be retried; the gateway de-duplicates by the forwarded key.
    pub fn release_claim(&self, key: &str) -> DbResult<()> {
        let c = crate::lock(&self.conn);
        c.execute(
            "DELETE FROM idempotency WHERE idem_key = ?1 AND state = 'pending'",
            [key],
        )?;
        Ok(())
    }

    /// Records a webhook id; false if it was already processed.
    pub fn first_webhook(&self, notify_id: &str, order_id: &str, status: &str) -> DbResult<bool> {
        let c = crate::lock(&self.conn);
        let n = c.execute(
            "INSERT INTO webhook_events (notify_id, order_id, status, received_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
            params![notify_id, order_id, status, now()],
        )?;
        Ok(n == 1)
    }

    pub fn webhook_count(&self) -> DbResult<i64> {
        let c = crate::lock(&self.conn);
        c.query_row("SELECT COUNT(*) FROM webhook_events", [], |r| r.get(0))
    }
}
