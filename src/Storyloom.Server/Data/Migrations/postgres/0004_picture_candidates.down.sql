DROP INDEX IF EXISTS ix_task_events_created;
DROP TABLE IF EXISTS picture_candidates;
