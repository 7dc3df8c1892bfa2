package org.ceportal.accounts.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.accounts.api.People;
import org.ceportal.accounts.api.Person;
import org.ceportal.directory.api.DirectoryService;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.api.Texts;
import org.ceportal.platform.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link People} from the account and person tables, names from the directory. */
@Component(service = People.class)
public final class PeopleComponent implements People {
    private static final int MAX_QUERY = 50;
    /** ID numbers per query of {@link #approvedByIdNumber}. */
    private static final int PROBE_BATCH = 100;
    /** Whose today decides that a birth date is not in the future. */
    private static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");

    private final Store store;
    private final DirectoryService directory;

    @Activate
    public PeopleComponent(@Reference AccountsComponent accounts, @Reference DirectoryService directory) {
        this.store = accounts.store();
        this.directory = directory;
    }

    @Override
    public Optional<Person> person(long accountId) {
        return Optional.ofNullable(people(List.of(accountId)).get(accountId));
    }

    @Override
    public Map<Long, Person> people(Collection<Long> accountIds) {
        Map<Long, Person> out = new LinkedHashMap<>();
        if (accountIds.isEmpty()) {
            return out;
        }
        if (accountIds.size() > MAX_IDS) {
            throw new IllegalArgumentException("at most " + MAX_IDS + " ids");
        }
        List<PersonView> rows;
        try (SqlSession s = store.session()) {
            rows = s.getMapper(AccountMapper.class).people(List.copyOf(accountIds));
        }
        Names names = new Names(directory);
        for (PersonView v : rows) {
            out.put(v.accountId, names.person(v));
        }
        return out;
    }

    @Override
    public List<Long> matching(Long unitId, String q, Long departmentId, int limit) {
        String query = q == null || q.isBlank() ? null : q.strip();
        if (query == null && departmentId == null) {
            throw new IllegalArgumentException("a query or a department is needed");
        }
        if (query != null && query.length() > MAX_QUERY) {
            throw ProblemException.invalid("q", "搜索关键字不能超过 " + MAX_QUERY + " 个字");
        }
        String pattern = query == null ? null : Texts.containsPattern(query);
        try (SqlSession s = store.session()) {
            return s.getMapper(AccountMapper.class).matchingPeople(unitId, pattern,
                    query == null ? null : query.toUpperCase(java.util.Locale.ROOT), departmentId,
                    Math.max(1, Math.min(MAX_IDS, limit)));
        }
    }

    @Override
    public Optional<String> nameOf(long accountId) {
        try (SqlSession s = store.session()) {
            return Optional.ofNullable(s.getMapper(AccountMapper.class).nameOf(accountId));
        }
    }

    @Override
    public Map<String, Person> approvedByIdNumber(Collection<String> idNumbers) {
        Map<String, Person> out = new LinkedHashMap<>();
        if (idNumbers.isEmpty()) {
            return out;
        }
        if (idNumbers.size() > MAX_IDS) {
            throw new IllegalArgumentException("at most " + MAX_IDS + " ID numbers");
        }
        List<String> all = List.copyOf(idNumbers);
        Names names = new Names(directory);
        try (SqlSession s = store.session()) {
            AccountMapper m = s.getMapper(AccountMapper.class);
            for (int from = 0; from < all.size(); from += PROBE_BATCH) { // short IN lists: one index probe each
                for (PersonView v : m.approvedByIdNumber(all.subList(from, Math.min(all.size(), from + PROBE_BATCH)))) {
                    out.put(v.idNumber, names.person(v));
                }
            }
        }
        return out;
    }

    @Override
    public IdNumberCheck checkIdNumber(String raw) {
        String id = IdNumbers.normalise(raw);
        return IdNumbers.problem(id, java.time.LocalDate.now(CHINA)).map(p -> new IdNumberCheck(null, p))
                .orElseGet(() -> new IdNumberCheck(id, null));
    }

    /** The person of a row, with the names of their unit, department and title. */
    static Person person(PersonView v, DirectoryService directory) {
        return new Names(directory).person(v);
    }

    /** The directory's names of units, departments and titles, each looked up once (many people share them). */
    static final class Names {
        private final DirectoryService directory;
        private final Map<Long, Optional<String>> units = new java.util.HashMap<>();
        private final Map<Long, Optional<String>> departments = new java.util.HashMap<>();
        private final Map<String, Optional<String>> titles = new java.util.HashMap<>();

        Names(DirectoryService directory) {
            this.directory = directory;
        }

        Person person(PersonView v) {
            return new Person(v.accountId, v.name, v.idNumber, v.unitId,
                    v.unitId == null ? null : units.computeIfAbsent(v.unitId, id -> directory.unit(id).map(u -> u.name))
                            .orElse(null),
                    v.departmentId,
                    v.departmentId == null ? null : departments.computeIfAbsent(v.departmentId,
                            id -> directory.department(id).map(d -> d.name)).orElse(null),
                    v.titleCode, v.titleCode == null ? null : titles.computeIfAbsent(v.titleCode,
                            code -> directory.title(code).map(t -> t.name)).orElse(null));
        }
    }
}
