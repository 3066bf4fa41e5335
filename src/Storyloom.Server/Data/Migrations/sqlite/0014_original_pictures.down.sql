DROP INDEX ux_picture_candidates_original;
DELETE FROM picture_candidates WHERE original = 1;
ALTER TABLE picture_candidates DROP COLUMN original;
