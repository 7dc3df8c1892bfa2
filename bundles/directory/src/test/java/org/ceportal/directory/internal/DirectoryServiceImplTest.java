package org.ceportal.directory.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.StringReader;
import java.net.URL;
import java.time.Clock;
import java.util.List;

import org.ceportal.directory.api.Department;
import org.ceportal.directory.api.ImportReport;
import org.ceportal.directory.api.Major;
import org.ceportal.directory.api.NewUnit;
import org.ceportal.directory.api.Unit;
import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.persistence.Store;
import org.junit.Before;
import org.junit.Test;

public class DirectoryServiceImplTest {
    private static final String LUOYANG = "410300";
    private Store store;
    private DirectoryServiceImpl directory;
    /** How often the kept public answers were forgotten. */
    private final java.util.concurrent.atomic.AtomicInteger forgotten = new java.util.concurrent.atomic.AtomicInteger();

    @Before
    public void setUp() throws Exception {
        store = org.ceportal.platform.internal.TestStores.migrated("directory", DirectoryMapper.class);
        directory = new DirectoryServiceImpl(store, Clock.systemUTC(), demo(), forgotten::incrementAndGet);
    }

    private static URL demo() {
        return DirectoryServiceImplTest.class.getClassLoader().getResource("demo/units.csv");
    }

    @Test
    public void regionsAreTheNineteenInOfficialOrder() {
        assertEquals(19, directory.regions().size());
        assertEquals("郑州市", directory.regions().get(0).name);
        assertEquals("洛阳市", directory.region(LUOYANG).orElseThrow().name);
        assertEquals("济源示范区", directory.regions().get(17).name);
        assertEquals("省直", directory.regions().get(18).name);
    }

    @Test
    public void ethnicGroupsAreTheFiftySixOfGb3304() {
        assertEquals(56, directory.ethnicGroups().size());
        assertEquals("汉族", directory.ethnicGroup("01").orElseThrow().name);
        assertEquals("基诺族", directory.ethnicGroup("56").orElseThrow().name);
    }

    @Test
    public void titlesCarrySeriesAndLevelNames() {
        assertFalse(directory.titles().isEmpty());
        assertTrue(directory.titles().stream().anyMatch(t -> t.name.equals("高级工程师") && "副高级".equals(t.levelName)));
        assertTrue(directory.titles().stream().allMatch(t -> t.levelName != null && !t.levelName.startsWith("junior")));
    }

    @Test
    public void unitsOfARegionPageWithTheirTotal() {
        Page<Unit> first = directory.units(LUOYANG, null, new PageRequest(0, 10));
        assertEquals(25, first.getTotal());
        assertEquals(10, first.getItems().size());
        Page<Unit> last = directory.units(LUOYANG, "", new PageRequest(2, 10));
        assertEquals(5, last.getItems().size());
        assertEquals(25, last.getTotal());
        Page<Unit> beyond = directory.units(LUOYANG, null, new PageRequest(9, 10));
        assertTrue(beyond.getItems().isEmpty());
        assertEquals(25, beyond.getTotal());
        assertTrue(first.getItems().stream().allMatch(u -> u.regionCode.equals(LUOYANG) && u.name.endsWith("（示例）")));
        assertTrue(first.getItems().stream().allMatch(u -> u.demo && u.kindName != null));
    }

    @Test
    public void searchFindsByPartOfTheName() {
        Page<Unit> hits = directory.units(LUOYANG, " 轴承 ", new PageRequest(0, 10));
        assertEquals(1, hits.getTotal());
        assertEquals("洛阳市轴承研究所（示例）", hits.getItems().get(0).name);
        assertTrue(directory.units(LUOYANG, "中学", new PageRequest(0, 10)).getTotal() >= 2);
    }

    @Test
    public void likeWildcardsInTheQueryAreLiteral() {
        assertEquals(0, directory.units(LUOYANG, "%", new PageRequest(0, 10)).getTotal());
        assertEquals(0, directory.units(LUOYANG, "_", new PageRequest(0, 10)).getTotal());
    }

    @Test
    public void unknownRegionIs404AndLongQueryIs400() {
        assertProblem(404, () -> directory.units("999999", null, new PageRequest(0, 10)));
        assertProblem(400, () -> directory.units(LUOYANG, "长".repeat(51), new PageRequest(0, 10)));
    }

    @Test
    public void departmentsOfAUnit() {
        Unit school = directory.units(LUOYANG, "第一高级中学", new PageRequest(0, 10)).getItems().get(0);
        List<Department> departments = directory.departments(school.id);
        assertEquals(5, departments.size());
        assertTrue(departments.stream().anyMatch(d -> d.name.equals("教务处")));
        assertProblem(404, () -> directory.departments(987654321L));
        assertEquals("洛阳市", directory.unit(school.id).orElseThrow().regionName);
    }

