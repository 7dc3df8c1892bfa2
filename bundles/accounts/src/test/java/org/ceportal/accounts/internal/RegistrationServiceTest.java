package org.ceportal.accounts.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.ceportal.directory.api.Department;
import org.ceportal.directory.api.DirectoryService;
import org.ceportal.directory.api.EthnicGroup;
import org.ceportal.directory.api.ImportReport;
import org.ceportal.directory.api.Major;
import org.ceportal.directory.api.NewUnit;
import org.ceportal.directory.api.Region;
import org.ceportal.directory.api.Title;
import org.ceportal.directory.api.Unit;
import org.ceportal.platform.api.ItemList;
import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.internal.TestStores;
import org.junit.Before;
import org.junit.Test;

public class RegistrationServiceTest {
    /** A female teacher born 1990-03-07, valid check character. */
    static final String ID = withCheck("41030219900307124");
    private RegistrationService registrations;

    @Before
    public void setUp() {
        registrations = new RegistrationService(TestStores.migrated("accounts", AccountMapper.class), new Directory(),
                new PasswordPolicy(Set.of("12345678")), new PasswordHasher(1000),
                Clock.fixed(Instant.parse("2026-12-31T15:00:00Z"), ZoneOffset.UTC));
    }

    static String withCheck(String body) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * w[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    static RegistrationRequest valid() {
        RegistrationRequest r = new RegistrationRequest();
        r.idNumber = ID;
        r.password = "洛阳牡丹2026春";
        r.passwordConfirmation = r.password;
        r.mobile = "13803790000";
        r.email = "teacher@example.cn";
        r.regionCode = "410300";
        r.unitId = 7L;
        r.departmentId = 70L;
        r.name = "王芳";
        r.gender = "F";
        r.birthDate = "1990-03-07";
        r.ethnicGroup = "01";
        r.majorCode = "040107";
        return r;
    }

    @Test
    public void aValidRegistrationWaitsForApproval() {
        registrations.register(valid(), "127.0.0.1");
        Map<String, Object> status = registrations.status(ID, "洛阳牡丹2026春");
        assertEquals("pending", status.get("state"));
        assertEquals("注册信息正在等待所在单位管理员审核", status.get("message"));
    }

    @Test
    public void lowerCaseXAndBlanksInTheIdNumberAreTheSamePerson() {
        RegistrationRequest r = valid();
        r.idNumber = " " + ID.toLowerCase() + " ";
        registrations.register(r, null);
        assertEquals("pending", registrations.status(ID, "洛阳牡丹2026春").get("state"));
    }

    @Test
    public void statusNeedsTheRightPasswordAndSaysTheSameForUnknownPeople() {
        registrations.register(valid(), null);
        ProblemException wrong = problem(401, () -> registrations.status(ID, "wrong-password"));
        ProblemException unknown = problem(401, () -> registrations.status(withCheck("41030219800101001"), "whatever1"));
        assertEquals("账户或密码错误", wrong.getMessage());
        assertEquals(wrong.getMessage(), unknown.getMessage());
        assertEquals(wrong.code(), unknown.code());
    }

    @Test
    public void anIdNumberRegistersOnce() {
        registrations.register(valid(), null);
        RegistrationRequest again = valid();
        again.name = "李四";
        again.password = "另一个密码abc";
        again.passwordConfirmation = null;
        ProblemException e = problem(409, () -> registrations.register(again, null));
        assertEquals("idNumber", e.errors().get(0).field());
        assertTrue(!e.getMessage().contains("王芳"));
    }

    @Test
    public void everyBadFieldIsNamedAndNothingIsStored() {
        RegistrationRequest r = valid();
        r.mobile = "2380379000";
        r.email = "not-an-email";
        r.password = "12345678";
        r.passwordConfirmation = null;
        r.gender = "M";
        r.birthDate = "1990-03-08";
        r.unitId = 8L;
        r.majorCode = "0401";
        ProblemException e = problem(400, () -> registrations.register(r, null));
        Set<String> fields = e.errors().stream().map(f -> f.field()).collect(Collectors.toSet());
        assertEquals(Set.of("mobile", "email", "password", "gender", "birthDate", "unitId", "departmentId", "majorCode"), fields);
        problem(401, () -> registrations.status(ID, "12345678"));
    }

    @Test
    public void theIdNumberItselfIsChecked() {
        RegistrationRequest r = valid();
        r.idNumber = ID.substring(0, 17) + (ID.charAt(17) == '1' ? '2' : '1');
        ProblemException e = problem(400, () -> registrations.register(r, null));
        assertEquals("idNumber", e.errors().get(0).field());
    }

    @Test
    public void passwordsMustMatchAndNotBeTheMobileNumber() {
        RegistrationRequest r = valid();
        r.passwordConfirmation = "something else";
        assertEquals("passwordConfirmation", problem(400, () -> registrations.register(r, null)).errors().get(0).field());
        RegistrationRequest m = valid();
        m.password = m.mobile;
        m.passwordConfirmation = m.mobile;
        assertEquals("password", problem(400, () -> registrations.register(m, null)).errors().get(0).field());
    }

    private static ProblemException problem(int status, Runnable call) {
        try {
            call.run();
        } catch (ProblemException e) {
            assertEquals(e.getMessage() + " " + e.errors(), status, e.status());
            return e;
        }
        fail("expected " + status);
        return null;
    }

    /** Two units of Luoyang (7 has department 70) and one of Zhengzhou (8). */
    static final class Directory implements DirectoryService {
        @Override
        public Optional<Region> region(String code) {
            if (!Set.of("410300", "410100").contains(code)) {
                return Optional.empty();
            }
            Region r = new Region();
            r.code = code;
            return Optional.of(r);
        }

        @Override
        public Optional<Unit> unit(long id) {
            if (id != 7 && id != 8) {
                return Optional.empty();
            }
            Unit u = new Unit();
            u.id = id;
            u.regionCode = id == 7 ? "410300" : "410100";
            return Optional.of(u);
        }

        @Override
        public Optional<Department> department(long id) {
            if (id != 70) {
                return Optional.empty();
            }
            Department d = new Department();
            d.id = 70;
            d.unitId = 7;
            return Optional.of(d);
        }

        @Override
        public Optional<Major> major(String code) {
            Major m = new Major();
            m.code = code;
            m.leaf = code.length() >= 6;
            return Optional.of(m);
        }

        @Override
        public Optional<EthnicGroup> ethnicGroup(String code) {
            return "01".equals(code) ? Optional.of(new EthnicGroup()) : Optional.empty();
        }

        @Override
        public Optional<Title> title(String code) {
            return Optional.empty();
        }

        @Override
        public List<Region> regions() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<Unit> units(String regionCode, String query, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Department> departments(long unitId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Major> majorChildren(String parentCode) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ItemList<Major> searchMajors(String query, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Title> titles() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<EthnicGroup> ethnicGroups() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Unit addUnit(NewUnit unit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ImportReport importUnits(Reader csv) {
            throw new UnsupportedOperationException();
        }
    }
}
