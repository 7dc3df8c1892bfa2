package org.ceportal.attachments.internal;

/** A person's uploads of one day. */
public final class QuotaRow {
    public int files;
    public long bytes;
}
