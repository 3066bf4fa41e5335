-- Tasks are looked up by their book (is the book being made? how many rewrites so far? the original picture's build step),
-- and deleting a book cascades to them: without an index each of those read the whole table.
CREATE INDEX ix_generation_tasks_book ON generation_tasks (book_id, created_at);
