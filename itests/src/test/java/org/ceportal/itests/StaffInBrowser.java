package org.ceportal.itests;

import java.nio.file.Path;

import org.openqa.selenium.By;

/**
 * 账号管理 in a real browser: ops find a unit admin, 停用 it after confirming (the row says 已停用 and offers 启用),
 * then 启用 it again (在用); the ops' own row offers neither.
 */
final class StaffInBrowser {
    private final Path home;
    private final String base;

    StaffInBrowser(Path home, String base) {
        this.home = home;
        this.base = base;
    }

    void run(String opsLogin, String opsPassword, String staffLogin) throws Exception {
        try (Browser browser = new Browser(home.resolve("browser"))) {
            PageDriver b = new PageDriver(browser, base);
            b.loginHome("ops", opsLogin, opsPassword);
            browser.open(base + "/staff.html?q=" + staffLogin);
            By row = By.cssSelector("tr[data-login='" + staffLogin + "']");
            browser.until(d -> d.findElement(row).getText().contains("在用"));
            browser.click(By.cssSelector("tr[data-login='" + staffLogin + "'] [data-action='disabling']"));
            browser.click(By.id("confirm-ok"));
            browser.until(d -> d.findElement(row).getText().contains("已停用")
                    && !d.findElements(By.cssSelector("tr[data-login='" + staffLogin + "'] [data-action='enabling']")).isEmpty());
            browser.click(By.cssSelector("tr[data-login='" + staffLogin + "'] [data-action='enabling']"));
            browser.until(d -> d.findElement(row).getText().contains("在用")
                    && !d.findElements(By.cssSelector("tr[data-login='" + staffLogin + "'] [data-action='disabling']")).isEmpty());
            browser.open(base + "/staff.html?q=" + opsLogin);
            browser.until(d -> !d.findElements(By.cssSelector("tr[data-login='" + opsLogin + "']")).isEmpty());
            if (!browser.driver().findElements(By.cssSelector("tr[data-login='" + opsLogin + "'] [data-action]")).isEmpty()) {
                throw new AssertionError("the ops' own row offers 停用");
            }
        }
    }
}
