-- Rate-limit windows and per-order operation locks move from the process into the database,
-- so that every instance on one database counts and locks the same (the SQLite engine is one
-- process, but keeps one code path and one schema history with PostgreSQL).
CREATE TABLE rate_limits (
    kind TEXT NOT NULL,
    client_key TEXT NOT NULL,
    window_start INTEGER NOT NULL,
    hits INTEGER NOT NULL,
    PRIMARY KEY (kind, client_key)
);
CREATE INDEX rate_limits_by_window ON rate_limits (window_start);
CREATE TABLE operation_locks (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    locked_at INTEGER NOT NULL
);
-- The retention job deletes by age.
CREATE INDEX idempotency_by_age ON idempotency (created_at);
