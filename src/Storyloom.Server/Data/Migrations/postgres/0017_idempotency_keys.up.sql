-- Idempotency-Key on create requests: the first answer per user and key, replayed for a day to a retry of the same request.
CREATE TABLE idempotency_keys (
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status INTEGER NULL,
    body TEXT NULL,
    location TEXT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, key)
);
CREATE INDEX ix_idempotency_keys_created ON idempotency_keys (created_at);
