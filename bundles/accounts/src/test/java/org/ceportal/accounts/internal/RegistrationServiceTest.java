package org.ceportal.accounts.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.time.Duration;
import java.util.function.BiPredicate;
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
import org.ceportal.platform.persistence.Store;
import org.junit.Before;
import org.junit.Test;

public class RegistrationServiceTest {
    /** A female teacher born 1990-03-07, valid check character. */
    static final String ID = withCheck("41030219900307124");
    static final String PASSWORD = "洛阳牡丹2026春";
    /** A captcha check that passes. */
    static final BiPredicate<String, String> OK = (id, answer) -> true;
    private RegistrationService registrations;
    private Store store;

    @Before
    public void setUp() {
        store = TestStores.migrated("accounts", AccountMapper.class);
        Clock clock = Clock.fixed(Instant.parse("2026-12-31T15:00:00Z"), ZoneOffset.UTC);
        PasswordHasher hasher = new PasswordHasher(1000);
        registrations = new RegistrationService(store, new Directory(), new PasswordPolicy(Set.of("12345678")), hasher,
                new Credentials(store, hasher, new LockoutPolicy(3, Duration.ofSeconds(60), Duration.ofSeconds(600)), clock),
                clock);
    }

    static RegistrationService.StatusRequest statusOf(String idNumber, String password) {
        RegistrationService.StatusRequest r = new RegistrationService.StatusRequest();
        r.idNumber = idNumber;
        r.password = password;
        r.captchaId = "c1";
        r.captchaAnswer = "1234";
        return r;
    }

    private RegistrationService.Status status(String idNumber, String password) {
        return registrations.status(statusOf(idNumber, password), "127.0.0.1", OK);
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
        r.captchaId = "c1";
        r.captchaAnswer = "1234";
        return r;
    }

    @Test
    public void aValidRegistrationWaitsForApproval() {
        registrations.register(valid(), "127.0.0.1", OK);
        RegistrationService.Status status = status(ID, PASSWORD);
        assertEquals("pending", status.state());
        assertEquals("待审核", status.stateName());
        assertEquals("注册信息正在等待所在单位管理员审核", status.message());
    }

    @Test
    public void lowerCaseXAndBlanksInTheIdNumberAreTheSamePerson() {
        RegistrationRequest r = valid();
        r.idNumber = " " + ID.toLowerCase() + " ";
        registrations.register(r, null, OK);
        assertEquals("pending", status(ID, PASSWORD).state());
    }

    @Test
    public void statusNeedsTheRightPasswordAndSaysTheSameForUnknownPeople() {
        registrations.register(valid(), null, OK);
        ProblemException wrong = problem(401, () -> status(ID, "wrong-password"));
        ProblemException unknown = problem(401, () -> status(withCheck("41030219800101001"), "whatever1"));
        assertEquals("账户或密码错误", wrong.getMessage());
        assertEquals(wrong.getMessage(), unknown.getMessage());
        assertEquals(wrong.code(), unknown.code());
    }

    @Test
    public void anIdNumberRegistersOnce() {
        registrations.register(valid(), null, OK);
        RegistrationRequest again = valid();
        again.name = "李四";
        again.password = "另一个密码abc";
        again.passwordConfirmation = null;
        ProblemException e = problem(409, () -> registrations.register(again, null, OK));
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
        ProblemException e = problem(400, () -> registrations.register(r, null, OK));
        Set<String> fields = e.errors().stream().map(f -> f.field()).collect(Collectors.toSet());
        assertEquals(Set.of("mobile", "email", "password", "gender", "birthDate", "unitId", "departmentId", "majorCode"), fields);
        problem(401, () -> status(ID, "12345678"));
    }

    @Test
    public void theIdNumberItselfIsChecked() {
        RegistrationRequest r = valid();
        r.idNumber = ID.substring(0, 17) + (ID.charAt(17) == '1' ? '2' : '1');
        ProblemException e = problem(400, () -> registrations.register(r, null, OK));
        assertEquals("idNumber", e.errors().get(0).field());
    }

    @Test
    public void passwordsMustMatchAndNotBeTheMobileNumber() {
        RegistrationRequest r = valid();
        r.passwordConfirmation = "something else";
        assertEquals("passwordConfirmation", problem(400, () -> registrations.register(r, null, OK)).errors().get(0).field());
        RegistrationRequest m = valid();
        m.password = m.mobile;
        m.passwordConfirmation = m.mobile;
        assertEquals("password", problem(400, () -> registrations.register(m, null, OK)).errors().get(0).field());
    }

    @Test
    public void aWrongCaptchaRegistersNothingAndFieldErrorsComeFirst() {
        ProblemException wrong = problem(400, () -> registrations.register(valid(), null, (id, a) -> false));
        assertEquals("captcha_invalid", wrong.code());
        problem(401, () -> status(ID, PASSWORD));
        // a form with field errors is answered without touching the captcha, so the page keeps it
        RegistrationRequest bad = valid();
        bad.mobile = "12";
        boolean[] asked = {false};
        problem(400, () -> registrations.register(bad, null, (id, a) -> asked[0] = true));
        assertTrue("the captcha was consumed for a form that was refused anyway", !asked[0]);
        RegistrationRequest none = valid();
        none.captchaAnswer = " ";
        assertEquals("captchaAnswer", problem(400, () -> registrations.register(none, null, OK)).errors().get(0).field());
    }

