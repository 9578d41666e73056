//! PostgreSQL stopped under two running instances, mid-run, and started again: every request
//! answers 200 or a clear 503 with `Retry-After` (never a 500), nothing is half-written, and
//! each payment retried with its key after the return is charged exactly once.
//!
//! The test stops its database, so it runs on a cluster of its own (`scripts/pg.sh`, named
//! after this process), not the shared test cluster; like the other PostgreSQL tests it runs
//! when `BACKEND_TEST_DATABASE_URL` is set (`make test`), and is skipped with a note otherwise.

mod common;

use common::instances::{Answer, Instances};
use serde_json::json;
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

/// `scripts/pg.sh <action> <name>`: its output (the URL, for a start).
fn pg(name: &str, action: &str) -> String {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/pg.sh");
    let mut cmd = Command::new(script);
    match action {
        "fresh" => cmd.args(["start", "--fresh", name]),
        other => cmd.args([other, name]),
    };
    let out = cmd.output().expect("scripts/pg.sh runs");
    assert!(
        out.status.success(),
        "pg.sh {action}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// The test's own cluster, removed when the test ends however it ends.
struct Cluster(String);

impl Cluster {
    fn pg(&self, action: &str) -> String {
        pg(&self.0, action)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        self.pg("destroy");
    }
}

/// A 503 that says when to come back, or a 200: nothing else while the database goes away.
fn clear(a: &Answer) -> bool {
    a.status == 200
        || (a.status == 503
            && a.body["error"]["code"] == "database_unavailable"
            && a.retry_after.is_some())
}

/// (key, body, first answer) of one payment.
type Run = (String, serde_json::Value, Answer);

/// A payment of each session, every 15 ms on alternate instances; after the third the database
/// is told to stop (which takes a few hundred ms: the later payments meet it stopping, or
/// stopped). Each answer is a 200 or a clear 503.
async fn pay_through_the_outage(
    env: &Arc<Instances>,
    sessions: &[String],
    cluster: &Cluster,
) -> Vec<Run> {
    let mut tasks = Vec::new();
    let mut stopping = None;
    for (i, sid) in sessions.iter().enumerate() {
        let (env, body, key) = (
            env.clone(),
            env.card(sid, "4242424242424242"),
            format!("outage-key-{i:04}"),
        );
        tasks.push(tokio::spawn(async move {
            (key.clone(), body.clone(), env.pay(i, &key, &body).await)
        }));
        tokio::time::sleep(Duration::from_millis(15)).await;
        if i == 2 {
            let name = cluster.0.clone();
            stopping = Some(tokio::task::spawn_blocking(move || pg(&name, "stop")));
        }
    }
    stopping.unwrap().await.unwrap();
    let mut runs = Vec::new();
    for t in tasks {
        runs.push(t.await.unwrap());
    }
    for (key, _, a) in &runs {
        assert!(clear(a), "{key}: {} {}", a.status, a.body);
    }
    let refused = runs.iter().filter(|(_, _, a)| a.status == 503).count();
    eprintln!(
        "outage: {} payments answered 200, {refused} answered 503",
        runs.len() - refused
    );
    assert!(refused > 0, "the outage was seen");
    runs
}

/// While the database is down, a new session and a webhook are refused the same way.
async fn the_rest_is_refused_clearly(env: &Instances, session: &str) {
    let body = json!({ "amount": 500, "currency": "USD" });
    let down = env.server_post(0, "/api/server/sessions", body).await;
    assert!(down.status == 503 && clear(&down), "{}", down.body);
    let hook = env.webhook("N-outage", session, "GW-OUTAGE", "SUCCESS");
    let down = env.post_webhook(1, &hook).await;
    assert!(
        down.status == 503 && clear(&down),
        "the gateway retries it later: {}",
        down.body
    );
}

/// Nothing was left held: no claim pending, no attempt locked.
async fn nothing_is_held(url: &str) {
    let (db, conn) = tokio_postgres::connect(url, tokio_postgres::NoTls)
        .await
        .unwrap();
    tokio::spawn(conn);
    for sql in [
        "SELECT COUNT(*) FROM idempotency WHERE state = 'pending'",
        "SELECT COUNT(*) FROM attempt_locks",
    ] {
        let n: i64 = db.query_one(sql, &[]).await.unwrap().get(0);
        assert_eq!(n, 0, "{sql}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn stopping_postgres_mid_run_answers_503_with_retry_after_and_every_payment_retried_after_is_charged_once()
 {
    if paykka_backend::testing::postgres_schema("outage")
        .await
        .is_none()
    {
        return;
    }
    let cluster = Cluster(format!("outage-{}", std::process::id()));
    let url = cluster.pg("fresh");
    let env = Arc::new(Instances::start(2, &url).await);
    let mut sessions = Vec::new();
    for i in 0..10 {
        sessions.push(env.session(i, 1000 + i as i64, "AUTOMATIC").await);
    }
    let runs = pay_through_the_outage(&env, &sessions, &cluster).await;
    the_rest_is_refused_clearly(&env, &sessions[0]).await;

    cluster.pg("start");
    for (i, (key, body, first)) in runs.iter().enumerate() {
        let again = env.pay(i + 1, key, body).await;
        assert_eq!(again.status, 200, "{key} after the return: {}", again.body);
        assert_eq!(again.body["status"], "SUCCESS");
        assert_eq!(
            again.replayed,
            first.status == 200,
            "{key}: a 200 is replayed, a 503 is not"
        );
    }
    for sid in &sessions {
        assert_eq!(
            env.gateway_transactions(sid),
            1,
            "{sid}: charged exactly once"
        );
        let order = env.be[0].state.store.order(sid).await.unwrap().unwrap();
        assert_eq!(order.status, "SUCCESS", "{sid}");
    }
    nothing_is_held(&url).await;
}
