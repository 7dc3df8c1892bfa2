package org.ceportal.profile.internal;

import java.sql.Timestamp;

/** How many title changes of a unit wait, and since when. */
public class QueueRow {
    public int pending;
    public Timestamp oldest;
}
