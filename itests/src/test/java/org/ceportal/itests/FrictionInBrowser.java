package org.ceportal.itests;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import javax.imageio.ImageIO;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * What a teacher tripped over, in a real browser: the home page offers 学时学分申报 and
 * 申报进度查询 because they are installed (and 进入个人后台 once logged in); an error on
 * 申报学时 stays until the value is right, and the draft then saves; a phone photo over
 * 2 MB is shrunk in the browser before it is sent.
 */
final class FrictionInBrowser {
    private final Path home;
    private final String base;

    FrictionInBrowser(Path home, String base) {
        this.home = home;
        this.base = base;
    }

    void run(String professional, String password) throws Exception {
        Path photo = home.resolve("browser/手机拍的证书.jpg");
        Files.createDirectories(photo.getParent());
        BufferedImage image = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
        Random noise = new Random(7);
        for (int y = 0; y < 3000; y++) {
            for (int x = 0; x < 4000; x++) {
                image.setRGB(x, y, noise.nextInt(0x1000000)); // noise does not compress: a big file, as phones make
            }
        }
        ImageIO.write(image, "jpg", photo.toFile());
        assertTrue(Files.size(photo) + " bytes", Files.size(photo) > 2 * 1024 * 1024);

        try (Browser browser = new Browser(home.resolve("browser"))) {
            PageDriver b = new PageDriver(browser, base);
            browser.open(base + "/");
            browser.visible(By.cssSelector("#features [data-function='declare'][data-available='true']"));
            browser.visible(By.cssSelector("#features [data-function='progress'][data-available='true']"));
            assertFalse(browser.driver().findElement(By.cssSelector("#features [data-function='declare']")).getText()
                    .contains("即将开放"));
            browser.visible(By.id("hero-login"));
            b.loginHome("professional", professional, password);
            browser.open(base + "/");
            browser.visible(By.id("enter-home"));
            assertFalse(browser.driver().findElement(By.id("hero-login")).isDisplayed());

            browser.open(base + "/declare.html");
            browser.until(d -> new Select(d.findElement(By.id("form-select"))).getOptions().size() >= 13);
            b.type("form-search", "培训");
            browser.until(d -> new Select(d.findElement(By.id("form-select"))).getOptions().size() < 13); // filtered
            b.fillTraining("师德师风专题培训", Dates.YEAR + "-05-06", Dates.YEAR + "-05-08", 3);
            browser.until(d -> d.findElement(By.id("proposed-hours")).getText().contains("24"));

            // more than the rule gives: the error shows, and stays when the field is left
            b.type("claimedHours", "30");
            WebElement error = browser.visible(By.id("claimedHours-error"));
            browser.driver().findElement(By.id("field-courseName")).click();
            Thread.sleep(300);
            assertTrue("the error stays while the value is wrong", error.isDisplayed() && !error.getText().isBlank());
            b.type("claimedHours", "20");
            browser.until(d -> d.findElement(By.id("claimedHours-error")).getText().isBlank());

            // a phone photo: shrunk in the browser, then uploaded
            browser.driver().findElement(By.id("attachment-input")).sendKeys(photo.toString());
            browser.visible(By.cssSelector(".upload-shrunk-note"));
            browser.until(d -> !d.findElements(By.cssSelector("#attachment-list [data-attachment-id]")).isEmpty());
            browser.click(By.id("save-draft"));
            assertTrue(browser.visible(By.id("declare-done")).getText().contains("草稿"));
        }
    }
}
