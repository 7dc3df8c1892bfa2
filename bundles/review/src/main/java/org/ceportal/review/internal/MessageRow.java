package org.ceportal.review.internal;

import java.sql.Timestamp;

/** A row of the message table. */
public class MessageRow {
    public long id;
    public String title;
    public String body;
    public String link;
    public Timestamp createdAt;
    public Timestamp readAt;
}
