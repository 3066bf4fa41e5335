-- A version made by restoring an older one ("restore this version") names the version it copies; null for a build.
ALTER TABLE book_versions ADD COLUMN restored_from INTEGER NULL;
