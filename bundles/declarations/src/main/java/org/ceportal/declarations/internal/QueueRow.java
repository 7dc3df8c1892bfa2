package org.ceportal.declarations.internal;

import java.sql.Timestamp;

/** How many declarations of a unit wait for review, and since when. */
public class QueueRow {
    public int pending;
    public Timestamp oldest;
}
