-- The W3C traceparent of the request that queued a task: the worker's step spans continue that trace.
ALTER TABLE generation_tasks ADD COLUMN trace_parent TEXT NULL;
-- Each alert rule signs its webhook calls (HMAC-SHA256) with its own secret, sealed with SecretBox; rules made before have none until it is set.
ALTER TABLE alert_rules ADD COLUMN signing_secret TEXT NULL;
