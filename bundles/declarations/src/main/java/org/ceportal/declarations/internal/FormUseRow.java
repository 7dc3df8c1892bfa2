package org.ceportal.declarations.internal;

/** Declarations made with one version of a form. */
public class FormUseRow {
    public String formId;
    public String formVersion;
    public String formName;
    public long declarations;
}
