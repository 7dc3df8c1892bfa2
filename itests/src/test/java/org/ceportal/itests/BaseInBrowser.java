package org.ceportal.itests;

import java.nio.file.Path;

import org.openqa.selenium.By;

/** 基地管理 in a real browser: ops add a 继续教育基地 and see it listed with the server's status. */
final class BaseInBrowser {
    private final Path home;
    private final String base;

    BaseInBrowser(Path home, String base) {
        this.home = home;
        this.base = base;
    }

    void run(String opsLogin, String opsPassword) throws Exception {
        try (Browser browser = new Browser(home.resolve("browser"))) {
            PageDriver b = new PageDriver(browser, base);
            b.loginHome("ops", opsLogin, opsPassword);
            browser.click(By.cssSelector("a.nav-link[href='/bases.html']"));
            browser.until(d -> d.getCurrentUrl().contains("/bases.html"));
            browser.click(By.id("base-new"));
            b.type("base-name", "洛阳职业技术学院继续教育基地");
            browser.until(d -> d.findElements(By.cssSelector("#base-region option[value='410300']")).size() == 1);
            new org.openqa.selenium.support.ui.Select(browser.visible(By.id("base-region"))).selectByValue("410300");
            b.type("base-accreditation", "豫继教基-2026-015");
            b.date("base-valid-from", "2026-01-01");
            b.date("base-valid-to", "2099-12-31");
            browser.click(By.id("base-save"));
            By row = By.xpath("//tr[@data-base-id][contains(., '洛阳职业技术学院继续教育基地')]");
            browser.until(d -> d.findElements(row).stream().anyMatch(r -> r.getText().contains("认定有效")
                    && r.getText().contains("豫继教基-2026-015") && r.getText().contains("洛阳市")));
        }
    }
}
