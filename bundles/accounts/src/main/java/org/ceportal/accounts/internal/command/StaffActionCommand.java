package org.ceportal.accounts.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.ceportal.accounts.internal.AccountsComponent;
import org.ceportal.accounts.internal.StaffConsole;
import org.ceportal.platform.api.ProblemException;

/**
 * What the {@code ceportal:staff-*} commands on one account share: the account id, the console's 账号管理, the
 * line it answers or the problem described.
 */
abstract class StaffActionCommand implements Action {
    @Reference
    AccountsComponent accounts;

    @Argument(index = 0, name = "id", required = true, description = "The account id (see ceportal:staff)")
    long id;

    /** The action on the account; the line to print. */
    abstract String act(StaffConsole staff, long id);

    @Override
    public Object execute() {
        try {
            System.out.println(act(accounts.staffConsole(), id));
        } catch (ProblemException e) {
            System.err.println(e.describe());
        }
        return null;
    }
}
