package org.ceportal.profile.internal;

import java.util.Map;

/** The zh-CN names of the profile's fields, for 变更记录. */
final class Fields {
    private static final Map<String, String> LABELS = Map.of("mobile", "手机号码", "email", "电子邮箱", "departmentId", "工作部门",
            "ethnicGroup", "民族", "nativePlace", "籍贯", "school", "毕业院校", "majorCode", "所学专业", "titleCode", "专业技术职务");

    private Fields() {
    }

    static String label(String field) {
        return LABELS.getOrDefault(field, field);
    }
}
