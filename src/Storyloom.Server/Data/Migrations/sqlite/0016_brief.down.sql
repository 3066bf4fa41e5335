UPDATE books SET author = 'Storyloom' WHERE author = '';
ALTER TABLE books DROP COLUMN credit;
ALTER TABLE books DROP COLUMN reviewed_by_author;
ALTER TABLE books DROP COLUMN imprint;
ALTER TABLE books DROP COLUMN meet_the_characters;
ALTER TABLE books DROP COLUMN about_author;
ALTER TABLE books DROP COLUMN dedication;
ALTER TABLE books DROP COLUMN level;
