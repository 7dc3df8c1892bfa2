package org.ceportal.itests;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Typing and the login form of the pages, for the browser tests. */
final class PageDriver {
    private final Browser browser;
    private final String base;

    PageDriver(Browser browser, String base) {
        this.browser = browser;
        this.base = base;
    }

    void type(String id, String text) {
        WebElement e = browser.visible(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    void login(String userType, String account, String password) {
        browser.open(base + "/login.html");
        browser.clickable(By.id("userType-" + userType)).click();
        type("account", account);
        type("password", password);
        captcha();
        browser.clickable(By.id("login-submit")).click();
    }

    /** Logs in and waits for the home page. */
    void loginHome(String userType, String account, String password) {
        login(userType, account, password);
        browser.until(d -> d.getCurrentUrl().endsWith("/home.html"));
    }

    void logout() {
        browser.open(base + "/home.html");
        browser.clickable(By.id("logout")).click();
        browser.until(d -> !d.getCurrentUrl().endsWith("/home.html"));
    }

    /** Waits for the page's captcha picture and types the test captcha's answer. */
    void captcha() {
        browser.until(d -> {
            String src = d.findElement(By.id("captcha-image")).getAttribute("src");
            return src != null && src.startsWith("data:image/png");
        });
        type("captchaAnswer", Accounts.ANSWER);
    }
}
