package org.ceportal.accounts.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.ceportal.accounts.internal.StaffConsole;

/** {@code ceportal:staff-unlock ID}: 解锁 (账号管理), as the page does it, audited with address {@code console}. */
@Service
@Command(scope = "ceportal", name = "staff-unlock", description = "Lift the lock-out of a staff account locked by wrong passwords")
public class StaffUnlockCommand extends StaffActionCommand {
    @Override
    String act(StaffConsole staff, long id) {
        return staff.unlock(id);
    }
}
