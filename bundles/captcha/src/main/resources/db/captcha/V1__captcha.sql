-- Issued captchas; a row is deleted when the captcha is used or found expired.
CREATE TABLE captcha (
  id          VARCHAR(36) NOT NULL PRIMARY KEY,
  answer_hash VARCHAR(64) NOT NULL,
  expires_at  TIMESTAMP   NOT NULL
);
CREATE INDEX captcha_expires ON captcha (expires_at);
