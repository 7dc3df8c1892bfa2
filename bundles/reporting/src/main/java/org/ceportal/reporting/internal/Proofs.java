package org.ceportal.reporting.internal;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.apache.ibatis.session.SqlSession;
import org.ceportal.accounts.api.Profile;
import org.ceportal.platform.api.ProblemException;
import org.ceportal.platform.persistence.Store;
import org.ceportal.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 学时证明: a person asks for a proof of a year's hours; it keeps what it says (the person,
 * the figures, every counted declaration) under an unguessable code. Anyone holding the
 * code can check it; it is valid while every approval it counts still stands with the
 * hours it counted, and superseded once one of them is taken back or changed.
 */
final class Proofs {
    private static final Logger LOG = LoggerFactory.getLogger(Proofs.class);
    /** Crockford's base32: no I, L, O, U to misread when typed from paper. */
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int CODE_LENGTH = 26; // 130 bits
    private static final Pattern CODE = Pattern.compile("[0-9A-Z]{" + CODE_LENGTH + "}");
    static final String NOT_FOUND = "未找到该证明，请核对证明编号";

    /** What an audit entry needs; the log is optional. */
    interface Audit {
        void record(long actor, String action, String subject, String outcome, String address);
    }

    /**
     * A proof as its holder sees it: {@code title} its name (2026 年度学时证明), {@code pdf} and
     * {@code verifyUrl} where to get and check it.
     */
    record Proof(String code, int year, String title, Instant issuedAt, String status, String statusName, String pdf,
                 String verifyUrl) {
    }

    /** One counted declaration as the proof lists it; {@code decidedOn} YYYY-MM-DD in China. */
    record Line(String decidedOn, String formName, String title, String categoryName, BigDecimal countedHours) {
    }

    /** What anyone holding the code sees: the proof's facts as issued and whether they still hold. */
    record Verification(String code, String status, String statusName, String statusNote, Instant issuedAt, String name,
                        String idNumber, String unitName, int year, String unit, Completion.Hours required,
                        Completion.Hours approved, Boolean met, String metName, List<Line> items) {
    }

    /** A proof, and whether this call made it (or gave back an equal one made before). */
    record Issued(Proof proof, boolean created) {
    }

    /** A stored proof and its lines. */
    record Stored(ProofRow row, List<ProofItemRow> items) {
    }

