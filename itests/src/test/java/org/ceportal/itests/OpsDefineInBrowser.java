package org.ceportal.itests;

import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * 新建学习形式 in a real browser: ops define 读书交流 on 学习形式管理 (a title, a date, a number of books; 2 学时 a
 * book), are told beside the input that a rule that multiplies needs 每项最多, set it, save: the form is 在用 at once.
 * Then a professional declares with it on 学时学分申报 — the page builds its fields, proposes 6 学时 for three books —
 * and submits it with a PDF.
 */
final class OpsDefineInBrowser {
    static final String FORM_ID = "reading-club";
    private final Path home;
    private final String base;

    OpsDefineInBrowser(Path home, String base) {
        this.home = home;
        this.base = base;
    }

    void run(String opsLogin, String opsPassword, String professional, String password) throws Exception {
        Path scan = home.resolve("browser/读书笔记.pdf");
        Files.createDirectories(scan.getParent());
        Files.write(scan, Samples.pdf("reading notes"));
        try (Browser browser = new Browser(home.resolve("browser"))) {
            PageDriver b = new PageDriver(browser, base);
            b.loginHome("ops", opsLogin, opsPassword);
            browser.open(base + "/ops-forms.html");
            browser.click(By.id("define-new"));
            browser.until(d -> d.findElement(By.id("define-id")).isDisplayed());
            b.type("define-id", FORM_ID);
            b.type("define-name", "读书交流");
            b.type("define-field-0-label", "活动名称");
            browser.click(By.id("define-add-field"));
            b.type("define-field-1-label", "活动日期");
            b.type("define-field-1-key", "held");
            new Select(browser.visible(By.id("define-field-1-type"))).selectByValue("date");
            browser.click(By.id("define-add-field"));
            b.type("define-field-2-label", "书目数");
            b.type("define-field-2-key", "books");
            new Select(browser.visible(By.id("define-field-2-type"))).selectByValue("number");
            b.type("define-field-2-min", "1");
            b.type("define-field-2-max", "20");
            new Select(browser.visible(By.id("define-rule-type"))).selectByValue("per_amount");
            browser.until(d -> !d.findElements(By.cssSelector("#define-rule-field option[value='books']")).isEmpty());
            new Select(browser.visible(By.id("define-rule-field"))).selectByValue("books");
            b.type("define-rule-per-unit", "2");

            browser.click(By.id("define-save"));
            browser.until(d -> d.findElement(By.cssSelector("[data-error-for='maxPerItem']")).getText().contains("每项最多"));
            b.type("define-max-item", "10");
            browser.click(By.id("define-save"));
            browser.until(d -> d.findElement(By.id("ops-forms-result")).getText().contains("已新建 读书交流 1.0.0（在用）"));
            browser.until(d -> d.findElements(By.cssSelector("tr[data-definition-id='" + FORM_ID + "'][data-live='true']")).size() == 1
                    && d.findElements(By.cssSelector("tr[data-form-id='" + FORM_ID + "'] [data-status='live']")).size() == 1);
            b.logout();

            b.loginHome("professional", professional, password);
            browser.open(base + "/declare.html");
            browser.until(d -> !d.findElements(By.cssSelector("#form-select option[value='" + FORM_ID + "']")).isEmpty());
            new Select(browser.driver().findElement(By.id("form-select"))).selectByValue(FORM_ID);
            b.type("field-title", "《给教师的建议》读书交流");
            b.date("field-held", Dates.YEAR + "-04-23");
            b.type("field-books", "3");
            browser.until(d -> d.findElement(By.id("proposed-hours")).getText().contains("6"));
            browser.driver().findElement(By.id("attachment-input")).sendKeys(scan.toString());
            browser.until(d -> !d.findElements(By.cssSelector("#attachment-list [data-attachment-id]")).isEmpty());
            browser.clickable(By.id("submit-declaration")).click();
            assertTrue(browser.visible(By.id("declare-done")).getText().contains("已提交"));
        }
    }
}
