package org.ceportal.declarations.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Body of {@code POST /declarations} and {@code PUT /declarations/{id}}. */
public class DeclarationRequest {
    public String formId;
    /** 计入年度 */
    public Integer year;
    /** GENERAL or PROFESSIONAL; only used when the form lets the person choose. */
    public String category;
    /** Defaults to the proposed hours. */
    public BigDecimal claimedHours;
    public Map<String, Object> values;
    public List<Long> attachmentIds;
    /** On POST: submit at once instead of saving a draft. */
    public Boolean submit;
    /** On PUT and transitions: the version the page saw. */
    public Integer version;
}
