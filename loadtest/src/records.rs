//! Where the backend's records are read from for the check (`check`): its SQLite file, or,
//! on PostgreSQL, a SQLite snapshot of the rows the check reads, so the check is one code
//! whatever the engine.

use std::path::{Path, PathBuf};

pub enum BackendDb {
    Sqlite(PathBuf),
    /// The run's schema (its URL) and where to write the snapshot.
    Postgres {
        url: String,
        snapshot: PathBuf,
    },
}

/// (table, the columns the check reads, with their SQLite types): the same names in both
/// engines. An INTEGER column turns the text it is given back into a number.
const TABLES: &[(&str, &[(&str, &str)])] = &[
    (
        "orders",
        &[
            ("session_id", "TEXT"),
            ("status", "TEXT"),
            ("order_id", "TEXT"),
        ],
    ),
    (
        "payments",
        &[
            ("order_id", "TEXT"),
            ("session_id", "TEXT"),
            ("status", "TEXT"),
        ],
    ),
    (
        "idempotency",
        &[
            ("idem_key", "TEXT"),
            ("state", "TEXT"),
            ("http_status", "INTEGER"),
        ],
    ),
    ("webhook_events", &[("notify_id", "TEXT")]),
];

impl BackendDb {
    /// A SQLite file holding the backend's records as they are now.
    pub async fn sqlite_file(&self) -> Result<PathBuf, String> {
        match self {
            BackendDb::Sqlite(p) => Ok(p.clone()),
            BackendDb::Postgres { url, snapshot } => {
                snapshot_postgres(url, snapshot).await?;
                Ok(snapshot.clone())
            }
        }
    }
}

async fn snapshot_postgres(url: &str, path: &Path) -> Result<(), String> {
    let (pg, conn) = tokio_postgres::connect(url, tokio_postgres::NoTls)
        .await
        .map_err(|e| format!("backend database: {e}"))?;
    tokio::spawn(conn);
    let _ = std::fs::remove_file(path);
    let mut out = rusqlite::Connection::open(path).map_err(|e| e.to_string())?;
    let tx = out.transaction().map_err(|e| e.to_string())?;
    for (table, cols) in TABLES {
        let names: Vec<&str> = cols.iter().map(|c| c.0).collect();
        let list = names.join(", ");
        let typed: Vec<String> = cols.iter().map(|(c, t)| format!("{c} {t}")).collect();
        tx.execute_batch(&format!("CREATE TABLE {table} ({})", typed.join(", ")))
            .map_err(|e| e.to_string())?;
        let marks: Vec<String> = (1..=cols.len()).map(|i| format!("?{i}")).collect();
        let insert = format!("INSERT INTO {table} ({list}) VALUES ({})", marks.join(", "));
        // Every column read as text (the http status too): SQLite keeps what it is given.
        let casts: Vec<String> = names.iter().map(|c| format!("{c}::TEXT")).collect();
        let rows = pg
            .query(&format!("SELECT {} FROM {table}", casts.join(", ")), &[])
            .await
            .map_err(|e| format!("{table}: {e}"))?;
        for r in rows {
            let vals: Vec<Option<String>> = (0..cols.len()).map(|i| r.get(i)).collect();
            tx.execute(&insert, rusqlite::params_from_iter(vals.iter()))
                .map_err(|e| e.to_string())?;
        }
    }
    tx.commit().map_err(|e| e.to_string())
}
