package org.ceportal.directory.internal.command;

import org.ceportal.platform.api.FieldError;
import org.ceportal.platform.api.ProblemException;

/** Prints a problem for the console. */
final class Problems {
    private Problems() {
    }

    static String describe(ProblemException e) {
        StringBuilder out = new StringBuilder(e.getMessage());
        for (FieldError f : e.errors()) {
            if (!f.message().equals(e.getMessage())) {
                out.append(System.lineSeparator()).append("  ").append(f.field()).append(": ").append(f.message());
            }
        }
        return out.toString();
    }
}
