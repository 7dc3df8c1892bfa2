package org.ceportal.profile.internal;

import java.util.Arrays;

/** The states of a profile change, with their zh-CN names (变更记录). */
enum ChangeState {
    /** In force: an ordinary field saved, or a title change approved. */
    APPLIED("applied", "生效"),
    PENDING("pending", "待审核"),
    REJECTED("rejected", "未通过"),
    WITHDRAWN("withdrawn", "已撤回");

    final String code;
    final String label;

    ChangeState(String code, String label) {
        this.code = code;
        this.label = label;
    }

    static String labelOf(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).map(s -> s.label).findFirst().orElse(code);
    }
}
