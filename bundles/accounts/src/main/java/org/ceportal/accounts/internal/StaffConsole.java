package org.ceportal.accounts.internal;

import java.util.ArrayList;
import java.util.List;

import org.ceportal.platform.api.PageRequest;

/**
 * 账号管理 from the Karaf console ({@code ceportal:staff*}): the same lists and actions as the page, in lines a
 * console prints, audited with address {@code console} and no actor.
 */
public final class StaffConsole {
    private final PasswordResets resets;
    private final StaffStates states;

    StaffConsole(PasswordResets resets, StaffStates states) {
        this.resets = resets;
        this.states = states;
    }

    /** Every staff account matching {@code q} (login or name; null for all), one line each. */
    public List<String> list(String q) {
        List<String> out = new ArrayList<>();
        for (int page = 0;; page++) {
            var found = resets.staff(q, new PageRequest(page, 100));
            found.getItems().forEach(s -> out.add(line(s)));
            if ((long) (page + 1) * 100 >= found.getTotal()) {
                return out;
            }
        }
    }

    public String disable(long id) {
        return "已停用 " + line(states.disable(null, id, "console"));
    }

    public String enable(long id) {
        return "已启用 " + line(states.enable(null, id, "console"));
    }

    public String unlock(long id) {
        return "已解锁 " + line(states.unlock(null, id, "console"));
    }

    /** A temporary password, printed once; the person must replace it at the next login. */
    public String resetPassword(long id) {
        PasswordResets.Reset r = resets.ofStaffFromConsole(id);
        return "已重置 " + r.login() + "（" + r.name() + "）的密码，临时密码：" + r.temporaryPassword() + "（登录后须立即修改）";
    }

    private static String line(PasswordResets.Staff s) {
        String where = s.unitName() != null ? s.unitName() : s.baseName() != null ? s.baseName() : "";
        return String.format("%-6d %-20s %-8s %-10s %s%s %s", s.accountId(), s.login(), s.name(), s.roleName(), s.stateName(),
                s.locked() ? "（已锁定）" : "", where).stripTrailing();
    }
}
