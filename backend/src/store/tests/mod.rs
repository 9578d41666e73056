//! The store's rules, on a database of its own per test and per engine: SQLite always,
//! PostgreSQL when `BACKEND_TEST_DATABASE_URL` names a cluster (see `crate::testing`).

use super::rules::supersedes;
use super::*;
use std::sync::Arc;

mod concurrent;
mod migrations;

fn now() -> i64 {
    paykka_protocol::time::now_ms()
}

pub(super) fn temp_dir() -> std::path::PathBuf {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "paykka-store-{}-{}-{}",
        std::process::id(),
        now(),
        N.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// What each test runs on: an empty SQLite file, and an empty PostgreSQL schema when there is
/// a test cluster. Each comes as two handles on the same database: for PostgreSQL two pools,
/// as two instances would have; for SQLite the same store twice (one process).
pub(super) async fn engines(tag: &str) -> Vec<[Arc<Store>; 2]> {
    let sqlite = Arc::new(
        Store::open(&DatabaseConfig::default(), &temp_dir())
            .await
            .unwrap(),
    );
    let mut all = vec![[sqlite.clone(), sqlite]];
    if let Some(url) = crate::testing::postgres_schema(tag).await {
        let cfg = DatabaseConfig {
            url: Some(url),
            pool_size: 8,
            ..Default::default()
        };
        let a = Store::open(&cfg, Path::new("/nonexistent")).await.unwrap();
        let b = Store::open(&cfg, Path::new("/nonexistent")).await.unwrap();
        all.push([Arc::new(a), Arc::new(b)]);
    }
    all
}

pub(super) fn order_of(sid: &str, status: &str) -> Order {
    Order {
        session_id: sid.into(),
        trans_id: format!("T{sid}"),
        amount: 100,
        currency: "USD".into(),
        shopper_reference: None,
        token_usage: None,
        status: status.into(),
        order_id: None,
    }
}

/// One store per engine with the order `CS1` (PROCESSING, USD 1.00).
async fn stores(tag: &str) -> Vec<Arc<Store>> {
    let mut out = Vec::new();
    for [s, _] in engines(tag).await {
        s.insert_order(&order_of("CS1", "PROCESSING"))
            .await
            .unwrap();
        out.push(s);
    }
    out
}

async fn order(s: &Store) -> (String, Option<String>) {
    let o = s.order("CS1").await.unwrap().unwrap();
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

#[tokio::test]
async fn a_late_pending_or_earlier_attempt_never_moves_the_order_back() {
    for s in stores("late_news_one").await {
        // one attempt: reordered notifications
        s.record_payment("CS1", "GW1", "SUCCESS").await.unwrap();
        s.record_payment("CS1", "GW1", "PROCESSING").await.unwrap();
        assert_eq!(order(&s).await, ("SUCCESS".into(), Some("GW1".into())));
        let st = s.payment_status("GW1").await.unwrap();
        assert_eq!(st.as_deref(), Some("SUCCESS"), "{}", s.engine());
        for news in ["REFUNDED", "PARTIALLY_REFUNDED", "SUCCESS"] {
            s.record_payment("CS1", "GW1", news).await.unwrap();
        }
        assert_eq!(order(&s).await, ("REFUNDED".into(), Some("GW1".into())));
        // a late failure of another attempt does not touch a settled order
        s.record_payment("CS1", "GW0", "FAILURE").await.unwrap();
        assert_eq!(order(&s).await, ("REFUNDED".into(), Some("GW1".into())));
        let st = s.payment_status("GW0").await.unwrap();
        assert_eq!(st.as_deref(), Some("FAILURE"));
    }
    // two attempts: the newer one is the order's; an older one's news only counts if settled
    for s in stores("late_news_two").await {
        s.record_payment("CS1", "GWA", "PROCESSING").await.unwrap();
        s.record_payment("CS1", "GWB", "PROCESSING").await.unwrap();
        assert_eq!(order(&s).await, ("PROCESSING".into(), Some("GWB".into())));
        s.record_payment("CS1", "GWA", "FAILURE").await.unwrap();
        assert_eq!(order(&s).await, ("PROCESSING".into(), Some("GWB".into())));
        s.record_payment("CS1", "GWB", "FAILURE").await.unwrap();
        assert_eq!(order(&s).await, ("FAILURE".into(), Some("GWB".into())));
    }
    // the older attempt completes after all (a late 3DS): the order is paid by it
    for s in stores("late_news_3ds").await {
        s.record_payment("CS1", "GWA", "PROCESSING").await.unwrap();
        s.record_payment("CS1", "GWB", "FAILURE").await.unwrap();
        s.record_payment("CS1", "GWA", "SUCCESS").await.unwrap();
        assert_eq!(order(&s).await, ("SUCCESS".into(), Some("GWA".into())));
    }
}

#[tokio::test]
async fn a_webhook_id_is_recorded_once_with_its_effect() {
    for s in stores("webhook_once").await {
        let hook = |id: &'static str, gw: &'static str, sid: &'static str| {
            let s = s.clone();
            async move {
                s.record_webhook(id, gw, "SUCCESS", Some(sid))
                    .await
                    .unwrap()
            }
        };
        assert!(hook("N1", "GW1", "CS1").await);
        assert!(!hook("N1", "GW1", "CS1").await);
        assert!(hook("N2", "GW9", "CS-not-ours").await);
        assert_eq!(s.webhook_count().await.unwrap(), 2);
        assert_eq!(order(&s).await, ("SUCCESS".into(), Some("GW1".into())));
        assert_eq!(s.payment_status("GW9").await.unwrap(), None);
    }
}

#[tokio::test]
async fn the_retention_job_keeps_paid_orders_and_live_logins_only() {
    for s in stores("retention").await {
        s.insert_order(&order_of("CSold", "CREATED")).await.unwrap();
        s.insert_order(&order_of("CSpaid", "SUCCESS"))
            .await
            .unwrap();
        s.insert_login("d1", "alice", now() - 1).await.unwrap();
        s.insert_login("d2", "bob", now() + 2 * 86_400_000)
            .await
            .unwrap();
        assert!(s.count_attempt("CSold", "k1", 5).await.unwrap());
        // Nothing is old yet: only the expired login goes.
        assert_eq!(s.purge(now(), 86_400_000).await.unwrap(), 1);
        assert!(s.order("CSold").await.unwrap().is_some());
        // A day later, with a one-hour retention: the unpaid order and its attempt go.
        let later = now() + 86_400_000;
        assert_eq!(
            s.purge(later, 3_600_000).await.unwrap(),
            2,
            "{}",
            s.engine()
        );
        assert!(s.order("CSold").await.unwrap().is_none());
        let paid = s.order("CSpaid").await.unwrap();
        assert!(paid.is_some(), "a paid order is the merchant's record");
        let bob = s.login_shopper("d2", now()).await.unwrap();
        assert_eq!(bob.as_deref(), Some("bob"));
    }
}

#[tokio::test]
async fn a_key_over_its_limit_waits_for_the_next_minute() {
    for s in stores("limits").await {
        for _ in 0..3 {
            assert_eq!(
                s.hit_limit("session", "1.2.3.4", 3, 1_000).await.unwrap(),
                None
            );
        }
        let over = s.hit_limit("session", "1.2.3.4", 3, 11_000).await.unwrap();
        assert_eq!(over, Some(50));
        // Another key and another kind have their own counts.
        assert_eq!(
            s.hit_limit("session", "5.6.7.8", 3, 11_000).await.unwrap(),
            None
        );
        assert_eq!(
            s.hit_limit("payment", "1.2.3.4", 3, 11_000).await.unwrap(),
            None
        );
        assert_eq!(
            s.hit_limit("session", "1.2.3.4", 3, 61_000).await.unwrap(),
            None
        );
    }
}

#[test]
fn a_database_url_is_logged_without_its_password() {
    assert_eq!(
        redacted("postgres://shop:s3cret@db.internal:5432/shop?sslmode=disable"),
        "postgres://shop:***@db.internal:5432/shop?sslmode=disable"
    );
    assert_eq!(
        redacted("postgres://shop@127.0.0.1/shop"),
        "postgres://shop@127.0.0.1/shop"
    );
    let cfg = DatabaseConfig {
        url: Some("postgres://u:pw@h/db".into()),
        ..Default::default()
    };
    assert!(!format!("{cfg:?}").contains("pw"));
}
