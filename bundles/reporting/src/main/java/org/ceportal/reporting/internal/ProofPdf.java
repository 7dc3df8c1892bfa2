package org.ceportal.reporting.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Supplier;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Draws a 学时证明 as an A4 PDF: the person, the year's figures against the requirement,
 * every counted declaration (over as many pages as they need), the code, the issue date
 * and a QR code of the verification URL. Text is set in Noto Sans SC, embedded as a
 * subset (only the glyphs used), so the file is small and shows the same everywhere.
 */
final class ProofPdf {
    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float LINE = 17;
    private static final float QR_SIZE = 96;
    /** Column widths of the item table: date, form, title, category, hours. */
    private static final float[] COLUMNS = {68, 110, 200, 60, 57};

    private final Supplier<byte[]> fontFile;
    private final ZoneId zone;
    /** The font's 10 MB, read at the first proof and kept while memory allows. */
    private volatile SoftReference<byte[]> font = new SoftReference<>(null);

    /** @param fontFile reads a TrueType font covering CJK (see {@code org.ceportal.fonts.CjkFont}) */
    ProofPdf(Supplier<byte[]> fontFile, ZoneId zone) {
        this.fontFile = fontFile;
        this.zone = zone;
    }

    private byte[] font() {
        byte[] f = font.get();
        if (f == null) {
            f = fontFile.get();
            font = new SoftReference<>(f);
        }
        return f;
    }

