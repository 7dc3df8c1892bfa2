package org.ceportal.accounts.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.ceportal.accounts.internal.StaffConsole;

/** {@code ceportal:staff-enable ID}: 启用 (账号管理), as the page does it, audited with address {@code console}. */
@Service
@Command(scope = "ceportal", name = "staff-enable", description = "Enable a disabled staff account again")
public class StaffEnableCommand extends StaffActionCommand {
    @Override
    String act(StaffConsole staff, long id) {
        return staff.enable(id);
    }
}
