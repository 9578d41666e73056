//! Versioned schema migrations: the files of `backend/migrations/<engine>/`, compiled in,
//! applied in order at start, each in its own transaction together with its row in
//! `schema_migrations`, so a migration is either wholly applied and recorded or not at all.
//! Applying them again does nothing. Migrations only add (tables, columns, indexes): an
//! instance still on the previous version keeps working beside one that migrated, which is
//! what a rolling deploy needs.

/// (version, name, SQL) of one migration.
pub(super) type Migration = (i64, &'static str, &'static str);

pub(super) const SQLITE: &[Migration] = &[
    (
        1,
        "initial",
        include_str!("../../migrations/sqlite/0001_initial.sql"),
    ),
    (
        2,
        "shared_limits",
        include_str!("../../migrations/sqlite/0002_shared_limits.sql"),
    ),
];

pub(super) const POSTGRES: &[Migration] = &[
    (
        1,
        "initial",
        include_str!("../../migrations/postgres/0001_initial.sql"),
    ),
    (
        2,
        "shared_limits",
        include_str!("../../migrations/postgres/0002_shared_limits.sql"),
    ),
];

/// The table that records which migrations a database has.
pub(super) const VERSIONS_TABLE: &str = "CREATE TABLE IF NOT EXISTS schema_migrations (
    version BIGINT PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at BIGINT NOT NULL
)";

/// Says so when the database is newer than this build (a newer instance migrated it): this
/// one goes on, since migrations only add.
pub(super) fn note_newer(engine: &str, latest: i64, known: &[Migration]) {
    let ours = known.last().map_or(0, |m| m.0);
    if latest > ours {
        eprintln!(
            "paykka-backend: the {engine} database is at schema version {latest}, newer than this build's {ours}: going on (migrations only add)"
        );
    }
}
