package org.ceportal.itests;

import java.nio.file.Path;

import org.openqa.selenium.By;

/**
 * 基地管理 and 班次管理 in a real browser: ops add a 继续教育基地 and see it listed with the server's
 * status; its admin (made through the API) logs in as 继续教育基地管理员 and adds a 班次.
 */
final class BaseInBrowser {
    private final Path home;
    private final String base;

    BaseInBrowser(Path home, String base) {
        this.home = home;
        this.base = base;
    }

    /** Makes the base's admin account; answers its login (the password is {@link Accounts#STAFF_PASSWORD}). */
    interface AdminMaker {
        String make(long baseId) throws Exception;
    }

    void run(String opsLogin, String opsPassword, AdminMaker admins) throws Exception {
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
            long baseId = Long.parseLong(browser.driver().findElement(row).getAttribute("data-base-id"));
            String admin = admins.make(baseId);

            b.logout();
            b.loginHome("base_admin", admin, Accounts.STAFF_PASSWORD);
            browser.until(d -> d.findElement(By.id("user-unit")).getText().contains("洛阳职业技术学院继续教育基地"));
            browser.click(By.cssSelector("a.nav-link[href='/base-courses.html']"));
            browser.until(d -> d.getCurrentUrl().contains("/base-courses.html"));
            browser.click(By.id("course-new"));
            b.type("course-name", "新入职教师岗前培训");
            b.date("course-from", Dates.YEAR + "-08-20");
            b.date("course-to", Dates.YEAR + "-08-24");
            b.type("course-hours", "40");
            new org.openqa.selenium.support.ui.Select(browser.visible(By.id("course-category"))).selectByValue("PROFESSIONAL");
            browser.click(By.id("course-save"));
            By course = By.xpath("//tr[@data-course-id][contains(., '新入职教师岗前培训')]");
            browser.until(d -> d.findElements(course).stream().anyMatch(r -> r.getText().contains("专业科目")
                    && r.getText().contains("40") && r.getText().contains(String.valueOf(Dates.YEAR))));
        }
    }
}
