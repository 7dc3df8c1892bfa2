package org.ceportal.bases.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.declarations.api.BaseDeclarations;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.persistence.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 学员导入: an attendance list uploaded to a course. A dry run answers each line's result and stores
 * nothing; the commit declares the good lines, keeps the unregistered ones, and records the import
 * with its file and every line's result — all in one transaction, under the course's lock, so two
 * uploads of the same list never declare anyone twice.
 */
final class Imports {
    private static final Logger LOG = LoggerFactory.getLogger(Imports.class);
    static final int INSERT_CHUNK = 500;

    /** What the upload brought. */
    record Upload(String fileName, byte[] content, String sha256) {
    }

    /** A line's result as the pages show it. */
    public record Line(int row, String idNumber, String name, String hours, String result, String resultName,
                       String message) {
    }

    /** How many lines came to what. */
    public record Totals(int rows, int ok, int waiting, int refused) {
    }

    /** A result code with its words (the page's filter). */
    public record ResultName(String result, String name) {
    }

    /**
     * The answer to an upload.
     *
     * @param importId       the import recorded (null for a dry run)
     * @param dryRun         whether nothing was stored
     * @param approvedAtOnce whether the declarations are (or would be) approved at once, else reviewed by the units
     */
    public record Report(Long importId, boolean dryRun, String fileName, String fileType, boolean approvedAtOnce,
                         Totals totals, List<Line> lines, List<ResultName> results) {
    }

    private final Store store;
    private final Bases bases;
    private final AttendanceCheck check;
    private final BaseDeclarations declarations;
    private final Bases.Audit audit;
    private final Settings settings;
    private final ZoneId zone;
    private final Clock clock;

    /** The operator's choices (metatype of {@code org.ceportal.bases}). */
    record Settings(boolean approveAtOnce, int maxRows, long maxFileBytes, long maxUnzippedBytes, String formId) {
        AttendanceFile.Limits limits() {
            return new AttendanceFile.Limits(maxRows, maxUnzippedBytes);
        }
    }

    Imports(Store store, Bases bases, AttendanceCheck check, BaseDeclarations declarations, Bases.Audit audit,
            Settings settings, ZoneId zone, Clock clock) {
        this.store = store;
        this.bases = bases;
        this.check = check;
        this.declarations = declarations;
        this.audit = audit;
        this.settings = settings;
        this.zone = zone;
        this.clock = clock;
    }

    Settings settings() {
        return settings;
    }

    Report run(long baseId, long actorId, long courseId, Upload upload, boolean dryRun, String address) {
        CourseRow course = course(baseId, courseId);
        BaseRow base = bases.row(baseId).orElseThrow(Courses::notFound);
        accredited(base);
        BaseDeclarations.Course dc = declared(base, course);
        declarations.checkCourse(dc);
        AttendanceFile.Read read = AttendanceFile.read(upload.content(), settings.limits());
        if (read.lines().isEmpty()) {
            throw AttendanceFile.refused("no_rows", "名单中没有学员：表头下面请每行填写一位学员");
        }
        if (dryRun) {
            List<AttendanceCheck.Checked> lines;
            try (SqlSession s = store.session()) {
                ImportMapper m = s.getMapper(ImportMapper.class);
                lines = check.check(read.lines(), course.hours, ids -> m.attendees(courseId, ids));
            }
            apply(lines, declarations.check(dc, attendees(lines)), AttendanceCheck.Result.OK);
            return report(null, true, upload.fileName(), read.type(), lines);
        }
        return store.inTransaction(s -> {
            ImportMapper m = s.getMapper(ImportMapper.class);
            if (m.lockCourse(baseId, courseId) != 1) {
                throw Courses.notFound();
            }
            List<AttendanceCheck.Checked> lines = check.check(read.lines(), course.hours, ids -> m.attendees(courseId, ids));
            apply(lines, declarations.declare(dc, attendees(lines), settings.approveAtOnce(), actorId, address),
                    AttendanceCheck.Result.DECLARED);
            Timestamp now = Timestamp.from(clock.instant());
            ImportRow row = new ImportRow();
            row.baseId = baseId;
            row.courseId = courseId;
            row.fileName = upload.fileName();
            row.fileType = read.type();
            row.fileSize = upload.content().length;
            row.fileSha256 = upload.sha256();
            row.content = upload.content();
            Totals t = totals(lines);
            row.totalRows = t.rows();
            row.declared = t.ok();
            row.waiting = t.waiting();
            row.refused = t.refused();
            row.approvedAtOnce = settings.approveAtOnce();
            row.createdBy = actorId;
            row.createdAt = now;
            m.insertImport(row);
            store(m, row.id, courseId, lines, now);
            audit.record(actorId, "base_import", "import:" + row.id + " course:" + courseId + " ok=" + t.ok() + " wait="
                    + t.waiting() + " bad=" + t.refused(), "imported", address);
            LOG.info("Import {} of course {}: {} declared, {} waiting, {} refused", row.id, courseId, t.ok(), t.waiting(),
                    t.refused());
            return report(row.id, false, row.fileName, row.fileType, lines);
        });
    }

