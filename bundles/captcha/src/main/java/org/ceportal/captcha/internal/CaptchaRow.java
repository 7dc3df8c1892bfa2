package org.ceportal.captcha.internal;

import java.sql.Timestamp;

/** A row of the captcha table. */
public class CaptchaRow {
    public String id;
    public String answerHash;
    public Timestamp expiresAt;
}
