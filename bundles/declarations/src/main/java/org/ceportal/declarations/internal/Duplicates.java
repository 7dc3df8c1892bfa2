package org.ceportal.declarations.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.attachments.api.Attachment;
import org.ceportal.attachments.api.AttachmentService;
import org.ceportal.declarations.api.DeclarationState;
import org.ceportal.declarations.api.ReviewDetail.Duplicate;
import org.ceportal.platform.persistence.Store;

/**
 * What a reviewer should look at twice: the owner's other declarations that carry a
 * proof file with the same content, or that declare the same activity again (the same
 * form, the same title, and dates that overlap — or no dates to tell them apart).
 * Drafts and rejected declarations are not counted for the activity: a rejected one is
 * what people copy into a new one.
 */
final class Duplicates {
    private static final int MAX_CANDIDATES = 200;

    private final Store store;
    private final AttachmentService attachments;

    Duplicates(Store store, AttachmentService attachments) {
        this.store = store;
        this.attachments = attachments;
    }

    List<Duplicate> of(DeclarationRow row) {
        List<Duplicate> out = new ArrayList<>();
        Map<Long, List<String>> files = new LinkedHashMap<>();
        for (Attachment a : attachments.sameContentElsewhere(row.id)) {
            files.computeIfAbsent(a.declarationId(), k -> new ArrayList<>()).add(a.name());
        }
        List<DeclarationRow> sameForm;
        List<DeclarationRow> withFiles;
        try (SqlSession s = store.session()) {
            DeclarationMapper m = s.getMapper(DeclarationMapper.class);
            sameForm = m.sameFormOfOwner(row.ownerId, row.formId, row.id, MAX_CANDIDATES);
            withFiles = files.isEmpty() ? List.of() : m.ofOwner(row.ownerId, List.copyOf(files.keySet()));
        }
        for (DeclarationRow other : withFiles) {
            out.add(new Duplicate("same_file", "相同的证明材料", other.id, DeclarationState.labelOf(other.state), other.title,
                    "附件内容相同：" + String.join("、", files.get(other.id))));
        }
        List<Range> mine = ranges(row);
        for (DeclarationRow other : sameForm) {
            if (other.title == null || row.title == null || !normal(other.title).equals(normal(row.title))) {
                continue;
            }
            List<Range> theirs = ranges(other);
            boolean overlap = mine.isEmpty() || theirs.isEmpty()
                    || mine.stream().anyMatch(a -> theirs.stream().anyMatch(a::overlaps));
            if (overlap) {
                out.add(new Duplicate("same_activity", "可能重复申报", other.id, DeclarationState.labelOf(other.state),
                        other.title, "同一学习形式、相同名称" + (mine.isEmpty() || theirs.isEmpty() ? "" : "、时间重叠")));
            }
        }
        return out;
    }

    private record Range(LocalDate from, LocalDate to) {
        boolean overlaps(Range o) {
            return !from.isAfter(o.to) && !o.from.isAfter(to);
        }
    }

    /** The dates of the declaration's date and date-range fields, read against its own schema snapshot. */
    @SuppressWarnings("unchecked")
    private static List<Range> ranges(DeclarationRow row) {
        List<Range> out = new ArrayList<>();
        Map<String, Object> values = JsonText.read(row.valuesJson);
        Object fields = JsonText.read(row.schemaJson).get("fields");
        if (!(fields instanceof List<?> list)) {
            return out;
        }
        for (Object f : list) {
            if (!(f instanceof Map<?, ?> field)) {
                continue;
            }
            Object value = values.get(String.valueOf(field.get("key")));
            String type = String.valueOf(field.get("type"));
            if ("date".equals(type)) {
                LocalDate d = date(value);
                if (d != null) {
                    out.add(new Range(d, d));
                }
            } else if ("date_range".equals(type) && value instanceof Map<?, ?> r) {
                LocalDate from = date(((Map<String, Object>) r).get("from"));
                LocalDate to = date(((Map<String, Object>) r).get("to"));
                if (from != null && to != null && !to.isBefore(from)) {
                    out.add(new Range(from, to));
                }
            }
        }
        return out;
    }

    private static LocalDate date(Object v) {
        try {
            return v == null ? null : LocalDate.parse(String.valueOf(v));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String normal(String title) {
        return title.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
