package org.ceportal.declarations.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.osgi.annotation.versioning.ProviderType;

/** What the yearly completion and the reports read: approved declarations and what still waits. */
@ProviderType
public interface DeclarationRecords {

    /** The person's approved declarations, by 计入年度 then decision time. */
    List<CountedDeclaration> approved(long ownerId);

    /** The hours (or credits, by kind HOURS/CREDITS) of the person's declarations waiting for review, by year. */
    Map<Integer, Map<String, BigDecimal>> pendingByYear(long ownerId);

    /** The earliest 计入年度 of any of the person's declarations, or {@code null}. */
    Integer firstYear(long ownerId);

    /**
     * The approved declarations of a unit's people counted in a year, by owner (for the unit's
     * report: one read for the whole unit instead of one per person).
     *
     * @since 1.2
     */
    Map<Long, List<CountedDeclaration>> approvedInUnit(long unitId, int year);

    /**
     * How many of the unit's declarations wait for its review (待审核).
     *
     * @since 1.2
     */
    int waitingInUnit(long unitId);

    /**
     * Every approved declaration counted in {@code year}, one person at a time in the order of
     * their account ids, read from an open cursor: the memory used does not grow with the
     * province. For tallies: the amounts, kinds, categories, forms and caps are there, each
     * declaration's {@code formName} and {@code title} are null (read from an index alone, the
     * table's rows are never visited). The stream holds a database connection until it is closed
     * (use try-with-resources).
     *
     * @since 1.3
     */
    Stream<OwnerApprovals> approvedInYear(int year);

    /**
     * What was declared for {@code year} across the province, by month and by learning form.
     *
     * @since 1.3
     */
    YearActivity activity(int year);
}
