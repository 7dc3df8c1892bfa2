package org.ceportal.accounts.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.ceportal.accounts.internal.AccountsComponent;
import org.ceportal.platform.api.FieldError;
import org.ceportal.platform.api.ProblemException;

/**
 * {@code ceportal:account-create --role OPS|UNIT_ADMIN [--unit ID] --name NAME LOGIN}:
 * creates a provincial ops or unit admin account. The password is asked twice and
 * never echoed; there is no default account and no default password.
 */
@Service
@Command(scope = "ceportal", name = "account-create", description = "Create an ops or unit admin account (asks for the password)")
public class AccountCreateCommand implements Action {

    @Reference
    AccountsComponent accounts;

    @Reference
    Session session;

    @Option(name = "-r", aliases = "--role", required = true, description = "OPS or UNIT_ADMIN")
    String role;

    @Option(name = "-u", aliases = "--unit", description = "The unit id a unit admin administers (see ceportal:units)")
    Long unit;

    @Option(name = "-n", aliases = "--name", required = true, description = "The person's name")
    String name;

    @Argument(index = 0, name = "login", required = true, description = "The account name used to log in")
    String login;

    @Override
    public Object execute() throws Exception {
        String password = readSecret("Password: ");
        String again = readSecret("Password again: ");
        if (password == null || !password.equals(again)) {
            System.err.println("两次输入的密码不一致");
            return null;
        }
        try {
            long id = accounts.staff().create(role, login, name, unit, password, null);
            System.out.println("Created account " + id + " (" + login.strip() + ")");
        } catch (ProblemException e) {
            System.err.println(e.getMessage());
            for (FieldError f : e.errors()) {
                System.err.println("  " + f.field() + ": " + f.message());
            }
        }
        return null;
    }

    /**
     * Reads a line without echo on a console; a headless session (a script piping the
     * password in, or a test) has no line editor, so it reads the session's input.
     */
    private String readSecret(String prompt) throws java.io.IOException {
        try {
            return session.readLine(prompt, '*');
        } catch (UnsupportedOperationException headless) {
            if (stdin == null) {
                stdin = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
            }
            return stdin.readLine();
        }
    }

    private java.io.BufferedReader stdin;
}
