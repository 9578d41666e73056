//! The merchant's own records: orders (one per session), logins, payment attempts, webhook ids
//! already processed, second charges, idempotency keys and attempt locks, refunds, rate-limit
//! windows and operation locks. One interface, two engines, chosen by `BACKEND_DATABASE_URL`:
//!
//! - **SQLite** (`sqlite://<path>`, the default `<data dir>/backend.sqlite`): embedded, one
//!   process. Every call runs under one connection's mutex, so each is serialised.
//! - **PostgreSQL** (`postgres://...`): for several instances on one database. Nothing that
//!   must hold across instances is kept in a process: each rule is a unique constraint, one
//!   atomic statement, or a transaction that first locks the session's order row
//!   (`SELECT ... FOR UPDATE`); see `postgres/`.
//!
//! Both take their schema from the versioned files of `backend/migrations/<engine>/`, applied
//! at start (`migrate`).

use std::path::Path;

mod migrate;
mod postgres;
mod rules;
mod sqlite;
#[cfg(test)]
mod tests;

/// What the database said, reduced to what a request can do about it.
#[derive(Debug)]
pub enum StoreError {
    /// The database cannot be reached right now (refused, lost, shutting down, no connection
    /// free in time). Nothing was written; the request may be retried (503, `Retry-After`).
    Unavailable(String),
    /// Anything else: a bug, a full disk, a corrupt file.
    Failed(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Unavailable(m) => write!(f, "database unavailable: {m}"),
            StoreError::Failed(m) => write!(f, "database error: {m}"),
        }
    }
}

impl std::error::Error for StoreError {}

pub type DbResult<T> = Result<T, StoreError>;

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

/// What [`Store::claim`] found for an idempotency key.
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

/// A refund the merchant asked for, as the backend last heard of it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StoredRefund {
    /// The merchant's reference.
    pub refund_trans_id: String,
    /// PayKKa's id, once it answered.
    pub refund_order_id: Option<String>,
    /// The refunded payment.
    pub order_id: String,
    pub amount: i64,
    pub status: String,
}

/// (order_id, session_id, status, resolution) of a second charge of one order.
pub type SecondCharge = (String, String, String, Option<String>);

/// A claim, an attempt lock or an operation lock older than this is from a crashed request
/// (or instance) and may be taken over: longer than the longest gateway call
/// (`PAYKKA_GATEWAY_TIMEOUT_MS` is at most 120 s).
pub const STALE_LOCK_MS: i64 = 125_000;

/// A rate-limit window.
pub const WINDOW_MS: i64 = 60_000;

/// How to reach the database: `BACKEND_DATABASE_URL` and the pool's settings.
#[derive(Clone)]
pub struct DatabaseConfig {
    /// `sqlite://<path>` or `postgres://...`; `None`: `<data dir>/backend.sqlite`.
    pub url: Option<String>,
    /// Connections per instance (PostgreSQL; `BACKEND_DATABASE_POOL_SIZE`).
    pub pool_size: usize,
    /// Longest wait for a connection, or to open one (`BACKEND_DATABASE_TIMEOUT_MS`).
    pub timeout: std::time::Duration,
}

impl Default for DatabaseConfig {
    fn default() -> Self {
        Self {
            url: None,
            pool_size: 16,
            timeout: std::time::Duration::from_secs(5),
        }
    }
}

/// The URL never reaches a log with its password.
impl std::fmt::Debug for DatabaseConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DatabaseConfig")
            .field("url", &self.url.as_deref().map(redacted))
            .field("pool_size", &self.pool_size)
            .field("timeout", &self.timeout)
            .finish()
    }
}

/// A database URL fit for a log: its password (between `:` and `@` of the authority) hidden.
pub fn redacted(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((user, host)) if user.contains(':') => {
            let name = user.split(':').next().unwrap_or("");
            format!("{scheme}://{name}:***@{host}{tail}")
        }
        _ => url.to_string(),
    }
}

pub enum Store {
    Sqlite(sqlite::SqliteStore),
    Postgres(postgres::PgStore),
}

impl Store {
    /// Opens the database `cfg` names (default: SQLite in `data_dir`) and brings its schema up
    /// to date.
    pub async fn open(cfg: &DatabaseConfig, data_dir: &Path) -> DbResult<Self> {
        match cfg.url.as_deref() {
            None => Ok(Store::Sqlite(sqlite::SqliteStore::open(
                &data_dir.join("backend.sqlite"),
            )?)),
            Some(u) if u.starts_with("sqlite:") => {
                let path = u.trim_start_matches("sqlite:").trim_start_matches("//");
                Ok(Store::Sqlite(sqlite::SqliteStore::open(Path::new(path))?))
            }
            Some(u) if u.starts_with("postgres://") || u.starts_with("postgresql://") => Ok(
                Store::Postgres(postgres::PgStore::open(u, cfg.pool_size, cfg.timeout).await?),
            ),
            Some(u) => Err(StoreError::Failed(format!(
                "BACKEND_DATABASE_URL {}: expected sqlite://<path> or postgres://...",
                redacted(u)
            ))),
        }
    }

    /// `sqlite` or `postgres`, for logs and reports.
    pub fn engine(&self) -> &'static str {
        match self {
            Store::Sqlite(_) => "sqlite",
            Store::Postgres(_) => "postgres",
        }
    }
}

