package org.ceportal.bases.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.platform.api.FieldError;
import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.api.Texts;
import org.ceportal.platform.persistence.Store;

/**
 * 班次管理: a base admin's courses — name, dates, hours, category (公需/专业) and 计入年度 — always
 * of the admin's own base: another base's course is not found.
 */
final class Courses {
    static final int MAX_NAME = 100;
    static final BigDecimal MAX_HOURS = new BigDecimal("1000");
    private static final Map<String, String> CATEGORIES = Map.of("GENERAL", "公需科目", "PROFESSIONAL", "专业科目");

    /** A course as its base admin sees it. */
    public record Course(long id, String name, String from, String to, BigDecimal hours, String category,
                         String categoryName, int year, int version) {
    }

    /** What a base admin sends to add or change a course. */
    public static final class Edit {
        public String name;
        public String from;
        public String to;
        public String hours;
        public String category;
        public Integer year;
        public Integer version;
    }

    private final Store store;
    private final Clock clock;

    Courses(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Page<Course> list(long baseId, String q, PageRequest page) {
        String query = q == null || q.isBlank() ? null : q.strip();
        if (query != null && query.length() > Bases.MAX_QUERY) {
            throw ProblemException.invalid("q", "搜索内容不能超过 " + Bases.MAX_QUERY + " 个字");
        }
        String pattern = query == null ? null : Texts.containsPattern(query);
        try (SqlSession s = store.session()) {
            BaseMapper m = s.getMapper(BaseMapper.class);
            long total = m.countCourses(baseId, pattern);
            List<Course> items = page.offset() >= total ? List.of()
                    : m.courses(baseId, pattern, page.offset(), page.size()).stream().map(Courses::view).toList();
            return new Page<>(items, total, page);
        }
    }

    Optional<Course> find(long baseId, long id) {
        try (SqlSession s = store.session()) {
            return Optional.ofNullable(s.getMapper(BaseMapper.class).course(baseId, id)).map(Courses::view);
        }
    }

    Course create(long baseId, Edit e) {
        CourseRow row = checked(e, new ArrayList<>());
        row.baseId = baseId;
        return store.inTransaction(s -> {
            BaseMapper m = s.getMapper(BaseMapper.class);
            Timestamp now = Timestamp.from(clock.instant());
            row.createdAt = now;
            row.updatedAt = now;
            m.insertCourse(row);
            return view(m.course(baseId, row.id));
        });
    }

    Course update(long baseId, long id, Edit e) {
        List<FieldError> errors = new ArrayList<>();
        if (e != null && e.version == null) {
            errors.add(new FieldError("version", "缺少版本号，请刷新后再保存"));
        }
        CourseRow row = checked(e, errors);
        row.id = id;
        row.baseId = baseId;
        return store.inTransaction(s -> {
            BaseMapper m = s.getMapper(BaseMapper.class);
            if (m.course(baseId, id) == null) {
                throw notFound();
            }
            row.updatedAt = Timestamp.from(clock.instant());
            if (m.updateCourse(row, e.version) != 1) {
                throw ProblemException.conflict("stale_version", "该班次已在其他页面被修改，请刷新后再保存");
            }
            return view(m.course(baseId, id));
        });
    }

    static ProblemException notFound() {
        return ProblemException.notFound("course_not_found", "未找到该班次");
    }

    private static CourseRow checked(Edit e, List<FieldError> errors) {
        if (e == null) {
            throw ProblemException.invalid("name", "请填写班次信息");
        }
        CourseRow row = new CourseRow();
        row.name = e.name == null ? "" : e.name.strip();
        if (row.name.isEmpty()) {
            errors.add(new FieldError("name", "请填写班次名称"));
        } else {
            Texts.problem("name", "班次名称", row.name, MAX_NAME, false).ifPresent(errors::add);
        }
        LocalDate from = Days.parse(e.from, "from", "开始日期", errors);
        LocalDate to = Days.parse(e.to, "to", "结束日期", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError("to", "结束日期不能早于开始日期"));
        }
        row.hours = hours(e.hours, errors);
        row.category = e.category == null ? "" : e.category.strip();
        if (!CATEGORIES.containsKey(row.category)) {
            errors.add(new FieldError("category", "请选择公需科目或专业科目"));
        }
        if (e.year == null) {
            errors.add(new FieldError("year", "请选择计入年度"));
        } else if (from != null && to != null && (e.year < from.getYear() || e.year > to.getYear())) {
            errors.add(new FieldError("year", "计入年度应是班次举办的年度（" + from.getYear()
                    + (to.getYear() == from.getYear() ? "" : " 或 " + to.getYear()) + " 年）"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        row.dateFrom = Date.valueOf(from);
        row.dateTo = Date.valueOf(to);
        row.declYear = e.year;
        return row;
    }

    private static BigDecimal hours(String value, List<FieldError> errors) {
        String v = value == null ? "" : value.strip();
        try {
            BigDecimal h = new BigDecimal(v);
            if (h.signum() <= 0 || h.compareTo(MAX_HOURS) > 0 || h.stripTrailingZeros().scale() > 2) {
                errors.add(new FieldError("hours", "学时应大于 0、不超过 " + MAX_HOURS + "，最多两位小数"));
                return null;
            }
            return h;
        } catch (NumberFormatException ex) {
            errors.add(new FieldError("hours", v.isEmpty() ? "请填写学时" : "学时应是数字，例如 24 或 1.5"));
            return null;
        }
    }

    private static Course view(CourseRow r) {
        return new Course(r.id, r.name, r.dateFrom.toLocalDate().toString(), r.dateTo.toLocalDate().toString(),
                r.hours.stripTrailingZeros(), r.category, CATEGORIES.get(r.category), r.declYear, r.version);
    }
}
