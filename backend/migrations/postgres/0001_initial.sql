-- The records of sqlite/0001_initial.sql, in PostgreSQL's types. Times are milliseconds since
-- the epoch (BIGINT), as in SQLite, so both engines share every query's arithmetic.
-- payments.seq stands for SQLite's rowid: the order in which this backend first heard of each
-- attempt of a session.
CREATE TABLE orders (
    session_id TEXT PRIMARY KEY,
    trans_id TEXT NOT NULL UNIQUE,
    amount BIGINT NOT NULL,
    currency TEXT NOT NULL,
    shopper_reference TEXT,
    token_usage TEXT,
    status TEXT NOT NULL,
    order_id TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE TABLE payments (
    order_id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL,
    status TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    seq BIGINT GENERATED ALWAYS AS IDENTITY
);
CREATE TABLE idempotency (
    idem_key TEXT PRIMARY KEY,
    body_hash TEXT NOT NULL,
    state TEXT NOT NULL,
    http_status INTEGER,
    response TEXT,
    created_at BIGINT NOT NULL
);
CREATE TABLE logins (
    token_digest TEXT PRIMARY KEY,
    shopper_reference TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE TABLE attempts (
    idem_key TEXT PRIMARY KEY,
    session_id TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX attempts_by_session ON attempts (session_id);
CREATE TABLE attempt_locks (
    session_id TEXT PRIMARY KEY,
    idem_key TEXT NOT NULL,
    locked_at BIGINT NOT NULL
);
CREATE TABLE second_charges (
    order_id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL,
    status TEXT NOT NULL,
    detected_at BIGINT NOT NULL,
    resolution TEXT,
    resolved_at BIGINT
);
CREATE TABLE refunds (
    refund_trans_id TEXT PRIMARY KEY,
    refund_order_id TEXT,
    order_id TEXT NOT NULL,
    amount BIGINT NOT NULL,
    status TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    notifications BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE webhook_events (
    notify_id TEXT PRIMARY KEY,
    order_id TEXT NOT NULL,
    status TEXT NOT NULL,
    received_at BIGINT NOT NULL
);
