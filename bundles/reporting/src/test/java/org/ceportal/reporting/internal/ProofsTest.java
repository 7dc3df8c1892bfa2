package org.ceportal.reporting.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ceportal.fonts.CjkFont;
import org.junit.Test;

/** What a 学时证明 says on paper, and when it stops holding. */
public class ProofsTest {

    private static ProofRow proof() {
        ProofRow r = new ProofRow();
        r.id = 1L;
        r.code = "7KQ2M9X4HT0RW5VJ8C3NPE6B1A";
        r.accountId = 11;
        r.proofYear = 2026;
        r.issuedAt = Timestamp.from(Instant.parse("2026-12-31T15:30:00Z"));
        r.personName = "王芳";
        r.idNumberMasked = Proofs.mask("410302198707150017");
        r.unitName = "洛阳市第一中学";
        r.kind = "HOURS";
        r.requiredTotal = new BigDecimal("90");
        r.requiredGeneral = new BigDecimal("30");
        r.requiredProfessional = new BigDecimal("60");
        r.approvedTotal = new BigDecimal("96");
        r.approvedGeneral = new BigDecimal("32");
        r.approvedProfessional = new BigDecimal("64");
        r.met = 1;
        return r;
    }

    private static ProofItemRow item(int n, long declaration, String title, String hours) {
        ProofItemRow i = new ProofItemRow();
        i.lineNo = n;
        i.declarationId = declaration;
        i.decidedOn = Date.valueOf("2026-05-0" + (1 + n % 9));
        i.formName = "培训/进修";
        i.title = title;
        i.categoryName = n % 3 == 0 ? "公需科目" : "专业科目";
        i.countedHours = new BigDecimal(hours);
        return i;
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    public void thePdfSaysWhoWhichYearAndHowManyHoursInChinese() throws Exception {
        byte[] pdf = new ProofPdf(CjkFont::bytes, CompletionService.CHINA)
                .render(proof(), List.of(item(1, 101, "新课程标准解读研修班", "24"), item(3, 102, "师德师风专题培训 😀", "32")),
                        "https://jxjy.example.gov.cn/verify.html?code=7KQ2M9X4HT0RW5VJ8C3NPE6B1A");
        String text = text(pdf);
        assertTrue(text, text.contains("专业技术人员继续教育学时证明"));
        assertTrue(text, text.contains("王芳"));
        assertTrue(text, text.contains("410***********0017"));
        assertTrue(text, text.contains("2026 年度"));
        assertTrue(text, text.contains("达标"));
        assertTrue(text, text.contains("新课程标准解读研修班"));
        assertTrue("a glyph the font lacks prints as ?", text.contains("师德师风专题培训 ?"));
        assertTrue(text, text.contains("96"));
        assertTrue(text, text.contains("7KQ2M9X4HT0RW5VJ8C3NPE6B1A"));
        assertTrue(text, text.contains("2026 年 12 月 31 日")); // 23:30 in China
        assertTrue("the font is embedded as a subset, not all 10 MB: " + pdf.length, pdf.length < 200_000);
    }

    @Test
    public void aLongListGoesOnOverMorePages() throws Exception {
        List<ProofItemRow> items = new ArrayList<>();
        for (int n = 1; n <= 120; n++) {
            items.add(item(n, 1000 + n, "第 " + n + " 期网络研修：信息技术与学科教学深度融合的理论与实践案例分析", "1"));
        }
        byte[] pdf = new ProofPdf(CjkFont::bytes, CompletionService.CHINA).render(proof(), items, "http://localhost/verify.html");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() >= 3);
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("第 120 期"));
            assertTrue("a long title is cut with an ellipsis", text.contains("…"));
        }
    }

    @Test
    public void aProofHoldsWhileEveryApprovalItCountsStands() {
        List<ProofItemRow> items = List.of(item(1, 101, "A", "24"), item(2, 102, "B", "8"));
        Completion.Detail same = detail(counted(101, "24"), counted(102, "8"), counted(103, "16"));
        assertEquals(ProofStatus.VALID, Proofs.status(items, same));
        assertEquals(ProofStatus.SUPERSEDED, Proofs.status(items, detail(counted(101, "24"))));
        assertEquals(ProofStatus.SUPERSEDED, Proofs.status(items, detail(counted(101, "24"), counted(102, "6"))));
        assertEquals(ProofStatus.SUPERSEDED, Proofs.status(items, null));
    }

    @Test
    public void codesAreReadAsTypedAndMasksHideTheMiddle() {
        assertEquals("7KQ2M9X4HT0RW5VJ8C3NPE6B1A", Proofs.normalise(" 7kq2-m9x4-ht0r-w5vj-8c3n-pe6b-1a "));
        assertNull(Proofs.normalise("7KQ2M9X4HT0RW5VJ8C3NPE6B1"));
        assertNull(Proofs.normalise("../../etc/passwd"));
        assertEquals("410***********0017", Proofs.mask("410302198707150017"));
        assertEquals("***", Proofs.mask("123"));
    }

    private static Completion.Item counted(long id, String hours) {
        return new Completion.Item(id, Instant.parse("2026-05-01T02:00:00Z"), "培训/进修", "T", "PROFESSIONAL", "专业科目",
                new BigDecimal(hours), new BigDecimal(hours), null);
    }

    private static Completion.Detail detail(Completion.Item... items) {
        return new Completion.Detail(new Completion.Year(2026, "学时", null, Completion.Hours.NONE, BigDecimal.ZERO, null),
                List.of(items));
    }
}
