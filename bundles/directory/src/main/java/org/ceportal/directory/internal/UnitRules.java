package org.ceportal.directory.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.ceportal.directory.api.NewUnit;
import org.ceportal.directory.api.UnitKind;
import org.ceportal.platform.api.FieldError;

/** Checks a unit an operator adds or imports. */
final class UnitRules {
    static final int MAX_NAME = 128;
    static final int MAX_DEPARTMENT = 64;
    static final int MAX_DEPARTMENTS = 200;

    private UnitRules() {
    }

    /**
     * @param prefix put before each field name, e.g. {@code "第 3 行："} for imports
     * @return the field errors, empty when the unit is fine
     */
    static List<FieldError> check(NewUnit unit, Set<String> regionCodes, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (unit.regionCode() == null || !regionCodes.contains(unit.regionCode().strip())) {
            errors.add(new FieldError("regionCode", prefix + "所属区域不存在"));
        }
        String name = unit.name() == null ? "" : unit.name().strip();
        if (name.isEmpty()) {
            errors.add(new FieldError("name", prefix + "请填写单位名称"));
        } else if (name.length() > MAX_NAME) {
            errors.add(new FieldError("name", prefix + "单位名称不能超过 " + MAX_NAME + " 个字"));
        } else if (hasControl(name)) {
            errors.add(new FieldError("name", prefix + "单位名称含有不可见字符"));
        }
        if (UnitKind.parse(unit.kind()).isEmpty()) {
            errors.add(new FieldError("kind", prefix + "单位类型必须是 GOV（机关）、PUBLIC（事业单位）、ENTERPRISE（企业）或 OTHER（其他）"));
        }
        if (unit.departments().size() > MAX_DEPARTMENTS) {
            errors.add(new FieldError("departments", prefix + "一个单位最多登记 " + MAX_DEPARTMENTS + " 个部门"));
        }
        for (String d : unit.departments()) {
            String dn = d == null ? "" : d.strip();
            if (dn.isEmpty() || dn.length() > MAX_DEPARTMENT || hasControl(dn)) {
                errors.add(new FieldError("departments", prefix + "部门名称须为 1 到 " + MAX_DEPARTMENT + " 个字"));
                break;
            }
        }
        return errors;
    }

    /** The departments stripped, without duplicates, in the given order. */
    static List<String> departments(NewUnit unit) {
        Set<String> out = new LinkedHashSet<>();
        unit.departments().forEach(d -> out.add(d.strip()));
        return List.copyOf(out);
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(Character::isISOControl);
    }
}
