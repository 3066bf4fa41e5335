-- PostgreSQL only (a trigger that notifies the event streams); SQLite streams poll. Kept so both databases have the same versions.
SELECT 1;
