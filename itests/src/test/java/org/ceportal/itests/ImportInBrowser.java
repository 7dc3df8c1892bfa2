package org.ceportal.itests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.openqa.selenium.By;

/**
 * 学员导入 in a real browser: the base's admin opens a 班次, chooses an attendance list, sees each
 * line's result after 检查名单, confirms; the person then finds the base's declaration in 申报进度查询,
 * approved and marked as the base's, with nothing to change.
 */
final class ImportInBrowser {
    private final Path home;
    private final String base;

    ImportInBrowser(Path home, String base) {
        this.home = home;
        this.base = base;
    }

    void run(String baseAdmin, String courseName, String idNumber, String name, String password) throws Exception {
        Path list = Files.createDirectories(home.resolve("lists")).resolve("学员名单.csv");
        Files.write(list, Workbooks.csv(List.of("身份证号,姓名,学时", idNumber + "," + name + ",32",
                "410302198506010,查无此号,")));
        try (Browser browser = new Browser(home.resolve("browser"))) {
            PageDriver b = new PageDriver(browser, base);
            b.loginHome("base_admin", baseAdmin, Accounts.STAFF_PASSWORD);
            browser.click(By.cssSelector("a.nav-link[href='/base-courses.html']"));
            By course = By.xpath("//tr[@data-course-id][contains(., '" + courseName + "')]//a[contains(@class,'course-import')]");
            browser.click(course);
            browser.until(d -> d.getCurrentUrl().contains("/base-import.html"));
            browser.until(d -> d.findElement(By.id("course-name")).getText().contains(courseName));
            browser.driver().findElement(By.id("import-file")).sendKeys(list.toString());
            browser.click(By.id("import-check"));
            browser.until(d -> d.findElements(By.cssSelector("#import-lines tr.import-line")).size() == 2);
            browser.until(d -> d.findElements(By.cssSelector("#import-lines tr[data-result='ok']")).size() == 1
                    && d.findElements(By.cssSelector("#import-lines tr[data-result='malformed']")).size() == 1);
            browser.until(d -> d.findElement(By.cssSelector("#import-totals [data-total='ok']")).getText().contains("1"));
            browser.click(By.id("import-confirm"));
            browser.click(By.id("confirm-ok"));
            browser.until(d -> !d.findElements(By.cssSelector("#import-done[data-import-id]")).isEmpty()
                    && d.findElement(By.id("import-done")).isDisplayed());
            browser.until(d -> d.findElements(By.cssSelector("#import-lines tr[data-result='declared']")).size() == 1);
            browser.until(d -> d.findElements(By.cssSelector("#import-history-rows tr[data-import-id]")).size() == 1);

            b.logout();
            b.loginHome("professional", idNumber, password);
            browser.open(base + "/progress.html");
            By mine = By.xpath("//li[contains(@class,'decl-row')][.//*[contains(@class,'origin-note')]]");
            browser.until(d -> d.findElements(mine).stream().anyMatch(r -> r.getText().contains("审核通过")
                    && r.getText().contains(courseName)));
            browser.until(d -> d.findElement(mine).findElements(By.cssSelector("button.withdraw, button.delete")).isEmpty());
        }
    }
}
