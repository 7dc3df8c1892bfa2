package org.ceportal.bases.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.directory.api.DirectoryService;
import org.ceportal.directory.api.Region;
import org.ceportal.platform.api.FieldError;
import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.api.Texts;
import org.ceportal.platform.persistence.Store;

/**
 * 基地管理: ops add and edit the accredited continuing-education bases. An accreditation number
 * belongs to one base; a base's accreditation holds from {@code validFrom} to {@code validTo}
 * (both included, days in China), and only then may it declare for its attendees.
 */
final class Bases {
    static final int MAX_NAME = 100;
    static final int MAX_QUERY = 50;
    private static final Pattern ACCREDITATION = Pattern.compile("[A-Za-z0-9\\-（）()〔〕\\[\\]\\p{IsHan}]{1,40}");

    /** Where a base's accreditation stands today. */
    enum Status {
        VALID("认定有效"),
        NOT_YET("尚未生效"),
        LAPSED("认定已过期");

        final String label;

        Status(String label) {
            this.label = label;
        }
    }

    /** A base as ops see it; {@code status} and its name say whether it may declare today. */
    public record Base(long id, String name, String regionCode, String regionName, String accreditationNo,
                       String validFrom, String validTo, String status, String statusName, int version) {
    }

    /** What ops send to add or change a base. */
    public static final class Edit {
        public String name;
        public String regionCode;
        public String accreditationNo;
        public String validFrom;
        public String validTo;
        public Integer version;
    }

    /** The audit trail, written in the change's transaction. */
    @FunctionalInterface
    interface Audit {
        void record(Long actor, String action, String subject, String outcome, String address);
    }

    private final Store store;
    private final DirectoryService directory;
    private final Audit audit;
    private final ZoneId zone;
    private final Clock clock;

    Bases(Store store, DirectoryService directory, Audit audit, ZoneId zone, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.audit = audit;
        this.zone = zone;
        this.clock = clock;
    }

    Page<Base> search(String q, String regionCode, PageRequest page) {
        String query = q == null || q.isBlank() ? null : q.strip();
        if (query != null && query.length() > MAX_QUERY) {
            throw ProblemException.invalid("q", "搜索内容不能超过 " + MAX_QUERY + " 个字");
        }
        String region = regionCode == null || regionCode.isBlank() ? null : regionCode.strip();
        if (region != null && directory.region(region).isEmpty()) {
            throw ProblemException.invalid("regionCode", "所选地区不存在");
        }
        String pattern = query == null ? null : Texts.containsPattern(query);
        try (SqlSession s = store.session()) {
            BaseMapper m = s.getMapper(BaseMapper.class);
            long total = m.count(pattern, region);
            List<Base> items = page.offset() >= total ? List.of()
                    : m.search(pattern, region, page.offset(), page.size()).stream().map(this::view).toList();
            return new Page<>(items, total, page);
        }
    }

    Optional<Base> find(long id) {
        return row(id).map(this::view);
    }

    Optional<BaseRow> row(long id) {
        try (SqlSession s = store.session()) {
            return Optional.ofNullable(s.getMapper(BaseMapper.class).byId(id));
        }
    }

    Base create(long actor, String address, Edit e) {
        BaseRow row = checked(e, null);
        return store.inTransaction(s -> {
            BaseMapper m = s.getMapper(BaseMapper.class);
            taken(m, row.accreditationNo, null);
            Timestamp now = Timestamp.from(clock.instant());
            row.createdAt = now;
            row.updatedAt = now;
            m.insert(row);
            audit.record(actor, "base_create", "base:" + row.id, "created", address);
            return view(m.byId(row.id));
        });
    }

    Base update(long actor, String address, long id, Edit e) {
        List<FieldError> errors = new ArrayList<>();
        if (e != null && e.version == null) {
            errors.add(new FieldError("version", "缺少版本号，请刷新后再保存"));
        }
        BaseRow row = checked(e, errors);
        row.id = id;
        return store.inTransaction(s -> {
            BaseMapper m = s.getMapper(BaseMapper.class);
            if (m.byId(id) == null) {
                throw notFound();
            }
            taken(m, row.accreditationNo, id);
            row.updatedAt = Timestamp.from(clock.instant());
            if (m.update(row, e.version) != 1) {
                throw ProblemException.conflict("stale_version", "该基地已在其他页面被修改，请刷新后再保存");
            }
            audit.record(actor, "base_update", "base:" + id, "updated", address);
            return view(m.byId(id));
        });
    }

    static ProblemException notFound() {
        return ProblemException.notFound("base_not_found", "未找到该继续教育基地");
    }

    private static void taken(BaseMapper m, String accreditationNo, Long except) {
        Long holder = m.idOfAccreditation(accreditationNo);
        if (holder != null && !holder.equals(except)) {
            throw ProblemException.conflict("accreditation_taken", "认定编号「" + accreditationNo + "」已属于另一个基地");
        }
    }

    private BaseRow checked(Edit e, List<FieldError> earlier) {
        List<FieldError> errors = earlier == null ? new ArrayList<>() : earlier;
        if (e == null) {
            throw ProblemException.invalid("name", "请填写基地信息");
        }
        BaseRow row = new BaseRow();
        row.name = e.name == null ? "" : e.name.strip();
        if (row.name.isEmpty()) {
            errors.add(new FieldError("name", "请填写基地名称"));
        } else {
            Texts.problem("name", "基地名称", row.name, MAX_NAME, false).ifPresent(errors::add);
        }
        row.regionCode = e.regionCode == null ? "" : e.regionCode.strip();
        Optional<Region> region = row.regionCode.isEmpty() ? Optional.empty() : directory.region(row.regionCode);
        if (region.isEmpty()) {
            errors.add(new FieldError("regionCode", "请选择基地所在地区"));
        }
        row.accreditationNo = e.accreditationNo == null ? "" : e.accreditationNo.strip();
        if (row.accreditationNo.isEmpty()) {
            errors.add(new FieldError("accreditationNo", "请填写认定编号"));
        } else if (!ACCREDITATION.matcher(row.accreditationNo).matches()) {
            errors.add(new FieldError("accreditationNo", "认定编号只能包含汉字、字母、数字、括号和连字符，最多 40 个字符"));
        }
        LocalDate from = Days.parse(e.validFrom, "validFrom", "认定有效期的开始日期", errors);
        LocalDate to = Days.parse(e.validTo, "validTo", "认定有效期的结束日期", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError("validTo", "结束日期不能早于开始日期"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        row.validFrom = Date.valueOf(from);
        row.validTo = Date.valueOf(to);
        return row;
    }

    /** Where the accreditation stands on {@code day}. */
    static Status status(LocalDate from, LocalDate to, LocalDate day) {
        return day.isBefore(from) ? Status.NOT_YET : day.isAfter(to) ? Status.LAPSED : Status.VALID;
    }

    private Base view(BaseRow r) {
        LocalDate from = r.validFrom.toLocalDate();
        LocalDate to = r.validTo.toLocalDate();
        Status st = status(from, to, LocalDate.now(clock.withZone(zone)));
        return new Base(r.id, r.name, r.regionCode, directory.region(r.regionCode).map(x -> x.name).orElse(null),
                r.accreditationNo, from.toString(), to.toString(), st.name(), st.label, r.version);
    }
}
