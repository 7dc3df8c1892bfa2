package org.ceportal.itests;

import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.openqa.selenium.By;

/**
 * 全省统计报表 in a real browser: provincial ops see the regions' chart, drill down from 洛阳市
 * to a unit and on to its people, and export the region's people (a download with progress).
 */
final class ProvinceReportInBrowser {
    private final Path home;
    private final String base;

    ProvinceReportInBrowser(Path home, String base) {
        this.home = home;
        this.base = base;
    }

    void run(String opsLogin, String opsPassword, String unitName, String personName) throws Exception {
        try (Browser browser = new Browser(home.resolve("browser"))) {
            PageDriver b = new PageDriver(browser, base);
            b.loginHome("ops", opsLogin, opsPassword);
            browser.click(By.cssSelector("a.nav-link[href='/province-report.html']"));
            browser.until(d -> d.getCurrentUrl().contains("/province-report.html"));
            browser.visible(By.cssSelector("#chart-regions[data-rendered='true'] canvas"));
            browser.visible(By.cssSelector("#chart-months[data-rendered='true'] canvas"));

            browser.click(By.cssSelector("a.province-region-link[data-code='410300']"));
            browser.until(d -> d.getCurrentUrl().contains("region=410300"));
            By unitLink = By.xpath("//a[contains(@class,'region-unit-link')][contains(., '" + unitName + "')]");
            browser.visible(By.id("region-units-q")).sendKeys(unitName);
            browser.click(By.id("region-units-search"));
            browser.until(d -> d.getCurrentUrl().contains("q="));
            browser.click(unitLink);
            browser.until(d -> d.getCurrentUrl().contains("/unit-report.html") && d.getCurrentUrl().contains("unitId="));
            By rows = By.cssSelector("#report-people tr[data-account-id]");
            browser.until(d -> d.findElements(rows).stream().anyMatch(r -> r.getText().contains(personName)));
            browser.click(By.id("report-back"));
            browser.until(d -> d.getCurrentUrl().contains("/province-report.html") && d.getCurrentUrl().contains("region=410300"));

            browser.click(By.id("people-export-csv"));
            browser.visible(By.cssSelector("#people-export-progress[data-done='true']"));
            browser.until(d -> UnitReportInBrowser.fileIn(browser.downloads(), ".csv") != null);
            String csv = Files.readString(UnitReportInBrowser.fileIn(browser.downloads(), ".csv"), StandardCharsets.UTF_8);
            List<List<String>> lines = SpreadsheetText.ofCsv(csv);
            assertTrue(csv, SpreadsheetText.row(lines, personName).contains(unitName));
        }
    }
}
