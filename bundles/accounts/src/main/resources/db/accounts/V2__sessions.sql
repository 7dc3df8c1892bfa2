-- Login sessions. The browser holds a random 128-bit token in an HttpOnly cookie;
-- only its SHA-256 is stored, so a copy of this table logs nobody in. Kept in the
-- database so that several nodes share sessions.
CREATE TABLE login_session (
  token_hash   CHAR(64)    NOT NULL PRIMARY KEY,
  account_id   BIGINT      NOT NULL REFERENCES account (id),
  csrf_token   VARCHAR(64) NOT NULL,
  created_at   TIMESTAMP   NOT NULL,
  last_seen_at TIMESTAMP   NOT NULL,
  expires_at   TIMESTAMP   NOT NULL
);
CREATE INDEX login_session_account ON login_session (account_id);
CREATE INDEX login_session_expires ON login_session (expires_at);
CREATE INDEX audit_log_actor ON audit_log (actor_id, happened_at);