    @Test
    public void majorsFormATreeWithPaths() {
        List<Major> top = directory.majorChildren(null);
        assertTrue(top.stream().anyMatch(m -> m.code.equals("08") && m.name.equals("工学") && !m.leaf));
        Major se = directory.major("080902").orElseThrow();
        assertEquals("工学 / 计算机类 / 软件工程", se.path);
        assertTrue(se.leaf);
        assertTrue(directory.majorChildren("0809").stream().anyMatch(m -> m.code.equals("080901")));
        assertTrue(directory.majorChildren("nope").isEmpty());
    }

    @Test
    public void majorSearchMatchesNamesAndCodePrefixesLeavesFirst() {
        var hits = directory.searchMajors("计算机", 100);
        assertTrue(hits.getTotal() >= 2);
        assertEquals(3, hits.getItems().get(0).level);
        assertTrue(hits.getItems().stream().anyMatch(m -> m.code.equals("0809")));
        assertEquals(1, directory.searchMajors("080902", 100).getTotal());
        var limited = directory.searchMajors("学", 5);
        assertEquals(5, limited.getItems().size());
        assertTrue(limited.getTotal() > 5);
        assertProblem(400, () -> directory.searchMajors("  ", 10));
    }

    @Test
    public void opsAddAUnitOnceWithCleanInput() {
        Unit u = directory.addUnit(new NewUnit(LUOYANG, " 洛阳市测试单位 ", "企业", List.of("研发部", "研发部", "财务部")));
        assertEquals("洛阳市测试单位", u.name);
        assertEquals("ENTERPRISE", u.kind);
        assertFalse(u.demo);
        assertEquals(2, directory.departments(u.id).size());
        assertEquals("the kept public reads are forgotten once the unit is in", 1, forgotten.get());
        assertProblem(409, () -> directory.addUnit(new NewUnit(LUOYANG, "洛阳市测试单位", "GOV", List.of())));
        ProblemException bad = assertProblem(400, () -> directory.addUnit(new NewUnit("000000", "", "X", List.of(""))));
        assertEquals(4, bad.errors().size());
        assertEquals("a refused unit changes nothing to forget", 1, forgotten.get());
    }

    @Test
    public void importIsAllOrNothing() {
        long before = directory.units("410100", null, new PageRequest(0, 1)).getTotal();
        String csv = "region_code,name,kind,departments\n"
                + "410100,郑州市甲单位,GOV,办公室\n"
                + "999999,不存在区域的单位,GOV,\n"
                + "410100,郑州市乙单位,BAD,\n";
        ProblemException e = assertProblem(400, () -> directory.importUnits(new StringReader(csv)));
        assertEquals(2, e.errors().size());
        assertTrue(e.errors().get(0).message().startsWith("第 3 行"));
        assertEquals(before, directory.units("410100", null, new PageRequest(0, 1)).getTotal());
        assertEquals(0, forgotten.get());
    }

    @Test
    public void importAddsNewUnitsAndMissingDepartmentsOnly() {
        String csv = "\uFEFFregion_code,name,kind,departments\n"
                + "410100,郑州市甲单位,GOV,办公室|财务科\n"
                + "410300,洛阳市第一高级中学（示例）,PUBLIC,教务处|新部门\n";
        ImportReport r = directory.importUnits(new StringReader(csv));
        assertEquals(new ImportReport(1, 1, 3), r);
        assertEquals(1, forgotten.get());
        assertEquals(new ImportReport(0, 2, 0), directory.importUnits(new StringReader(csv)));
    }

    @Test
    public void importRejectsAWrongHeader() {
        assertProblem(400, () -> directory.importUnits(new StringReader("a,b\n1,2\n")));
        assertProblem(400, () -> directory.importUnits(new StringReader("region_code,name,kind,departments\n")));
    }

    @Test
    public void demoUnitsLoadOnlyOnce() {
        long before = directory.units(LUOYANG, null, new PageRequest(0, 1)).getTotal();
        new DirectoryServiceImpl(store, Clock.systemUTC(), demo(), forgotten::incrementAndGet);
        assertEquals(before, directory.units(LUOYANG, null, new PageRequest(0, 1)).getTotal());
    }

    private static ProblemException assertProblem(int status, Runnable call) {
        try {
            call.run();
        } catch (ProblemException e) {
            assertEquals(e.getMessage(), status, e.status());
            return e;
        }
        fail("expected a " + status + " problem");
        return null;
    }
}
