ALTER TABLE alert_rules DROP COLUMN signing_secret;
ALTER TABLE generation_tasks DROP COLUMN trace_parent;