/// Each method of the store, once: the SQLite engine's (synchronous, under its connection's
/// mutex) or the PostgreSQL engine's (asynchronous, on a pooled connection).
macro_rules! both_engines {
    ($($(#[$doc:meta])* fn $name:ident(&self $(, $arg:ident: $ty:ty)* $(,)?) -> $ret:ty;)*) => {
        impl Store {
            $($(#[$doc])*
            pub async fn $name(&self $(, $arg: $ty)*) -> DbResult<$ret> {
                match self {
                    Store::Sqlite(s) => s.$name($($arg),*).map_err(StoreError::from),
                    Store::Postgres(p) => p.$name($($arg),*).await,
                }
            })*
        }
    };
}

both_engines! {
    fn insert_order(&self, o: &Order) -> ();
    fn order(&self, session_id: &str) -> Option<Order>;
    /// Stores a login (the digest of its cookie) until `expires_at`.
    fn insert_login(&self, token_digest: &str, shopper_reference: &str, expires_at: i64) -> ();
    /// The shopper of a login that has not expired.
    fn login_shopper(&self, token_digest: &str, now: i64) -> Option<String>;
    fn delete_login(&self, token_digest: &str) -> ();
    /// The retention job: drops expired logins and rate-limit windows, and idempotency
    /// records, attempts and orders older than `older_than_ms` (an order only once it can no
    /// longer change: settled, or never paid). Returns how many rows went.
    fn purge(&self, now: i64, older_than_ms: i64) -> usize;
    /// Counts a payment attempt (one idempotency key) on a session, unless the session already
    /// has `max`: `Ok(false)` then. A retry with the same key is the same attempt.
    fn count_attempt(&self, session_id: &str, idem_key: &str, max: u32) -> bool;
    /// Takes the session's attempt lock for `idem_key`: `Ok(false)` while another attempt holds
    /// it (unless that one is older than a gateway call can take: a crashed request).
    fn lock_attempt(&self, session_id: &str, idem_key: &str) -> bool;
    /// Was `idem_key` counted as an attempt of the session (so may have reached the gateway)?
    fn attempt_known(&self, session_id: &str, idem_key: &str) -> bool;
    fn unlock_attempt(&self, idem_key: &str) -> ();
    /// Makes an idempotency key this request's, or says who has it (see [`Claim`]).
    fn claim(&self, key: &str, hash: &str) -> Claim;
    fn finish_claim(&self, key: &str, status: u16, response: &str) -> ();
    /// A payment's news (as [`Store::record_payment`]) and its key's answer (HTTP 200,
    /// `response`), in one transaction: after a failure neither is written.
    fn finish_payment(&self, key: &str, response: &str, session_id: &str, order_id: &str, status: &str) -> ();
    /// Forgets a claim whose request could not be completed (gateway unreachable): the same key
    /// may be retried; the gateway de-duplicates by the forwarded key.
    fn release_claim(&self, key: &str) -> ();
    /// Second charges not reversed yet: (order id, status, amount, currency).
    fn unresolved_second_charges(&self) -> Vec<(String, String, i64, String)>;
    /// Records how a second charge was reversed (`VOIDED`, `REFUNDED`).
    fn resolve_second_charge(&self, order_id: &str, resolution: &str) -> ();
    /// Every second charge: (order id, session id, status, resolution).
    fn second_charges(&self) -> Vec<SecondCharge>;
    /// Records a payment attempt's status and, when it moves the order forward, the order's
    /// (the rules: [`rules::plan`]).
    fn record_payment(&self, session_id: &str, order_id: &str, status: &str) -> ();
    /// Records a verified webhook: its id and its effect on the order (if `session_id` is one
    /// of ours), in one transaction. False, with nothing changed, if the id was already seen.
    fn record_webhook(&self, notify_id: &str, order_id: &str, status: &str, session_id: Option<&str>) -> bool;
    /// Status recorded for a payment attempt.
    fn payment_status(&self, order_id: &str) -> Option<String>;
    /// Session of a payment made through this backend.
    fn payment_session(&self, order_id: &str) -> Option<String>;
    fn webhook_count(&self) -> i64;
    /// Records a refund the merchant asked for (or its answer): by its reference.
    fn record_refund(&self, refund_trans_id: &str, refund_order_id: Option<&str>, order_id: &str, amount: i64, status: &str) -> ();
    /// A refund's notification, once per event: false for a repeat.
    fn record_refund_event(&self, event: &str, refund_order_id: &str, refund_trans_id: &str, order_id: &str, status: &str, amount: i64) -> bool;
    /// How many refund notifications were recorded.
    fn refund_events(&self) -> i64;
    /// A refund, by its reference.
    fn refund(&self, refund_trans_id: &str) -> Option<StoredRefund>;
    /// Counts one request of `kind` by `key` in its one-minute window: `Some(seconds)` to wait
    /// when it is over `max`.
    fn hit_limit(&self, kind: &str, key: &str, max: u32, now: i64) -> Option<u64>;
    /// Takes the lock `name` for `holder` (a lease, taken over once stale): false while
    /// another holder has it.
    fn lock_operation(&self, name: &str, holder: &str) -> bool;
    fn unlock_operation(&self, name: &str, holder: &str) -> ();
}

/// The seconds left of a window that started at `start`, for `Retry-After` (at least 1).
fn retry_after(start: i64, now: i64) -> u64 {
    let left = WINDOW_MS - (now - start);
    ((left + 999) / 1000).max(1) as u64
}
