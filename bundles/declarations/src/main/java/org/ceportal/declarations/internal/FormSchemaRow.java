package org.ceportal.declarations.internal;

/** A row of form_schema: one snapshot of a form version's description. */
public class FormSchemaRow {
    public Long id;
    public String formId;
    public String formVersion;
    public String schemaJson;
}
