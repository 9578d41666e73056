//! SQLite storage. Records are JSON in a `data` column beside the columns they are looked up by.
//! One connection behind a mutex: every operation is short and synchronous, and each request's
//! writes happen in one SQLite transaction, so a refused request leaves nothing behind.

use crate::scenario::{SessionRec, TokenRec, TxRec};
use paykka_protocol::sign::{VerifyingKey, VerifyingKeys};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use std::path::Path;
use std::sync::Mutex;

pub struct Db {
    conn: Mutex<Connection>,
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

fn to_json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("records always serialise")
}

fn from_json<T: serde::de::DeserializeOwned>(s: String) -> DbResult<T> {
    serde_json::from_str(&s).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

#[derive(Debug, Clone)]
pub struct WebhookRow {
    pub notify_id: String,
    pub merchant_id: String,
    pub url: String,
    pub body: String,
    pub attempts: u32,
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
        let mut conn = crate::lock(&self.conn);
        let tx = conn.transaction()?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Registers a merchant with the public key `pem`. An existing merchant keeps its key set if
    /// `pem` is already one of its keys (a backend re-registering during a key rotation with
    /// either key changes nothing); another key replaces the whole set.
    pub fn upsert_merchant(&self, id: &str, name: &str, pem: &str) -> DbResult<()> {
        self.with_tx(|tx| {
            let keys = match (merchant_in(tx, id)?, VerifyingKey::from_pem(pem)) {
                (Some((_, stored)), Ok(key)) => match VerifyingKeys::from_pem_bundle(&stored) {
                    Ok(set) if set.contains(&key) => stored,
                    _ => pem.to_string(),
                },
                _ => pem.to_string(),
            };
            tx.execute(
                "INSERT INTO merchants (merchant_id, name, public_key_pem, created_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (merchant_id) DO UPDATE SET name = excluded.name, public_key_pem = excluded.public_key_pem",
                params![id, name, keys, paykka_protocol::time::now_ms()],
            )?;
            Ok(())
        })
    }

    /// (name, public keys PEM) of a merchant: one or more PEM blocks (two while it rotates its
    /// key), read with [`VerifyingKeys::from_pem_bundle`].
    pub fn merchant(&self, id: &str) -> DbResult<Option<(String, String)>> {
        let conn = crate::lock(&self.conn);
        conn.query_row(
            "SELECT name, public_key_pem FROM merchants WHERE merchant_id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
    }

    pub fn count_transactions(&self, session_id: &str) -> DbResult<i64> {
        let conn = crate::lock(&self.conn);
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
        let conn = crate::lock(&self.conn);
        conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
    }

    /// A session's or payment's record as the sandbox keeps it (JSON), by its id: for tests
    /// and the portal, never for the signed API.
    pub fn record(&self, session_or_order_id: &str) -> Option<serde_json::Value> {
        let conn = crate::lock(&self.conn);
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

    pub fn due_webhooks(
        &self,
        now: i64,
        max_attempts: u32,
        limit: u32,
    ) -> DbResult<Vec<WebhookRow>> {
        let conn = crate::lock(&self.conn);
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
        let conn = crate::lock(&self.conn);
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
        let conn = crate::lock(&self.conn);
        let mut st = conn.prepare("SELECT notify_id, attempts, delivered_at IS NOT NULL FROM webhooks ORDER BY created_at")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect()
    }

    /// Order ids of transactions whose action expired.
    pub fn expired_actions(&self, now: i64) -> DbResult<Vec<String>> {
        let conn = crate::lock(&self.conn);
        let mut st = conn.prepare("SELECT order_id FROM transactions WHERE status = 'PROCESSING' AND action_expires_at <= ?1 LIMIT 100")?;
        let rows = st.query_map([now], |r| r.get(0))?;
        rows.collect()
    }
}

// Helpers used inside `with_tx`.

/// (name, public keys PEM) of a merchant, in a transaction.
pub fn merchant_in(tx: &Transaction<'_>, id: &str) -> DbResult<Option<(String, String)>> {
    tx.query_row(
        "SELECT name, public_key_pem FROM merchants WHERE merchant_id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()
}

/// Replaces a merchant's key set (PEM blocks, as [`VerifyingKeys::to_pem_bundle`] writes).
pub fn set_merchant_keys(tx: &Transaction<'_>, id: &str, keys: &VerifyingKeys) -> DbResult<()> {
    tx.execute(
        "UPDATE merchants SET public_key_pem = ?2 WHERE merchant_id = ?1",
        params![id, keys.to_pem_bundle()],
    )?;
    Ok(())
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
    let s: Option<String> = tx
        .query_row(
            "SELECT data FROM sessions WHERE session_id = ?1 AND merchant_id = ?2",
            [session_id, merchant_id],
            |r| r.get(0),
        )
        .optional()?;
    s.map(from_json).transpose()
}

pub fn session_by_trans(
    tx: &Transaction<'_>,
    merchant_id: &str,
    trans_id: &str,
) -> DbResult<Option<SessionRec>> {
    let s: Option<String> = tx
        .query_row(
            "SELECT data FROM sessions WHERE trans_id = ?1 AND merchant_id = ?2",
            [trans_id, merchant_id],
            |r| r.get(0),
        )
        .optional()?;
    s.map(from_json).transpose()
}

pub fn session_any(tx: &Transaction<'_>, session_id: &str) -> DbResult<Option<SessionRec>> {
    let s: Option<String> = tx
        .query_row(
            "SELECT data FROM sessions WHERE session_id = ?1",
            [session_id],
            |r| r.get(0),
        )
        .optional()?;
    s.map(from_json).transpose()
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
    let s: Option<String> = tx
        .query_row(
            "SELECT data FROM transactions WHERE order_id = ?1",
            [order_id],
            |r| r.get(0),
        )
        .optional()?;
    s.map(from_json).transpose()
}

pub fn latest_tx(
    tx: &Transaction<'_>,
    merchant_id: &str,
    column: &str,
    value: &str,
) -> DbResult<Option<TxRec>> {
    let column = if column == "session_id" {
        "session_id"
    } else {
        "trans_id"
    };
    let s: Option<String> = tx
        .query_row(
            &format!("SELECT data FROM transactions WHERE {column} = ?1 AND merchant_id = ?2 ORDER BY created_seq DESC LIMIT 1"),
            [value, merchant_id],
            |r| r.get(0),
        )
        .optional()?;
    s.map(from_json).transpose()
}

/// Transactions of a trans_id that are not failed (a trans_id can be retried after a failure).
pub fn live_tx_count(
    tx: &Transaction<'_>,
    merchant_id: &str,
    column: &str,
    value: &str,
) -> DbResult<i64> {
    let column = if column == "session_id" {
        "session_id"
    } else {
        "trans_id"
    };
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

pub fn insert_token(tx: &Transaction<'_>, t: &TokenRec) -> DbResult<()> {
    tx.execute(
        "INSERT INTO tokens (token, merchant_id, shopper_reference, fingerprint, recurring_agreement_id, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![t.token, t.merchant_id, t.shopper_reference, t.fingerprint, t.recurring_agreement_id, to_json(t)],
    )?;
    Ok(())
}

pub fn update_token(tx: &Transaction<'_>, t: &TokenRec) -> DbResult<()> {
    tx.execute(
        "UPDATE tokens SET data = ?2 WHERE token = ?1",
        params![t.token, to_json(t)],
    )?;
    Ok(())
}

pub fn token_by_fingerprint(
    tx: &Transaction<'_>,
    merchant_id: &str,
    shopper: &str,
    fp: &str,
    usage: &str,
) -> DbResult<Option<TokenRec>> {
    let mut st = tx.prepare("SELECT data FROM tokens WHERE merchant_id = ?1 AND shopper_reference = ?2 AND fingerprint = ?3")?;
    let rows: Vec<String> = st
        .query_map([merchant_id, shopper, fp], |r| r.get(0))?
        .collect::<DbResult<_>>()?;
    for s in rows {
        let t: TokenRec = from_json(s)?;
        if t.token_usage == usage && t.status == "ACTIVATE" {
            return Ok(Some(t));
        }
    }
    Ok(None)
}

pub fn token(tx: &Transaction<'_>, merchant_id: &str, token: &str) -> DbResult<Option<TokenRec>> {
    let s: Option<String> = tx
        .query_row(
            "SELECT data FROM tokens WHERE token = ?1 AND merchant_id = ?2",
            [token, merchant_id],
            |r| r.get(0),
        )
        .optional()?;
    s.map(from_json).transpose()
}

pub fn token_by_agreement(
    tx: &Transaction<'_>,
    merchant_id: &str,
    agreement: &str,
) -> DbResult<Option<TokenRec>> {
    let s: Option<String> = tx
        .query_row(
            "SELECT data FROM tokens WHERE recurring_agreement_id = ?1 AND merchant_id = ?2",
            [agreement, merchant_id],
            |r| r.get(0),
        )
        .optional()?;
    s.map(from_json).transpose()
}

pub fn tokens_of(
    tx: &Transaction<'_>,
    merchant_id: &str,
    shopper: &str,
) -> DbResult<Vec<TokenRec>> {
    let mut st = tx.prepare(
        "SELECT data FROM tokens WHERE merchant_id = ?1 AND shopper_reference = ?2 ORDER BY rowid",
    )?;
    let rows: Vec<String> = st
        .query_map([merchant_id, shopper], |r| r.get(0))?
        .collect::<DbResult<_>>()?;
    rows.into_iter().map(from_json).collect()
}

pub fn delete_token(tx: &Transaction<'_>, token: &str) -> DbResult<()> {
    tx.execute("DELETE FROM tokens WHERE token = ?1", [token])?;
    Ok(())
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

pub fn insert_refund(tx: &Transaction<'_>, r: &paykka_protocol::types::RefundData) -> DbResult<()> {
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
) -> DbResult<Option<paykka_protocol::types::RefundData>> {
    let s: Option<String> = tx
        .query_row(
            "SELECT data FROM refunds WHERE merchant_id = ?1 AND (refund_order_id = ?2 OR refund_trans_id = ?3)",
            params![merchant_id, refund_order_id, refund_trans_id],
            |r| r.get(0),
        )
        .optional()?;
    s.map(from_json).transpose()
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
