//! The PostgreSQL engine, for several backend instances on one database. Every rule that must
//! hold across instances is held by the database, never by a lock in one process:
//!
//! - **unique constraints** and `INSERT ... ON CONFLICT`: an idempotency key is claimed by
//!   one request, a webhook id is recorded once (its insert waits for a concurrent one's
//!   transaction to end, then finds the row);
//! - **one atomic statement** for each lease and counter: the attempt lock of a session, the
//!   operation lock of an order, a rate-limit window (`ON CONFLICT DO UPDATE ... WHERE`
//!   re-checks its condition on the row's latest version under the row's lock);
//! - **the session's order row locked first** (`SELECT ... FOR UPDATE`) by every transaction
//!   that reads and then changes a session's payment state (news of a payment, counting an
//!   attempt): they apply one at a time, each seeing the last one's result, so a status only
//!   moves forward and a session's attempts are counted exactly.
//!
//! Transactions run at READ COMMITTED (the default), so nothing needs a serialisation retry.
//! A connection error (PostgreSQL down, restarting, unreachable) is `StoreError::Unavailable`:
//! the request answers 503 with `Retry-After`, and the open transaction is rolled back.
//! A client built without TLS (`tokio-postgres` `NoTls`): reach the database over loopback or
//! a private network, or through a TLS tunnel (backend/README.md).

use super::migrate::{self, Migration};
use super::{DbResult, Order, STALE_LOCK_MS, StoreError, WINDOW_MS, retry_after};
use deadpool_postgres::{GenericClient, Manager, ManagerConfig, Pool, PoolError, RecyclingMethod};
use std::time::Duration;
use tokio_postgres::types::{FromSql, ToSql};
use tokio_postgres::{NoTls, Row};

mod idempotency;
mod payments;
mod refunds;

