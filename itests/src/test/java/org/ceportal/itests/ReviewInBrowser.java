package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The review loop in a real browser (run by {@link DistributionIT}): a unit admin
 * clears a queue of 20 declarations, previewing a PDF, rejecting one with a
 * quick-pick reason and approving the rest in bulk; the person then sees the
 * outcomes and the unread messages.
 */
final class ReviewInBrowser {
    private static final int QUEUE = 20;

    private final Path home;
    private final String base;
    private final Http http;

    ReviewInBrowser(Path home, String base, Http http) {
        this.home = home;
        this.base = base;
        this.http = http;
    }

    /**
     * @param professional an approved professional of the admin's unit, with no declarations
     * @param messagesBefore the professional's unread messages now
     */
    void run(String professional, String password, String adminLogin, String adminPassword, int messagesBefore)
            throws Exception {
        Http me = new Accounts(http, (c, in) -> "").loginAs("professional", professional, password);
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        for (int i = 1; i <= QUEUE; i++) {
            Http.Answer up = me.upload("/api/attachments", "证书" + i + ".pdf", "application/pdf", Samples.pdf("certificate " + i));
            assertEquals(up.body(), 201, up.status());
            Http.Answer d = me.postWith("/api/declarations", "{\"formId\":\"training\",\"year\":" + year
                    + ",\"category\":\"PROFESSIONAL\",\"values\":{\"courseName\":\"校本研修第" + i + "期\",\"organiser\":\"洛阳市教育局\","
                    + "\"period\":{\"from\":\"" + Dates.YEAR + "-03-02\",\"to\":\"" + Dates.YEAR + "-03-02\"},\"measure\":\"days\",\"amount\":1},"
                    + "\"attachmentIds\":[" + up.json().path("id").asLong() + "],\"submit\":true}");
            assertEquals(d.body(), 201, d.status());
        }

        try (Browser browser = new Browser(home.resolve("browser"))) {
            PageDriver b = new PageDriver(browser, base);
            b.loginHome("unit_admin", adminLogin, adminPassword);
            // 审核中心: the declarations' queue with its 20
            browser.open(base + "/review.html");
            By card = By.cssSelector("#review-inbox li.inbox-card[data-subject='declarations']");
            browser.until(d -> "20".equals(d.findElement(card).findElement(By.cssSelector(".inbox-pending")).getAttribute("data-count")));
            browser.driver().findElement(card).findElement(By.cssSelector("a.inbox-go")).click();
            browser.until(d -> d.getCurrentUrl().contains("/review-declarations.html"));
            By rows = By.cssSelector("#review-list li[data-id]");
            browser.until(d -> d.findElements(rows).size() == QUEUE);

            // the first (the longest waiting): its PDF in the page, then 不通过 with a quick-pick reason
            String rejectedId = browser.driver().findElements(rows).get(0).getAttribute("data-id");
            browser.until(d -> {
                d.findElement(By.cssSelector("#review-list li[data-id='" + rejectedId + "'] .details-open")).click();
                return true;
            });
            browser.visible(By.id("review-detail"));
            browser.clickable(By.cssSelector("#review-detail .file-preview-toggle")).click();
            WebElement frame = browser.visible(By.cssSelector("#review-detail iframe.file-preview-frame"));
            String src = frame.getAttribute("src");
            assertTrue(src, src.contains("/api/review/declarations/" + rejectedId + "/attachments/"));
            // the frame shows what the server sends for the admin's session: the PDF itself
            Object type = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status + ' ' + r.headers.get('content-type')));",
                    src);
            assertEquals("200 application/pdf", type);
            browser.click(By.id("reject"));
            browser.click(By.cssSelector("#review-detail button.reason-pick"));
            String reason = browser.driver().findElement(By.id("decision-reason")).getAttribute("value");
            assertTrue(reason, !reason.isBlank());
            browser.click(By.id("confirm-decision"));
            browser.until(d -> d.findElements(rows).size() == QUEUE - 1);

            // the other 19: select all, 批量通过
            browser.clickable(By.id("select-all")).click();
            browser.clickable(By.id("bulk-approve")).click();
            browser.clickable(By.id("bulk-confirm")).click();
            browser.until(d -> d.findElement(By.id("bulk-result")).getText().contains(String.valueOf(QUEUE - 1)));
            browser.until(d -> d.findElements(rows).isEmpty());

            // at phone width the decided list still fits the screen: nothing to scroll sideways
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(375, 800));
            browser.open(base + "/review-declarations.html?state=all");
            browser.until(d -> d.findElements(rows).size() == QUEUE);
            Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "return document.documentElement.scrollWidth - window.innerWidth;");
            assertTrue("sideways scroll at 375 px: " + overflow, ((Number) overflow).intValue() <= 0);
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
            b.logout();

            // the person: the unread count, 审核通过 ×19, the rejected one with its reason and 「复制为新申报」
            b.loginHome("professional", professional, password);
            int expected = messagesBefore + QUEUE;
            browser.until(d -> String.valueOf(expected).equals(d.findElement(By.id("unread-count")).getAttribute("data-count")));
            browser.open(base + "/progress.html?state=approved");
            browser.until(d -> d.findElement(By.id("declarations-count")).getText().contains("共 " + (QUEUE - 1) + " 条"));
            assertTrue(browser.driver().findElement(By.id("declarations")).getText().contains("核定"));
            browser.open(base + "/progress.html?state=rejected");
            By rejected = By.cssSelector("#declarations [data-declaration-id='" + rejectedId + "']");
            browser.until(d -> d.findElement(rejected).getText().contains(reason));
            assertTrue(browser.driver().findElement(rejected).findElement(By.cssSelector("a.copy")).getAttribute("href")
                    .endsWith("/declare.html?copy=" + rejectedId));
            browser.open(base + "/messages.html");
            browser.until(d -> d.findElements(By.cssSelector("#message-list li.message-item.is-unread")).size() == expected
                    || d.findElements(By.cssSelector("#message-list li.message-item.is-unread")).size() >= 20);
            browser.clickable(By.id("read-all")).click();
            browser.until(d -> "0".equals(d.findElement(By.id("unread-count")).getAttribute("data-count")));
        }
    }
}
