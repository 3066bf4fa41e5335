-- The picture a page (or the cover) was made with, kept beside the pictures drawn again so the user can compare before
-- choosing: one per page, never "chosen" (choosing the original clears the choice); refreshed by each new drawing task.
ALTER TABLE picture_candidates ADD COLUMN original BOOLEAN NOT NULL DEFAULT FALSE;
CREATE UNIQUE INDEX ux_picture_candidates_original ON picture_candidates (book_id, page_number) WHERE original;
