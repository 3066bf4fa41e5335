-- Alert rules: a threshold on a /metrics number, held for a while, calls a webhook once when it fires and once when it resolves.
CREATE TABLE alert_rules (
    id UUID NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    metric TEXT NOT NULL,
    comparison TEXT NOT NULL CHECK (comparison IN ('>', '>=', '<', '<=')),
    threshold DOUBLE PRECISION NOT NULL,
    for_seconds INTEGER NOT NULL,
    webhook_url TEXT NOT NULL,
    webhook_host TEXT NOT NULL,
    enabled BOOLEAN NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('ok', 'pending', 'firing')),
    pending_since TIMESTAMPTZ NULL,
    fired_at TIMESTAMPTZ NULL,
    resolved_at TIMESTAMPTZ NULL,
    last_value DOUBLE PRECISION NULL,
    last_evaluated_at TIMESTAMPTZ NULL,
    last_delivery_error TEXT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
