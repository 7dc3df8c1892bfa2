package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * 年度完成情况 in a real browser (run by {@link DistributionIT} after the review test
 * approved 19 one-day courses of the person): this year's row, its bars and 「详细」, then
 * 开具学时证明: the PDF downloads and the public verify page shows the proof valid.
 */
final class CompletionInBrowser {
    private final Path home;
    private final String base;

    CompletionInBrowser(Path home, String base) {
        this.home = home;
        this.base = base;
    }

    void run(String professional, String password, int approvedCourses) throws Exception {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        try (Browser browser = new Browser(home.resolve("browser"))) {
            PageDriver b = new PageDriver(browser, base);
            b.loginHome("professional", professional, password);
            browser.clickable(By.cssSelector("a[data-function='completion'], [data-function='completion'] a")).click();
            By row = By.cssSelector("#completion-list [data-year='" + year + "']");
            WebElement thisYear = browser.visible(row);
            // 19 × 8 学时 专业科目, no 公需科目: not met
            assertEquals("false", thisYear.findElement(By.cssSelector(".completion-met")).getAttribute("data-met"));
            String text = thisYear.getText();
            assertTrue(text, text.contains(String.valueOf(approvedCourses * 8)) && text.contains("学时"));
            assertEquals(3, thisYear.findElements(By.cssSelector("[role='progressbar'], progress")).size());
            thisYear.findElement(By.cssSelector(".completion-detail-open")).click();
            browser.until(d -> d.findElements(By.cssSelector("#completion-list [data-year='" + year
                    + "'] .completion-items [data-declaration-id]")).size() == approvedCourses);

            // 学时证明: issue it, the PDF downloads, and the verify page says it is valid
            browser.clickable(By.cssSelector("#completion-list [data-year='" + year + "'] .completion-proof-issue")).click();
            WebElement proof = browser.visible(By.cssSelector("#proof-list [data-proof-code][data-status='valid']"));
            String code = proof.getAttribute("data-proof-code");
            browser.until(d -> pdfIn(browser.downloads()) != null);
            byte[] pdf = Files.readAllBytes(pdfIn(browser.downloads()));
            assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
            String verify = proof.findElement(By.cssSelector("a.proof-verify")).getAttribute("href");
            assertTrue(verify, verify.endsWith("/verify.html?code=" + code));
            browser.open(verify);
            WebElement status = browser.visible(By.cssSelector("#verify-status[data-status='valid']"));
            assertTrue(status.getText(), status.getText().contains("有效"));
            String facts = browser.visible(By.id("verify-parts")).getText();
            assertTrue(facts, facts.contains(String.valueOf(approvedCourses * 8)));
        }
    }

    /** A finished PDF download, or null while there is none. */
    private static Path pdfIn(Path downloads) {
        try (var files = Files.list(downloads)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pdf")).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
