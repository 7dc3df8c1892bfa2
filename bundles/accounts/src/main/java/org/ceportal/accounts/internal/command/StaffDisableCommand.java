package org.ceportal.accounts.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.ceportal.accounts.internal.StaffConsole;

/** {@code ceportal:staff-disable ID}: 停用 (账号管理), as the page does it, audited with address {@code console}. */
@Service
@Command(scope = "ceportal", name = "staff-disable", description = "Disable a staff account (it cannot log in; its sessions end)")
public class StaffDisableCommand extends StaffActionCommand {
    @Override
    String act(StaffConsole staff, long id) {
        return staff.disable(id);
    }
}
