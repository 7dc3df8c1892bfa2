package org.ceportal.accounts.internal;

import java.sql.Timestamp;

/** An audit_log row with the acting account's name and login. */
public class AuditRow {
    public long id;
    public Timestamp happenedAt;
    public Long actorId;
    public String actorName;
    public String actorLogin;
    public String action;
    public String subject;
    public String outcome;
    public String address;
}
