package org.ceportal.itests;

import java.nio.file.Path;

import org.openqa.selenium.By;

/**
 * 学习形式管理 in a real browser: ops open the page from the menu, see the built-in forms 在用, install the example
 * form from the feature repository with the server's own button (安装), see it live with its bundle, then uninstall
 * it after confirming; the page says what was done each time, in the server's words. The training form's
 * 数值配置 tries 6 学时 a day on sample values (24 now, 18 with the change) without saving.
 */
final class OpsFormsInBrowser {
    private final Path home;
    private final String base;

    OpsFormsInBrowser(Path home, String base) {
        this.home = home;
        this.base = base;
    }

    void run(String opsLogin, String opsPassword) throws Exception {
        try (Browser browser = new Browser(home.resolve("browser"))) {
            PageDriver b = new PageDriver(browser, base);
            b.loginHome("ops", opsLogin, opsPassword);
            browser.click(By.cssSelector("a.nav-link[href='/ops-forms.html']"));
            browser.until(d -> d.getCurrentUrl().contains("/ops-forms.html"));
            browser.until(d -> d.findElements(By.cssSelector("tr[data-form-id='training'] [data-status='live']")).size() == 1);
            By example = By.cssSelector("tr[data-feature='ceportal-learningform-example']");
            browser.until(d -> d.findElement(example).getText().contains("未安装"));
            browser.click(By.cssSelector("tr[data-feature='ceportal-learningform-example'] button[data-action='install']"));
            browser.until(d -> d.findElement(By.id("ops-forms-result")).getText().contains("已安装 ceportal-learningform-example"));
            browser.until(d -> d.findElement(By.id("ops-forms-result")).getText().contains("技能竞赛（在用）"));
            browser.until(d -> d.findElements(By.cssSelector("tr[data-form-id='skills-competition'][data-live='true']")).size() == 1
                    && d.findElement(By.cssSelector("tr[data-form-id='skills-competition']")).getText()
                            .contains("org.ceportal.learningform.example"));
            browser.until(d -> d.findElement(example).getText().contains("已安装"));

            // 数值配置 of 培训/进修: a trial with 6 学时 a day instead of 8, not saved
            browser.click(By.cssSelector("tr[data-form-id='training'] button[data-action='figures']"));
            browser.until(d -> d.findElement(By.id("figure-hoursPerDay")).isDisplayed());
            b.type("figure-hoursPerDay", "6");
            b.type("sample-courseName", "信息技术培训");
            b.type("sample-organiser", "洛阳市教育局");
            b.date("sample-period-from", Dates.YEAR + "-07-06");
            b.date("sample-period-to", Dates.YEAR + "-07-08");
            new org.openqa.selenium.support.ui.Select(browser.visible(By.id("sample-measure"))).selectByValue("days");
            b.type("sample-amount", "3");
            browser.click(By.id("figures-preview"));
            browser.until(d -> d.findElement(By.id("outcome-current")).getText().startsWith("24")
                    && d.findElement(By.id("outcome-proposed")).getText().startsWith("18"));
            browser.click(By.id("figures-cancel"));

            browser.click(By.cssSelector("tr[data-feature='ceportal-learningform-example'] button[data-action='uninstall']"));
            browser.click(By.id("confirm-ok"));
            browser.until(d -> d.findElement(By.id("ops-forms-result")).getText().contains("已卸载 ceportal-learningform-example"));
            browser.until(d -> d.findElement(example).getText().contains("未安装")
                    && d.findElements(By.cssSelector("tr[data-form-id='skills-competition'][data-live='true']")).isEmpty());
        }
    }
}
