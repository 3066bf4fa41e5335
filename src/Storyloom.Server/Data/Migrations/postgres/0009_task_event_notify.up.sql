-- Every new task event wakes the open event streams at once, on every node (LISTEN storyloom_task_events), whichever
-- process wrote it; the payload is the task id. Delivered at commit, so a stream that wakes finds the row.
CREATE FUNCTION storyloom_notify_task_event() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('storyloom_task_events', NEW.task_id::text);
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER tr_task_events_notify AFTER INSERT ON task_events FOR EACH ROW EXECUTE FUNCTION storyloom_notify_task_event();
