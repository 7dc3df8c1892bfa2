-- One-time tokens that let the first provincial ops account be created on a portal
-- started without a console (bin/start, a system service). Only the SHA-256 of a
-- token is kept; the token itself goes into a file readable by the server's user.
CREATE TABLE setup_token (
  token_hash CHAR(64)  NOT NULL PRIMARY KEY,
  expires_at TIMESTAMP NOT NULL
);