    @Test
    public void theStatusLookupCostsACaptchaAndTheLoginLockOut() {
        registrations.register(valid(), null, OK);
        ProblemException noCaptcha = problem(400, () -> registrations.status(statusOf(ID, PASSWORD), null, (id, a) -> false));
        assertEquals("captcha_invalid", noCaptcha.code());
        RegistrationService.StatusRequest empty = new RegistrationService.StatusRequest();
        assertEquals(3, problem(400, () -> registrations.status(empty, null, OK)).errors().size());
        // three wrong guesses (the test policy's free failures), then even the right password is refused
        for (int i = 0; i < 3; i++) {
            problem(401, () -> status(ID, "wrong-guess-" + Math.random()));
        }
        ProblemException locked = problem(429, () -> status(ID, PASSWORD));
        assertEquals("account_locked", locked.code());
        assertTrue(audits("status", "bad_credentials") >= 3);
        assertEquals(1, audits("status", "locked"));
    }

    @Test
    public void aRejectedIdNumberMayRegisterAgainAndTheRejectionStaysInTheHistory() throws Exception {
        registrations.register(valid(), null, OK);
        sql("UPDATE account SET state = 'rejected', reject_reason = '不是本人' WHERE role = 'PROFESSIONAL'");
        RegistrationRequest again = valid();
        again.name = "王芳芳";
        again.password = "真正的本人2026秋";
        again.passwordConfirmation = again.password;
        registrations.register(again, null, OK);
        assertEquals("pending", status(ID, "真正的本人2026秋").state());
        problem(401, () -> status(ID, PASSWORD));
        assertEquals(2, count("SELECT COUNT(*) FROM person WHERE id_number = '" + ID + "'"));
        assertEquals(1, count("SELECT COUNT(*) FROM account WHERE state = 'rejected' AND name = '王芳'"));
        // pending (or approved) still blocks a second registration
        problem(409, () -> registrations.register(valid(), null, OK));
    }

    @Test
    public void aNameErrorSaysWhatIsWrongWithIt() {
        RegistrationRequest emoji = valid();
        emoji.name = "王芳😀";
        assertEquals("姓名只能包含汉字、英文字母、间隔号「·」和空格，请删除其他字符（如表情、数字、符号）",
                problem(400, () -> registrations.register(emoji, null, OK)).errors().get(0).message());
        RegistrationRequest one = valid();
        one.name = "芳";
        assertEquals("姓名应为 2 到 30 个字，现在是 1 个字",
                problem(400, () -> registrations.register(one, null, OK)).errors().get(0).message());
    }

    @Test
    public void textIsCheckedTheWayTheDatabaseStoresIt() {
        String extB = new String(Character.toChars(0x20000)); // 𠀀: one character, two UTF-16 units
        RegistrationRequest rare = valid();
        rare.name = extB.repeat(30);
        assertEquals("name", problem(400, () -> registrations.register(rare, null, OK)).errors().get(0).field());
        RegistrationRequest place = valid();
        place.nativePlace = extB.repeat(26);
        assertEquals("nativePlace", problem(400, () -> registrations.register(place, null, OK)).errors().get(0).field());
        RegistrationRequest bidi = valid();
        bidi.school = "北京\u202E学大";
        assertEquals("school", problem(400, () -> registrations.register(bidi, null, OK)).errors().get(0).field());
        RegistrationRequest tab = valid();
        tab.name = "王\t芳";
        assertEquals("name", problem(400, () -> registrations.register(tab, null, OK)).errors().get(0).field());
        RegistrationRequest huge = valid();
        huge.email = "a.".repeat(15_000) + "@example.cn";
        assertEquals("email", problem(400, () -> registrations.register(huge, null, OK)).errors().get(0).field());
        // a name of rare characters that fits is fine
        RegistrationRequest fits = valid();
        fits.name = "王" + extB;
        registrations.register(fits, null, OK);
    }

    private void sql(String statement) throws Exception {
        try (org.apache.ibatis.session.SqlSession s = store.session()) {
            s.getConnection().createStatement().executeUpdate(statement);
            s.commit();
        }
    }

    private int count(String query) throws Exception {
        try (org.apache.ibatis.session.SqlSession s = store.session();
                java.sql.ResultSet rs = s.getConnection().createStatement().executeQuery(query)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private int audits(String action, String outcome) {
        try {
            return count("SELECT COUNT(*) FROM audit_log WHERE action = '" + action + "' AND outcome = '" + outcome + "'");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
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

        @Override
        public Page<Unit> searchUnits(String regionCode, String query, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Unit updateUnit(long id, NewUnit unit) {
            throw new UnsupportedOperationException();
        }
    }
}
