package org.ceportal.profile.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ceportal.accounts.api.People;
import org.ceportal.accounts.api.Person;
import org.ceportal.accounts.api.Profile;
import org.ceportal.accounts.api.ProfileEdit;
import org.ceportal.accounts.api.Profiles;
import org.ceportal.attachments.api.Attachment;
import org.ceportal.attachments.api.AttachmentService;
import org.ceportal.directory.api.DirectoryService;
import org.ceportal.directory.api.Title;
import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.internal.TestClock;
import org.ceportal.platform.internal.Refused;
import org.ceportal.platform.internal.TestStores;
import org.ceportal.platform.persistence.Store;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.ceportal.review.spi.Decision;
import org.junit.Before;
import org.junit.Test;

/** 用户资料管理 and 职称变更审核 over a real (in-memory Derby) profile store and in-memory accounts. */
public class ProfileEditingTest {
    private static final Caller WANG = new Caller(11, "王芳", Role.PROFESSIONAL, 7L);
    private static final Caller ADMIN = new Caller(100, "李主任", Role.UNIT_ADMIN, 7L);
    private static final Caller OTHER_ADMIN = new Caller(101, "张主任", Role.UNIT_ADMIN, 8L);

    /** The accounts' side, in memory: one professional. */
    static final class FakeProfiles implements Profiles {
        Profile wang = new Profile(11, "410302198701010021", "王芳", "F", "女", "1987-01-01", "13837900001", "wang@example.cn",
                "410300", "洛阳市", 7L, "洛阳市第一高级中学", null, null, "01", "汉族", null, null, null, null, "T1", "中学二级教师", 0,
                "2026-01-05");

        @Override
        public Optional<Profile> profile(long accountId) {
            return accountId == 11 ? Optional.of(wang) : Optional.empty();
        }

        @Override
        public synchronized Profile update(long accountId, int version, ProfileEdit e) {
            if (version != wang.version()) {
                throw ProblemException.conflict("stale_version", "stale");
            }
            wang = new Profile(11, wang.idNumber(), wang.name(), wang.gender(), wang.genderName(), wang.birthDate(), e.mobile(),
                    e.email(), wang.regionCode(), wang.regionName(), wang.unitId(), wang.unitName(), e.departmentId(), null,
                    e.ethnicGroup(), wang.ethnicGroupName(), e.nativePlace(), e.school(), e.majorCode(), null, wang.titleCode(),
                    wang.titleName(), wang.version() + 1, wang.registeredOn());
            return wang;
        }

        @Override
        public synchronized void setTitle(long accountId, String titleCode) {
            wang = new Profile(11, wang.idNumber(), wang.name(), wang.gender(), wang.genderName(), wang.birthDate(),
                    wang.mobile(), wang.email(), wang.regionCode(), wang.regionName(), wang.unitId(), wang.unitName(),
                    wang.departmentId(), wang.departmentName(), wang.ethnicGroup(), wang.ethnicGroupName(), wang.nativePlace(),
                    wang.school(), wang.majorCode(), wang.majorName(), titleCode, "T2".equals(titleCode) ? "中学一级教师" : null,
                    wang.version() + 1, wang.registeredOn());
        }

        @Override
        public Page<Person> ofUnit(long unitId, String q, Long departmentId, String titleCode, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void eachProfessional(java.util.function.Consumer<org.ceportal.accounts.api.Professional> each) {
            throw new UnsupportedOperationException();
        }
    }

    static final class FakePeople implements People {
        @Override
        public Optional<Person> person(long accountId) {
            return accountId == 11 ? Optional.of(new Person(11, "王芳", "410302198701010021", 7L, "一中", null, null, "T1", "中学二级教师"))
                    : Optional.empty();
        }

        @Override
        public Map<Long, Person> people(Collection<Long> accountIds) {
            Map<Long, Person> out = new HashMap<>();
            accountIds.forEach(id -> person(id).ifPresent(p -> out.put(id, p)));
            return out;
        }

        @Override
        public List<Long> matching(Long unitId, String q, Long departmentId, int limit) {
            return q.contains("王") ? List.of(11L) : List.of();
        }

