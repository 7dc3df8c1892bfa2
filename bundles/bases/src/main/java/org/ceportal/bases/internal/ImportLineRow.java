package org.ceportal.bases.internal;

/** A row of the base_import_row table: a line of an imported list and its result. */
public class ImportLineRow {
    public int rowNo;
    public String idNumber;
    public String name;
    public String hours;
    public String result;
    public String message;
}
