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
        for (PersonView v : rows) {
            out.put(v.accountId, person(v));
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

    private Person person(PersonView v) {
        return new Person(v.accountId, v.name, v.idNumber, v.unitId,
                v.unitId == null ? null : directory.unit(v.unitId).map(u -> u.name).orElse(null), v.departmentId,
                v.departmentId == null ? null : directory.department(v.departmentId).map(d -> d.name).orElse(null),
                v.titleCode, v.titleCode == null ? null : directory.title(v.titleCode).map(t -> t.name).orElse(null));
    }
}
