-- A file may prove something other than a declaration: a title change's certificate
-- (subject_ref 'title-change:<id>'). Such a file is linked (never cleaned up as an
-- unused upload) and locked (its owner cannot delete or reuse it).
ALTER TABLE attachment ADD COLUMN subject_ref VARCHAR(40);
CREATE INDEX attachment_subject ON attachment (subject_ref);
