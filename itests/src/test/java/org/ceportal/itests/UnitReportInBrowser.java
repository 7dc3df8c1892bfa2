package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.openqa.selenium.By;

/**
 * 单位统计报表 in a real browser: the unit admin opens it from 个人后台, keeps only 未达标,
 * sees the departments' chart, sorts by 合计 and downloads the list as CSV and as Excel (which
 * LibreOffice then opens).
 */
final class UnitReportInBrowser {
    private final Path home;
    private final String base;

    UnitReportInBrowser(Path home, String base) {
        this.home = home;
        this.base = base;
    }

    void run(String adminLogin, String adminPassword, String personName) throws Exception {
        try (Browser browser = new Browser(home.resolve("browser"))) {
            PageDriver b = new PageDriver(browser, base);
            b.loginHome("unit_admin", adminLogin, adminPassword);
            browser.click(By.cssSelector("#functions a[data-function='unit-reports']"));
            browser.until(d -> d.getCurrentUrl().contains("/unit-report.html"));
            By rows = By.cssSelector("#report-people tr[data-account-id]");
            browser.until(d -> d.findElements(rows).stream().anyMatch(r -> r.getText().contains(personName)));
            browser.visible(By.cssSelector("#report-summary [data-stat='people']"));

            browser.click(By.id("report-not-met"));
            browser.until(d -> d.getCurrentUrl().contains("met=false"));
            browser.until(d -> !d.findElements(rows).isEmpty() && d.findElements(By.cssSelector(
                    "#report-people .report-met:not([data-met='false'])")).isEmpty());
            browser.visible(By.cssSelector("#chart-departments[data-rendered='true'] canvas"));
            browser.click(By.cssSelector(".report-sort[data-sort='total']"));
            browser.until(d -> d.getCurrentUrl().contains("sort=total"));

            browser.click(By.id("report-export-csv"));
            browser.until(d -> csvIn(browser.downloads()) != null);
            String csv = Files.readString(csvIn(browser.downloads()), StandardCharsets.UTF_8);
            assertTrue(csv, csv.startsWith("\uFEFF") && csv.contains(personName) && csv.contains("未达标"));
            assertFalse("only 未达标 were exported", csv.contains(",达标"));

            browser.click(By.id("report-export-xlsx"));
            browser.until(d -> fileIn(browser.downloads(), ".xlsx") != null);
            List<List<String>> book = SpreadsheetText.ofXlsx(Files.readAllBytes(fileIn(browser.downloads(), ".xlsx")));
            assertEquals("未达标", SpreadsheetText.row(book, personName).get(10));
            assertTrue("only 未达标 were exported", book.stream().skip(3).allMatch(r -> "未达标".equals(r.get(10))));
        }
    }

    private static Path csvIn(Path downloads) {
        return fileIn(downloads, ".csv");
    }

    /** A finished download (Chromium names it .crdownload until then) whose name ends so. */
    static Path fileIn(Path downloads, String ending) {
        try (var files = Files.list(downloads)) {
            return files.filter(f -> f.getFileName().toString().endsWith(ending)).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
