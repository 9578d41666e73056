-- Rate-limit windows and per-order operation locks, shared by every instance on this database
-- (see sqlite/0002_shared_limits.sql).
CREATE TABLE rate_limits (
    kind TEXT NOT NULL,
    client_key TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    hits BIGINT NOT NULL,
    PRIMARY KEY (kind, client_key)
);
CREATE INDEX rate_limits_by_window ON rate_limits (window_start);
CREATE TABLE operation_locks (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    locked_at BIGINT NOT NULL
);
-- The retention job deletes by age.
CREATE INDEX idempotency_by_age ON idempotency (created_at);
