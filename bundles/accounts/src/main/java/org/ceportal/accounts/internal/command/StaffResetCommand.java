package org.ceportal.accounts.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.ceportal.accounts.internal.StaffConsole;

/** {@code ceportal:staff-reset ID}: 重置密码 (账号管理), as the page does it, audited with address {@code console}. */
@Service
@Command(scope = "ceportal", name = "staff-reset", description = "Give a staff account a temporary password, printed once (to be changed at the next login)")
public class StaffResetCommand extends StaffActionCommand {
    @Override
    String act(StaffConsole staff, long id) {
        return staff.resetPassword(id);
    }
}
