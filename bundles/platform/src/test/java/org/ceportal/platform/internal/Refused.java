package org.ceportal.platform.internal;

import org.ceportal.platform.api.ProblemException;

/** For the bundles' tests (in the platform's test-jar): what a refused call threw. */
public final class Refused {

    private Refused() {
    }

    /** The {@link ProblemException} the call threw; fails the test when it threw none. */
    public static ProblemException by(Runnable call) {
        try {
            call.run();
        } catch (ProblemException e) {
            return e;
        }
        throw new AssertionError("should have been refused");
    }
}
