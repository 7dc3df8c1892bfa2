package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * 用户资料管理 in a real browser (run by {@link DistributionIT}): the person edits the
 * mobile and the title, sees 「信息已经提交审核」 and 变更记录; the unit admin approves
 * from 职称变更审核; the person sees the new title.
 */
final class ProfileInBrowser {
    private final Path home;
    private final String base;

    ProfileInBrowser(Path home, String base) {
        this.home = home;
        this.base = base;
    }

    void run(String professional, String password, String adminLogin, String adminPassword) throws Exception {
        try (Browser browser = new Browser(home.resolve("browser"))) {
            PageDriver b = new PageDriver(browser, base);
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            b.loginHome("professional", professional, password);
            browser.open(base + "/profile.html");
            browser.until(d -> !d.findElement(By.id("mobile")).getAttribute("value").isEmpty());
            assertTrue(browser.visible(By.id("locked-idNumber")).getText().contains(professional.substring(0, 6)));
            b.type("mobile", "13837907777");
            browser.clickable(By.id("profile-save")).click();
            browser.until(d -> d.findElement(By.id("profile-message")).getText().contains("资料已保存"));

            // a new title: chosen in the picker, with the date it was obtained
            browser.clickable(By.id("pick-title")).click();
            browser.idlePicker("title");
            browser.clickable(By.cssSelector("[data-picker='title'] .picker-item[data-code='SCH-3']")).click();
            browser.clickable(By.cssSelector("[data-picker='title'] .picker-confirm")).click();
            browser.until(d -> d.findElements(By.cssSelector("[data-picker='title'].picker-open")).isEmpty());
            browser.visible(By.id("titleObtainedOn"));
            js.executeScript("const e = document.getElementById('titleObtainedOn'); e.value = '2026-09-01';"
                    + "e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));");
            browser.clickable(By.id("profile-save")).click();
            browser.until(d -> d.findElement(By.id("profile-message")).getText().contains("信息已经提交审核"));
            assertTrue(browser.visible(By.id("pending-title")).getText().contains("一级教师"));
            browser.clickable(By.id("tab-changes")).click();
            browser.until(d -> d.findElements(By.cssSelector("#changes-list tr[data-id]")).size() >= 2);
            String history = browser.driver().findElement(By.id("changes-list")).getText();
            assertTrue(history, history.contains("手机号码") && history.contains("13837907777")
                    && history.contains("专业技术职务") && history.contains("待审核"));
            b.logout();

            // the unit admin approves it from 职称变更审核
            b.loginHome("unit_admin", adminLogin, adminPassword);
            browser.open(base + "/review-title-changes.html");
            By row = By.cssSelector("#title-change-list li[data-id]");
            browser.until(d -> d.findElements(row).stream().anyMatch(e -> e.getText().contains("一级教师")));
            // (the list may be drawn again meanwhile: then the row is found again)
            browser.until(d -> d.findElements(row).stream().filter(e -> e.getText().contains("一级教师")).findFirst()
                    .map(e -> {
                        e.findElement(By.cssSelector(".approve")).click();
                        return true;
                    }).orElse(false));
            browser.clickable(By.id("confirm-decision")).click();
            browser.until(d -> d.findElements(row).stream().noneMatch(e -> e.getText().contains("一级教师")));
            b.logout();

            // the person: the new title in force, the change 生效
            b.loginHome("professional", professional, password);
            browser.open(base + "/profile.html");
            browser.until(d -> "一级教师".equals(d.findElement(By.id("title-name")).getAttribute("value")));
            assertEquals(0, browser.driver().findElements(By.cssSelector("#pending-title:not([hidden])")).size());
            browser.clickable(By.id("tab-changes")).click();
            browser.until(d -> d.findElement(By.id("changes-list")).getText().contains("生效"));
        }
    }
}
