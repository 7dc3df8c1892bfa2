package org.ceportal.declarations.internal;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ceportal.declarations.api.DeclarationDetail;
import org.ceportal.platform.internal.Refused;
import org.ceportal.platform.internal.TestStores;
import org.ceportal.platform.persistence.Store;
import org.ceportal.platform.security.Caller;
import org.ceportal.platform.security.Role;
import org.junit.Before;
import org.junit.Test;

/** 学分申报: someone whose year counts 学分 declares a 学时 form in 学分, converted by configuration. */
public class CreditDeclarationsTest {
    private static final Caller ACCOUNTANT = new Caller(21, "陈会计", Role.PROFESSIONAL, 7L);
    private static final Caller TEACHER = new Caller(22, "王老师", Role.PROFESSIONAL, 7L);

    private Store store;
    private Declarations declarations;
    private FakeAttachments files;

    @Before
    public void setUp() {
        FormRegistry registry = new FormRegistry();
        registry.addForm(new DeclarationsTest.ReadingForm("1.0.0", List.of()), java.util.Map.of());
        files = new FakeAttachments();
        store = TestStores.migrated("declarations", DeclarationMapper.class);
        // the accountant's years count 学分, at 0.5 学分 per 学时
        Units units = new Units((account, year) -> account == ACCOUNTANT.accountId() ? "CREDITS" : "HOURS",
                new BigDecimal("0.5"));
        declarations = new Declarations(store, registry, files, 1, ZoneId.of("Asia/Shanghai"),
                Clock.fixed(Instant.parse("2026-12-31T15:30:00Z"), ZoneOffset.UTC), (a, b, c, d, e) -> { }, units);
    }

    private DeclarationRequest reading(Caller who, String hours, String claimed) {
        DeclarationRequest r = new DeclarationRequest();
        r.formId = "reading";
        r.year = 2026;
        r.category = "PROFESSIONAL";
        r.values = new HashMap<>(Map.of("title", "《会计准则解读》", "hours", hours));
        r.claimedHours = claimed == null ? null : new BigDecimal(claimed);
        r.attachmentIds = List.of(files.upload(who.accountId(), "证书.pdf"));
        return r;
    }

    @Test
    public void aCreditsYearDeclaresInCreditsConvertedByConfiguration() {
        DeclarationDetail d = declarations.create(ACCOUNTANT, reading(ACCOUNTANT, "16", null), null);
        assertEquals("学分", d.summary().unit());
        assertEquals(0, new BigDecimal("8").compareTo(d.summary().claimedHours()));
        DeclarationDetail teacher = declarations.create(TEACHER, reading(TEACHER, "16", null), null);
        assertEquals("学时", teacher.summary().unit());
        assertEquals(0, new BigDecimal("16").compareTo(teacher.summary().claimedHours()));
    }

    @Test
    public void claimsAndCapsAreInTheDeclaredUnit() {
        var refused = Refused.by(() -> declarations.create(ACCOUNTANT, reading(ACCOUNTANT, "16", "9"), null));
        assertEquals("claimedHours", refused.errors().get(0).field());
        assertEquals("申报学分不能超过按规则核算的 8 学分", refused.errors().get(0).message());
        // the form's 40 学时 per item are 20 学分
        DeclarationDetail capped = declarations.create(ACCOUNTANT, reading(ACCOUNTANT, "100", null), null);
        assertEquals(0, new BigDecimal("20").compareTo(capped.summary().claimedHours()));
    }
}
