package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * 年度完成情况 in a real browser (run by {@link DistributionIT} after the review test
 * approved 19 one-day courses of the person): this year's row, its bars and 「详细」.
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
        }
    }
}
