//! After the run: the generator's ledger against the sandbox's and the backend's SQLite records.
//!
//! - every payment the generator got an answer for (SUCCESS or FAILURE, with an order id) is
//!   exactly one gateway transaction of its session, with that order id and status, and the
//!   backend recorded that attempt and moved its order to it (else: **lost**);
//! - no session has two gateway transactions or two backend payment attempts, and no replay
//!   with the same Idempotency-Key added one (else: **duplicated**);
//! - no transaction or idempotency key the generator did not send (else: **unexpected**);
//! - every webhook the sandbox queued was delivered and recorded once by the backend.

use crate::flow::{Entry, PayState};
use rusqlite::{Connection, OpenFlags};
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::{Duration, Instant};

fn open(path: &Path) -> Result<Connection, String> {
    let c = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| format!("{}: {e}", path.display()))?;
    c.busy_timeout(Duration::from_secs(5))
        .map_err(|e| e.to_string())?;
    Ok(c)
}

fn rows<T>(
    c: &Connection,
    sql: &str,
    f: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>, String> {
    let mut st = c.prepare(sql).map_err(|e| format!("{sql}: {e}"))?;
    let it = st.query_map([], f).map_err(|e| format!("{sql}: {e}"))?;
    it.collect::<Result<Vec<T>, _>>()
        .map_err(|e| format!("{sql}: {e}"))
}

fn one(c: &Connection, sql: &str) -> Result<i64, String> {
    c.query_row(sql, [], |r| r.get(0))
        .map_err(|e| format!("{sql}: {e}"))
}

/// Waits until the sandbox has delivered every webhook it queued (bounded); returns the number
/// still undelivered.
pub async fn drain_webhooks(sandbox_db: &Path, limit: Duration) -> Result<i64, String> {
    let c = open(sandbox_db)?;
    let deadline = Instant::now() + limit;
    loop {
        let left = one(
            &c,
            "SELECT COUNT(*) FROM webhooks WHERE delivered_at IS NULL",
        )?;
        if left == 0 || Instant::now() >= deadline {
            return Ok(left);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[derive(Default, Debug)]
pub struct Report {
    pub sessions: usize,
    pub answered: usize,
    pub answered_success: usize,
    pub answered_failure: usize,
    pub refused: usize,
    pub not_paid: usize,
    pub unknown: usize,
    /// Of the unknown ones, how many the gateway did charge (one transaction).
    pub unknown_charged: usize,
    pub replayed: usize,
    pub lost: usize,
    pub duplicated: usize,
    pub unexpected: usize,
    /// First few problems, described.
    pub problems: Vec<String>,
    pub sandbox_sessions: i64,
    pub sandbox_transactions: i64,
    pub sandbox_idempotency_keys: i64,
    pub backend_orders: i64,
    pub backend_payments: i64,
    pub webhooks_queued: i64,
    pub webhooks_undelivered: i64,
    pub webhooks_recorded: i64,
    pub webhooks_lost: i64,
}

impl Report {
    fn problem(&mut self, what: String) {
        if self.problems.len() < 20 {
            self.problems.push(what);
        }
    }

    pub fn passed(&self) -> bool {
        self.lost == 0 && self.duplicated == 0 && self.unexpected == 0 && self.webhooks_lost == 0
    }

    pub fn json(&self) -> Value {
        json!({
            "sessions": self.sessions, "payments_answered": self.answered,
            "answered_success": self.answered_success, "answered_failure": self.answered_failure,
            "refused": self.refused, "not_paid": self.not_paid,
            "unknown_outcome": self.unknown, "unknown_outcome_charged": self.unknown_charged,
            "replayed": self.replayed,
            "lost": self.lost, "duplicated": self.duplicated, "unexpected": self.unexpected,
            "problems": self.problems,
            "sandbox": { "sessions": self.sandbox_sessions, "transactions": self.sandbox_transactions,
                "idempotency_keys": self.sandbox_idempotency_keys, "webhooks": self.webhooks_queued,
                "webhooks_undelivered": self.webhooks_undelivered },
            "backend": { "orders": self.backend_orders, "payments": self.backend_payments,
                "webhooks_recorded": self.webhooks_recorded },
            "webhooks_lost": self.webhooks_lost,
            "passed": self.passed(),
        })
    }
}

/// `(session, order, status)` rows grouped by session.
fn by_session(
    conn: &Connection,
    sql: &str,
) -> Result<HashMap<String, Vec<(String, String)>>, String> {
    let mut out: HashMap<String, Vec<(String, String)>> = HashMap::new();
    for (sid, order, status) in rows(conn, sql, |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })? {
        out.entry(sid).or_default().push((order, status));
    }
    Ok(out)
}

/// Both servers' records, as the checks read them.
struct Records {
    /// The gateway's transactions `(order, status)`, by session.
    gw_tx: HashMap<String, Vec<(String, String)>>,
    /// The gateway's idempotency keys.
    gw_keys: HashSet<String>,
    /// The backend's orders: session → (status, order id).
    orders: HashMap<String, (String, Option<String>)>,
    /// The backend's payment attempts `(order, status)`, by session.
    be_pay: HashMap<String, Vec<(String, String)>>,
    /// The backend's idempotency keys: key → (state, HTTP status).
    be_keys: HashMap<String, (String, Option<i64>)>,
}

/// Reads both servers' records, and their counts into `rep`.
fn read_records(sb: &Connection, be: &Connection, rep: &mut Report) -> Result<Records, String> {
    // The gateway's transactions, by session.
    let gw_tx = by_session(
        sb,
        "SELECT COALESCE(session_id, ''), order_id, status FROM transactions",
    )?;
    let gw_keys: HashSet<String> = rows(sb, "SELECT idem_key FROM idempotency", |r| r.get(0))?
        .into_iter()
        .collect();
    rep.sandbox_sessions = one(sb, "SELECT COUNT(*) FROM sessions")?;
    rep.sandbox_transactions = one(sb, "SELECT COUNT(*) FROM transactions")?;
    rep.sandbox_idempotency_keys = gw_keys.len() as i64;
    rep.webhooks_queued = one(sb, "SELECT COUNT(*) FROM webhooks")?;
    rep.webhooks_undelivered = one(
        sb,
        "SELECT COUNT(*) FROM webhooks WHERE delivered_at IS NULL",
    )?;

    // The backend's orders, payment attempts and idempotency keys.
    let orders: HashMap<String, (String, Option<String>)> =
        rows(be, "SELECT session_id, status, order_id FROM orders", |r| {
            Ok((r.get::<_, String>(0)?, (r.get(1)?, r.get(2)?)))
        })?
        .into_iter()
        .collect();
    let be_pay = by_session(be, "SELECT session_id, order_id, status FROM payments")?;
    let be_keys: HashMap<String, (String, Option<i64>)> = rows(
        be,
        "SELECT idem_key, state, http_status FROM idempotency",
        |r| Ok((r.get::<_, String>(0)?, (r.get(1)?, r.get(2)?))),
    )?
    .into_iter()
    .collect();
    rep.backend_orders = orders.len() as i64;
    rep.backend_payments = be_pay.values().map(Vec::len).sum::<usize>() as i64;
    rep.webhooks_recorded = one(be, "SELECT COUNT(*) FROM webhook_events")?;
    Ok(Records {
        gw_tx,
        gw_keys,
        orders,
        be_pay,
        be_keys,
    })
}

pub fn check(ledger: &[Entry], sandbox_db: &Path, backend_db: &Path) -> Result<Report, String> {
    let sb = open(sandbox_db)?;
    let be = open(backend_db)?;
    let mut rep = Report {
        sessions: ledger.len(),
        ..Default::default()
    };
    let rec = read_records(&sb, &be, &mut rep)?;
    let delivered = rep.webhooks_queued - rep.webhooks_undelivered;
    rep.webhooks_lost = rep.webhooks_undelivered + (delivered - rep.webhooks_recorded).abs();
    if rep.webhooks_lost > 0 {
        rep.problem(format!(
            "webhooks: {} queued by the sandbox, {} undelivered, {} recorded by the backend",
            rep.webhooks_queued, rep.webhooks_undelivered, rep.webhooks_recorded
        ));
    }

    let mut ours: HashSet<&str> = HashSet::new();
    let mut our_keys: HashSet<&str> = HashSet::new();
    for e in ledger {
        ours.insert(e.session_id.as_str());
        if let Some(k) = &e.key {
            our_keys.insert(k);
        }
        if e.replayed {
            rep.replayed += 1;
        }
        check_entry(&mut rep, &rec, e);
    }
    for (sid, txs) in &rec.gw_tx {
        if !ours.contains(sid.as_str()) {
            rep.unexpected += txs.len();
            rep.problem(format!(
                "unexpected: gateway transactions {txs:?} of session {sid:?}, which the generator never got"
            ));
        }
    }
    for k in &rec.gw_keys {
        if !our_keys.contains(k.as_str()) {
            rep.unexpected += 1;
            rep.problem(format!(
                "unexpected: gateway idempotency key {k} was never sent"
            ));
        }
    }
    Ok(rep)
}

/// One session of the generator's ledger against both servers' records.
fn check_entry(rep: &mut Report, rec: &Records, e: &Entry) {
    let none = Vec::new();
    let sid = e.session_id.as_str();
    let gw = rec.gw_tx.get(sid).unwrap_or(&none);
    let bp = rec.be_pay.get(sid).unwrap_or(&none);
    if gw.len() > 1 || bp.len() > 1 {
        rep.duplicated += 1;
        rep.problem(format!(
            "duplicated: session {sid} has {} gateway transactions and {} backend payments{}",
            gw.len(),
            bp.len(),
            if e.replayed { " (replayed)" } else { "" }
        ));
        return;
    }
    let Some(order) = rec.orders.get(sid) else {
        rep.lost += 1;
        rep.problem(format!(
            "lost: session {sid} is not in the backend's orders"
        ));
        return;
    };
    match &e.state {
        PayState::NotPaid | PayState::Refused => {
            if matches!(e.state, PayState::NotPaid) {
                rep.not_paid += 1;
            } else {
                rep.refused += 1;
            }
            if !gw.is_empty() || !bp.is_empty() {
                rep.unexpected += 1;
                rep.problem(format!(
                    "unexpected: session {sid} was not paid (or refused) but has a transaction"
                ));
            }
        }
        PayState::Unknown => {
            rep.unknown += 1;
            if !gw.is_empty() {
                rep.unknown_charged += 1;
            }
            // A charge the backend does not know of would be lost to the merchant.
            if gw.len() != bp.len() {
                rep.lost += 1;
                rep.problem(format!(
                    "lost: session {sid} (answer unknown) has a gateway transaction the backend did not record"
                ));
            }
        }
        PayState::Answered { status, order_id } => {
            rep.answered += 1;
            match status.as_str() {
                "SUCCESS" => rep.answered_success += 1,
                "FAILURE" => rep.answered_failure += 1,
                _ => {}
            }
            if let Some(why) = answered_mismatch(rec, e, gw, bp, order, status, order_id) {
                rep.lost += 1;
                rep.problem(format!(
                    "lost: session {sid} was answered {status} {order_id}, but {why}"
                ));
            }
        }
    }
}

/// Where the records of a payment answered `status` `order_id` disagree with the answer, if
/// they do: the gateway's transaction, the backend's payment and order, both idempotency keys.
fn answered_mismatch(
    rec: &Records,
    e: &Entry,
    gw: &[(String, String)],
    bp: &[(String, String)],
    (order_status, order_order): &(String, Option<String>),
    status: &str,
    order_id: &str,
) -> Option<String> {
    let want = (order_id.to_owned(), status.to_owned());
    let key = e.key.as_deref().unwrap_or("");
    if gw.first() != Some(&want) {
        Some(format!("gateway has {gw:?}"))
    } else if bp.first() != Some(&want) {
        Some(format!("backend payments have {bp:?}"))
    } else if order_order.as_deref() != Some(order_id) || order_status != status {
        Some(format!("backend order is {order_status} {order_order:?}"))
    } else if !rec.gw_keys.contains(key) {
        Some(format!("gateway has no idempotency key {key}"))
    } else if rec.be_keys.get(key).map(|(s, c)| (s.as_str(), *c)) != Some(("done", Some(200))) {
        Some(format!(
            "backend idempotency key {key} is {:?}",
            rec.be_keys.get(key)
        ))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tables and columns the check reads, as the sandbox and the backend create them.
    fn dbs(tag: &str) -> (std::path::PathBuf, std::path::PathBuf, std::path::PathBuf) {
        let dir = std::env::temp_dir().join(format!(
            "paykka-load-check-{tag}-{}-{}",
            std::process::id(),
            paykka_protocol::time::now_ms()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let (s, b) = (dir.join("sandbox.sqlite"), dir.join("backend.sqlite"));
        Connection::open(&s)
            .unwrap()
            .execute_batch(
                "CREATE TABLE sessions (session_id TEXT PRIMARY KEY);
                 CREATE TABLE transactions (order_id TEXT PRIMARY KEY, session_id TEXT, status TEXT NOT NULL);
                 CREATE TABLE idempotency (idem_key TEXT PRIMARY KEY);
                 CREATE TABLE webhooks (notify_id TEXT PRIMARY KEY, delivered_at INTEGER);
                 INSERT INTO sessions VALUES ('CS1'), ('CS2'), ('CS3');
                 INSERT INTO transactions VALUES ('GW1', 'CS1', 'SUCCESS'), ('GW2', 'CS2', 'FAILURE');
                 INSERT INTO idempotency VALUES ('k1'), ('k2');
                 INSERT INTO webhooks VALUES ('N1', 1), ('N2', 1);",
            )
            .unwrap();
        Connection::open(&b)
            .unwrap()
            .execute_batch(
                "CREATE TABLE orders (session_id TEXT PRIMARY KEY, status TEXT NOT NULL, order_id TEXT);
                 CREATE TABLE payments (order_id TEXT PRIMARY KEY, session_id TEXT NOT NULL, status TEXT NOT NULL);
                 CREATE TABLE idempotency (idem_key TEXT PRIMARY KEY, state TEXT NOT NULL, http_status INTEGER);
                 CREATE TABLE webhook_events (notify_id TEXT PRIMARY KEY);
                 INSERT INTO orders VALUES ('CS1', 'SUCCESS', 'GW1'), ('CS2', 'FAILURE', 'GW2'), ('CS3', 'CREATED', NULL);
                 INSERT INTO payments VALUES ('GW1', 'CS1', 'SUCCESS'), ('GW2', 'CS2', 'FAILURE');
                 INSERT INTO idempotency VALUES ('k1', 'done', 200), ('k2', 'done', 200);
                 INSERT INTO webhook_events VALUES ('N1'), ('N2');",
            )
            .unwrap();
        (dir, s, b)
    }

    fn ledger() -> Vec<Entry> {
        let paid = |sid: &str, key: &str, status: &str, order: &str| Entry {
            session_id: sid.into(),
            key: Some(key.into()),
            state: PayState::Answered {
                status: status.into(),
                order_id: order.into(),
            },
            replayed: false,
        };
        vec![
            paid("CS1", "k1", "SUCCESS", "GW1"),
            paid("CS2", "k2", "FAILURE", "GW2"),
            Entry {
                session_id: "CS3".into(),
                key: None,
                state: PayState::NotPaid,
                replayed: false,
            },
        ]
    }

    fn sql(path: &Path, s: &str) {
        Connection::open(path).unwrap().execute_batch(s).unwrap();
    }

    #[test]
    fn consistent_records_pass() {
        let (dir, s, b) = dbs("ok");
        let r = check(&ledger(), &s, &b).unwrap();
        assert!(r.passed(), "{r:?}");
        assert_eq!((r.answered, r.answered_success, r.not_paid), (2, 1, 1));
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_second_charge_of_a_session_is_a_duplicate() {
        let (dir, s, b) = dbs("dup");
        sql(
            &s,
            "INSERT INTO transactions VALUES ('GW9', 'CS1', 'SUCCESS')",
        );
        let r = check(&ledger(), &s, &b).unwrap();
        assert_eq!((r.duplicated, r.lost), (1, 0), "{r:?}");
        assert!(!r.passed());
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn an_answered_payment_missing_anywhere_is_lost() {
        for (tag, db, change) in [
            ("gw", 's', "DELETE FROM transactions WHERE order_id = 'GW1'"),
            (
                "status",
                's',
                "UPDATE transactions SET status = 'FAILURE' WHERE order_id = 'GW1'",
            ),
            ("be", 'b', "DELETE FROM payments WHERE order_id = 'GW2'"),
            (
                "order",
                'b',
                "UPDATE orders SET status = 'CREATED', order_id = NULL WHERE session_id = 'CS1'",
            ),
            ("orders", 'b', "DELETE FROM orders WHERE session_id = 'CS3'"),
            (
                "key",
                'b',
                "UPDATE idempotency SET state = 'pending' WHERE idem_key = 'k2'",
            ),
        ] {
            let (dir, s, b) = dbs(tag);
            sql(if db == 's' { &s } else { &b }, change);
            let r = check(&ledger(), &s, &b).unwrap();
            assert_eq!(r.lost, 1, "{tag}: {r:?}");
            assert!(!r.passed());
            std::fs::remove_dir_all(dir).unwrap();
        }
    }

    #[test]
    fn charges_and_keys_nobody_sent_are_unexpected() {
        let (dir, s, b) = dbs("unexpected");
        sql(
            &s,
            "INSERT INTO transactions VALUES ('GW3', 'CS3', 'SUCCESS'); INSERT INTO idempotency VALUES ('k9')",
        );
        let r = check(&ledger(), &s, &b).unwrap();
        assert_eq!(r.unexpected, 2, "{r:?}");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn an_undelivered_or_unrecorded_webhook_is_lost() {
        let (dir, s, b) = dbs("webhook");
        sql(&s, "INSERT INTO webhooks VALUES ('N3', NULL)");
        sql(&b, "DELETE FROM webhook_events WHERE notify_id = 'N2'");
        let r = check(&ledger(), &s, &b).unwrap();
        assert_eq!(r.webhooks_lost, 2, "{r:?}");
        assert!(!r.passed());
        std::fs::remove_dir_all(dir).unwrap();
    }
}
