-- Pictures drawn again for one page (page_number 0: the cover), each from its own seed; earlier ones are kept so the
-- user can choose among them, and at most one per page is chosen (a rebuild draws the page with the chosen seed).
CREATE TABLE picture_candidates (
    id TEXT NOT NULL PRIMARY KEY,
    book_id TEXT NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    page_number INTEGER NOT NULL,
    seed INTEGER NOT NULL,
    asset_id TEXT NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    task_id TEXT NULL REFERENCES generation_tasks (id) ON DELETE SET NULL,
    chosen INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE INDEX ix_picture_candidates_book_page ON picture_candidates (book_id, page_number, created_at);
CREATE UNIQUE INDEX ux_picture_candidates_task_seed ON picture_candidates (task_id, page_number, seed);
CREATE UNIQUE INDEX ux_picture_candidates_chosen ON picture_candidates (book_id, page_number) WHERE chosen = 1;

-- The janitor prunes the events of long-finished tasks by age.
CREATE INDEX ix_task_events_created ON task_events (created_at);
