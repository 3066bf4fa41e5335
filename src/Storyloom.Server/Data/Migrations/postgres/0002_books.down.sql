DROP TABLE assets;
DROP TABLE generation_tasks;
DROP TABLE book_characters;
DROP TABLE characters;
DROP TABLE pages;
DROP TABLE books;
DROP TABLE templates;
