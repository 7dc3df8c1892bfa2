package org.ceportal.accounts.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.ceportal.accounts.internal.AccountsComponent;
import org.ceportal.platform.api.ProblemException;

/** {@code ceportal:staff-enable ID}: 启用 (账号管理), as the page does it, audited with address {@code console}. */
@Service
@Command(scope = "ceportal", name = "staff-enable", description = "Enable a disabled staff account again")
public class StaffEnableCommand implements Action {
    @Reference
    AccountsComponent accounts;

    @Argument(index = 0, name = "id", required = true, description = "The account id (see ceportal:staff)")
    long id;

    @Override
    public Object execute() {
        try {
            System.out.println(accounts.staffConsole().enable(id));
        } catch (ProblemException e) {
            System.err.println(e.describe());
        }
        return null;
    }
}
