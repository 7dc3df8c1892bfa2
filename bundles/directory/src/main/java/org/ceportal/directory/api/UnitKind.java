package org.ceportal.directory.api;

import java.util.Locale;
import java.util.Optional;

/** What kind of employer a unit is. */
public enum UnitKind {
    GOV("机关"),
    PUBLIC("事业单位"),
    ENTERPRISE("企业"),
    OTHER("社会组织及其他");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    /** The zh-CN name. */
    public String label() {
        return label;
    }

    /** Parses a code case-insensitively, or the zh-CN name. */
    public static Optional<UnitKind> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        for (UnitKind k : values()) {
            if (k.name().equals(v.toUpperCase(Locale.ROOT)) || k.label.equals(v)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
