package org.ceportal.accounts.internal;

import java.sql.Timestamp;

/** A row of {@code login_failure}: wrong passwords for a login that has no account. */
public class LoginFailureRow {
    public int failedLogins;
    public Timestamp lockedUntil;
}
