package org.ceportal.declarations.internal;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.apache.ibatis.cursor.Cursor;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.declarations.api.CountedDeclaration;
import org.ceportal.declarations.api.DeclarationRecords;
import org.ceportal.declarations.api.DeclarationState;
import org.ceportal.declarations.api.OwnerApprovals;
import org.ceportal.declarations.api.YearActivity;
import org.ceportal.platform.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link DeclarationRecords} for the yearly completion: reads, never changes. */
@Component(service = DeclarationRecords.class)
public final class DeclarationRecordsService implements DeclarationRecords {
    /** Months are China's: a declaration sent at 00:30 on 1 March in Henan is a March one. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Store store;
    private final Units units;

    @Activate
    public DeclarationRecordsService(@Reference DeclarationsComponent component) {
        this(component.store(), component.units());
    }

    DeclarationRecordsService(Store store) {
        this(store, Units.HOURS_ONLY);
    }

    DeclarationRecordsService(Store store, Units units) {
        this.store = store;
        this.units = units;
    }

    @Override
    public List<CountedDeclaration> approved(long ownerId) {
        try (SqlSession s = store.session()) {
            return s.getMapper(DeclarationMapper.class).approvedOf(ownerId).stream().map(r -> {
                Map<String, Object> schema = JsonText.read(r.schemaJson);
                BigDecimal max = units.convert(Schemas.amount(schema, "maxPerYear"), String.valueOf(schema.get("kind")), r.kind);
                return new CountedDeclaration(r.id, r.declYear, r.formId, r.formName, r.kind, r.category,
                        Schemas.categoryName(r.category), r.title, r.approvedHours, max, r.decidedAt.toInstant());
            }).toList();
        }
    }

    @Override
    public Map<Integer, Map<String, BigDecimal>> pendingByYear(long ownerId) {
        Map<Integer, Map<String, BigDecimal>> out = new TreeMap<>();
        try (SqlSession s = store.session()) {
            for (PendingSum p : s.getMapper(DeclarationMapper.class).pendingOf(ownerId)) {
                out.computeIfAbsent(p.declYear, y -> new TreeMap<>()).merge(p.kind, p.hours, BigDecimal::add);
            }
        }
        return out;
    }

    @Override
    public Map<Long, List<CountedDeclaration>> approvedInUnit(long unitId, int year) {
        Map<Long, List<CountedDeclaration>> byOwner = new java.util.LinkedHashMap<>();
        try (SqlSession s = store.session()) {
            DeclarationMapper m = s.getMapper(DeclarationMapper.class);
            Caps caps = new Caps(m);
            for (DeclarationRow r : m.approvedInUnit(unitId, year)) {
                byOwner.computeIfAbsent(r.ownerId, o -> new ArrayList<>()).add(counted(r, caps));
            }
        }
        return byOwner;
    }

    @Override
    public Stream<OwnerApprovals> approvedInYear(int year) {
        SqlSession rows = store.session();
        SqlSession schemas = store.session();
        try {
            Cursor<DeclarationRow> cursor = rows.getMapper(DeclarationMapper.class).provinceApproved(year);
            Caps caps = new Caps(schemas.getMapper(DeclarationMapper.class));
            Iterator<DeclarationRow> it = cursor.iterator();
            Iterator<OwnerApprovals> byOwner = new Iterator<>() {
                private DeclarationRow next = it.hasNext() ? it.next() : null;

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public OwnerApprovals next() {
                    if (next == null) {
                        throw new NoSuchElementException();
                    }
                    long owner = next.ownerId;
                    List<CountedDeclaration> of = new ArrayList<>();
                    while (next != null && next.ownerId == owner) {
                        of.add(counted(next, caps));
                        next = it.hasNext() ? it.next() : null;
                    }
                    return new OwnerApprovals(owner, of);
                }
            };
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(byOwner, Spliterator.ORDERED | Spliterator.NONNULL),
                    false).onClose(() -> {
                        try {
                            rows.close();
                        } finally {
                            schemas.close();
                        }
                    });
        } catch (RuntimeException e) {
            rows.close();
            schemas.close();
            throw e;
        }
    }

    @Override
    public YearActivity activity(int year) {
        int[] submitted = new int[12];
        int[] approvedOf = new int[12];
        int[] waiting = {0};
        Map<String, FormCount> forms = new java.util.HashMap<>();
        try (SqlSession s = store.session()) {
            s.getMapper(DeclarationMapper.class).activityOf(year, context -> {
                DeclarationRow r = context.getResultObject();
                boolean approved = DeclarationState.APPROVED.code().equals(r.state);
                if (DeclarationState.PENDING.code().equals(r.state) || DeclarationState.UNIT_APPROVED.code().equals(r.state)) {
                    waiting[0]++;
                }
                if (r.submittedAt != null) {
                    int month = r.submittedAt.toInstant().atZone(CHINA).getMonthValue() - 1;
                    submitted[month]++;
                    if (approved) {
                        approvedOf[month]++;
                    }
                }
                FormCount f = forms.computeIfAbsent(r.formId + "|" + r.kind, k -> new FormCount(r.formId, r.kind));
                f.latestId = Math.max(f.latestId, r.id);
                f.declarations++;
                if (approved) {
                    f.approved++;
                    f.hours = f.hours.add(r.approvedHours == null ? BigDecimal.ZERO : r.approvedHours);
                }
            });
        }
        List<YearActivity.Month> months = new ArrayList<>(12);
        for (int m = 0; m < 12; m++) {
            months.add(new YearActivity.Month(m + 1, (m + 1) + "月", submitted[m], approvedOf[m]));
        }
        List<YearActivity.FormUse> uses = new ArrayList<>();
        try (SqlSession s = store.session()) {
            DeclarationMapper m = s.getMapper(DeclarationMapper.class);
            for (FormCount f : forms.values()) {
                f.name = m.formNameOf(f.latestId); // the name on the latest declaration: one row per form
            }
        }
        for (FormCount f : forms.values()) {
            uses.add(new YearActivity.FormUse(f.formId, f.name, f.kind, "CREDITS".equals(f.kind) ? "学分" : "学时",
                    f.declarations, f.approved, f.hours));
        }
        uses.sort(java.util.Comparator.comparingInt(YearActivity.FormUse::declarations).reversed()
                .thenComparing(YearActivity.FormUse::formId));
        return new YearActivity(year, months, uses, waiting[0]);
    }

    /** A form's counts while a year is read. */
    private static final class FormCount {
        final String formId;
        final String kind;
        long latestId = Long.MIN_VALUE;
        String name;
        int declarations;
        int approved;
        BigDecimal hours = BigDecimal.ZERO;