    byte[] render(ProofRow r, List<ProofItemRow> items, String verifyUrl) {
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font()));
             PDDocument doc = new PDDocument()) {
            PDType0Font f = PDType0Font.load(doc, ttf, true);
            Writer w = new Writer(doc, f, ttf);
            String unit = Proofs.unit(r.kind);
            ZonedDateTime issued = r.issuedAt.toInstant().atZone(zone);

            w.centred("专业技术人员继续教育" + unit + "证明", 20);
            w.gap(10);
            w.text("姓名：" + r.personName, MARGIN, 12);
            w.text("身份证号：" + r.idNumberMasked, MARGIN + 230, 12);
            w.next();
            w.text("工作单位：" + (r.unitName == null ? "—" : r.unitName), MARGIN, 12);
            w.next();
            w.text("年度：" + r.proofYear + " 年度", MARGIN, 12);
            w.text("结论：" + (r.met == null ? "该年度未设" + unit + "要求" : Completion.metName(r.met == 1)), MARGIN + 230, 12);
            w.next();
            w.gap(6);

            float[] figures = {120, 150, 150};
            w.row(figures, 11, true, "类别", "年度要求（" + unit + "）", "审核通过并计入（" + unit + "）");
            w.row(figures, 11, false, "公需科目", plain(r.requiredGeneral), plain(r.approvedGeneral));
            w.row(figures, 11, false, "专业科目", plain(r.requiredProfessional), plain(r.approvedProfessional));
            w.row(figures, 11, false, "合计", plain(r.requiredTotal), plain(r.approvedTotal));
            w.gap(10);

            w.text("继续历程明细（共 " + items.size() + " 项）", MARGIN, 13);
            w.next();
            w.row(COLUMNS, 10, true, "审核通过日期", "学习形式", "名称", "类别", "计入" + unit);
            for (ProofItemRow i : items) {
                if (w.room() < LINE) {
                    w.newPage();
                    w.row(COLUMNS, 10, true, "审核通过日期", "学习形式", "名称", "类别", "计入" + unit);
                }
                w.row(COLUMNS, 10, false, i.decidedOn == null ? "" : i.decidedOn.toLocalDate().toString(), i.formName,
                        i.title == null ? i.formName : i.title, i.categoryName, plain(i.countedHours));
            }

            if (w.room() < QR_SIZE + 30) {
                w.newPage();
            }
            w.gap(14);
            float top = w.y;
            w.text("证明编号：" + r.code, MARGIN, 11);
            w.next();
            w.text("开具日期：" + issued.getYear() + " 年 " + issued.getMonthValue() + " 月 " + issued.getDayOfMonth() + " 日",
                    MARGIN, 11);
            w.next();
            w.text("在线验证：" + w.fit(verifyUrl, 11, WIDTH - QR_SIZE - 20), MARGIN, 9);
            w.next();
            w.text("本证明依据平台审核通过的" + unit + "记录生成。扫描右侧二维码或打开上述网址，", MARGIN, 9);
            w.next();
            w.text("可核验本证明是否真实、是否仍然有效。", MARGIN, 9);
            w.qr(verifyUrl, MARGIN + WIDTH - QR_SIZE, top - QR_SIZE + 10, QR_SIZE);
            w.close();

            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(r.proofYear + " 年度继续教育" + unit + "证明 " + r.personName);
            info.setSubject("证明编号 " + r.code);
            info.setCreator("专业技术人员继续教育信息服务平台");
            Calendar created = GregorianCalendar.from(issued);
            created.setTimeZone(TimeZone.getTimeZone(zone));
            info.setCreationDate(created);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String plain(BigDecimal b) {
        return Completion.plain(b, "—");
    }

    /** A cursor over pages: where the next line goes, and the drawing primitives. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDType0Font font;
        private final TrueTypeFont ttf;
        private PDPageContentStream page;
        float y;

        Writer(PDDocument doc, PDType0Font font, TrueTypeFont ttf) throws IOException {
            this.doc = doc;
            this.font = font;
            this.ttf = ttf;
            newPage();
        }

        void newPage() throws IOException {
            close();
            PDPage p = new PDPage(PDRectangle.A4);
            doc.addPage(p);
            page = new PDPageContentStream(doc, p);
            y = PDRectangle.A4.getHeight() - MARGIN - 20;
        }

        float room() {
            return y - MARGIN;
        }

        void next() {
            y -= LINE;
        }

        void gap(float points) {
            y -= points;
        }

        void text(String s, float x, float size) throws IOException {
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(x, y);
            page.showText(printable(s));
            page.endText();
        }

        void centred(String s, float size) throws IOException {
            text(s, MARGIN + (WIDTH - width(printable(s), size)) / 2, size);
            y -= size + 8;
        }

        /** One table row: cells cut to their column with an ellipsis, a rule beneath. */
        void row(float[] widths, float size, boolean header, String... cells) throws IOException {
            float x = MARGIN;
            for (int c = 0; c < cells.length; c++) {
                text(fit(cells[c], size, widths[c] - 6), x + 2, size);
                x += widths[c];
            }
            page.setLineWidth(header ? 0.8f : 0.3f);
            page.moveTo(MARGIN, y - 5);
            page.lineTo(x, y - 5);
            page.stroke();
            next();
        }

        /** The text, cut to fit {@code max} points with an ellipsis. */
        String fit(String s, float size, float max) throws IOException {
            String p = printable(s == null ? "" : s);
            if (width(p, size) <= max) {
                return p;
            }
            int end = p.length();
            while (end > 0 && width(p.substring(0, end) + "…", size) > max) {
                end = p.offsetByCodePoints(end, -1);
            }
            return p.substring(0, end) + "…";
        }

        private float width(String s, float size) throws IOException {
            return font.getStringWidth(s) / 1000 * size;
        }

        /** Characters the font has no glyph for (an emoji in a title) print as a question mark. */
        private String printable(String s) throws IOException {
            StringBuilder b = new StringBuilder(s.length());
            var cmap = ttf.getUnicodeCmapLookup();
            s.codePoints().forEach(cp -> {
                if (Character.isISOControl(cp)) {
                    b.append(' ');
                } else if (cmap.getGlyphId(cp) == 0) {
                    b.append('?');
                } else {
                    b.appendCodePoint(cp);
                }
            });
            return b.toString();
        }

        void qr(String content, float x, float bottom, float size) throws IOException {
            BitMatrix m;
            try {
                m = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                        Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                                EncodeHintType.CHARACTER_SET, "UTF-8"));
            } catch (WriterException e) {
                throw new IOException("QR code", e);
            }
            float cell = size / m.getWidth();
            for (int row = 0; row < m.getHeight(); row++) {
                for (int col = 0; col < m.getWidth(); col++) {
                    if (m.get(col, row)) {
                        page.addRect(x + col * cell, bottom + size - (row + 1) * cell, cell, cell);
                    }
                }
            }
            page.fill();
        }

        void close() throws IOException {
            if (page != null) {
                page.close();
                page = null;
            }
        }
    }
}
