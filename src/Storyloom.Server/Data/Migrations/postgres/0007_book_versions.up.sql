-- Book outputs in versions: each build writes books/{id}/v{number}/ in the store; deleted versions keep their row
-- (deleted_at) so a number is never reused.
CREATE TABLE book_versions (
    id UUID NOT NULL PRIMARY KEY,
    book_id UUID NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    task_id UUID NULL REFERENCES generation_tasks (id) ON DELETE SET NULL,
    files_json TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    deleted_at TIMESTAMPTZ NULL
);
CREATE UNIQUE INDEX ux_book_versions_book_number ON book_versions (book_id, number);
CREATE INDEX ix_book_versions_task ON book_versions (task_id);
