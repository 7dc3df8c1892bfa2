package org.ceportal.learningform.api;

/** What a form's amounts count: the kind of declaration (申报类型) it belongs to. */
public enum DeclarationKind {
    /** 学时申报: hours. */
    HOURS("学时", "学时"),
    /** 学分申报: credits, in sectors that count credits (1 学时 = 1 学分 unless a sector says otherwise). */
    CREDITS("学分", "学分"),
    /** 继续教育基地学时申报: hours certified by an accredited continuing-education base. */
    BASE_HOURS("继续教育基地学时", "学时");

    private final String label;
    private final String unit;

    DeclarationKind(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    /** @return the zh-CN name of the kind, e.g. 「学时」 */
    public String label() {
        return label;
    }

    /** @return the zh-CN unit an amount of this kind is written with: 「学时」 or 「学分」 */
    public String unit() {
        return unit;
    }
}
