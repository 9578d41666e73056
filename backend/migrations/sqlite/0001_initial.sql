-- The schema as it was before versioned migrations: every statement is IF NOT EXISTS, so a
-- database created by an older backend (no schema_migrations table) takes it as a no-op and
-- is recorded at version 1 with its rows untouched.
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
