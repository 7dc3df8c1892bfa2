package org.ceportal.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;

/** For tests running inside Karaf: a console command as an operator types it. */
final class Console {
    private Console() {
    }

    /** Runs the command with {@code input} as what is typed after it; answers everything it printed. */
    static String execute(SessionFactory shell, String command, String input) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = shell.create(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, out);
        PrintStream previousOut = System.out;
        PrintStream previousErr = System.err;
        try { // commands that print to System.out are captured too
            System.setOut(out);
            System.setErr(out);
            session.execute(command);
        } finally {
            System.setOut(previousOut);
            System.setErr(previousErr);
            session.close();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
