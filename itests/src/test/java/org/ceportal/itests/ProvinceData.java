package org.ceportal.itests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The generated province the benchmarks run on ({@code province.sh}, {@code reads.sh}): units in
 * every region, approved professionals who all share one real password hash (so any of them can
 * log in with {@link #PASSWORD}) and their declarations over 5 years in every state and learning
 * form, written with JDBC batches into the tables the bundles' migrations made.
 */
final class ProvinceData {
    static final long FIRST_ID = 10_000_000L; // explicit ids, far above what the identity columns hand out
    static final int UNITS_PER_REGION = 50;
    static final int BIG_UNIT = 10_000;
    static final String PASSWORD = "省级数据的长密码2026";
    static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
    static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华";

    /**
     * What was made.
     *
     * @param units   each unit's id and first department id, the big unit first
     * @param seed    the one person registered over HTTP (whose hash everyone shares), logged in
     * @param seconds how long the writing took
     */
    record Filled(List<long[]> units, Http seed, double seconds) {
    }

    private ProvinceData() {
    }

    static Filled fill(DataSource dataSource, Accounts a, Http http, int people, int declarations, Random random)
            throws Exception {
        String seedId = Accounts.idNumber("41030319800101001"); // outside the generated numbers (410302...)
        Http seed = a.professional(a.unitId("第一高级中学"), seedId, "种子", PASSWORD, "province.admin");
        JsonNode forms = http.get("/api/learning-forms").json().path("items");
        List<String[]> schemas = new ArrayList<>(); // id, version, name, kind, category, schema JSON, form_schema id
        for (JsonNode f : forms) {
            String schema = http.get("/api/learning-forms/" + f.path("id").asText()).body();
            schemas.add(new String[] {f.path("id").asText(), f.path("version").asText(), f.path("name").asText(),
                f.path("kind").asText(), f.path("category").asText(), schema, null});
        }

        long t0 = System.nanoTime();
        List<long[]> units = new ArrayList<>(); // unit id, first department id
        String hash;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            hash = one(c, "SELECT password_hash FROM account WHERE login = '" + seedId + "'");
            List<String> regions = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT code FROM region ORDER BY code")) {
                while (r.next()) {
                    regions.add(r.getString(1));
                }
            }
            units(c, regions, units);
            people(c, people, units, hash, random);
            snapshots(c, schemas);
            declarations(c, declarations, people, units, schemas, random);
            c.commit();
            statistics(c);
        }
        return new Filled(units, seed, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Derby's index statistics of the filled tables, as after any bulk load (Derby's own advice):
     * without them its optimizer takes a region's 1 000 units for a few and scans the table to
     * count them. In a running installation Derby's statistics daemon refreshes them as tables grow.
     */
    private static void statistics(Connection c) throws Exception {
        if (!c.getMetaData().getDatabaseProductName().startsWith("Apache Derby")) {
            return;
        }
        String schema = one(c, "VALUES CURRENT SCHEMA");
        for (String table : List.of("UNIT", "DEPARTMENT", "PERSON", "ACCOUNT", "DECLARATION", "DECLARATION_HISTORY")) {
            try (java.sql.CallableStatement call = c.prepareCall("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS(?, ?, NULL)")) {
                call.setString(1, schema);
                call.setString(2, table);
                call.execute();
            }
        }
        c.commit();
    }

    private static void units(Connection c, List<String> regions, List<long[]> units) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        long unitId = FIRST_ID;
        long departmentId = FIRST_ID;
        try (PreparedStatement u = c.prepareStatement(
                "INSERT INTO unit (id, region_code, name, kind, demo, created_at) VALUES (?, ?, ?, 'school', FALSE, ?)");
             PreparedStatement d = c.prepareStatement("INSERT INTO department (id, unit_id, name) VALUES (?, ?, ?)")) {
            for (String region : regions) {
                for (int i = 0; i < UNITS_PER_REGION; i++) {
                    u.setLong(1, unitId);
                    u.setString(2, region);
                    u.setString(3, "基准单位" + region + "-" + i);
                    u.setTimestamp(4, now);
                    u.addBatch();
                    for (String name : new String[] {"办公室", "教务处", "技术部"}) {
                        d.setLong(1, departmentId++);
                        d.setLong(2, unitId);
                        d.setString(3, name);
                        d.addBatch();
                    }
                    units.add(new long[] {unitId, departmentId - 3, Long.parseLong(region)});
                    unitId++;
                }
            }
            u.executeBatch();
            d.executeBatch();
        }
        c.commit();
    }

    /**
     * The unit of person {@code i}: the first {@value #BIG_UNIT} people work in one big unit (a
     * hospital group, a city's schools as one unit: what the unit report is timed on), the
     * others are spread over the remaining units (about a hundred each).
     */
    static long[] unitOf(int i, List<long[]> units) {
        return i < BIG_UNIT ? units.get(0) : units.get(1 + i % (units.size() - 1));
    }

    /** Person {@code i}: born on a day of 1960–1999, region of their unit, a sequence number; a valid check digit. */
    static String idNumber(int i) {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(i % 14_600);
        return Accounts.idNumber(String.format("410302%s%03d", birth.toString().replace("-", ""), (i / 14_600) % 1000));
    }

    private static void people(Connection c, int people, List<long[]> units, String hash, Random random) throws Exception {
        Timestamp registered = Timestamp.from(Instant.parse("2022-01-10T02:00:00Z"));
        try (PreparedStatement a = c.prepareStatement("INSERT INTO account (id, role, login, password_hash, state, name, unit_id, "
                + "failed_logins, version, created_at, decided_at) VALUES (?, 'PROFESSIONAL', ?, ?, 'approved', ?, ?, 0, 1, ?, ?)");
             PreparedStatement p = c.prepareStatement("INSERT INTO person (account_id, id_number, live_id_number, mobile, email, "
                     + "region_code, department_id, gender, birth_date, ethnic_group, title_code) VALUES (?, ?, ?, ?, ?, '410300', ?, ?, ?, '01', ?)")) {
            for (int i = 0; i < people; i++) {
                long[] unit = unitOf(i, units);
                String id = idNumber(i);
                a.setLong(1, FIRST_ID + i);
                a.setString(2, id);
                a.setString(3, hash);
                a.setString(4, SURNAMES.charAt(random.nextInt(SURNAMES.length())) + "" + GIVEN.charAt(random.nextInt(GIVEN.length()))
                        + GIVEN.charAt(random.nextInt(GIVEN.length())));
                a.setLong(5, unit[0]);
                a.setTimestamp(6, registered);
                a.setTimestamp(7, registered);
                a.addBatch();
                p.setLong(1, FIRST_ID + i);
                p.setString(2, id);
                p.setString(3, id);
                p.setString(4, String.format("139%08d", i));
                p.setString(5, "p" + i + "@example.cn");
                p.setLong(6, unit[1] + (i % 3));
                p.setString(7, (id.charAt(16) - '0') % 2 == 1 ? "M" : "F");
                p.setDate(8, java.sql.Date.valueOf(id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14)));
                p.setString(9, "SCH-" + (2 + random.nextInt(3)));
                p.addBatch();
                if (i % 1000 == 999) {
                    a.executeBatch();
                    p.executeBatch();
                    c.commit();
                }
            }
            a.executeBatch();
            p.executeBatch();
            c.commit();
        }
    }

    /** Each form's description once (form_schema), as the portal keeps it; its id goes to {@code schemas}' last column. */
    private static void snapshots(Connection c, List<String[]> schemas) throws Exception {
        try (PreparedStatement f = c.prepareStatement("INSERT INTO form_schema (form_id, form_version, schema_json) VALUES (?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            for (String[] form : schemas) {
                f.setString(1, form[0]);
                f.setString(2, form[1]);
                f.setString(3, form[5]);
                f.executeUpdate();
                try (ResultSet keys = f.getGeneratedKeys()) {
                    keys.next();
                    form[6] = String.valueOf(keys.getLong(1));
                }
            }
        }
        c.commit();
    }

    private static void declarations(Connection c, int count, int people, List<long[]> units, List<String[]> schemas,
            Random random) throws Exception {
        int thisYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        String[] states = {"approved", "approved", "approved", "approved", "approved", "approved", "approved", "pending",
            "rejected", "draft"};
        try (PreparedStatement d = c.prepareStatement("INSERT INTO declaration (id, owner_id, unit_id, form_id, form_version, "
                + "form_name, kind, schema_id, values_json, title, decl_year, category, proposed_hours, claimed_hours, state, "
                + "approved_hours, reject_reason, version, created_at, updated_at, submitted_at, decided_at, decided_by) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                int owner = random.nextInt(people);
                String[] form = schemas.get(i % 10 < 5 ? indexOf(schemas, "training") : random.nextInt(schemas.size()));
                int year = thisYear - random.nextInt(5);
                String state = states[random.nextInt(states.length)];
                String category = "CHOICE".equals(form[4]) ? (random.nextInt(3) == 0 ? "GENERAL" : "PROFESSIONAL") : form[4];
                java.math.BigDecimal hours = java.math.BigDecimal.valueOf(4 + random.nextInt(37));
                Timestamp at = Timestamp.from(LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28))
                        .atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
                boolean decided = state.equals("approved") || state.equals("rejected");
                d.setLong(1, FIRST_ID + i);
                d.setLong(2, FIRST_ID + owner);
                d.setLong(3, unitOf(owner, units)[0]);
                d.setString(4, form[0]);
                d.setString(5, form[1]);
                d.setString(6, form[2]);
                d.setString(7, form[3]);
                d.setLong(8, Long.parseLong(form[6]));
                d.setString(9, form[2] + " 第" + (i % 97) + "期");
                d.setInt(10, year);
                d.setString(11, category);
                d.setBigDecimal(12, hours);
                d.setBigDecimal(13, hours);
                d.setString(14, state);
                d.setBigDecimal(15, state.equals("approved") ? hours : null);
                d.setString(16, state.equals("rejected") ? "证明材料不清晰或不完整" : null);
                d.setTimestamp(17, at);
                d.setTimestamp(18, at);
                d.setTimestamp(19, state.equals("draft") ? null : at);
                d.setTimestamp(20, decided ? at : null);
                if (decided) {
                    d.setLong(21, 1L);
                } else {
                    d.setNull(21, java.sql.Types.BIGINT);
                }
                d.addBatch();
                if (i % 2000 == 1999) {
                    d.executeBatch();
                    c.commit();
                }
            }
            d.executeBatch();
            c.commit();
        }
        // everyone with declarations has their lock row, as the portal gives it at a first declaration
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO declaration_owner (owner_id, submissions, changes) SELECT DISTINCT owner_id, 0, 0 "
                    + "FROM declaration WHERE owner_id NOT IN (SELECT owner_id FROM declaration_owner)");
            c.commit();
        }
    }

    private static int indexOf(List<String[]> schemas, String id) {
        for (int i = 0; i < schemas.size(); i++) {
            if (schemas.get(i)[0].equals(id)) {
                return i;
            }
        }
        return 0;
    }

    private static String one(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
