package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slatecheck.rules.intake.ColumnGuide;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Cột và mã" and the template download in a real headless Chromium (started as {@link BrowserTest} does, with a
 * download folder of its own): the page is reached from the navigation, lists every column, and its template link
 * downloads a workbook. Screenshots go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ColumnsBrowserTest {
    static ChromeDriver browser;
    static Path profile;
    static Path downloads;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        boolean present = Files.isExecutable(BrowserTest.CHROMIUM) && Files.isExecutable(BrowserTest.CHROMEDRIVER);
        if (!present) {
            String reason = "browser tests skipped: " + BrowserTest.CHROMIUM + " or " + BrowserTest.CHROMEDRIVER
                    + " missing (install the Debian packages chromium and chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(reason.replace("skipped", "cannot run under CI"));
            }
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        profile = Files.createTempDirectory(Path.of("target"), "chromium-");
        downloads = Files.createTempDirectory(Path.of("target"), "downloads-").toAbsolutePath();
        ChromeOptions options = new ChromeOptions().setBinary(BrowserTest.CHROMIUM.toFile()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1600");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "safebrowsing.enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(BrowserTest.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
        browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath",
                downloads.toString()));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void waitFor(String regex) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().matches(regex)
                && "complete".equals(browser.executeScript("return document.readyState")));
    }

    void clickAndWait(WebElement element, String regex) {
        WebElement page = browser.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException e) {
                return true;
            }
        });
        waitFor(regex);
    }

    @Test
    void opensColumnsAndCodesFromTheNavigationAndDownloadsTheNomineeTemplate() throws Exception {
        browser.get(url("/?lang=vi"));
        if (browser.getCurrentUrl().contains("/login")) {
            browser.findElement(By.id("username")).sendKeys("subcommittee");
            browser.findElement(By.id("password")).sendKeys("subcommittee");
            clickAndWait(browser.findElement(By.id("login")), ".*/(\\?.*)?$");
            browser.get(url("/?lang=vi"));
        }
        assertThat(browser.findElement(By.id("templates")).getText()).contains("Tải mẫu");
        clickAndWait(browser.findElement(By.id("nav-columns")), ".*/columns$");
        assertThat(browser.findElement(By.id("columns-title")).getText()).isEqualTo("Cột và mã của tệp nhập");
        List<WebElement> nomineeRows = browser.findElements(By.cssSelector("#file-nominees tr.column"));
        assertThat(nomineeRows).hasSize(ColumnGuide.NOMINEE_COLUMNS.size());
        assertThat(nomineeRows.get(2).getText()).contains("Họ và tên", "full_name", "Bắt buộc");
        assertThat(browser.findElements(By.cssSelector("#file-congresses tr.column")))
                .hasSize(ColumnGuide.CONGRESS_COLUMNS.size());
        assertThat(browser.findElement(By.id("codes-post")).getText()).contains("Phó Bí thư", "SECRETARY");
        screenshot("columns-vi");

        browser.findElement(By.id("template-nominees-xlsx")).click();
        Path file = downloads.resolve("mau-nominees.xlsx");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Files.exists(file) && !partial());
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith('P', 'K');
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(2).getStringCellValue()).isEqualTo("Họ và tên");
            assertThat(book.getSheetAt(0).getDataValidations()).isNotEmpty();
        }

        clickAndWait(browser.findElement(By.id("lang-switch")), ".*/columns\\?lang=en$");
        assertThat(browser.findElement(By.id("columns-title")).getText()).isEqualTo("Columns and codes of the input files");
        assertThat(browser.findElement(By.id("codes-post")).getText()).contains("Deputy secretary", "Phó Bí thư");
        screenshot("columns-en");
        browser.get(url("/?lang=vi"));
    }

    /** Keeps what the browser shows in target/screenshots, as BrowserTest does. */
    static void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    private static boolean partial() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".crdownload"));
        } catch (IOException e) {
            return true;
        }
    }
}
