DROP INDEX ix_idempotency_keys_created;
DROP TABLE idempotency_keys;
