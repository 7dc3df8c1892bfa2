package org.ceportal.accounts.internal;

/** A live {@code reset_code} row. */
public class ResetCodeRow {
    public long id;
    public String codeHash;
    public int attempts;
}
