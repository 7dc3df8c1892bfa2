-- What each person uploaded per day (China time): the uploads count even when the
-- files are deleted later, so deleting and uploading again does not get round the
-- daily quota. The row is locked by the upload's transaction, which makes the check
-- exact under concurrent uploads of the same person.
CREATE TABLE attachment_quota (
  owner_id    BIGINT      NOT NULL,
  upload_day  DATE        NOT NULL,
  files       INT         NOT NULL,
  bytes       BIGINT      NOT NULL,
  CONSTRAINT attachment_quota_pk PRIMARY KEY (owner_id, upload_day)
);
