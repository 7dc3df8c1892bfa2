-- Attempts per scope (login, captcha, ...), client key and fixed window (slot = time / window), counted
-- by every node together. Only PostgreSQL installations use it: embedded Derby is one node, which
-- counts in memory. Rows of past windows are deleted as new windows begin.
CREATE TABLE throttle_count (
  scope    VARCHAR(32) NOT NULL,
  client   VARCHAR(64) NOT NULL,
  slot     BIGINT      NOT NULL,
  attempts INT         NOT NULL,
  PRIMARY KEY (scope, client, slot)
);