    /** The base's course, else 404 (another base's course is none of its business). */
    CourseRow course(long baseId, long courseId) {
        try (SqlSession s = store.session()) {
            CourseRow c = s.getMapper(BaseMapper.class).course(baseId, courseId);
            if (c == null) {
                throw Courses.notFound();
            }
            return c;
        }
    }

    /** A base may declare only while its accreditation is valid. */
    private void accredited(BaseRow base) {
        LocalDate from = base.validFrom.toLocalDate();
        LocalDate to = base.validTo.toLocalDate();
        switch (Bases.status(from, to, LocalDate.now(clock.withZone(zone)))) {
            case LAPSED -> throw new ProblemException(409, "base_not_accredited", "本基地的认定已于 " + to
                    + " 到期，不能再申报学时；请联系主管部门重新认定");
            case NOT_YET -> throw new ProblemException(409, "base_not_accredited", "本基地的认定自 " + from
                    + " 起生效，生效前不能申报学时");
            default -> {
            }
        }
    }

    BaseDeclarations.Course declared(BaseRow base, CourseRow c) {
        return new BaseDeclarations.Course(c.id, settings.formId(), base.name, c.name, c.dateFrom.toLocalDate(),
                c.dateTo.toLocalDate(), c.category, c.declYear);
    }

    private static List<BaseDeclarations.Attendee> attendees(List<AttendanceCheck.Checked> lines) {
        return lines.stream().filter(c -> c.attendee != null).map(c -> c.attendee).toList();
    }

    /** The declarations' word on each attendee, in order: {@code done}, or over a cap. */
    private static void apply(List<AttendanceCheck.Checked> lines, List<BaseDeclarations.Outcome> outcomes,
            AttendanceCheck.Result done) {
        int i = 0;
        for (AttendanceCheck.Checked c : lines) {
            if (c.attendee == null) {
                continue;
            }
            BaseDeclarations.Outcome o = outcomes.get(i++);
            if (o.ok()) {
                c.result = done;
                c.message = done == AttendanceCheck.Result.DECLARED ? "已申报，申报编号 " + o.declarationId() : null;
                c.declarationId = o.declarationId();
            } else {
                c.refuse(AttendanceCheck.Result.OVER_CAP, o.problem());
            }
        }
    }

    /** Every line's result, and a line per person kept (declared or waiting) for the course. */
    private static void store(ImportMapper m, long importId, long courseId, List<AttendanceCheck.Checked> lines,
            Timestamp now) {
        List<ImportLineRow> rows = new ArrayList<>(lines.size());
        List<AttendeeRow> kept = new ArrayList<>();
        for (AttendanceCheck.Checked c : lines) {
            ImportLineRow r = new ImportLineRow();
            r.rowNo = c.line.row();
            r.idNumber = c.line.idNumber();
            r.name = c.line.name();
            r.hours = c.line.hours();
            r.result = c.result.code();
            r.message = c.message == null ? null : c.message.length() > 300 ? c.message.substring(0, 300) : c.message;
            rows.add(r);
            if (c.result == AttendanceCheck.Result.DECLARED || c.result == AttendanceCheck.Result.WAITING) {
                AttendeeRow a = new AttendeeRow();
                a.courseId = courseId;
                a.idNumber = c.idNumber;
                a.name = c.line.name();
                a.hours = c.hours;
                a.importId = importId;
                a.rowNo = c.line.row();
                boolean declared = c.result == AttendanceCheck.Result.DECLARED;
                a.state = declared ? "declared" : "waiting";
                a.accountId = declared ? c.person.accountId() : null;
                a.declarationId = c.declarationId;
                a.settledAt = declared ? now : null;
                kept.add(a);
            }
        }
        for (int i = 0; i < rows.size(); i += INSERT_CHUNK) {
            m.insertRows(importId, rows.subList(i, Math.min(rows.size(), i + INSERT_CHUNK)));
        }
        for (int i = 0; i < kept.size(); i += INSERT_CHUNK) {
            m.insertAttendees(kept.subList(i, Math.min(kept.size(), i + INSERT_CHUNK)));
        }
    }

    private static Totals totals(List<AttendanceCheck.Checked> lines) {
        int ok = 0;
        int waiting = 0;
        int refused = 0;
        for (AttendanceCheck.Checked c : lines) {
            if (c.result.refused()) {
                refused++;
            } else if (c.result == AttendanceCheck.Result.WAITING) {
                waiting++;
            } else {
                ok++;
            }
        }
        return new Totals(lines.size(), ok, waiting, refused);
    }

    private Report report(Long importId, boolean dryRun, String fileName, String type, List<AttendanceCheck.Checked> lines) {
        List<Line> out = lines.stream().map(c -> new Line(c.line.row(), c.line.idNumber(), c.line.name(),
                c.hours == null ? c.line.hours() : c.hours.stripTrailingZeros().toPlainString(), c.result.code(),
                c.result.label, c.message)).toList();
        return new Report(importId, dryRun, fileName, type, settings.approveAtOnce(), totals(lines), out, results());
    }

    static List<ResultName> results() {
        return Arrays.stream(AttendanceCheck.Result.values()).map(r -> new ResultName(r.code(), r.label)).toList();
    }
}
