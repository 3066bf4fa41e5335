DROP TRIGGER IF EXISTS tr_task_events_notify ON task_events;
DROP FUNCTION IF EXISTS storyloom_notify_task_event();
