package org.ceportal.declarations.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.attachments.api.AttachmentService;
import org.ceportal.declarations.api.DeclarationDetail;
import org.ceportal.declarations.api.DeclarationState;
import org.ceportal.declarations.api.DeclarationSummary;
import org.ceportal.declarations.api.StoredJson;
import org.ceportal.learningform.api.DeclarationKind;
import org.ceportal.platform.api.Page;
import org.ceportal.platform.api.PageRequest;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.persistence.Store;

/** Declarations as the answers show them: list lines and the full view, labels included. */
final class DeclarationViews {
    private final Store store;
    private final FormRegistry forms;
    private final AttachmentService attachments;
    private final OwnLists ownLists;

    /** Views that keep no list in memory (the reviewers' side reads details only). */
    DeclarationViews(Store store, FormRegistry forms, AttachmentService attachments) {
        this(store, forms, attachments, OwnLists.none());
    }

    DeclarationViews(Store store, FormRegistry forms, AttachmentService attachments, OwnLists ownLists) {
        this.store = store;
        this.forms = forms;
        this.attachments = attachments;
        this.ownLists = ownLists;
    }

    /** A page of the owner's declarations, newest change first. */
    Page<DeclarationSummary> list(long ownerId, String state, String year, PageRequest page) {
        String s = stateFilter(state);
        Integer y = yearFilter(year);
        try (SqlSession session = store.session()) {
            return read(session.getMapper(DeclarationMapper.class), ownerId, s, y, page);
        }
    }

    /** {@link #list} as the API answers it: kept in memory while the owner's declarations are unchanged. */
    byte[] listJson(long ownerId, String state, String year, PageRequest page) {
        String s = stateFilter(state);
        Integer y = yearFilter(year);
        OwnLists.Key key = new OwnLists.Key(ownerId, s, y, page.offset(), page.size());
        byte[] trusted = ownLists.trusted(key); // the only node: no write of theirs committed since it was kept
        if (trusted != null) {
            return trusted;
        }
        long generation = ownLists.generation();
        try (SqlSession session = store.session()) {
            DeclarationMapper m = session.getMapper(DeclarationMapper.class);
            // the count of changes first: a page read after it is never newer than it says
            Long changes = m.ownerChanges(ownerId);
            return ownLists.get(key, changes, generation, () -> read(m, ownerId, s, y, page));
        }
    }

    private static Page<DeclarationSummary> read(DeclarationMapper m, long ownerId, String state, Integer year,
            PageRequest page) {
        int total = m.count(ownerId, state, year);
        List<DeclarationSummary> items = m.list(ownerId, state, year, page.offset(), page.size()).stream()
                .map(DeclarationViews::summary).toList();
        return new Page<>(items, total, page);
    }

    DeclarationDetail detail(DeclarationRow row) {
        List<HistoryRow> history;
        try (SqlSession s = store.session()) {
            history = s.getMapper(DeclarationMapper.class).historyOf(row.id);
        }
        List<DeclarationDetail.AttachmentInfo> files = attachments.ofDeclaration(row.id).stream()
                .map(a -> new DeclarationDetail.AttachmentInfo(a.id(), a.name(), a.size(), a.mediaType(), a.sha256()))
                .toList();
        List<DeclarationDetail.HistoryEntry> h = history.stream()
                .map(x -> new DeclarationDetail.HistoryEntry(instant(x.happenedAt), x.fromState, x.toState,
                        DeclarationState.labelOf(x.toState), x.note, x.hoursBefore, x.hoursAfter))
                .toList();
        return new DeclarationDetail(summary(row), row.formVersion, row.kind, row.proposedHours, row.explanation,
                new StoredJson(row.valuesJson), new StoredJson(row.schemaJson), forms.get(row.formId).isPresent(), files,
                instant(row.createdAt), instant(row.decidedAt), h);
    }

    static DeclarationSummary summary(DeclarationRow row) {
        return new DeclarationSummary(row.id, row.version, row.state, DeclarationState.labelOf(row.state), row.formId,
                row.formName, kindName(row.kind), unitOf(row.kind), row.declYear, row.category,
                Schemas.categoryName(row.category), row.claimedHours, row.approvedHours, row.title, row.reviewNote,
                row.rejectReason, instant(row.updatedAt), instant(row.submittedAt), row.origin);
    }

    /** A state filter from a query: null for all, else a known code. */
    static String stateFilter(String state) {
        if (state == null || state.isBlank() || state.equals("all")) {
            return null;
        }
        String s = state.strip();
        if (DeclarationState.of(s).isEmpty()) {
            StringBuilder known = new StringBuilder();
            for (DeclarationState x : DeclarationState.values()) {
                known.append(known.isEmpty() ? "" : "、").append(x.code()).append("（").append(x.label()).append("）");
            }
            throw ProblemException.invalid("state", "状态只能是 " + known);
        }
        return s;
    }

    static Integer yearFilter(String year) {
        if (year == null || year.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(year.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("year", "年度应为四位数字");
        }
    }

    static String unitOf(String kind) {
        try {
            return DeclarationKind.valueOf(kind).unit();
        } catch (IllegalArgumentException e) {
            return "学时";
        }
    }

    private static String kindName(String kind) {
        try {
            return DeclarationKind.valueOf(kind).label();
        } catch (IllegalArgumentException e) {
            return kind;
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
