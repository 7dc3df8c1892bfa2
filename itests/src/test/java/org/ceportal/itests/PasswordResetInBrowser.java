package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * 忘记密码 in a real browser: the unit admin resets the person's password from 人员管理
 * and reads the temporary one; the person logs in with it, is taken to 修改密码 and
 * nowhere else until a new one is set; after 退出, Back shows the login page, not the
 * person's data.
 */
final class PasswordResetInBrowser {
    private final Path home;
    private final String base;

    PasswordResetInBrowser(Path home, String base) {
        this.home = home;
        this.base = base;
    }

    void run(String professional, String name, String newPassword, String adminLogin, String adminPassword)
            throws Exception {
        try (Browser browser = new Browser(home.resolve("browser"))) {
            PageDriver b = new PageDriver(browser, base);
            b.loginHome("unit_admin", adminLogin, adminPassword);
            browser.open(base + "/unit-people.html");
            By row = By.cssSelector("li.people-row[data-name='" + name + "'] .person-password-reset");
            browser.clickable(row).click();
            WebElement confirm = browser.visible(By.id("password-reset-confirm"));
            assertTrue(browser.visible(By.id("password-reset-message")).getText().contains(name));
            confirm.click();
            String temporary = browser.visible(By.id("temporary-password")).getText().strip();
            assertEquals(temporary, 12, temporary.length());
            browser.clickable(By.id("temporary-password-close")).click();
            b.logout();

            // the temporary password leads to 修改密码 and nowhere else
            b.login("professional", professional, temporary);
            browser.until(d -> d.getCurrentUrl().contains("/password.html"));
            browser.visible(By.id("password-temporary-notice"));
            browser.open(base + "/progress.html");
            browser.until(d -> d.getCurrentUrl().contains("/password.html"));
            b.type("currentPassword", temporary);
            b.type("newPassword", newPassword);
            b.type("newPasswordConfirmation", newPassword);
            browser.clickable(By.id("password-submit")).click();
            browser.until(d -> d.getCurrentUrl().endsWith("/home.html"));
            browser.until(d -> name.equals(d.findElement(By.id("user-name")).getText()));

            // a shared office PC: 退出, then Back
            browser.open(base + "/progress.html");
            browser.clickable(By.id("nav-logout")).click();
            browser.until(d -> !d.getCurrentUrl().endsWith("/progress.html"));
            browser.driver().navigate().back();
            browser.until(d -> d.getCurrentUrl().contains("/login.html"));
        }
    }
}
