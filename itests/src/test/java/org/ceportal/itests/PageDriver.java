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

    /** Sets a date input (yyyy-MM-dd) as a date picker does, whatever the browser's locale shows. */
    void date(String id, String value) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "const e = document.getElementById(arguments[0]); e.value = arguments[1];"
                + "e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));",
                id, value);
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

    /**
     * On 学时学分申报: chooses 培训/进修 and fills a course of {@code days} days held on
     * those dates (yyyy-MM-dd), 专业科目 where the page asks.
     */
    void fillTraining(String courseName, String from, String to, int days) {
        browser.until(d -> !d.findElements(By.cssSelector("#form-select option[value='training']")).isEmpty());
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("form-select"))).selectByValue("training");
        type("field-courseName", courseName);
        type("field-organiser", "洛阳市教育局");
        date("field-period-from", from);
        date("field-period-to", to);
        new org.openqa.selenium.support.ui.Select(browser.visible(By.id("field-measure"))).selectByValue("days");
        type("field-amount", String.valueOf(days));
        if (!browser.driver().findElements(By.id("category-PROFESSIONAL")).isEmpty()) {
            browser.click(By.id("category-PROFESSIONAL"));
        }
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
