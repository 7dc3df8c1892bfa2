package org.ceportal.bases.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ceportal.directory.api.DirectoryService;
import org.ceportal.directory.api.Region;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.internal.Refused;
import org.ceportal.platform.internal.TestStores;
import org.junit.Before;
import org.junit.Test;

/** 基地管理: what ops may enter, one base per accreditation number, and where an accreditation stands. */
public class BasesTest {
    private final List<String> audited = new ArrayList<>();
    private Bases bases;

    @Before
    public void setUp() {
        DirectoryService directory = (DirectoryService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DirectoryService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("region")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    if (!"410300".equals(args[0])) {
                        return Optional.empty();
                    }
                    Region r = new Region();
                    r.code = "410300";
                    r.name = "洛阳市";
                    return Optional.of(r);
                });
        // 23:30 on 31 December 2026 in China
        Clock clock = Clock.fixed(Instant.parse("2026-12-31T15:30:00Z"), ZoneOffset.UTC);
        bases = new Bases(TestStores.migrated("bases", BaseMapper.class), directory,
                (actor, action, subject, outcome, address) -> audited.add(actor + " " + action + " " + subject),
                ZoneId.of("Asia/Shanghai"), clock);
    }

    private static Bases.Edit edit(String name, String no, String from, String to) {
        Bases.Edit e = new Bases.Edit();
        e.name = name;
        e.regionCode = "410300";
        e.accreditationNo = no;
        e.validFrom = from;
        e.validTo = to;
        return e;
    }

    @Test
    public void aBaseIsAddedFoundAndAudited() {
        Bases.Base b = bases.create(1, "127.0.0.1", edit(" 洛阳师范学院继续教育基地 ", "豫继教基〔2024〕3号", "2024-01-01", "2026-12-31"));
        assertEquals("洛阳师范学院继续教育基地", b.name());
        assertEquals("洛阳市", b.regionName());
        assertEquals("the last day in China still counts", "VALID", b.status());
        assertEquals("认定有效", b.statusName());
        assertEquals(List.of("1 base_create base:" + b.id()), audited);
        assertEquals(1, bases.search("师范", null, new PageRequest(0, 20)).getTotal());
        assertEquals(1, bases.search("3号", "410300", new PageRequest(0, 20)).getTotal());
        assertEquals(0, bases.search("%", null, new PageRequest(0, 20)).getTotal());
    }

    @Test
    public void badInputIsNamedFieldByFieldAndNothingIsStored() {
        ProblemException e = Refused.by(() -> bases.create(1, null, edit("", "<script>", "2026-02-30", "2025-01-01")));
        assertEquals(400, e.status());
        List<String> fields = e.errors().stream().map(f -> f.field()).toList();
        assertTrue(fields.toString(), fields.containsAll(List.of("name", "accreditationNo", "validFrom")));
        Bases.Edit reversed = edit("基地", "A-1", "2026-01-01", "2025-01-01");
        assertEquals("validTo", Refused.by(() -> bases.create(1, null, reversed)).errors().get(0).field());
        Bases.Edit nowhere = edit("基地", "A-1", "2026-01-01", "2027-01-01");
        nowhere.regionCode = "999999";
        assertEquals("regionCode", Refused.by(() -> bases.create(1, null, nowhere)).errors().get(0).field());
        assertEquals(0, bases.search(null, null, new PageRequest(0, 20)).getTotal());
        assertTrue(audited.isEmpty());
    }

    @Test
    public void anAccreditationNumberBelongsToOneBase() {
        bases.create(1, null, edit("甲基地", "A-1", "2025-01-01", "2027-12-31"));
        Bases.Base other = bases.create(1, null, edit("乙基地", "B-2", "2025-01-01", "2027-12-31"));
        assertEquals("accreditation_taken", Refused.by(() -> bases.create(1, null, edit("丙基地", "A-1", "2025-01-01",
                "2027-12-31"))).code());
        Bases.Edit steal = edit("乙基地", "A-1", "2025-01-01", "2027-12-31");
        steal.version = other.version();
        assertEquals("accreditation_taken", Refused.by(() -> bases.update(1, null, other.id(), steal)).code());
    }

    @Test
    public void anEditNeedsTheVersionReadAndALapsedOneSaysSo() {
        Bases.Base b = bases.create(1, null, edit("甲基地", "A-1", "2024-01-01", "2027-12-31"));
        Bases.Edit lapse = edit("甲基地", "A-1", "2024-01-01", "2026-12-30");
        lapse.version = b.version();
        Bases.Base lapsed = bases.update(2, null, b.id(), lapse);
        assertEquals("LAPSED", lapsed.status());
        assertEquals("认定已过期", lapsed.statusName());
        assertEquals(b.version() + 1, lapsed.version());
        assertEquals("stale_version", Refused.by(() -> bases.update(2, null, b.id(), lapse)).code());
        Bases.Edit noVersion = edit("甲基地", "A-1", "2024-01-01", "2027-12-31");
        assertEquals("version", Refused.by(() -> bases.update(2, null, b.id(), noVersion)).errors().get(0).field());
        assertEquals("base_not_found", Refused.by(() -> bases.update(2, null, 999, lapse)).code());
        Bases.Edit later = edit("丁基地", "D-4", "2027-01-01", "2029-12-31");
        assertEquals("NOT_YET", bases.create(1, null, later).status());
    }
}
