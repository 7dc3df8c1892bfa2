package org.ceportal.accounts.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.accounts.api.Person;
import org.ceportal.accounts.api.Professional;
import org.ceportal.accounts.api.Profile;
import org.ceportal.accounts.api.ProfileEdit;
import org.ceportal.accounts.api.Profiles;
import org.ceportal.directory.api.DirectoryService;
import org.ceportal.platform.api.FieldError;
import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.api.Texts;
import org.ceportal.platform.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link Profiles} over the account and person tables; the checks are the registration's. */
@Component(service = Profiles.class)
public final class ProfilesComponent implements Profiles {
    private static final int MAX_QUERY = 50;

    private final Store store;
    private final DirectoryService directory;
    private final RegistrationRules rules;

    @Activate
    public ProfilesComponent(@Reference AccountsComponent accounts, @Reference DirectoryService directory) {
        this.store = accounts.store();
        this.directory = directory;
        this.rules = accounts.registrations().rules();
    }

    @Override
    public Optional<Profile> profile(long accountId) {
        try (SqlSession s = store.session()) {
            return Optional.ofNullable(s.getMapper(AccountMapper.class).profileRow(accountId)).map(this::profile);
        }
    }

    @Override
    public Profile update(long accountId, int version, ProfileEdit e) {
        Profile current = profile(accountId).orElseThrow(() -> ProblemException.notFound("profile_not_found", "未找到该人员"));
        List<FieldError> errors = new ArrayList<>();
        rules.editable(e.mobile(), e.email(), current.unitId(), e.departmentId(), e.ethnicGroup(), e.nativePlace(), e.school(),
                e.majorCode(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return store.inTransaction(s -> {
            AccountMapper m = s.getMapper(AccountMapper.class);
            if (m.updateProfile(accountId, version, strip(e.mobile()), strip(e.email()), e.departmentId(),
                    strip(e.ethnicGroup()), blankToNull(e.nativePlace()), blankToNull(e.school()),
                    blankToNull(e.majorCode())) != 1) {
                throw ProblemException.conflict("stale_version", "个人资料已在其他页面被修改，请刷新后再保存");
            }
            return profile(m.profileRow(accountId));
        });
    }

    @Override
    public void setTitle(long accountId, String titleCode) {
        String code = blankToNull(titleCode);
        if (code != null && directory.title(code).isEmpty()) {
            throw ProblemException.invalid("titleCode", "请从列表中选择专业技术职务");
        }
        store.inTransaction(s -> {
            if (s.getMapper(AccountMapper.class).setTitle(accountId, code) != 1) {
                throw ProblemException.notFound("profile_not_found", "未找到该人员");
            }
            return null;
        });
    }

    @Override
    public Page<Person> ofUnit(long unitId, String q, Long departmentId, String titleCode, PageRequest page) {
        String query = q == null || q.isBlank() ? null : q.strip();
        if (query != null && query.length() > MAX_QUERY) {
            throw ProblemException.invalid("q", "搜索关键字不能超过 " + MAX_QUERY + " 个字");
        }
        String pattern = query == null ? null : Texts.containsPattern(query);
        String idNumber = query == null ? null : query.toUpperCase(Locale.ROOT);
        String title = blankToNull(titleCode);
        try (SqlSession s = store.session()) {
            AccountMapper m = s.getMapper(AccountMapper.class);
            int total = m.countUnitPeople(unitId, pattern, idNumber, departmentId, title);
            Names names = new Names();
            List<Person> items = m.unitPeople(unitId, pattern, idNumber, departmentId, title, page.offset(), page.size())
                    .stream().map(names::person).toList();
            return new Page<>(items, total, page);
        }
    }

    @Override
    public void eachProfessional(Consumer<Professional> each) {
        try (SqlSession s = store.session()) {
            s.getMapper(AccountMapper.class).professionals(context -> {
                PersonView v = context.getResultObject();
                each.accept(new Professional(v.accountId, v.name, v.unitId, v.departmentId, v.titleCode));
            });
        }
    }

    /** The directory's names of one page's units and departments, each looked up once (a unit's page has one unit). */
    private final class Names {
        private final Map<Long, String> units = new HashMap<>();
        private final Map<Long, String> departments = new HashMap<>();

        Person person(PersonView v) {
            return new Person(v.accountId, v.name, v.idNumber, v.unitId,
                    v.unitId == null ? null
                            : units.computeIfAbsent(v.unitId, id -> directory.unit(id).map(u -> u.name).orElse(null)),
                    v.departmentId,
                    v.departmentId == null ? null
                            : departments.computeIfAbsent(v.departmentId,
                                    id -> directory.department(id).map(d -> d.name).orElse(null)),
                    v.titleCode, v.titleCode == null ? null : directory.title(v.titleCode).map(t -> t.name).orElse(null));
        }
    }

    private Profile profile(RegistrationRow r) {
        return new Profile(r.id, r.idNumber, r.name, r.gender, "M".equals(r.gender) ? "男" : "女",
                r.birthDate == null ? null : r.birthDate.toLocalDate().toString(), r.mobile, r.email, r.regionCode,
                directory.region(r.regionCode).map(x -> x.name).orElse(null), r.unitId,
                r.unitId == null ? null : directory.unit(r.unitId).map(u -> u.name).orElse(null), r.departmentId,
                r.departmentId == null ? null : directory.department(r.departmentId).map(d -> d.name).orElse(null),
                r.ethnicGroup, directory.ethnicGroup(r.ethnicGroup).map(x -> x.name).orElse(null), r.nativePlace, r.school,
                r.majorCode, r.majorCode == null ? null : directory.major(r.majorCode).map(x -> x.name).orElse(null),
                r.titleCode, r.titleCode == null ? null : directory.title(r.titleCode).map(x -> x.name).orElse(null),
                r.profileVersion, r.createdAt == null ? null
                        : r.createdAt.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
