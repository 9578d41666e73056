//! The connection: the schema, one SQLite transaction per request, records as JSON columns,
//! and the reads tests and the portal make outside a request.

use rusqlite::{Connection, OptionalExtension, Params, Transaction};
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

pub struct Db {
    pub(super) conn: Mutex<Connection>,
}

pub type DbResult<T> = Result<T, rusqlite::Error>;

const SCHEMA: &str = "
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
CREATE TABLE IF NOT EXISTS merchants (
    merchant_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    public_key_pem TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
    session_id TEXT PRIMARY KEY,
    merchant_id TEXT NOT NULL,
    trans_id TEXT NOT NULL,
    data TEXT NOT NULL,
    UNIQUE (merchant_id, trans_id)
);
CREATE TABLE IF NOT EXISTS transactions (
    order_id TEXT PRIMARY KEY,
    merchant_id TEXT NOT NULL,
    trans_id TEXT NOT NULL,
    session_id TEXT,
    status TEXT NOT NULL,
    action_expires_at INTEGER,
    created_seq INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS tx_session ON transactions (session_id);
CREATE INDEX IF NOT EXISTS tx_trans ON transactions (merchant_id, trans_id);
CREATE INDEX IF NOT EXISTS tx_pending ON transactions (status, action_expires_at);
-- `insert_tx` takes MAX(created_seq) + 1 for every payment: without this index that is a scan
-- of the whole table (1.4 ms at 4000 transactions, under the connection's lock), and the
-- sandbox slows down as it fills (found by the load test, loadtest/).
CREATE INDEX IF NOT EXISTS tx_seq ON transactions (created_seq);
CREATE TABLE IF NOT EXISTS tokens (
    token TEXT PRIMARY KEY,
    merchant_id TEXT NOT NULL,
    shopper_reference TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    recurring_agreement_id TEXT,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS tokens_shopper ON tokens (merchant_id, shopper_reference);
CREATE TABLE IF NOT EXISTS idempotency (
    merchant_id TEXT NOT NULL,
    idem_key TEXT NOT NULL,
    body_hash TEXT NOT NULL,
    response TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (merchant_id, idem_key)
);
CREATE TABLE IF NOT EXISTS card_nonces (
    nonce TEXT PRIMARY KEY,
    merchant_id TEXT NOT NULL,
    used_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS refunds (
    refund_order_id TEXT PRIMARY KEY,
    merchant_id TEXT NOT NULL,
    refund_trans_id TEXT NOT NULL,
    order_id TEXT NOT NULL,
    data TEXT NOT NULL,
    UNIQUE (merchant_id, refund_trans_id)
);
CREATE TABLE IF NOT EXISTS webhooks (
    notify_id TEXT PRIMARY KEY,
    merchant_id TEXT NOT NULL,
    url TEXT NOT NULL,
    body TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    delivered_at INTEGER,
    last_error TEXT,
    created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS webhooks_due ON webhooks (delivered_at, next_attempt_at);
";

pub(super) fn to_json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("records always serialise")
}

pub(super) fn from_json<T: serde::de::DeserializeOwned>(s: String) -> DbResult<T> {
    serde_json::from_str(&s).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// The record (the `data` column, JSON) of the one row `sql` selects, if there is one.
pub(super) fn record_where<T: serde::de::DeserializeOwned>(
    conn: &Connection,
    sql: &str,
    params: impl Params,
) -> DbResult<Option<T>> {
    conn.query_row(sql, params, |r| r.get::<_, String>(0))
        .optional()?
        .map(from_json)
        .transpose()
}

/// The `data` column (JSON, not read yet) of every row `sql` selects.
pub(super) fn data_where(
    conn: &Connection,
    sql: &str,
    params: impl Params,
) -> DbResult<Vec<String>> {
    conn.prepare(sql)?
        .query_map(params, |r| r.get(0))?
        .collect()
}

impl Db {
    pub fn open(path: &Path) -> DbResult<Self> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.execute_batch(SCHEMA)?;
        Ok(Self {
            conn: Mutex::new(conn),
        })
    }

    /// Runs `f` in one SQLite transaction: committed if it returns `Ok`, rolled back otherwise.
    pub fn with_tx<T, E: From<rusqlite::Error>>(
        &self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        let mut conn = lock(&self.conn);
        let tx = conn.transaction()?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    pub fn count_transactions(&self, session_id: &str) -> DbResult<i64> {
        let conn = lock(&self.conn);
        conn.query_row(
            "SELECT COUNT(*) FROM transactions WHERE session_id = ?1",
            [session_id],
            |r| r.get(0),
        )
    }

    pub fn count_rows(&self, table: &str) -> DbResult<i64> {
        let table = match table {
            "sessions" | "transactions" | "tokens" | "idempotency" | "webhooks" | "merchants"
            | "refunds" => table,
            _ => return Ok(-1),
        };
        let conn = lock(&self.conn);
        conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
    }

    /// A session's or payment's record as the sandbox keeps it (JSON), by its id: for tests
    /// and the portal, never for the signed API.
    pub fn record(&self, session_or_order_id: &str) -> Option<serde_json::Value> {
        let conn = lock(&self.conn);
        let q = |sql: &str| {
            conn.query_row(sql, [session_or_order_id], |r| r.get::<_, String>(0))
                .optional()
                .ok()
                .flatten()
        };
        q("SELECT data FROM sessions WHERE session_id = ?1")
            .or_else(|| q("SELECT data FROM transactions WHERE order_id = ?1"))
            .and_then(|s| serde_json::from_str(&s).ok())
    }
}

/// The connection, even when a panic elsewhere poisoned the mutex: each request's writes are one
/// transaction, rolled back when dropped, so a panic leaves nothing half-written behind.
pub(super) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
