-- Alert rules: a threshold on a /metrics number, held for a while, calls a webhook once when it fires and once when it resolves.
CREATE TABLE alert_rules (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    metric TEXT NOT NULL,
    comparison TEXT NOT NULL CHECK (comparison IN ('>', '>=', '<', '<=')),
    threshold REAL NOT NULL,
    for_seconds INTEGER NOT NULL,
    webhook_url TEXT NOT NULL,
    webhook_host TEXT NOT NULL,
    enabled INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('ok', 'pending', 'firing')),
    pending_since TEXT NULL,
    fired_at TEXT NULL,
    resolved_at TEXT NULL,
    last_value REAL NULL,
    last_evaluated_at TEXT NULL,
    last_delivery_error TEXT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
