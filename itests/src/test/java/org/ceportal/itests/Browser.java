package org.ceportal.itests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium, with no browser download and no
 * network beyond loopback. {@code .ci/run} installs chromium and chromium-driver.
 */
public final class Browser implements AutoCloseable {
    static final String CHROMIUM = System.getProperty("ceportal.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("ceportal.chromedriver", "/usr/bin/chromedriver");

    private final WebDriver driver;
    private final Path downloads;
    private final WebDriverWait wait;

    public Browser(Path workDir) throws IOException {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install -y chromium chromium-driver, or run .ci/run");
        }
        Files.createDirectories(workDir);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withLogFile(workDir.resolve("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,800", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory(workDir, "profile"),
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost");
        this.downloads = Files.createDirectories(workDir.resolve("downloads-" + System.nanoTime()));
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        // a list the page draws again while a condition reads it: read it again
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    /** Where the browser saves downloads, without asking. */
    public Path downloads() {
        return downloads;
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public WebElement clickable(By by) {
        return wait.until(ExpectedConditions.elementToBeClickable(by));
    }

    /**
     * Clicks the element once it is clickable and nothing covers it: a layout that is still
     * settling (a PDF preview sizing itself, a list drawn again) moves it, and then the click
     * is tried again instead of landing on whatever took its place.
     */
    public void click(By by) {
        wait.until(d -> {
            WebElement e = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (e == null) {
                return false;
            }
            ((org.openqa.selenium.JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
            try {
                e.click();
                return true;
            } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
                return false;
            }
        });
    }

    /** Waits for the open picker of the type to be idle (no request or search pending). */
    public WebElement idlePicker(String type) {
        By root = By.cssSelector("[data-picker='" + type + "'].picker-open");
        wait.until(ExpectedConditions.attributeToBe(root, "aria-busy", "false"));
        return driver.findElement(root);
    }

    public void until(java.util.function.Function<WebDriver, Boolean> condition) {
        wait.until(condition::apply);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
