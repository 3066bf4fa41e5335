ALTER TABLE book_versions DROP COLUMN restored_from;
