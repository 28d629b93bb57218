package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/**
 * Issue 17 item 12 in a real headless Chromium (1280 px wide, as {@link BrowserTest}): the filter card of a
 * five-nominee check is a few lines high, and the sample filtered to the ineligible nominees is no longer a page of
 * panels (it was 5,332 px). Screenshots in {@code target/screenshots/result-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResultPageBrowserTest {
    static WebDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate anonymous;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = BrowserTest.newBrowser("chromium-result-", null, Duration.ofSeconds(5));
    }

    @AfterAll
    static void stopBrowser() {
        BrowserTest.quit(browser);
    }

    String url(String path) {
        return BrowserTest.url(port, path);
    }

    @BeforeEach
    void signIn() {
        BrowserTest.signIn(browser, url("/checks"), "subcommittee", ".*/checks.*", Duration.ofSeconds(30));
    }

    String check(org.springframework.http.HttpEntity<?> upload) throws Exception {
        var created = anonymous.withBasicAuth("subcommittee", "subcommittee").postForEntity("/api/checks", upload,
                String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return CheckApiTest.JSON.readTree(created.getBody()).get("checkId").asText();
    }

    static long height(String script) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(script)).longValue();
    }

    static void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(dir.resolve("result-" + name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(
                OutputType.BYTES));
    }

    @Test
    void theFilterCardOfAFiveNomineeCheckIsSmall() throws Exception {
        String id = check(CheckApiTest.upload("congresses.csv",
                ResultPagesTest.FIVE_CONGRESS.getBytes(StandardCharsets.UTF_8), "nominees.csv",
                ResultPagesTest.FIVE_NOMINEES.getBytes(StandardCharsets.UTF_8)));
        browser.get(url("/checks/" + id + "?lang=vi"));
        BrowserTest.waitFor(browser, ".*/checks/" + id + ".*", Duration.ofSeconds(20));
        screenshot("five-nominees");
        long card = height("return document.getElementById('result-filter-card').getBoundingClientRect().height");
        // Title, one line of downloads, one row of filters, one row of sorting and paging.
        assertThat(card).as("filter card height in px").isLessThan(260);
        assertThat(browser.findElement(By.id("result-rule")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("result-q")).isDisplayed()).isTrue();
    }

    @Test
    void theSampleFilteredToTheIneligibleShowsTheirRowsWithoutAPageOfPanels() throws Exception {
        String id = check(CheckApiTest.sample());
        browser.get(url("/checks/" + id + "?lang=vi&outcome=INELIGIBLE"));
        BrowserTest.waitFor(browser, ".*outcome=INELIGIBLE$", Duration.ofSeconds(20));
        screenshot("ineligible");
        assertThat(browser.findElements(By.cssSelector("tr.nominee"))).hasSize(12);
        assertThat(browser.findElements(By.cssSelector("table.structure"))).noneMatch(t -> t.isDisplayed());
        long page = height("return document.documentElement.scrollHeight");
        assertThat(page).as("page height in px").isLessThan(2600);
    }
}
