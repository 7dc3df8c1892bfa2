package org.ceportal.declarations.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.declarations.api.CountedDeclaration;
import org.ceportal.declarations.api.DeclarationRecords;
import org.ceportal.declarations.api.DeclarationState;
import org.ceportal.platform.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link DeclarationRecords} for the yearly completion: reads, never changes. */
@Component(service = DeclarationRecords.class)
public final class DeclarationRecordsService implements DeclarationRecords {
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
            Map<String, Map<String, Object>> schemas = new java.util.HashMap<>(); // per form version, read once
            for (DeclarationRow r : m.approvedInUnit(unitId, year)) {
                Map<String, Object> schema = schemas.computeIfAbsent(r.formId + "@" + r.formVersion,
                        k -> JsonText.read(m.schemaOf(r.id)));
                BigDecimal max = units.convert(Schemas.amount(schema, "maxPerYear"), String.valueOf(schema.get("kind")), r.kind);
                byOwner.computeIfAbsent(r.ownerId, o -> new java.util.ArrayList<>()).add(new CountedDeclaration(r.id,
                        r.declYear, r.formId, r.formName, r.kind, r.category, Schemas.categoryName(r.category), r.title,
                        r.approvedHours, max, r.decidedAt.toInstant()));
            }
        }
        return byOwner;
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
