-- The brief says whether the Kindle eBook is made after the print book, and whether it is read aloud (issue 22).
ALTER TABLE books ADD COLUMN ebook INTEGER NOT NULL DEFAULT 0;
ALTER TABLE books ADD COLUMN narrate INTEGER NOT NULL DEFAULT 0;