        FormCount(String formId, String kind) {
            this.formId = formId;
            this.kind = kind;
        }
    }

    /** The yearly cap of each form version, from its schema snapshot, read once per version. */
    private final class Caps {
        private final DeclarationMapper mapper;
        private final Map<String, BigDecimal> byVersion = new java.util.HashMap<>();

        Caps(DeclarationMapper mapper) {
            this.mapper = mapper;
        }

        BigDecimal of(DeclarationRow r) {
            String key = r.formId + "@" + r.formVersion + "@" + r.kind;
            if (!byVersion.containsKey(key)) { // a form without a cap keeps its null, read once too
                Map<String, Object> schema = JsonText.read(mapper.schemaOf(r.id));
                byVersion.put(key, units.convert(Schemas.amount(schema, "maxPerYear"), String.valueOf(schema.get("kind")), r.kind));
            }
            return byVersion.get(key);
        }
    }

    private static CountedDeclaration counted(DeclarationRow r, Caps caps) {
        return new CountedDeclaration(r.id, r.declYear, r.formId, r.formName, r.kind, r.category,
                Schemas.categoryName(r.category), r.title, r.approvedHours, caps.of(r), r.decidedAt.toInstant());
    }

    @Override
    public int waitingInUnit(long unitId) {
        try (SqlSession s = store.session()) {
            QueueRow q = s.getMapper(DeclarationMapper.class).queue(unitId, DeclarationState.PENDING.code());
            return q == null ? 0 : (int) q.pending;
        }
    }

    @Override
    public Integer firstYear(long ownerId) {
        try (SqlSession s = store.session()) {
            return s.getMapper(DeclarationMapper.class).firstYear(ownerId);
        }
    }
}
