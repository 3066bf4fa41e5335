DROP TABLE book_versions;
