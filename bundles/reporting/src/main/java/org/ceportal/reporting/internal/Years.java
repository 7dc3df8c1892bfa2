package org.ceportal.reporting.internal;

import org.ceportal.platform.api.ProblemException;

/** A year as a path or body gives it. */
final class Years {
    private Years() {
    }

    /** @return the year, or -1 (no one's year) when it is not a number */
    static int parse(String year) {
        try {
            return year == null ? -1 : Integer.parseInt(year.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static ProblemException notFound() {
        return ProblemException.notFound("year_not_found", "没有该年度的记录");
    }
}