        @Override
        public Optional<String> nameOf(long accountId) {
            return Optional.ofNullable(Map.of(11L, "王芳", 100L, "李主任").get(accountId));
        }

        @Override
        public Map<String, Person> approvedByIdNumber(java.util.Collection<String> idNumbers) {
            return Map.of();
        }

        @Override
        public IdNumberCheck checkIdNumber(String raw) {
            return new IdNumberCheck(raw, null);
        }
    }

    private FakeProfiles profiles;
    private ProfileEditing editing;
    private TitleChanges titles;
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<String> linked = new CopyOnWriteArrayList<>();

    @Before
    public void setUp() {
        Store store = TestStores.migrated("profile", ProfileMapper.class);
        profiles = new FakeProfiles();
        DirectoryService directory = (DirectoryService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DirectoryService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("title")) {
                        if (!List.of("T1", "T2").contains(args[0])) {
                            return Optional.empty();
                        }
                        Title t = new Title();
                        t.code = (String) args[0];
                        t.name = "T2".equals(args[0]) ? "中学一级教师" : "中学二级教师";
                        return Optional.of(t);
                    }
                    return Optional.empty();
                });
        TestClock clock = new TestClock(Instant.parse("2026-12-31T15:00:00Z"));
        ProfileEditing.Audit audit = (actor, action, subject, outcome, address) -> { };
        FakePeople people = new FakePeople();
        // the certificate's scan: linked by subject, as the attachments bundle does
        AttachmentService files = (AttachmentService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AttachmentService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "linkToSubject" -> {
                        linked.add(args[2] + "=" + args[1]);
                        yield null;
                    }
                    case "ofSubject" -> linked.stream().filter(l -> l.startsWith(args[0] + "=")).map(l -> new Attachment(
                            Long.parseLong(l.substring(l.indexOf('=') + 1)), 11, null, "证书.pdf", "application/pdf", 100, "ab",
                            Instant.EPOCH, true)).toList();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        editing = new ProfileEditing(store, profiles, directory, files, audit, id -> people.nameOf(id).orElse(null),
                java.time.ZoneId.of("Asia/Shanghai"), clock);
        titles = new TitleChanges(store, profiles, people, files, (a, t, b, l) -> sent.add(a + " " + t + " " + b), audit,
                java.time.ZoneId.of("Asia/Shanghai"), clock);
    }

    private ProfileRequest request() {
        Profile p = profiles.wang;
        ProfileRequest r = new ProfileRequest();
        r.version = p.version();
        r.mobile = p.mobile();
        r.email = p.email();
        r.ethnicGroup = p.ethnicGroup();
        r.titleCode = p.titleCode();
        return r;
    }


    @Test
    public void lockedFieldsAreRefusedOneByOneAndNothingChanges() {
        ProfileRequest r = request();
        r.name = "王芳芳";
        r.idNumber = "410302198701010030";
        r.unitId = 8L;
        r.birthDate = "1987-01-01"; // the same: fine
        r.mobile = "13900000000";
        ProblemException e = Refused.by(() -> editing.save(WANG, r, null));
        assertEquals(List.of("idNumber", "name", "unitId"), e.errors().stream().map(x -> x.field()).toList());
        assertTrue(e.errors().get(1).message().contains("注册后不能修改"));
        assertEquals("13837900001", profiles.wang.mobile());
        assertEquals(0, editing.changes(WANG, new PageRequest(0, 20)).getTotal());
    }

    @Test
    public void aChangedMobileIsInForceAndInTheHistoryAndNothingChangedIsNoRow() {
        ProfileRequest r = request();
        r.mobile = "13900000000";
        ProfileEditing.Saved saved = editing.save(WANG, r, null);
        assertFalse(saved.submitted());
        assertEquals("资料已保存", saved.view().message());
        assertEquals("13900000000", saved.view().profile().mobile());
        List<ProfileEditing.Change> history = editing.changes(WANG, new PageRequest(0, 20)).getItems();
        assertEquals(1, history.size());
        assertEquals("手机号码", history.get(0).fieldName());
        assertEquals("13837900001", history.get(0).oldValue());
        assertEquals("13900000000", history.get(0).newValue());
        assertEquals("生效", history.get(0).stateName());

        assertEquals("没有修改任何信息", editing.save(WANG, request(), null).view().message());
        assertEquals(1, editing.changes(WANG, new PageRequest(0, 20)).getTotal());
        ProfileRequest stale = request();
        stale.version = 0;
        stale.mobile = "13911111111";
        assertEquals("stale_version", Refused.by(() -> editing.save(WANG, stale, null)).code());
    }

