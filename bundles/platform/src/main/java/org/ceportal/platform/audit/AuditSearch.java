package org.ceportal.platform.audit;

import java.time.Instant;
import java.util.List;

import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/** Reads the audit trail back: newest first, by unit, person, action and time. */
@ProviderType
public interface AuditSearch {

    /**
     * What to look for; every filter optional.
     *
     * @param unitId only records of accounts of this unit (a unit admin's view); {@code null} for all
     * @param person part of the acting account's name, or its whole login (a professional's ID number)
     * @param action an action code, e.g. {@code declaration_decision}
     * @param from   records at or after this instant
     * @param to     records before this instant
     */
    record Query(Long unitId, String person, String action, Instant from, Instant to) {
    }

    /**
     * One record.
     *
     * @param at         when
     * @param actorId    who acted, or {@code null} (anonymous, console)
     * @param actorName  their name
     * @param actorLogin their login (a professional's ID number)
     * @param action     what was done, e.g. {@code declaration_decision}
     * @param actionName its zh-CN name, e.g. 申报审核
     * @param subject    what it was done to, e.g. {@code declaration:42 training 2026 16}
     * @param outcome    e.g. {@code approved}
     * @param outcomeName its zh-CN name, e.g. 通过 (the code when there is none)
     * @param address    the client address
     */
    record Entry(long id, Instant at, Long actorId, String actorName, String actorLogin, String action, String actionName,
                 String subject, String outcome, String outcomeName, String address) {
    }

    /** An action code and its zh-CN name, for a filter. */
    record Action(String action, String name) {
    }

    Page<Entry> search(Query query, PageRequest page);

    /** The actions with their names, for the filter's choices. */
    List<Action> actions();
}
