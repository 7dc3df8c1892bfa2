package org.ceportal.accounts.internal;

import java.sql.Timestamp;

/** A row of login_session joined with the account it belongs to. */
public class SessionRow {
    public String tokenHash;
    public long accountId;
    public String csrfToken;
    public Timestamp createdAt;
    public Timestamp lastSeenAt;
    public Timestamp expiresAt;
    // from the account
    public String role;
    public String name;
    public String login;
    public Long unitId;
    public Long baseId;
    public String state;
    public int mustChangePassword;
}
