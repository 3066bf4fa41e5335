-- Book outputs in versions: each build writes books/{id}/v{number}/ in the store; deleted versions keep their row
-- (deleted_at) so a number is never reused.
CREATE TABLE book_versions (
    id TEXT NOT NULL PRIMARY KEY,
    book_id TEXT NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    task_id TEXT NULL REFERENCES generation_tasks (id) ON DELETE SET NULL,
    files_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    deleted_at TEXT NULL
);
CREATE UNIQUE INDEX ux_book_versions_book_number ON book_versions (book_id, number);
CREATE INDEX ix_book_versions_task ON book_versions (task_id);
