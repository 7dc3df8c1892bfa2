package org.ceportal.accounts.internal;

import java.sql.Timestamp;

/** A row of the account table. */
public class AccountRow {
    public Long id;
    public String role;
    public String login;
    public String passwordHash;
    public String state;
    public String rejectReason;
    public String name;
    public Long unitId;
    public Long baseId;
    public int failedLogins;
    public Timestamp lockedUntil;
    public int version;
    public Timestamp createdAt;
    /** 1 while the password is a temporary one an admin set. */
    public int mustChangePassword;
}
