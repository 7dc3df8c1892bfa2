package org.ceportal.reporting.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.ceportal.accounts.api.Professional;
import org.ceportal.accounts.api.Profiles;
import org.ceportal.declarations.api.CountedDeclaration;
import org.ceportal.declarations.api.DeclarationRecords;
import org.ceportal.declarations.api.OwnerApprovals;
import org.ceportal.declarations.api.YearActivity;
import org.ceportal.directory.api.DirectoryService;
import org.ceportal.directory.api.Region;
import org.ceportal.directory.api.Unit;
import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.junit.Test;

/** The province's year: two ordered reads merged person by person, and its tables as files. */
public class ProvinceReportsTest {
    private static final int YEAR = 2026;
    private final List<String> closed = new ArrayList<>();

    private static CountedDeclaration approved(long id, String hours) {
        return new CountedDeclaration(id, YEAR, "training", "培训", "HOURS", "PROFESSIONAL", "专业科目", "课程 " + id,
                new BigDecimal(hours), null, Instant.parse("2026-05-01T00:00:00Z"));
    }

    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.apply(method.getName(), args));
    }

    private ProvinceReports province() {
        // people 1, 3, 4, 7 (in account order); approvals of 2 (no longer approved), 3 and 7
        Profiles profiles = fake(Profiles.class, (name, args) -> {
            @SuppressWarnings("unchecked")
            Consumer<Professional> each = (Consumer<Professional>) args[0];
            each.accept(new Professional(1, "甲", 10L, null, null));
            each.accept(new Professional(3, "乙", 10L, null, null));
            each.accept(new Professional(4, "丙", 20L, null, null));
            each.accept(new Professional(7, "丁", 20L, null, null));
            return null;
        });
        DeclarationRecords records = fake(DeclarationRecords.class, (name, args) -> switch (name) {
            case "approvedInYear" -> Stream.of(new OwnerApprovals(2, List.of(approved(20, "99"))),
                    new OwnerApprovals(3, List.of(approved(30, "8"), approved(31, "4.5"))),
                    new OwnerApprovals(7, List.of(approved(70, "16")))).onClose(() -> closed.add("approvals"));
            case "activity" -> new YearActivity(YEAR, List.of(), List.of(), 5);
            default -> throw new UnsupportedOperationException(name);
        });
        DirectoryService directory = fake(DirectoryService.class, (name, args) -> switch (name) {
            case "regions" -> List.of(region("410100", "郑州市"), region("410300", "洛阳市"));
            case "units" -> {
                List<Unit> units = "410300".equals(args[0]) ? List.of(unit(10, "410300", "洛阳市", "PUBLIC"),
                        unit(20, "410300", "洛阳市", "GOV")) : List.of();
                yield new Page<>(units, units.size(), (PageRequest) args[2]);
            }
            case "title" -> Optional.empty();
            default -> throw new UnsupportedOperationException(name);
        });
        ProvinceReports.Config config = new ProvinceReports.Config() {
            @Override
            public int cacheSeconds() {
                return 0;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return ProvinceReports.Config.class;
            }
        };
        return new ProvinceReports(new Requirements(), records, profiles, directory, config);
    }

    private static Region region(String code, String name) {
        Region r = new Region();
        r.code = code;
        r.name = name;
        return r;
    }

    private static Unit unit(long id, String region, String regionName, String kind) {
        Unit u = new Unit();
        u.id = id;
        u.name = "单位" + id;
        u.regionCode = region;
        u.regionName = regionName;
        u.kind = kind;
        return u;
    }

    @Test
    public void eachPersonGetsTheirOwnApprovalsAndNobodyElses() {
        ProvinceReports p = province();
        List<String> seen = new ArrayList<>();
        p.eachPerson(YEAR, null, p.units(), line -> seen.add(line.person().name() + "="
                + Completion.plain(line.year().approved().total(), "")));
        assertEquals(List.of("甲=0", "乙=12.5", "丙=0", "丁=16"), seen);
        assertEquals("the cursor is closed after the merge", List.of("approvals"), closed);
    }

    @Test
    public void theProvinceAddsUpByRegionUnitKindAndUnit() {
        ProvinceReports.Computed c = province().year(YEAR);
        assertEquals(4, c.summary().people());
        assertEquals(5, c.summary().pendingReviews());
        assertEquals(new BigDecimal("28.5"), c.summary().totals().get(0).total());
        assertEquals(List.of("郑州市", "洛阳市"), c.regions().stream().map(UnitReports.Share::name).toList());
        assertEquals(0, c.regions().get(0).people());
        assertEquals(4, c.regions().get(1).people());
        assertNull("no rule configured: no rate", c.regions().get(1).metRate());
        assertEquals(2, c.unitKinds().stream().filter(k -> k.key().equals("GOV")).findFirst().orElseThrow().people());
        assertEquals(2, c.units().size());
    }

    @Test
    public void aWorkbookKeepsNumbersAsNumbersAndTextsInline() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Table.writer(Table.Format.XLSX, "单位统计", t -> {
            t.row("姓名", "合计");
            t.row("=HYPERLINK(\"x\")", new BigDecimal("12.5"));
        }).write(out);
        // read through the central directory, as spreadsheet programs do (opczip's streamed entries
        // carry their sizes in data descriptors, which ZipInputStream does not follow)
        java.nio.file.Path file = java.nio.file.Files.createTempFile("report", ".xlsx");
        String sheet;
        try {
            java.nio.file.Files.write(file, out.toByteArray());
            if (System.getProperty("keepXlsx") != null) {
                java.nio.file.Files.write(java.nio.file.Path.of(System.getProperty("keepXlsx")), out.toByteArray());
            }
            try (ZipFile zip = new ZipFile(file.toFile())) {
                ZipEntry e = zip.getEntry("xl/worksheets/sheet1.xml");
                sheet = e == null ? null : new String(zip.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        assertTrue(sheet, sheet != null && sheet.contains("t=\"inlineStr\"") && sheet.contains("<v>12.5</v>")
                && !sheet.contains("<f>"));
    }

    @Test
    public void aCsvHasItsBomAndDefusesFormulas() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Table.writer(Table.Format.CSV, "x", t -> t.row("=1+1", new BigDecimal("24.00"), null, 3)).write(out);
        assertEquals("\uFEFF'=1+1,24,,3\r\n", out.toString(java.nio.charset.StandardCharsets.UTF_8));
    }
}
