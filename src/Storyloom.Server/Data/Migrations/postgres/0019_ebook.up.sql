-- The brief says whether the Kindle eBook is made after the print book, and whether it is read aloud (issue 22).
ALTER TABLE books ADD COLUMN ebook BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE books ADD COLUMN narrate BOOLEAN NOT NULL DEFAULT FALSE;
