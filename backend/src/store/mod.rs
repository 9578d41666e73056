//! The merchant's own records in SQLite: orders (one per session) and logins here; payment
//! attempts, webhook ids already processed and second charges in `payments`; idempotency keys
//! and attempt locks in `idempotency`; refunds in `refunds`.

use crate::support::lock;
use rusqlite::types::FromSql;
use rusqlite::{Connection, OptionalExtension, Params, params};
use std::path::Path;
use std::sync::Mutex;

pub mod idempotency;
pub mod payments;
pub mod refunds;
#[cfg(test)]
mod tests;

pub type DbResult<T> = Result<T, rusqlite::Error>;

/// The first column of the one row `sql` selects, if there is one.
fn first_column<T: FromSql>(c: &Connection, sql: &str, params: impl Params) -> DbResult<Option<T>> {
    c.query_row(sql, params, |r| r.get(0)).optional()
}

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
CREATE TABLE IF NOT EXISTS logins (
    token_digest TEXT PRIMARY KEY,
    shopper_reference TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS attempts (
    idem_key TEXT PRIMARY KEY,
    session_id TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS attempts_by_session ON attempts (session_id);
CREATE TABLE IF NOT EXISTS attempt_locks (
    session_id TEXT PRIMARY KEY,
    idem_key TEXT NOT NULL,
    locked_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS second_charges (
    order_id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL,
    status TEXT NOT NULL,
    detected_at INTEGER NOT NULL,
    resolution TEXT,
    resolved_at INTEGER
);
CREATE TABLE IF NOT EXISTS refunds (
    refund_trans_id TEXT PRIMARY KEY,
    refund_order_id TEXT,
    order_id TEXT NOT NULL,
    amount INTEGER NOT NULL,
    status TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    notifications INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS webhook_events (
    notify_id TEXT PRIMARY KEY,
    order_id TEXT NOT NULL,
    status TEXT NOT NULL,
    received_at INTEGER NOT NULL
);
";

fn now() -> i64 {
    paykka_protocol::time::now_ms()
}

/// Records a gateway event id (a webhook's, a refund notification's) with what it said: false,
/// with nothing written, if the id was already seen.
fn new_event(
    tx: &rusqlite::Transaction<'_>,
    event: &str,
    order_id: &str,
    status: &str,
) -> DbResult<bool> {
    let n = tx.execute(
        "INSERT INTO webhook_events (notify_id, order_id, status, received_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
        params![event, order_id, status, now()],
    )?;
    Ok(n > 0)
}

impl Store {
    pub fn open(path: &Path) -> DbResult<Self> {
        // Created readable by this user only; SQLite gives its -wal and -shm files the same mode.
        #[cfg(unix)]
        if !path.exists() {
            use std::os::unix::fs::OpenOptionsExt;
            let _ = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(path);
        }
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.execute_batch(SCHEMA)?;
        Ok(Self {
            conn: Mutex::new(conn),
        })
    }

    pub fn insert_order(&self, o: &Order) -> DbResult<()> {
        let c = lock(&self.conn);
        c.execute(
            "INSERT INTO orders (session_id, trans_id, amount, currency, shopper_reference, token_usage, status, order_id, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            params![o.session_id, o.trans_id, o.amount, o.currency, o.shopper_reference, o.token_usage, o.status, o.order_id, now()],
        )?;
        Ok(())
    }

    pub fn order(&self, session_id: &str) -> DbResult<Option<Order>> {
        let c = lock(&self.conn);
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

    /// Stores a login (the digest of its cookie) until `expires_at`.
    pub fn insert_login(
        &self,
        token_digest: &str,
        shopper_reference: &str,
        expires_at: i64,
    ) -> DbResult<()> {
        let c = lock(&self.conn);
        c.execute(
            "INSERT INTO logins (token_digest, shopper_reference, expires_at) VALUES (?1, ?2, ?3)",
            params![token_digest, shopper_reference, expires_at],
        )?;
        Ok(())
    }

    /// The shopper of a login that has not expired.
    pub fn login_shopper(&self, token_digest: &str, now: i64) -> DbResult<Option<String>> {
        first_column(
            &lock(&self.conn),
            "SELECT shopper_reference FROM logins WHERE token_digest = ?1 AND expires_at > ?2",
            params![token_digest, now],
        )
    }

    pub fn delete_login(&self, token_digest: &str) -> DbResult<()> {
        let c = lock(&self.conn);
        c.execute("DELETE FROM logins WHERE token_digest = ?1", [token_digest])?;
        Ok(())
    }

    /// The retention job: drops expired logins, and idempotency records, attempts and orders
    /// older than `older_than_ms` (an order only once it can no longer change: settled, or
    /// never paid). Returns how many rows went.
    pub fn purge(&self, now: i64, older_than_ms: i64) -> DbResult<usize> {
        let c = lock(&self.conn);
        let before = now - older_than_ms;
        let mut n = c.execute("DELETE FROM logins WHERE expires_at <= ?1", [now])?;
        n += c.execute(
            "DELETE FROM idempotency WHERE created_at < ?1 AND state <> 'pending'",
            [before],
        )?;
        n += c.execute("DELETE FROM attempts WHERE created_at < ?1", [before])?;
        n += c.execute(
            "DELETE FROM orders WHERE updated_at < ?1 AND status IN ('CREATED', 'FAILURE', 'CANCELED', 'EXPIRED')",
            [before],
        )?;
        Ok(n)
    }
}