/// Parameters of one statement.
type Params<'a> = &'a [&'a (dyn ToSql + Sync)];

/// The key of the advisory lock that lets one instance at a time migrate.
const MIGRATION_LOCK: i64 = 0x7061_796b_6b61; // "paykka"

impl From<tokio_postgres::Error> for StoreError {
    fn from(e: tokio_postgres::Error) -> Self {
        let unavailable = match e.code() {
            // connection exceptions, shutdown, too many connections, and the two that a retry
            // resolves (serialisation failure, deadlock)
            Some(code) => {
                let c = code.code();
                c.starts_with("08")
                    || c.starts_with("57P")
                    || matches!(c, "53300" | "40001" | "40P01")
            }
            // No answer from the server at all: refused, reset, closed, timed out.
            None => {
                e.is_closed()
                    || std::error::Error::source(&e).is_some_and(|s| s.is::<std::io::Error>())
                    || e.to_string().contains("timeout")
            }
        };
        if unavailable {
            StoreError::Unavailable(e.to_string())
        } else {
            StoreError::Failed(e.to_string())
        }
    }
}

impl From<PoolError> for StoreError {
    fn from(e: PoolError) -> Self {
        match e {
            PoolError::Backend(e) => e.into(),
            PoolError::Timeout(_) => {
                StoreError::Unavailable("no database connection free in time".into())
            }
            other => StoreError::Unavailable(other.to_string()),
        }
    }
}

fn now() -> i64 {
    paykka_protocol::time::now_ms()
}

/// Runs `sql` (prepared once per connection) and counts the rows it touched.
async fn exec(c: &impl GenericClient, sql: &str, p: Params<'_>) -> DbResult<u64> {
    let st = c.prepare_cached(sql).await?;
    Ok(c.execute(&st, p).await?)
}

/// The rows `sql` returns.
async fn rows(c: &impl GenericClient, sql: &str, p: Params<'_>) -> DbResult<Vec<Row>> {
    let st = c.prepare_cached(sql).await?;
    Ok(c.query(&st, p).await?)
}

/// The one row `sql` returns, if any.
async fn row(c: &impl GenericClient, sql: &str, p: Params<'_>) -> DbResult<Option<Row>> {
    let st = c.prepare_cached(sql).await?;
    Ok(c.query_opt(&st, p).await?)
}

/// The first column of the one row `sql` returns, if any.
async fn first<T: for<'a> FromSql<'a>>(
    c: &impl GenericClient,
    sql: &str,
    p: Params<'_>,
) -> DbResult<Option<T>> {
    row(c, sql, p).await?.map(|r| col(&r, 0)).transpose()
}

/// Column `i` of `r`: a type the schema does not give is an error, never a panic.
fn col<T: for<'a> FromSql<'a>>(r: &Row, i: usize) -> DbResult<T> {
    Ok(r.try_get(i)?)
}

pub struct PgStore {
    pool: Pool,
}

impl PgStore {
    pub(super) async fn open(url: &str, pool_size: usize, timeout: Duration) -> DbResult<Self> {
        Self::open_at(url, pool_size, timeout, i64::MAX).await
    }

    /// Connects and applies the migrations up to version `upto` (tests stop early to make an
    /// old database).
    pub(super) async fn open_at(
        url: &str,
        pool_size: usize,
        timeout: Duration,
        upto: i64,
    ) -> DbResult<Self> {
        let mut pg: tokio_postgres::Config = url
            .parse()
            .map_err(|e| StoreError::Failed(format!("BACKEND_DATABASE_URL: {e}")))?;
        pg.connect_timeout(timeout);
        if pg.get_application_name().is_none() {
            pg.application_name("paykka-backend");
        }
        let manager = Manager::from_config(
            pg,
            NoTls,
            ManagerConfig {
                // A connection the server closed (a restart) is replaced, not handed out.
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(pool_size)
            .runtime(deadpool_postgres::Runtime::Tokio1)
            .wait_timeout(Some(timeout))
            .create_timeout(Some(timeout))
            .recycle_timeout(Some(timeout))
            .build()
            .map_err(|e| StoreError::Failed(e.to_string()))?;
        let store = Self { pool };
        store.migrate(migrate::POSTGRES, upto).await?;
        Ok(store)
    }

    /// Applies the migrations newer than the database's, up to `upto`, in one transaction,
    /// under an advisory lock: instances starting together migrate one after the other, and
    /// the later ones find nothing left to do.
    async fn migrate(&self, list: &[Migration], upto: i64) -> DbResult<()> {
        let mut c = self.pool.get().await?;
        let tx = c.transaction().await?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
            .await?;
        tx.batch_execute(migrate::VERSIONS_TABLE).await?;
        let done: Vec<i64> = rows(&tx, "SELECT version FROM schema_migrations", &[])
            .await?
            .iter()
            .map(|r| col(r, 0))
            .collect::<DbResult<_>>()?;
        for &(version, name, sql) in list.iter().filter(|m| m.0 <= upto) {
            if !done.contains(&version) {
                tx.batch_execute(sql).await?;
                tx.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                    &[&version, &name, &now()],
                )
                .await?;
            }
        }
        tx.commit().await?;
        migrate::note_newer("postgres", done.iter().copied().max().unwrap_or(0), list);
        Ok(())
    }

    pub(in crate::store) async fn conn(&self) -> DbResult<deadpool_postgres::Object> {
        Ok(self.pool.get().await?)
    }

    pub(super) async fn insert_order(&self, o: &Order) -> DbResult<()> {
        exec(
            &self.conn().await?,
            "INSERT INTO orders (session_id, trans_id, amount, currency, shopper_reference, token_usage, status, order_id, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
            &[&o.session_id, &o.trans_id, &o.amount, &o.currency, &o.shopper_reference, &o.token_usage, &o.status, &o.order_id, &now()],
        )
        .await?;
        Ok(())
    }

    pub(super) async fn order(&self, session_id: &str) -> DbResult<Option<Order>> {
        let r = row(
            &self.conn().await?,
            "SELECT session_id, trans_id, amount, currency, shopper_reference, token_usage, status, order_id FROM orders WHERE session_id = $1",
            &[&session_id],
        )
        .await?;
        r.map(|r| {
            Ok(Order {
                session_id: col(&r, 0)?,
                trans_id: col(&r, 1)?,
                amount: col(&r, 2)?,
                currency: col(&r, 3)?,
                shopper_reference: col(&r, 4)?,
                token_usage: col(&r, 5)?,
                status: col(&r, 6)?,
                order_id: col(&r, 7)?,
            })
        })
        .transpose()
    }

    pub(super) async fn insert_login(
        &self,
        token_digest: &str,
        shopper_reference: &str,
        expires_at: i64,
    ) -> DbResult<()> {
        exec(
            &self.conn().await?,
            "INSERT INTO logins (token_digest, shopper_reference, expires_at) VALUES ($1, $2, $3)",
            &[&token_digest, &shopper_reference, &expires_at],
        )
        .await?;
        Ok(())
    }

    pub(super) async fn login_shopper(
        &self,
        token_digest: &str,
        now: i64,
    ) -> DbResult<Option<String>> {
        first(
            &self.conn().await?,
            "SELECT shopper_reference FROM logins WHERE token_digest = $1 AND expires_at > $2",
            &[&token_digest, &now],
        )
        .await
    }

    pub(super) async fn delete_login(&self, token_digest: &str) -> DbResult<()> {
        let c = self.conn().await?;
        exec(
            &c,
            "DELETE FROM logins WHERE token_digest = $1",
            &[&token_digest],
        )
        .await?;
        Ok(())
    }

    pub(super) async fn purge(&self, now: i64, older_than_ms: i64) -> DbResult<usize> {
        let c = self.conn().await?;
        let before = now - older_than_ms;
        let mut n = exec(&c, "DELETE FROM logins WHERE expires_at <= $1", &[&now]).await?;
        n += exec(
            &c,
            "DELETE FROM idempotency WHERE created_at < $1 AND state <> 'pending'",
            &[&before],
        )
        .await?;
        n += exec(&c, "DELETE FROM attempts WHERE created_at < $1", &[&before]).await?;
        n += exec(
            &c,
            "DELETE FROM orders WHERE updated_at < $1 AND status IN ('CREATED', 'FAILURE', 'CANCELED', 'EXPIRED')",
            &[&before],
        )
        .await?;
        // Windows that ended are only counters; they are not counted as records.
        exec(
            &c,
            "DELETE FROM rate_limits WHERE window_start <= $1",
            &[&(now - WINDOW_MS)],
        )
        .await?;
        Ok(n as usize)
    }

    /// One statement: the row's lock makes the reset-or-count atomic across instances.
    pub(super) async fn hit_limit(
        &self,
        kind: &str,
        key: &str,
        max: u32,
        now: i64,
    ) -> DbResult<Option<u64>> {
        let r = row(
            &self.conn().await?,
            "INSERT INTO rate_limits (kind, client_key, window_start, hits) VALUES ($1, $2, $3, 1)
             ON CONFLICT (kind, client_key) DO UPDATE SET
               hits = CASE WHEN rate_limits.window_start <= $4 THEN 1 ELSE rate_limits.hits + 1 END,
               window_start = CASE WHEN rate_limits.window_start <= $4 THEN $3 ELSE rate_limits.window_start END
             RETURNING window_start, hits",
            &[&kind, &key, &now, &(now - WINDOW_MS)],
        )
        .await?
        .ok_or_else(|| StoreError::Failed("rate_limits: no row returned".into()))?;
        let (start, hits): (i64, i64) = (col(&r, 0)?, col(&r, 1)?);
        Ok((hits > i64::from(max)).then(|| retry_after(start, now)))
    }

    pub(super) async fn lock_operation(&self, name: &str, holder: &str) -> DbResult<bool> {
        let n = exec(
            &self.conn().await?,
            "INSERT INTO operation_locks (name, holder, locked_at) VALUES ($1, $2, $3)
             ON CONFLICT (name) DO UPDATE SET holder = $2, locked_at = $3
             WHERE operation_locks.holder = $2 OR operation_locks.locked_at < $4",
            &[&name, &holder, &now(), &(now() - STALE_LOCK_MS)],
        )
        .await?;
        Ok(n == 1)
    }

    pub(super) async fn unlock_operation(&self, name: &str, holder: &str) -> DbResult<()> {
        exec(
            &self.conn().await?,
            "DELETE FROM operation_locks WHERE name = $1 AND holder = $2",
            &[&name, &holder],
        )
        .await?;
        Ok(())
    }
}
