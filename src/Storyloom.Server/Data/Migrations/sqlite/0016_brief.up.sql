-- The whole brief is kept with the book, as the CLI's spec file has it: the coloring level, the dedication and the
-- about-the-author text, the meet-the-characters page, the imprint, and what the user said (reviewed, credit).
ALTER TABLE books ADD COLUMN level TEXT NULL;
ALTER TABLE books ADD COLUMN dedication TEXT NULL;
ALTER TABLE books ADD COLUMN about_author TEXT NULL;
ALTER TABLE books ADD COLUMN meet_the_characters INTEGER NOT NULL DEFAULT 0;
ALTER TABLE books ADD COLUMN imprint TEXT NULL;
ALTER TABLE books ADD COLUMN reviewed_by_author INTEGER NOT NULL DEFAULT 0;
ALTER TABLE books ADD COLUMN credit INTEGER NOT NULL DEFAULT 0;
-- "Storyloom" was the default author; a book now prints no author unless the user gave one.
UPDATE books SET author = '' WHERE author = 'Storyloom';
