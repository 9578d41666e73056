//! The SQLite engine: one file, one connection behind a mutex, so every call is serialised
//! within the process (and SQLite's own file lock keeps a second process from writing at the
//! same time). The default, and what `make demo` uses: nothing to install or run.

use super::migrate::{self, Migration};
use super::{Order, StoreError, WINDOW_MS, retry_after};
use crate::support::lock;
use rusqlite::types::FromSql;
use rusqlite::{Connection, OptionalExtension, Params, params};
use std::path::Path;
use std::sync::Mutex;

mod idempotency;
mod payments;
mod refunds;

pub(super) type SqlResult<T> = Result<T, rusqlite::Error>;

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        // Busy past the busy timeout: another process holds the file; worth a retry.
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                StoreError::Unavailable(e.to_string())
            }
            _ => StoreError::Failed(e.to_string()),
        }
    }
}

/// The first column of the one row `sql` selects, if there is one.
fn first_column<T: FromSql>(
    c: &Connection,
    sql: &str,
    params: impl Params,
) -> SqlResult<Option<T>> {
    c.query_row(sql, params, |r| r.get(0)).optional()
}

fn now() -> i64 {
    paykka_protocol::time::now_ms()
}

pub struct SqliteStore {
    conn: Mutex<Connection>,
}

impl SqliteStore {
    pub(super) fn open(path: &Path) -> SqlResult<Self> {
        Self::open_at(path, i64::MAX)
    }

    /// Opens the file and applies the migrations up to version `upto` (tests stop early to
    /// make an old database).
    pub(super) fn open_at(path: &Path, upto: i64) -> SqlResult<Self> {
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
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")?;
        migrate_sqlite(&mut conn, migrate::SQLITE, upto)?;
        Ok(Self {
            conn: Mutex::new(conn),
        })
    }

    pub(super) fn insert_order(&self, o: &Order) -> SqlResult<()> {
        let c = lock(&self.conn);
        c.execute(
            "INSERT INTO orders (session_id, trans_id, amount, currency, shopper_reference, token_usage, status, order_id, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            params![o.session_id, o.trans_id, o.amount, o.currency, o.shopper_reference, o.token_usage, o.status, o.order_id, now()],
        )?;
        Ok(())
    }

    pub(super) fn order(&self, session_id: &str) -> SqlResult<Option<Order>> {
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

    pub(super) fn insert_login(
        &self,
        token_digest: &str,
        shopper_reference: &str,
        expires_at: i64,
    ) -> SqlResult<()> {
        let c = lock(&self.conn);
        c.execute(
            "INSERT INTO logins (token_digest, shopper_reference, expires_at) VALUES (?1, ?2, ?3)",
            params![token_digest, shopper_reference, expires_at],
        )?;
        Ok(())
    }

    pub(super) fn login_shopper(&self, token_digest: &str, now: i64) -> SqlResult<Option<String>> {
        first_column(
            &lock(&self.conn),
            "SELECT shopper_reference FROM logins WHERE token_digest = ?1 AND expires_at > ?2",
            params![token_digest, now],
        )
    }

    pub(super) fn delete_login(&self, token_digest: &str) -> SqlResult<()> {
        let c = lock(&self.conn);
        c.execute("DELETE FROM logins WHERE token_digest = ?1", [token_digest])?;
        Ok(())
    }

    pub(super) fn purge(&self, now: i64, older_than_ms: i64) -> SqlResult<usize> {
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
        // Windows that ended are only counters; they are not counted as records.
        c.execute(
            "DELETE FROM rate_limits WHERE window_start <= ?1",
            [now - WINDOW_MS],
        )?;
        Ok(n)
    }

    pub(super) fn hit_limit(
        &self,
        kind: &str,
        key: &str,
        max: u32,
        now: i64,
    ) -> SqlResult<Option<u64>> {
        let c = lock(&self.conn);
        let (start, hits): (i64, i64) = c.query_row(
            "INSERT INTO rate_limits (kind, client_key, window_start, hits) VALUES (?1, ?2, ?3, 1)
             ON CONFLICT (kind, client_key) DO UPDATE SET
               hits = CASE WHEN rate_limits.window_start <= ?3 - ?4 THEN 1 ELSE rate_limits.hits + 1 END,
               window_start = CASE WHEN rate_limits.window_start <= ?3 - ?4 THEN ?3 ELSE rate_limits.window_start END
             RETURNING window_start, hits",
            params![kind, key, now, WINDOW_MS],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok((hits > i64::from(max)).then(|| retry_after(start, now)))
    }

    pub(super) fn lock_operation(&self, name: &str, holder: &str) -> SqlResult<bool> {
        let c = lock(&self.conn);
        let n = c.execute(
            "INSERT INTO operation_locks (name, holder, locked_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (name) DO UPDATE SET holder = ?2, locked_at = ?3
             WHERE operation_locks.holder = ?2 OR operation_locks.locked_at < ?4",
            params![name, holder, now(), now() - super::STALE_LOCK_MS],
        )?;
        Ok(n == 1)
    }

    pub(super) fn unlock_operation(&self, name: &str, holder: &str) -> SqlResult<()> {
        let c = lock(&self.conn);
        c.execute(
            "DELETE FROM operation_locks WHERE name = ?1 AND holder = ?2",
            [name, holder],
        )?;
        Ok(())
    }
}

/// Applies the migrations of `list` newer than the database's, up to `upto`, each in its own
/// transaction with its row in `schema_migrations`. `BEGIN IMMEDIATE` takes the write lock
/// first, so two processes starting at once do not both apply one.
fn migrate_sqlite(conn: &mut Connection, list: &[Migration], upto: i64) -> SqlResult<()> {
    conn.execute_batch(migrate::VERSIONS_TABLE)?;
    for &(version, name, sql) in list.iter().filter(|m| m.0 <= upto) {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let done: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = ?1)",
            [version],
            |r| r.get(0),
        )?;
        if !done {
            tx.execute_batch(sql)?;
            tx.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)",
                params![version, name, now()],
            )?;
        }
        tx.commit()?;
    }
    let latest: i64 = conn.query_row(
        "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
        [],
        |r| r.get(0),
    )?;
    migrate::note_newer("sqlite", latest, list);
    Ok(())
}
