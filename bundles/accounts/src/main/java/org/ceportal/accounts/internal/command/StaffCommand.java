package org.ceportal.accounts.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.ceportal.accounts.internal.AccountsComponent;
import org.ceportal.platform.api.ProblemException;

/** {@code ceportal:staff [QUERY]}: the staff accounts (账号管理), with their ids for the other staff commands. */
@Service
@Command(scope = "ceportal", name = "staff", description = "List staff accounts (unit admins, base admins, ops), matching a login or name")
public class StaffCommand implements Action {
    @Reference
    AccountsComponent accounts;

    @Argument(index = 0, name = "query", description = "Part of a login or name")
    String query;

    @Override
    public Object execute() {
        try {
            accounts.staffConsole().list(query).forEach(System.out::println);
        } catch (ProblemException e) {
            System.err.println(e.describe());
        }
        return null;
    }
}
