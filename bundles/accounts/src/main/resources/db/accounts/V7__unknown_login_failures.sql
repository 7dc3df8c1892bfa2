-- Wrong passwords for logins that have no account, counted like an account's own, so a
-- lock-out answers alike for an ID number that is registered and one that is not.
CREATE TABLE login_failure (
  subject       VARCHAR(64)  NOT NULL PRIMARY KEY,
  failed_logins INT          NOT NULL,
  locked_until  TIMESTAMP,
  last_at       TIMESTAMP    NOT NULL
);
CREATE INDEX login_failure_last ON login_failure (last_at);
