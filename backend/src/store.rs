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

/// (order_id, session_id, status, resolution) of a second charge of one order.
pub type SecondCharge = (String, String, String, Option<String>);

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

/// (body hash, state, HTTP status, response, created at) of an idempotency key.
type ClaimRow = (String, String, Option<u16>, Option<String>, i64);

/// A claim older than this is from a crashed request and may be taken over.
const STALE_CLAIM_MS: i64 = 120_000;

fn now() -> i64 {
    paykka_protocol::time::now_ms()
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

    /// Stores a login (the digest of its cookie) until `expires_at`.
    pub fn insert_login(
        &self,
        token_digest: &str,
        shopper_reference: &str,
        expires_at: i64,
    ) -> DbResult<()> {
        let c = crate::lock(&self.conn);
        c.execute(
            "INSERT INTO logins (token_digest, shopper_reference, expires_at) VALUES (?1, ?2, ?3)",
            params![token_digest, shopper_reference, expires_at],
        )?;
        Ok(())
    }

    /// The shopper of a login that has not expired.
    pub fn login_shopper(&self, token_digest: &str, now: i64) -> DbResult<Option<String>> {
        let c = crate::lock(&self.conn);
        c.query_row(
            "SELECT shopper_reference FROM logins WHERE token_digest = ?1 AND expires_at > ?2",
            params![token_digest, now],
            |r| r.get(0),
        )
        .optional()
    }

    pub fn delete_login(&self, token_digest: &str) -> DbResult<()> {
        let c = crate::lock(&self.conn);
        c.execute("DELETE FROM logins WHERE token_digest = ?1", [token_digest])?;
        Ok(())
    }

    /// Counts a payment attempt (one idempotency key) on a session, unless the session already
    /// has `max`: `Ok(false)` then. A retry with the same key is the same attempt.
    pub fn count_attempt(&self, session_id: &str, idem_key: &str, max: u32) -> DbResult<bool> {
        let mut c = crate::lock(&self.conn);
        let tx = c.transaction()?;
        let known: bool = tx
            .query_row(
                "SELECT 1 FROM attempts WHERE idem_key = ?1",
                [idem_key],
                |_| Ok(true),
            )
            .optional()?
            .unwrap_or(false);
        if !known {
            let n: i64 = tx.query_row(
                "SELECT COUNT(*) FROM attempts WHERE session_id = ?1",
                [session_id],
                |r| r.get(0),
            )?;
            if n >= i64::from(max) {
                return Ok(false);
            }
            tx.execute(
                "INSERT INTO attempts (idem_key, session_id, created_at) VALUES (?1, ?2, ?3)",
                params![idem_key, session_id, now()],
            )?;
        }
        tx.commit()?;
        Ok(true)
    }

    /// Takes the session's attempt lock for `idem_key`: `Ok(false)` while another attempt holds
    /// it (unless that one is older than a gateway call can take: a crashed request).
    pub fn lock_attempt(&self, session_id: &str, idem_key: &str) -> DbResult<bool> {
        let c = crate::lock(&self.conn);
        let n = c.execute(
            "INSERT INTO attempt_locks (session_id, idem_key, locked_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (session_id) DO UPDATE SET idem_key = ?2, locked_at = ?3
             WHERE attempt_locks.idem_key = ?2 OR attempt_locks.locked_at < ?3 - ?4",
            params![session_id, idem_key, now(), STALE_CLAIM_MS],
        )?;
        Ok(n == 1)
    }

    pub fn unlock_attempt(&self, idem_key: &str) -> DbResult<()> {
        let c = crate::lock(&self.conn);
        c.execute("DELETE FROM attempt_locks WHERE idem_key = ?1", [idem_key])?;
        Ok(())
    }

    /// Second charges not reversed yet: (order id, status, amount, currency).
    pub fn unresolved_second_charges(&self) -> DbResult<Vec<(String, String, i64, String)>> {
        let c = crate::lock(&self.conn);
        let mut q = c.prepare(
            "SELECT s.order_id, s.status, o.amount, o.currency FROM second_charges s JOIN orders o ON o.session_id = s.session_id WHERE s.resolution IS NULL",
        )?;
        let rows = q.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        rows.collect()
    }

    /// Records how a second charge was reversed (`VOIDED`, `REFUNDED`).
    pub fn resolve_second_charge(&self, order_id: &str, resolution: &str) -> DbResult<()> {
        let c = crate::lock(&self.conn);
        c.execute(
            "UPDATE second_charges SET resolution = ?2, resolved_at = ?3 WHERE order_id = ?1",
            params![order_id, resolution, now()],
        )?;
        Ok(())
    }

    /// Every second charge: (order id, session id, status, resolution).
    pub fn second_charges(&self) -> DbResult<Vec<SecondCharge>> {
        let c = crate::lock(&self.conn);
        let mut q = c.prepare("SELECT order_id, session_id, status, resolution FROM second_charges ORDER BY detected_at")?;
        let rows = q.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        rows.collect()
    }

    /// The retention job: drops expired logins, and idempotency records, attempts and orders
    /// older than `older_than_ms` (an order only once it can no longer change: settled, or
    /// never paid). Returns how many rows went.
    pub fn purge(&self, now: i64, older_than_ms: i64) -> DbResult<usize> {
        let c = crate::lock(&self.conn);
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

    /// Records a payment attempt's status and, when it moves the order forward, the order's.
    /// Notifications and query answers can arrive late or out of order, so nothing here goes
    /// backwards (see [`supersedes`]):
    /// - an attempt's own status only moves forward: `SUCCESS` then a late `PROCESSING` stays
    ///   `SUCCESS`, `REFUNDED` then a late `SUCCESS` stays `REFUNDED`, and of two outcomes of
    ///   equal rank (`SUCCESS` / `FAILURE` / `CANCELED`) the first one recorded stays;
    /// - the order follows its current attempt the same way. Another attempt takes the order
    ///   over only if the order is not settled (paid, authorised, refunded, ...) and that
    ///   attempt is settled or newer (first recorded after the current one): a late `FAILURE`
    ///   of an earlier attempt never replaces a newer attempt or a paid order.
    pub fn record_payment(&self, session_id: &str, order_id: &str, status: &str) -> DbResult<()> {
        let mut c = crate::lock(&self.conn);
        let tx = c.transaction()?;
        apply_payment(&tx, session_id, order_id, status)?;
        tx.commit()
    }

    /// Records a verified webhook: its id and its effect on the order (if `session_id` is one
    /// of ours), in one transaction. False, with nothing changed, if the id was already seen.
    pub fn record_webhook(
        &self,
        notify_id: &str,
        order_id: &str,
        status: &str,
        session_id: Option<&str>,
    ) -> DbResult<bool> {
        let mut c = crate::lock(&self.conn);
        let tx = c.transaction()?;
        let n = tx.execute(
            "INSERT INTO webhook_events (notify_id, order_id, status, received_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
            params![notify_id, order_id, status, now()],
        )?;
        if n == 0 {
            return Ok(false);
        }
        if let Some(sid) = session_id {
            let ours: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM orders WHERE session_id = ?1)",
                [sid],
                |r| r.get(0),
            )?;
            if ours {
                apply_payment(&tx, sid, order_id, status)?;
            }
        }
        tx.commit()?;
        Ok(true)
    }

    /// Records a refund the merchant asked for (or its answer): by its reference.
    pub fn record_refund(
        &self,
        refund_trans_id: &str,
        refund_order_id: Option<&str>,
        order_id: &str,
        amount: i64,
        status: &str,
    ) -> DbResult<()> {
        let c = crate::lock(&self.conn);
        c.execute(
            "INSERT INTO refunds (refund_trans_id, refund_order_id, order_id, amount, status, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (refund_trans_id) DO UPDATE SET refund_order_id = COALESCE(excluded.refund_order_id, refund_order_id), status = excluded.status, updated_at = excluded.updated_at",
            params![refund_trans_id, refund_order_id, order_id, amount, status, now()],
        )?;
        Ok(())
    }

    /// A refund's notification, once per event: false for a repeat.
    pub fn record_refund_event(
        &self,
        event: &str,
        refund_order_id: &str,
        refund_trans_id: &str,
        order_id: &str,
        status: &str,
        amount: i64,
    ) -> DbResult<bool> {
        let mut c = crate::lock(&self.conn);
        let tx = c.transaction()?;
        let n = tx.execute(
            "INSERT INTO webhook_events (notify_id, order_id, status, received_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
            params![event, order_id, status, now()],
        )?;
        if n == 0 {
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
    pub fn refund_events(&self) -> DbResult<i64> {
        let c = crate::lock(&self.conn);
        c.query_row(
            "SELECT COALESCE(SUM(notifications), 0) FROM refunds",
            [],
            |r| r.get(0),
        )
    }

    /// A refund, by its reference.
    pub fn refund(&self, refund_trans_id: &str) -> DbResult<Option<StoredRefund>> {
        let c = crate::lock(&self.conn);
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

    /// Status recorded for a payment attempt.
    pub fn payment_status(&self, order_id: &str) -> DbResult<Option<String>> {
        let c = crate::lock(&self.conn);
        c.query_row(
            "SELECT status FROM payments WHERE order_id = ?1",
            [order_id],
            |r| r.get(0),
        )
        .optional()
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

    pub fn webhook_count(&self) -> DbResult<i64> {
        let c = crate::lock(&self.conn);
        c.query_row("SELECT COUNT(*) FROM webhook_events", [], |r| r.get(0))
    }
}

/// How far along its life a transaction status is. A payment goes PROCESSING → AUTHORIZED →
/// SUCCESS (capture) → PARTIALLY_REVERSED (void of the uncaptured rest) → PARTIALLY_REFUNDED →
/// REFUNDED; PROCESSING → SUCCESS / FAILURE directly; AUTHORIZED → CANCELED (void). Unknown
/// statuses count as pending.
pub fn status_rank(status: &str) -> u8 {
    match status {
        "AUTHORIZED" => 1,
        "SUCCESS" | "FAILURE" | "CANCELED" => 2,
        "PARTIALLY_REVERSED" => 3,
        "PARTIALLY_REFUNDED" => 4,
        "REFUNDED" => 5,
        _ => 0,
    }
}

/// Does `new` replace `current` as one payment attempt's status? Only moving forward; the
/// same status again is kept (a second partial refund); between two different statuses of the
/// same rank (`SUCCESS` and `FAILURE`, two pending ones) the first recorded stays.
pub fn supersedes(new: &str, current: &str) -> bool {
    new == current || status_rank(new) > status_rank(current)
}

/// Is an order with this status settled (money moved or reserved), so that another attempt's
/// notification must not take it over?
fn settled(status: &str) -> bool {
    status_rank(status) > 0 && status != "FAILURE"
}

fn apply_payment(
    tx: &rusqlite::Transaction<'_>,
    session_id: &str,
    order_id: &str,
    status: &str,
) -> DbResult<()> {
    let t = now();
    let before: Option<String> = tx
        .query_row(
            "SELECT status FROM payments WHERE order_id = ?1",
            [order_id],
            |r| r.get(0),
        )
        .optional()?;
    match &before {
        None => {
            tx.execute(
                "INSERT INTO payments (order_id, session_id, status, updated_at) VALUES (?1, ?2, ?3, ?4)",
                params![order_id, session_id, status, t],
            )?;
        }
        Some(cur) if supersedes(status, cur) => {
            tx.execute(
                "UPDATE payments SET status = ?2, updated_at = ?3 WHERE order_id = ?1",
                params![order_id, status, t],
            )?;
        }
        // Late news of this attempt: nothing moves.
        Some(_) => return Ok(()),
    }
    let order: Option<(String, Option<String>)> = tx
        .query_row(
            "SELECT status, order_id FROM orders WHERE session_id = ?1",
            [session_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((order_status, current)) = order else {
        return Ok(());
    };
    let take = match current.as_deref() {
        None => true,
        Some(cur) if cur == order_id => supersedes(status, &order_status),
        Some(_) if settled(&order_status) => {
            // This attempt charged the shopper although another one had already paid the
            // order (a wallet approved late, two instances racing): one order, two charges.
            // Recorded here, in the same transaction; the backend reverses it
            // (`api::reverse_second_charges`).
            if matches!(status, "SUCCESS" | "AUTHORIZED") {
                tx.execute(
                    "INSERT INTO second_charges (order_id, session_id, status, detected_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
                    params![order_id, session_id, status, t],
                )?;
            }
            false
        }
        Some(cur) => {
            // Attempts in the order this backend first heard of them (payments' rowid).
            let seq = |id: &str| -> DbResult<Option<i64>> {
                tx.query_row(
                    "SELECT rowid FROM payments WHERE order_id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .optional()
            };
            settled(status) || seq(order_id)? > seq(cur)?
        }
    };
    if take {
        tx.execute(
            "UPDATE orders SET status = ?2, order_id = ?3, updated_at = ?4 WHERE session_id = ?1",
            params![session_id, status, order_id, t],
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> (Store, std::path::PathBuf) {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "paykka-store-{}-{}-{}",
            std::process::id(),
            now(),
            N.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let s = Store::open(&dir.join("t.sqlite")).unwrap();
        s.insert_order(&Order {
            session_id: "CS1".into(),
            trans_id: "T1".into(),
            amount: 100,
            currency: "USD".into(),
            shopper_reference: None,
            token_usage: None,
            status: "PROCESSING".into(),
            order_id: None,
        })
        .unwrap();
        (s, dir)
    }

    fn order(s: &Store) -> (String, Option<String>) {
        let o = s.order("CS1").unwrap().unwrap();
        (o.status, o.order_id)
    }

    #[test]
    fn statuses_only_move_forward() {
        for (new, cur, expect) in [
            ("SUCCESS", "PROCESSING", true),
            ("PROCESSING", "SUCCESS", false),
            ("AUTHORIZED", "PROCESSING", true),
            ("SUCCESS", "AUTHORIZED", true),
            ("AUTHORIZED", "SUCCESS", false),
            ("CANCELED", "AUTHORIZED", true),
            ("AUTHORIZED", "CANCELED", false),
            ("REFUNDED", "SUCCESS", true),
            ("SUCCESS", "REFUNDED", false),
            ("PARTIALLY_REFUNDED", "REFUNDED", false),
            ("REFUNDED", "PARTIALLY_REFUNDED", true),
            ("PARTIALLY_REFUNDED", "PARTIALLY_REFUNDED", true),
            ("PARTIALLY_REVERSED", "SUCCESS", true),
            ("PARTIALLY_REFUNDED", "PARTIALLY_REVERSED", true),
            ("FAILURE", "SUCCESS", false),
            ("SUCCESS", "FAILURE", false),
            ("CANCELED", "SUCCESS", false),
            ("FAILURE", "PROCESSING", true),
            ("SOMETHING_NEW", "SUCCESS", false),
        ] {
            assert_eq!(supersedes(new, cur), expect, "{new} over {cur}");
        }
    }

    #[test]
    fn a_late_pending_or_earlier_attempt_never_moves_the_order_back() {
        let (s, dir) = store();
        // one attempt: reordered notifications
        s.record_payment("CS1", "GW1", "SUCCESS").unwrap();
        s.record_payment("CS1", "GW1", "PROCESSING").unwrap();
        assert_eq!(order(&s), ("SUCCESS".into(), Some("GW1".into())));
        assert_eq!(s.payment_status("GW1").unwrap().as_deref(), Some("SUCCESS"));
        s.record_payment("CS1", "GW1", "REFUNDED").unwrap();
        s.record_payment("CS1", "GW1", "PARTIALLY_REFUNDED")
            .unwrap();
        s.record_payment("CS1", "GW1", "SUCCESS").unwrap();
        assert_eq!(order(&s), ("REFUNDED".into(), Some("GW1".into())));
        // a late failure of another attempt does not touch a settled order
        s.record_payment("CS1", "GW0", "FAILURE").unwrap();
        assert_eq!(order(&s), ("REFUNDED".into(), Some("GW1".into())));
        assert_eq!(s.payment_status("GW0").unwrap().as_deref(), Some("FAILURE"));
        let _ = std::fs::remove_dir_all(dir);

        // two attempts: the newer one is the order's; an older one's news only counts if settled
        let (s, dir) = store();
        s.record_payment("CS1", "GWA", "PROCESSING").unwrap();
        s.record_payment("CS1", "GWB", "PROCESSING").unwrap();
        assert_eq!(order(&s), ("PROCESSING".into(), Some("GWB".into())));
        s.record_payment("CS1", "GWA", "FAILURE").unwrap();
        assert_eq!(order(&s), ("PROCESSING".into(), Some("GWB".into())));
        s.record_payment("CS1", "GWB", "FAILURE").unwrap();
        assert_eq!(order(&s), ("FAILURE".into(), Some("GWB".into())));
        // the older attempt completes after all (a late 3DS): the order is paid by it
        let (s2, dir2) = store();
        s2.record_payment("CS1", "GWA", "PROCESSING").unwrap();
        s2.record_payment("CS1", "GWB", "FAILURE").unwrap();
        s2.record_payment("CS1", "GWA", "SUCCESS").unwrap();
        assert_eq!(order(&s2), ("SUCCESS".into(), Some("GWA".into())));
        let _ = std::fs::remove_dir_all(dir);
        let _ = std::fs::remove_dir_all(dir2);
    }

    #[test]
    fn a_webhook_id_is_recorded_once_with_its_effect() {
        let (s, dir) = store();
        assert!(
            s.record_webhook("N1", "GW1", "SUCCESS", Some("CS1"))
                .unwrap()
        );
        assert!(
            !s.record_webhook("N1", "GW1", "SUCCESS", Some("CS1"))
                .unwrap()
        );
        assert!(
            s.record_webhook("N2", "GW9", "SUCCESS", Some("CS-not-ours"))
                .unwrap()
        );
        assert_eq!(s.webhook_count().unwrap(), 2);
        assert_eq!(order(&s), ("SUCCESS".into(), Some("GW1".into())));
        assert_eq!(s.payment_status("GW9").unwrap(), None);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn the_retention_job_keeps_paid_orders_and_live_logins_only() {
        let (s, _dir) = store();
        let o = |sid: &str, status: &str| Order {
            session_id: sid.into(),
            trans_id: format!("T{sid}"),
            amount: 100,
            currency: "USD".into(),
            shopper_reference: None,
            token_usage: None,
            status: status.into(),
            order_id: None,
        };
        s.insert_order(&o("CSold", "CREATED")).unwrap();
        s.insert_order(&o("CSpaid", "SUCCESS")).unwrap();
        s.insert_login("d1", "alice", now() - 1).unwrap();
        s.insert_login("d2", "bob", now() + 2 * 86_400_000).unwrap();
        assert!(s.count_attempt("CSold", "k1", 5).unwrap());
        // Nothing is old yet: only the expired login goes.
        assert_eq!(s.purge(now(), 86_400_000).unwrap(), 1);
        assert!(s.order("CSold").unwrap().is_some());
        // A day later, with a one-hour retention: the unpaid order and its attempt go.
        assert_eq!(s.purge(now() + 86_400_000, 3_600_000).unwrap(), 2);
        assert!(s.order("CSold").unwrap().is_none());
        assert!(
            s.order("CSpaid").unwrap().is_some(),
            "a paid order is the merchant's record"
        );
        assert_eq!(
            s.login_shopper("d2", now()).unwrap().as_deref(),
            Some("bob")
        );
    }
}
