package org.ceportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The distribution as an operator runs it: unpacked from the tar.gz, started with
 * {@code bin/karaf}, used in a real browser, stopped and started again.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class DistributionIT {
    private static Distribution portal;
    private static Http http;
    private static String base;

    @BeforeClass
    public static void start() throws Exception {
        portal = Distribution.unpack("distribution-it");
        Duration boot = portal.start();
        System.out.println("Distribution answered /api/health 200 after " + boot.toMillis() + " ms");
        http = new Http(portal.port());
        base = "http://127.0.0.1:" + portal.port();
        http.awaitOk("/api/directory/regions", Duration.ofSeconds(30));
    }

    @AfterClass
    public static void stop() throws Exception {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    public void a_pickersFillTheFormInABrowser() throws Exception {
        try (Browser browser = new Browser(portal.home().resolve("browser"))) {
            browser.open(base + "/directory.html");
            browser.until(d -> new Select(d.findElement(By.id("region"))).getOptions().size() == 20);
            assertTrue(browser.driver().findElement(By.id("pick-unit")).getAttribute("disabled") != null);
            new Select(browser.driver().findElement(By.id("region"))).selectByVisibleText("洛阳市");

            // the unit pop-up lists Luoyang's units in pages
            browser.clickable(By.id("pick-unit")).click();
            WebElement units = browser.idlePicker("unit");
            assertEquals("第 1 / 3 页，共 25 个单位", units.findElement(By.cssSelector(".picker-pageinfo")).getText());
            assertEquals(10, units.findElements(By.cssSelector(".picker-item")).size());
            units.findElement(By.cssSelector(".picker-next")).click();
            browser.until(d -> d.findElement(By.cssSelector("[data-picker='unit'] .picker-pageinfo")).getText()
                    .startsWith("第 2 / 3 页"));
            assertFalse(units.findElement(By.cssSelector(".picker-confirm")).isEnabled());

            // search, pick, 选定
            units.findElement(By.cssSelector(".picker-search")).sendKeys("第一高级中学");
            browser.until(d -> d.findElements(By.cssSelector("[data-picker='unit'] .picker-item")).size() == 1
                    && "false".equals(d.findElement(By.cssSelector("[data-picker='unit']")).getAttribute("aria-busy")));
            browser.idlePicker("unit").findElement(By.cssSelector(".picker-item")).click();
            browser.clickable(By.cssSelector("[data-picker='unit'] .picker-confirm")).click();
            browser.until(d -> d.findElements(By.cssSelector("[data-picker='unit'].picker-open")).isEmpty());
            assertEquals("洛阳市第一高级中学（示例）", browser.driver().findElement(By.id("unit-name")).getAttribute("value"));
            assertFalse(browser.driver().findElement(By.id("unit-id")).getAttribute("value").isEmpty());

            // the department of the chosen unit
            browser.clickable(By.id("pick-department")).click();
            WebElement departments = browser.idlePicker("department");
            assertEquals(5, departments.findElements(By.cssSelector(".picker-item")).size());
            departments.findElements(By.cssSelector(".picker-item")).stream()
                    .filter(e -> e.getText().contains("教务处")).findFirst().orElseThrow().click();
            browser.clickable(By.cssSelector("[data-picker='department'] .picker-confirm")).click();
            browser.until(d -> "教务处".equals(d.findElement(By.id("department-name")).getAttribute("value")));

            // a major found by searching the catalogue
            browser.clickable(By.id("pick-major")).click();
            browser.idlePicker("major").findElement(By.cssSelector(".picker-search")).sendKeys("软件工程");
            browser.until(d -> !d.findElements(By.cssSelector("[data-picker='major'] .picker-item[data-code='080902']")).isEmpty()
                    && "false".equals(d.findElement(By.cssSelector("[data-picker='major']")).getAttribute("aria-busy")));
            browser.driver().findElement(By.cssSelector("[data-picker='major'] .picker-item[data-code='080902']")).click();
            browser.clickable(By.cssSelector("[data-picker='major'] .picker-confirm")).click();
            browser.until(d -> "080902".equals(d.findElement(By.id("major-code")).getAttribute("value")));
            assertTrue(browser.driver().findElement(By.id("major-name")).getAttribute("value").contains("软件工程"));

            // changing the region clears the unit and its department
            new Select(browser.driver().findElement(By.id("region"))).selectByVisibleText("郑州市");
            browser.until(d -> d.findElement(By.id("unit-name")).getAttribute("value").isEmpty()
                    && d.findElement(By.id("department-name")).getAttribute("value").isEmpty());
        }
    }

    @Test
    public void b_theFrameNamesThePlatformAndWorksOnAPhone() throws Exception {
        try (Browser browser = new Browser(portal.home().resolve("browser"))) {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(375, 740));
            browser.open(base + "/");
            WebElement header = browser.visible(By.id("site-header"));
            browser.until(d -> d.findElement(By.id("site-header")).getText().contains("河南省专业技术人员继续教育信息服务平台"));
            assertTrue(browser.driver().getTitle().contains("继续教育"));
            long width = (Long) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.scrollWidth");
            assertTrue("page scrolls sideways on a phone: " + width, width <= 375);
            assertTrue(header.isDisplayed());
        }
    }

    @Test
    public void z_dataSurvivesARestart() throws Exception {
        JsonNode before = http.get("/api/directory/regions/410300/units?size=50").json();
        assertEquals(25, before.path("total").asInt());
        portal.stop();
        // were the database lost, no units would come back: the demo set must not load again
        portal.replaceLine("etc/org.ceportal.directory.cfg", "demoUnits", "demoUnits = false");
        Duration boot = portal.start();
        System.out.println("Restarted distribution answered /api/health 200 after " + boot.toMillis() + " ms");
        JsonNode after = http.awaitOk("/api/directory/regions/410300/units?size=50", Duration.ofSeconds(30)).json();
        assertEquals(before, after);
        JsonNode health = http.get("/api/health").json();
        assertEquals(5, health.at("/checks/database/migrations/directory/version").asInt());
        Path derby = portal.home().resolve("data/derby/ceportal");
        assertTrue(derby + " holds the database", derby.toFile().isDirectory());
    }
}
