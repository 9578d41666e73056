//! For the tests (unit, integration and load): a PostgreSQL database of one's own on the
//! cluster `BACKEND_TEST_DATABASE_URL` names. Not an API.
//!
//! `scripts/test.sh` starts a throwaway cluster (`scripts/pg.sh`) and sets the variable, with
//! `BACKEND_TEST_REQUIRE_POSTGRES=1` so that a missing cluster fails the run instead of
//! skipping. Under a plain `cargo test` without it, the PostgreSQL half of each test is skipped
//! with a note on stderr; the SQLite half always runs.

use std::sync::atomic::{AtomicUsize, Ordering};

/// The variable that names the test cluster (`postgres://user@127.0.0.1:PORT/postgres`).
pub const TEST_DATABASE_URL: &str = "BACKEND_TEST_DATABASE_URL";

/// The URL of a new, empty schema on the test cluster (the URL's `options` put it first on the
/// search path), or `None` without a cluster: the caller skips its PostgreSQL half. Panics
/// when `BACKEND_TEST_REQUIRE_POSTGRES=1` and there is no cluster, or when the cluster named
/// cannot be reached.
pub async fn postgres_schema(tag: &str) -> Option<String> {
    let Some(base) = std::env::var(TEST_DATABASE_URL)
        .ok()
        .filter(|u| !u.is_empty())
    else {
        assert!(
            std::env::var("BACKEND_TEST_REQUIRE_POSTGRES").as_deref() != Ok("1"),
            "{TEST_DATABASE_URL} is not set but BACKEND_TEST_REQUIRE_POSTGRES=1: start a cluster with scripts/pg.sh"
        );
        // Straight to the process's stderr, past the test harness's capture, once per process.
        static NOTED: std::sync::Once = std::sync::Once::new();
        NOTED.call_once(|| {
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "note: {TEST_DATABASE_URL} not set: the PostgreSQL halves of the backend's store and instance tests are skipped (first: {tag}); scripts/test.sh runs them on a throwaway cluster"
            );
        });
        return None;
    };
    Some(
        new_schema(&base, tag)
            .await
            .unwrap_or_else(|e| panic!("{e}")),
    )
}

/// Makes a new, empty schema on the cluster `base` names; the URL that puts it first on the
/// search path (the URL's `options`). For the tests and the load test.
pub async fn new_schema(base: &str, tag: &str) -> Result<String, String> {
    static N: AtomicUsize = AtomicUsize::new(0);
    let schema = format!(
        "t_{}_{}_{}_{}",
        tag.chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .take(20)
            .collect::<String>()
            .to_ascii_lowercase(),
        std::process::id(),
        paykka_protocol::time::now_ms() % 100_000_000,
        N.fetch_add(1, Ordering::SeqCst)
    );
    let (client, conn) = tokio_postgres::connect(base, tokio_postgres::NoTls)
        .await
        .map_err(|e| format!("{}: {e}", crate::store::redacted(base)))?;
    tokio::spawn(conn);
    client
        .batch_execute(&format!("CREATE SCHEMA {schema}"))
        .await
        .map_err(|e| format!("CREATE SCHEMA {schema}: {e}"))?;
    let sep = if base.contains('?') { '&' } else { '?' };
    Ok(format!("{base}{sep}options=-c%20search_path%3D{schema}"))
}