    private final Store store;
    private final CompletionService completion;
    private final Audit audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Proofs(Store store, CompletionService completion, Audit audit, Clock clock) {
        this.store = store;
        this.completion = completion;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Issues a proof of the year for the caller, or gives back their latest one of that
     * year when it says exactly what a new one would.
     *
     * @param links the verification URL of a code
     */
    Issued issue(Caller me, int year, String address, UnaryOperator<String> links) {
        Profile person = completion.profile(me.accountId());
        Completion.Detail detail = completion.year(person, year).orElseThrow(Years::notFound);
        if (detail.items().isEmpty() || detail.year().approved().total().signum() == 0) {
            throw new ProblemException(422, "no_approved_hours", year + " 年度还没有审核通过并计入的"
                    + detail.year().unit() + "，无法开具证明");
        }
        ProofRow row = row(person, detail);
        List<ProofItemRow> items = items(detail);
        return store.inTransaction(s -> {
            ProofMapper m = s.getMapper(ProofMapper.class);
            ProofRow latest = m.latest(me.accountId(), year);
            if (latest != null && same(latest, m.items(latest.id), row, items)) {
                return new Issued(proof(latest, ProofStatus.VALID, links), false);
            }
            row.code = newCode();
            row.issuedAt = Timestamp.from(clock.instant());
            m.insert(row);
            for (ProofItemRow item : items) {
                item.proofId = row.id;
                m.insertItem(item);
            }
            audit.record(me.accountId(), "proof_issue", "proof:" + year, "issued", address);
            LOG.info("Proof of {} issued to account {}", year, me.accountId());
            return new Issued(proof(row, ProofStatus.VALID, links), true);
        });
    }

    /** The caller's proofs, newest first, each with whether it still holds. */
    List<Proof> mine(Caller me, UnaryOperator<String> links) {
        List<ProofRow> rows;
        Map<Long, List<ProofItemRow>> items = new HashMap<>();
        try (SqlSession s = store.session()) {
            ProofMapper m = s.getMapper(ProofMapper.class);
            rows = m.ofAccount(me.accountId());
            for (ProofRow r : rows) {
                items.put(r.id, m.items(r.id));
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Integer, Completion.Detail> now = new HashMap<>();
        completion.years(me.accountId()).forEach(d -> now.put(d.year().year(), d));
        return rows.stream().map(r -> proof(r, status(items.get(r.id), now.get(r.proofYear)), links)).toList();
    }

    /** One of the caller's proofs, to draw. */
    Stored own(Caller me, String code) {
        Stored p = find(code);
        if (p == null || p.row().accountId != me.accountId()) {
            throw ProblemException.notFound("proof_not_found", NOT_FOUND);
        }
        return p;
    }

    /** Anyone's proof by its code, with whether it still holds. */
    Verification verify(String code) {
        Stored p = find(code);
        if (p == null) {
            throw ProblemException.notFound("proof_not_found", NOT_FOUND);
        }
        ProofRow r = p.row();
        Profile person = completion.profile(r.accountId);
        ProofStatus status = status(p.items(), completion.year(person, r.proofYear).orElse(null));
        String note = status == ProofStatus.VALID
                ? "证明所列的审核通过记录至今有效。"
                : "证明开具后，其中有审核通过的记录被撤销或变更，本证明所列内容已不再有效；请向持证人索取重新开具的证明。";
        return new Verification(r.code, status.code, status.label, note, r.issuedAt.toInstant(), r.personName,
                r.idNumberMasked, r.unitName, r.proofYear, unit(r.kind), required(r), approved(r),
                r.met == null ? null : r.met == 1, Completion.metName(r.met == null ? null : r.met == 1),
                p.items().stream().map(Proofs::line).toList());
    }

    /** A proof's code as typed or scanned: case and separators do not matter. */
    static String normalise(String code) {
        if (code == null) {
            return null;
        }
        String c = code.strip().toUpperCase(java.util.Locale.ROOT).replace("-", "").replace(" ", "");
        return CODE.matcher(c).matches() ? c : null;
    }

    private Stored find(String code) {
        String c = normalise(code);
        if (c == null) {
            return null;
        }
        try (SqlSession s = store.session()) {
            ProofMapper m = s.getMapper(ProofMapper.class);
            ProofRow row = m.byCode(c);
            return row == null ? null : new Stored(row, m.items(row.id));
        }
    }

    /** Valid while every declaration it counts is still counted in its year with the same hours. */
    static ProofStatus status(List<ProofItemRow> items, Completion.Detail now) {
        Map<Long, BigDecimal> counted = new HashMap<>();
        if (now != null) {
            now.items().forEach(i -> counted.put(i.declarationId(), i.countedHours()));
        }
        for (ProofItemRow item : items) {
            BigDecimal hours = counted.get(item.declarationId);
            if (hours == null || hours.compareTo(item.countedHours) != 0) {
                return ProofStatus.SUPERSEDED;
            }
        }
        return ProofStatus.VALID;
    }

    private static boolean same(ProofRow old, List<ProofItemRow> oldItems, ProofRow row, List<ProofItemRow> items) {
        if (!(Objects.equals(old.personName, row.personName) && Objects.equals(old.idNumberMasked, row.idNumberMasked)
                && Objects.equals(old.unitName, row.unitName) && Objects.equals(old.kind, row.kind)
                && equal(old.requiredTotal, row.requiredTotal) && equal(old.requiredGeneral, row.requiredGeneral)
                && equal(old.requiredProfessional, row.requiredProfessional) && Objects.equals(old.met, row.met)
                && oldItems.size() == items.size())) {
            return false;
        }
        for (int i = 0; i < items.size(); i++) {
            ProofItemRow a = oldItems.get(i);
            ProofItemRow b = items.get(i);
            if (a.declarationId != b.declarationId || !equal(a.countedHours, b.countedHours)
                    || !Objects.equals(a.title, b.title) || !Objects.equals(a.formName, b.formName)
                    || !Objects.equals(a.categoryName, b.categoryName)) {
                return false;
            }
        }
        return true;
    }

    private static boolean equal(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static ProofRow row(Profile person, Completion.Detail detail) {
        Completion.Year y = detail.year();
        ProofRow r = new ProofRow();
        r.accountId = person.accountId();
        r.proofYear = y.year();
        r.personName = person.name();
        r.idNumberMasked = mask(person.idNumber());
        r.unitName = person.unitName();
        r.kind = "学分".equals(y.unit()) ? "CREDITS" : "HOURS";
        if (y.required() != null) {
            r.requiredTotal = y.required().total();
            r.requiredGeneral = y.required().general();
            r.requiredProfessional = y.required().professional();
        }
        r.approvedTotal = y.approved().total();
        r.approvedGeneral = y.approved().general();
        r.approvedProfessional = y.approved().professional();
        r.met = y.met() == null ? null : y.met() ? 1 : 0;
        return r;
    }

    private static List<ProofItemRow> items(Completion.Detail detail) {
        List<ProofItemRow> out = new ArrayList<>();
        int n = 0;
        for (Completion.Item i : detail.items()) {
            if (i.countedHours().signum() == 0) {
                continue; // a cap cut it off entirely: the proof lists what counts
            }
            ProofItemRow r = new ProofItemRow();
            r.lineNo = ++n;
            r.declarationId = i.declarationId();
            r.decidedOn = i.decidedAt() == null ? null
                    : Date.valueOf(i.decidedAt().atZone(CompletionService.CHINA).toLocalDate());
            r.formName = i.formName();
            r.title = i.title();
            r.categoryName = i.categoryName();
            r.countedHours = i.countedHours();
            out.add(r);
        }
        return out;
    }

    /** 410***********0017: the first three and last four characters of an ID number. */
    static String mask(String idNumber) {
        if (idNumber == null || idNumber.length() < 8) {
            return "***";
        }
        return idNumber.substring(0, 3) + "*".repeat(idNumber.length() - 7) + idNumber.substring(idNumber.length() - 4);
    }

    private String newCode() {
        byte[] bits = new byte[17];
        random.nextBytes(bits);
        StringBuilder c = new StringBuilder(CODE_LENGTH);
        long buffer = 0;
        int held = 0;
        for (byte b : bits) {
            buffer = (buffer << 8) | (b & 0xff);
            held += 8;
            while (held >= 5 && c.length() < CODE_LENGTH) {
                c.append(ALPHABET[(int) (buffer >> (held - 5)) & 31]);
                held -= 5;
            }
        }
        return c.toString();
    }

    static Proof proof(ProofRow r, ProofStatus status, UnaryOperator<String> links) {
        return new Proof(r.code, r.proofYear, r.proofYear + " 年度" + unit(r.kind) + "证明", r.issuedAt.toInstant(),
                status.code, status.label,
                "/api/me/proofs/" + r.code + ".pdf", links.apply(r.code));
    }

    static Line line(ProofItemRow i) {
        return new Line(i.decidedOn == null ? null : i.decidedOn.toLocalDate().toString(), i.formName, i.title,
                i.categoryName, i.countedHours);
    }

    static String unit(String kind) {
        return "CREDITS".equals(kind) ? "学分" : "学时";
    }

    static Completion.Hours required(ProofRow r) {
        return r.requiredTotal == null ? null
                : new Completion.Hours(r.requiredTotal, r.requiredGeneral, r.requiredProfessional);
    }

    static Completion.Hours approved(ProofRow r) {
        return new Completion.Hours(r.approvedTotal, r.approvedGeneral, r.approvedProfessional);
    }
}
