package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slatecheck.batch.BatchRunner;
import org.slatecheck.bench.LargeBatch;
import org.slatecheck.records.CheckRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Pages that scale, in a real headless Chromium (as {@link BrowserTest}: Debian's chromium and chromium-driver,
 * skipped with the reason printed when they are missing, failing under CI): a batch started from the browser, a large
 * batch's lists paged, filtered and searched, a list opened from it, and the nominee page with its input data and
 * previous/next links. Screenshots are kept in {@code target/screenshots/paging-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PagingBrowserTest {
    static WebDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    CheckRecords records;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = BrowserTest.newBrowser("chromium-paging-", null, Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopBrowser() {
        BrowserTest.quit(browser);
    }

    /** Clicks and waits until the old page is gone and the new one, matching {@code regex}, is loaded. */
    static void clickAndWait(WebElement element, String regex) {
        BrowserTest.clickAndWait(browser, element, regex, Duration.ofSeconds(30));
    }

    static void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(dir.resolve("paging-" + name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(
                OutputType.BYTES));
    }

    String url(String path) {
        return BrowserTest.url(port, path);
    }

    @BeforeEach
    void signIn() {
        BrowserTest.signIn(browser, url("/checks"), "subcommittee", ".*/checks.*", Duration.ofSeconds(30));
    }

    static List<WebElement> listRows() {
        return browser.findElements(By.cssSelector("tr.batch-list"));
    }

    static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    @Test
    void startsABatchInTheBrowserThenPagesFiltersAndSearchesALargeBatch() throws IOException {
        browser.get(url("/?lang=vi"));
        clickAndWait(browser.findElement(By.id("nav-batches")), ".*/batches$");
        String id = "browser-" + System.nanoTime();
        browser.findElement(By.id("batch-congresses")).sendKeys(CheckApiTest.SAMPLES.resolve("congresses.csv")
                .toAbsolutePath().normalize().toString());
        browser.findElement(By.id("batch-nominees")).sendKeys(CheckApiTest.SAMPLES.resolve("nominees.csv")
                .toAbsolutePath().normalize().toString());
        browser.findElement(By.id("batch-id")).sendKeys(id);
        clickAndWait(browser.findElement(By.id("batch-submit")), ".*/batches/" + id + "$");
        // The page refreshes itself while the batch runs.
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(d -> {
            try {
                return "DONE".equals(d.findElement(By.id("batch-status")).getAttribute("data-status"));
            } catch (WebDriverException e) {
                return false;
            }
        });
        assertThat(text("batch-status")).isEqualTo("Đã xong");
        assertThat(listRows()).hasSize(3);
        screenshot("batch-started");

        // The batches page lists it; the history links to it.
        browser.get(url("/batches?q=" + id));
        assertThat(browser.findElements(By.cssSelector("tr.batch-row"))).hasSize(1);
        browser.get(url("/checks?kind=batch&q=TINH-NB-2025"));
        assertThat(browser.findElements(By.cssSelector("a.batch-link")).stream().map(WebElement::getText))
                .anyMatch(t -> t.startsWith(id));

        // A batch of 250 lists made of this batch's lists, written directly: one page of 50, then next, filter, search.
        String large = "large-" + System.nanoTime();
        UUID check = LargeBatch.create(records, BatchRunner.checkId(id), large, "TW", 250);
        browser.get(url("/batches/" + large + "?lang=vi"));
        // Seen once under heavy load: the first rendering held fewer rows (20, 21); the page is read again until it
        // is complete, and it must then hold exactly one page of 50.
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
            if (listRows().size() >= 50 && d.findElements(By.id("batch-page")).size() == 1) {
                return true;
            }
            d.navigate().refresh();
            return false;
        });
        assertThat(listRows()).hasSize(50);
        assertThat(text("batch-page")).isEqualTo("Trang 1/5");
        screenshot("large-batch-page-1");
        clickAndWait(browser.findElement(By.id("batch-next")), ".*page=2$");
        assertThat(text("batch-page")).isEqualTo("Trang 2/5");
        assertThat(listRows().get(0).findElement(By.cssSelector("a.list-link")).getText())
                .isEqualTo(large.toUpperCase() + "-000050");

        clickAndWait(browser.findElement(By.id("batch-non-compliant")), ".*status=NON_COMPLIANT.*");
        assertThat(listRows()).isNotEmpty().allMatch(r -> "NON_COMPLIANT".equals(r.getAttribute("data-status")));
        screenshot("large-batch-non-compliant");

        browser.findElement(By.id("batch-q")).sendKeys("-000123");
        clickAndWait(browser.findElement(By.id("batch-search-submit")), ".*q=-000123.*");
        assertThat(listRows()).hasSize(1);
        WebElement link = listRows().get(0).findElement(By.cssSelector("a.list-link"));
        clickAndWait(link, ".*/checks/" + check + "\\?list=123$");
        assertThat(browser.findElements(By.cssSelector("section.congress"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("tr.nominee"))).isNotEmpty();
        assertThat(text("chosen-list")).contains(large.toUpperCase() + "-000123");
        screenshot("large-batch-list-123");
    }

    @Test
    void nomineePageShowsInputDataAndWalksThroughTheListWithPreviousAndNext() throws IOException {
        browser.get(url("/?lang=vi"));
        clickAndWait(browser.findElement(By.id("check-sample")), ".*/checks/[0-9a-f-]{36}$");
        // Each row shows the short title of its findings beside the rule id.
        assertThat(browser.findElements(By.cssSelector("tr.nominee .finding-title"))).isNotEmpty()
                .allMatch(e -> !e.getText().isBlank());
        WebElement first = browser.findElements(By.cssSelector("a.nominee-link")).get(0);
        String name = first.getText();
        clickAndWait(first, ".*/lists/0/nominees/[^/]+$");
        assertThat(text("nominee-name")).isEqualTo(name);
        assertThat(text("nominee-position")).isEqualTo("Người thứ 1/40 trong danh sách");
        assertThat(browser.findElements(By.id("nominee-previous"))).isEmpty();
        WebElement input = browser.findElement(By.id("nominee-input"));
        assertThat(input.findElement(By.cssSelector("tr[data-column=full_name] td")).getText()).isEqualTo(name);
        assertThat(input.findElement(By.cssSelector("tr[data-column=birth_date] th")).getText()).isEqualTo("Ngày sinh");
        assertThat(input.findElement(By.cssSelector("tr[data-column=birth_date] td")).getText())
                .matches("\\d{2}/\\d{2}/\\d{4}");
        assertThat(input.findElements(By.cssSelector("tr"))).hasSize(28);
        screenshot("nominee-1");

        clickAndWait(browser.findElement(By.id("nominee-next")), ".*/lists/0/nominees/[^/]+$");
        assertThat(text("nominee-position")).isEqualTo("Người thứ 2/40 trong danh sách");
        String second = text("nominee-name");
        assertThat(second).isNotEqualTo(name);
        screenshot("nominee-2");
        clickAndWait(browser.findElement(By.id("nominee-previous")), ".*/lists/0/nominees/[^/]+$");
        assertThat(text("nominee-name")).isEqualTo(name);

        clickAndWait(browser.findElement(By.id("lang-switch")), ".*lang=en$");
        assertThat(browser.findElement(By.cssSelector("#nominee-input tr[data-column=birth_date] th")).getText())
                .isEqualTo("Date of birth");
        browser.get(url("/?lang=vi"));
    }
}
