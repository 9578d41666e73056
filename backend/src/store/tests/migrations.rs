//! Versioned migrations: an old database is brought forward with its rows, and applying the
//! migrations again changes nothing.

use super::*;
use crate::store::postgres::PgStore;
use crate::store::sqlite::SqliteStore;
use std::time::Duration;

/// Rows of every kind, written through the store, as an older backend would have.
async fn fill(s: &Store) {
    s.insert_order(&order_of("CSold", "CREATED")).await.unwrap();
    s.record_payment("CSold", "GWold", "SUCCESS").await.unwrap();
    assert!(
        s.record_webhook("Nold", "GWold", "SUCCESS", Some("CSold"))
            .await
            .unwrap()
    );
    assert!(matches!(
        s.claim("key-old", "h").await.unwrap(),
        Claim::Claimed
    ));
    s.finish_claim("key-old", 200, "{\"status\":\"SUCCESS\"}")
        .await
        .unwrap();
    s.insert_login("digest-old", "alice", now() + 3_600_000)
        .await
        .unwrap();
    s.record_refund("R-old", Some("RF1"), "GWold", 40, "SUCCESS")
        .await
        .unwrap();
}

/// The rows of [`fill`], read back through the store after the migration, and the tables the
/// later migrations added, in use.
async fn check(s: &Store) {
    let o = s.order("CSold").await.unwrap().expect("the order survived");
    assert_eq!(
        (o.status.as_str(), o.order_id.as_deref()),
        ("SUCCESS", Some("GWold"))
    );
    assert_eq!(
        s.payment_session("GWold").await.unwrap().as_deref(),
        Some("CSold")
    );
    assert_eq!(s.webhook_count().await.unwrap(), 1);
    assert!(
        !s.record_webhook("Nold", "GWold", "SUCCESS", Some("CSold"))
            .await
            .unwrap()
    );
    assert!(matches!(
        s.claim("key-old", "h").await.unwrap(),
        Claim::Done(200, _)
    ));
    let alice = s.login_shopper("digest-old", now()).await.unwrap();
    assert_eq!(alice.as_deref(), Some("alice"));
    assert_eq!(s.refund("R-old").await.unwrap().map(|r| r.amount), Some(40));
    assert_eq!(
        s.hit_limit("session", "ip", 100, now()).await.unwrap(),
        None
    );
    assert!(s.lock_operation("capture:GWold", "me").await.unwrap());
}

#[tokio::test]
async fn a_sqlite_database_from_before_migrations_is_brought_forward_with_its_rows() {
    let path = temp_dir().join("backend.sqlite");
    // The first version of the store made its tables with this very script and no version
    // table; the rows below are what it wrote.
    let v0 = SqliteStore::open_at(&path, 1).unwrap();
    fill(&Store::Sqlite(v0)).await;
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch("DROP TABLE schema_migrations").unwrap();
    }
    for _ in 0..2 {
        let s = Store::Sqlite(SqliteStore::open(&path).unwrap());
        check(&s).await;
        let c = rusqlite::Connection::open(&path).unwrap();
        let versions: Vec<i64> = c
            .prepare("SELECT version FROM schema_migrations ORDER BY version")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(versions, [1, 2], "each migration recorded once");
        s.unlock_operation("capture:GWold", "me").await.unwrap();
    }
}

#[tokio::test]
async fn a_postgres_database_at_version_one_is_brought_forward_with_its_rows() {
    let Some(url) = crate::testing::postgres_schema("migrate_forward").await else {
        return;
    };
    let t = Duration::from_secs(5);
    let v1 = PgStore::open_at(&url, 2, t, 1).await.unwrap();
    let v1 = Store::Postgres(v1);
    fill(&v1).await;
    assert!(
        v1.hit_limit("session", "ip", 1, now()).await.is_err(),
        "version 1 has no rate_limits table"
    );
    // Two instances start on the old database at once: one migrates, the other finds it done.
    let (a, b) = tokio::join!(
        PgStore::open_at(&url, 2, t, i64::MAX),
        PgStore::open_at(&url, 2, t, i64::MAX)
    );
    let (a, b) = (Store::Postgres(a.unwrap()), Store::Postgres(b.unwrap()));
    check(&a).await;
    assert!(!b.lock_operation("capture:GWold", "other").await.unwrap());
    let Store::Postgres(pg) = &a else {
        unreachable!()
    };
    let c = pg.conn().await.unwrap();
    let versions: Vec<i64> = c
        .query(
            "SELECT version FROM schema_migrations ORDER BY version",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(versions, [1, 2], "each migration recorded once");
}
