package org.ceportal.itests;

import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.By;

/**
 * 单位管理 in a real browser: ops import a CSV whose second unit has an unknown kind (the page lists the line, nothing
 * is imported), import the corrected file (导入完成), find one of the new units, open 编辑 (its department listed) and
 * add a department.
 */
final class UnitsInBrowser {
    private final Path home;
    private final String base;

    UnitsInBrowser(Path home, String base) {
        this.home = home;
        this.base = base;
    }

    void run(String opsLogin, String opsPassword) throws Exception {
        Path dir = home.resolve("browser");
        Files.createDirectories(dir);
        String header = "region_code,name,kind,departments\n410100,郑州市页面导入一中,PUBLIC,教务处\n";
        Path bad = dir.resolve("units-bad.csv");
        Files.writeString(bad, header + "410100,郑州市页面导入二中,SCHOOL,\n");
        Path good = dir.resolve("units-good.csv");
        Files.writeString(good, header + "410100,郑州市页面导入二中,PUBLIC,\n");
        try (Browser browser = new Browser(dir)) {
            PageDriver b = new PageDriver(browser, base);
            b.loginHome("ops", opsLogin, opsPassword);
            browser.click(By.cssSelector("a.nav-link[href='/units.html']"));
            browser.until(d -> d.getCurrentUrl().contains("/units.html"));
            browser.until(d -> !d.findElements(By.cssSelector("#units-rows tr[data-unit-id]")).isEmpty());

            browser.driver().findElement(By.id("units-file")).sendKeys(bad.toString());
            browser.click(By.id("units-import"));
            browser.until(d -> d.findElement(By.id("units-import-lines")).getText().contains("第 3 行"));
            browser.driver().findElement(By.id("units-file")).sendKeys(good.toString());
            browser.click(By.id("units-import"));
            browser.until(d -> d.findElement(By.id("units-import-result")).getText().contains("新增单位 2 个"));

            b.type("units-q", "页面导入一中");
            browser.click(By.id("units-search"));
            By row = By.cssSelector("#units-rows tr[data-name='郑州市页面导入一中']");
            browser.until(d -> d.findElements(By.cssSelector("#units-rows tr[data-unit-id]")).size() == 1
                    && !d.findElements(row).isEmpty());
            browser.click(By.cssSelector("#units-rows tr[data-name='郑州市页面导入一中'] .unit-edit"));
            browser.until(d -> d.findElement(By.id("unit-departments-list")).getText().contains("教务处"));
            b.type("unit-departments", "德育处");
            browser.click(By.id("unit-save"));
            browser.until(d -> !d.findElement(By.id("unit-dialog")).isDisplayed());
            browser.click(By.cssSelector("#units-rows tr[data-name='郑州市页面导入一中'] .unit-edit"));
            browser.until(d -> d.findElement(By.id("unit-departments-list")).getText().contains("德育处"));
            browser.click(By.id("unit-cancel"));
        }
    }
}
