package org.ceportal.directory.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.ceportal.directory.api.Department;
import org.ceportal.directory.api.DirectoryService;
import org.ceportal.directory.api.EthnicGroup;
import org.ceportal.directory.api.ImportReport;
import org.ceportal.directory.api.Major;
import org.ceportal.directory.api.NewUnit;
import org.ceportal.directory.api.Region;
import org.ceportal.directory.api.Title;
import org.ceportal.directory.api.Unit;
import org.ceportal.directory.api.UnitKind;
import org.ceportal.platform.answers.SharedAnswers;
import org.ceportal.platform.api.FieldError;
import org.ceportal.platform.api.ItemList;
import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.api.Texts;
import org.ceportal.platform.persistence.Database;
import org.ceportal.platform.persistence.Store;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The directory over its own tables. */
@Component(service = DirectoryService.class, configurationPid = DirectoryServiceImpl.PID,
        immediate = true) // migrates and loads reference data at start, before the first request
@Designate(ocd = DirectoryServiceImpl.Config.class)
public final class DirectoryServiceImpl implements DirectoryService {
    static final String PID = "org.ceportal.directory";
    static final String MODULE = "directory";
    static final int MAX_QUERY = 50;
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryServiceImpl.class);

    @ObjectClassDefinition(name = "ceportal directory", description = "Reference data: regions, units, majors, titles")
    @interface Config {
        @AttributeDefinition(name = "Load demo units",
                description = "Load the labelled demo units (名称带“（示例）”) once, on first start. Turn off before the first start of a real installation.")
        boolean demoUnits() default true;
    }

    private final Store store;
    private final Catalogue catalogue;
    private final Clock clock;
    /** The public reads kept in memory (a region's units among them), forgotten when units change. */
    private final SharedAnswers answers;

    @Activate
    public DirectoryServiceImpl(Config config, BundleContext context, @Reference Database database,
            @Reference SharedAnswers answers) {
        this(database.open(context.getBundle(), MODULE, DirectoryMapper.class), Clock.systemUTC(),
                config.demoUnits() ? context.getBundle().getEntry("demo/units.csv") : null, answers);
    }

    /**
     * For tests: a store whose schema is migrated, the demo file to load once (or null), and
     * what is told when units change.
     */
    DirectoryServiceImpl(Store store, Clock clock, URL demoUnits, SharedAnswers answers) {
        this.store = store;
        this.clock = clock;
        this.answers = answers;
        try (SqlSession s = store.session()) {
            DirectoryMapper m = s.getMapper(DirectoryMapper.class);
            this.catalogue = new Catalogue(m.regions(), m.titles(), m.ethnicGroups(), m.majors());
        }
        if (demoUnits != null) {
            loadDemoUnits(demoUnits);
        }
    }

    private void loadDemoUnits(URL demo) {
        List<UnitCsv.Row> rows;
        try (InputStream in = demo.openStream()) {
            rows = UnitCsv.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read demo units: " + e.getMessage(), e);
        }
        try {
            ImportReport report = store.inTransaction(s -> {
                DirectoryMapper m = s.getMapper(DirectoryMapper.class);
                if (m.demoLoaded() > 0) {
                    return null;
                }
                m.markDemoLoaded(now());
                return write(m, rows, true);
            });
            if (report != null) {
                LOG.info("Loaded {} demo units (labelled （示例）); set demoUnits=false in etc/{}.cfg to skip them",
                        report.unitsCreated(), PID);
            }
        } catch (PersistenceException e) {
            // Another node may have loaded them at the same moment: its marker row won.
            try (SqlSession s = store.session()) {
                if (s.getMapper(DirectoryMapper.class).demoLoaded() > 0) {
                    LOG.info("Demo units were loaded by another node");
                    return;
                }
            }
            throw new IllegalStateException("cannot load the demo units: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Region> regions() {
        return catalogue.regions;
    }

    @Override
    public Optional<Region> region(String code) {
        return Optional.ofNullable(code == null ? null : catalogue.regionByCode.get(code));
    }

    @Override
    public Page<Unit> units(String regionCode, String query, PageRequest page) {
        Region region = region(regionCode)
                .orElseThrow(() -> ProblemException.notFound("region_not_found", "所选区域不存在"));
        String pattern = likePattern(query);
        try (SqlSession s = store.session()) {
            DirectoryMapper m = s.getMapper(DirectoryMapper.class);
            long total = m.countUnits(regionCode, pattern);
            List<Unit> items = page.offset() >= total ? List.of() : m.units(regionCode, pattern, page.offset(), page.size());
            for (Unit u : items) {
                label(u).regionName = region.name;
            }
            return new Page<>(items, total, page);
        }
    }

    @Override
    public Page<Unit> searchUnits(String regionCode, String query, PageRequest page) {
        String region = regionCode == null || regionCode.isBlank() ? null : regionCode.strip();
        if (region != null) {
            return units(region, query, page);
        }
        String pattern = likePattern(query);
        try (SqlSession s = store.session()) {
            DirectoryMapper m = s.getMapper(DirectoryMapper.class);
            long total = m.countUnits(null, pattern);
            List<Unit> items = page.offset() >= total ? List.of() : m.units(null, pattern, page.offset(), page.size());
            for (Unit u : items) {
                label(u).regionName = region(u.regionCode).map(r -> r.name).orElse(u.regionCode);
            }
            return new Page<>(items, total, page);
        }
    }

    /** {@code %query%} with LIKE wildcards escaped, or null for no filter. */
    static String likePattern(String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        String q = query.strip();
        if (q.length() > MAX_QUERY) {
            throw ProblemException.invalid("q", "搜索关键字不能超过 " + MAX_QUERY + " 个字");
        }
        return Texts.containsPattern(q);
    }

    @Override
    public Optional<Unit> unit(long id) {
        try (SqlSession s = store.session()) {
            return Optional.ofNullable(s.getMapper(DirectoryMapper.class).unit(id)).map(DirectoryServiceImpl::label);
        }
    }

    private static Unit label(Unit u) {
        u.kindName = UnitKind.parse(u.kind).map(UnitKind::label).orElse(u.kind);
        return u;
    }

    @Override
    public List<Department> departments(long unitId) {
        try (SqlSession s = store.session()) {
            DirectoryMapper m = s.getMapper(DirectoryMapper.class);
            if (m.unit(unitId) == null) {
                throw ProblemException.notFound("unit_not_found", "单位不存在");
            }
            return m.departments(unitId);
        }
    }

    @Override
    public Optional<Department> department(long id) {
        try (SqlSession s = store.session()) {
            return Optional.ofNullable(s.getMapper(DirectoryMapper.class).department(id));
        }
    }

    @Override
    public List<Major> majorChildren(String parentCode) {
        return catalogue.majorChildren(parentCode);
    }

    @Override
    public ItemList<Major> searchMajors(String query, int limit) {
        if (query == null || query.isBlank()) {
            throw ProblemException.invalid("q", "请输入专业名称或代码");
        }
        if (query.strip().length() > MAX_QUERY) {
            throw ProblemException.invalid("q", "搜索关键字不能超过 " + MAX_QUERY + " 个字");
        }
        return catalogue.searchMajors(query, limit);
    }

    @Override
    public Optional<Major> major(String code) {
        return catalogue.major(code);
    }

    @Override
    public List<Title> titles() {
        return catalogue.titles;
    }

    @Override
    public Optional<Title> title(String code) {
        return Optional.ofNullable(code == null ? null : catalogue.titleByCode.get(code));
    }

    @Override
    public List<EthnicGroup> ethnicGroups() {
        return catalogue.ethnicGroups;
    }

    @Override
    public Optional<EthnicGroup> ethnicGroup(String code) {
        return Optional.ofNullable(code == null ? null : catalogue.ethnicByCode.get(code));
    }

    @Override
    public Unit addUnit(NewUnit unit) {
        List<FieldError> errors = UnitRules.check(unit, catalogue.regionByCode.keySet(), "");
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        try {
            long id = store.inTransaction(s -> {
                DirectoryMapper m = s.getMapper(DirectoryMapper.class);
                if (m.unitByName(unit.regionCode().strip(), unit.name().strip()) != null) {
                    throw ProblemException.conflict("unit_exists", "该区域已有同名单位");
                }
                long created = insert(m, unit, false);
                store.afterCommit(answers::forget);
                return created;
            });
            return unit(id).orElseThrow();
        } catch (PersistenceException e) {
            // the unique constraint caught a concurrent insert of the same unit
            throw ProblemException.conflict("unit_exists", "该区域已有同名单位");
        }
    }

    @Override
    public Unit updateUnit(long id, NewUnit unit) {
        if (unit(id).isEmpty()) {
            throw ProblemException.notFound("unit_not_found", "单位不存在");
        }
        List<FieldError> errors = UnitRules.check(unit, catalogue.regionByCode.keySet(), "");
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        try {
            store.inTransaction(s -> {
                DirectoryMapper m = s.getMapper(DirectoryMapper.class);
                Unit same = m.unitByName(unit.regionCode().strip(), unit.name().strip());
                if (same != null && same.id != id) {
                    throw ProblemException.conflict("unit_exists", "该区域已有同名单位");
                }
                if (m.updateUnit(id, unit.regionCode().strip(), unit.name().strip(),
                        UnitKind.parse(unit.kind()).orElseThrow().name()) == 0) {
                    throw ProblemException.notFound("unit_not_found", "单位不存在");
                }
                Set<String> have = new java.util.HashSet<>();
                m.departments(id).forEach(d -> have.add(d.name));
                for (String d : UnitRules.departments(unit)) {
                    if (have.add(d)) {
                        m.insertDepartment(id, d);
                    }
                }
                store.afterCommit(answers::forget);
                return null;
            });
        } catch (PersistenceException e) {
            throw ProblemException.conflict("unit_exists", "该区域已有同名单位，或部门被同时添加，请刷新后重试");
        }
        return unit(id).orElseThrow();
    }

    @Override
    public ImportReport importUnits(Reader csv) {
        List<UnitCsv.Row> rows = UnitCsv.parse(csv);
        if (rows.isEmpty()) {
            throw ProblemException.invalid("file", "CSV 文件中没有单位");
        }
        try {
            return store.inTransaction(s -> {
                ImportReport report = write(s.getMapper(DirectoryMapper.class), rows, false);
                store.afterCommit(answers::forget);
                return report;
            });
        } catch (PersistenceException e) {
            throw ProblemException.conflict("import_conflict", "导入时单位数据被同时修改，请重新导入");
        }
    }

    /** Checks every row first, then writes them all in the caller's transaction. */
    private ImportReport write(DirectoryMapper m, List<UnitCsv.Row> rows, boolean demo) {
        Set<String> regions = catalogue.regionByCode.keySet();
        List<FieldError> errors = new ArrayList<>();
        for (UnitCsv.Row row : rows) {
            errors.addAll(UnitRules.check(row.unit(), regions, "第 " + row.line() + " 行："));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation_failed", "导入文件有 " + errors.size() + " 处错误，未导入任何单位",
                    errors.size() > 100 ? errors.subList(0, 100) : errors);
        }
        int created = 0;
        int existing = 0;
        int departments = 0;
        for (UnitCsv.Row row : rows) {
            NewUnit u = row.unit();
            Unit found = m.unitByName(u.regionCode().strip(), u.name().strip());
            if (found == null) {
                insert(m, u, demo);
                created++;
                departments += UnitRules.departments(u).size();
            } else {
                existing++;
                Set<String> have = new java.util.HashSet<>();
                m.departments(found.id).forEach(d -> have.add(d.name));
                for (String d : UnitRules.departments(u)) {
                    if (have.add(d)) {
                        m.insertDepartment(found.id, d);
                        departments++;
                    }
                }
            }
        }
        return new ImportReport(created, existing, departments);
    }

    private long insert(DirectoryMapper m, NewUnit unit, boolean demo) {
        UnitRow row = new UnitRow();
        row.regionCode = unit.regionCode().strip();
        row.name = unit.name().strip();
        row.kind = UnitKind.parse(unit.kind()).orElseThrow().name();
        row.demo = demo;
        row.createdAt = now();
        m.insertUnit(row);
        for (String d : UnitRules.departments(unit)) {
            m.insertDepartment(row.id, d);
        }
        return row.id;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