    @Test
    public void aNewTitleWaitsForTheUnitAdminAndOnlyThenIsInForce() {
        ProfileRequest r = request();
        r.titleCode = "T2";
        assertEquals("titleObtainedOn", Refused.by(() -> editing.save(WANG, r, null)).errors().get(0).field());
        r.titleObtainedOn = "2026-09-01";
        r.titleCertificateId = 77L;
        ProfileEditing.Saved saved = editing.save(WANG, r, null);
        assertEquals(77L, saved.view().pendingTitleChange().certificate().id());
        assertTrue(saved.submitted());
        assertEquals("信息已经提交审核", saved.view().message());
        assertEquals("T1", saved.view().profile().titleCode()); // the old title stays in force
        assertEquals("中学一级教师", saved.view().pendingTitleChange().titleName());
        assertEquals("title_change_pending", Refused.by(() -> editing.save(WANG, r, null)).code());

        editing.withdraw(WANG, null);
        assertNull(editing.view(WANG, null).pendingTitleChange());
        assertEquals("no_pending_title_change", Refused.by(() -> editing.withdraw(WANG, null)).code());
        editing.save(WANG, r, null);

        TitleChanges.Request waiting = titles.list(ADMIN, "pending", null, new PageRequest(0, 20)).getItems().get(0);
        assertEquals("中学二级教师", waiting.oldTitleName());
        assertEquals("中学一级教师", waiting.newTitleName());
        assertEquals(1, titles.pending(ADMIN).count());
        assertEquals(404, Refused.by(() -> titles.get(OTHER_ADMIN, waiting.id())).status());
        assertEquals(404, Refused.by(() -> titles.decide(OTHER_ADMIN, waiting.id(), new Decision("approve", null, null, null), null))
                .status());
        assertEquals(403, Refused.by(() -> titles.list(WANG, null, null, new PageRequest(0, 20))).status());

        titles.decide(ADMIN, waiting.id(), new Decision("approve", null, null, waiting.version()), null);
        assertEquals("T2", profiles.wang.titleCode());
        assertEquals("already_decided", Refused.by(() -> titles.decide(ADMIN, waiting.id(),
                new Decision("reject", null, "晚了", null), null)).code());
        List<ProfileEditing.Change> history = editing.changes(WANG, new PageRequest(0, 20)).getItems();
        assertEquals(List.of("生效", "已撤回"), history.stream().map(ProfileEditing.Change::stateName).toList());
        assertEquals("李主任", history.get(0).decidedByName());
        assertTrue(sent.get(0), sent.get(0).startsWith("11 您的职称变更已审核通过"));
    }

    @Test
    public void aRejectedTitleChangeShowsTheReason() {
        ProfileRequest r = request();
        r.titleCode = "T2";
        r.titleObtainedOn = "2026-09-01";
        editing.save(WANG, r, null);
        long id = titles.list(ADMIN, null, "王", new PageRequest(0, 20)).getItems().get(0).id();
        assertEquals("reason", Refused.by(() -> titles.decide(ADMIN, id, new Decision("reject", null, null, null), null))
                .errors().get(0).field());
        titles.decide(ADMIN, id, new Decision("reject", null, "请上传聘任文件", null), null);
        ProfileEditing.Change c = editing.changes(WANG, new PageRequest(0, 20)).getItems().get(0);
        assertEquals("未通过", c.stateName());
        assertEquals("请上传聘任文件", c.reason());
        assertEquals("T1", profiles.wang.titleCode());
        assertEquals(0, titles.list(ADMIN, null, "张", new PageRequest(0, 20)).getTotal());
        assertEquals(new ArrayList<>(List.of()), new ArrayList<>(titles.list(OTHER_ADMIN, null, null, new PageRequest(0, 20)).getItems()));
    }
}
