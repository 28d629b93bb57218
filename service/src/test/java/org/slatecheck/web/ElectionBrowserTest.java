package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.slatecheck.election.ElectCommandTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Election day in the browser (issue 21, "Done when"): from the sample's provincial list, an election of the
 * committee; a double entry by two members with one mismatch is caught before deciding; a tally with a tie at the
 * last seat and one candidate at exactly half is decided: the page shows who is elected, the tie, the next round's
 * list and the elected committee's structure, in Vietnamese without code words; the minutes PDF says the same; the
 * counting board's head confirms.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ElectionBrowserTest {
    static WebDriver browser;
    static Path downloads;

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate anonymous;

    @BeforeAll
    static void start() throws Exception {
        downloads = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "election-downloads-")
                .toAbsolutePath();
        browser = BrowserTest.newBrowser("chromium-election-", downloads, Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        BrowserTest.quit(browser);
    }

    String url(String path) {
        return BrowserTest.url(port, path);
    }

    void signInAs(String user) {
        browser.get(url("/elections?lang=vi"));
        browser.manage().deleteAllCookies();
        browser.get(url("/elections?lang=vi"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        BrowserTest.clickAndWait(browser, browser.findElement(By.id("login")), ".*/elections.*",
                Duration.ofSeconds(30));
    }

    void click(String id, String regex) {
        try {
            BrowserTest.clickAndWait(browser, browser.findElement(By.id(id)), regex, Duration.ofSeconds(60));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("after " + id + ": " + browser.getCurrentUrl() + "\n"
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    String createElection(String check) {
        browser.get(url("/elections?lang=vi"));
        browser.findElement(By.id("election-check")).sendKeys(check);
        browser.findElement(By.id("election-congress")).sendKeys("TINH-NB-2025");
        click("election-create-button", ".*/elections/[0-9a-f-]{36}$");
        return browser.getCurrentUrl();
    }

    void uploadTally() {
        browser.findElement(By.id("tally-file")).sendKeys(ElectCommandTest.TALLY.toAbsolutePath().toString());
        click("tally-upload", ".*/elections/[0-9a-f-]{36}$");
    }

    @Test
    void electionDayFromTheProvincialList() throws Exception {
        ResponseEntity<String> stored = anonymous.withBasicAuth("board", "board").postForEntity("/api/checks",
                CheckApiTest.sample(), String.class);
        assertThat(stored.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String check = new ObjectMapper().readTree(stored.getBody()).get("checkId").asText();

        // A double entry: the file by one member, typed by another with one number wrong → caught before deciding.
        signInAs("board");
        String first = createElection(check);
        uploadTally();
        assertThat(browser.findElements(By.cssSelector("#election-entries li"))).hasSize(1);
        signInAs("board2");
        browser.get(first);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("tally-kind")))
                .selectByValue("DELEGATES");
        browser.findElement(By.id("tally-convened")).sendKeys("350");
        browser.findElement(By.id("tally-deduct-ABSENT_WHOLE_CONGRESS")).sendKeys("2");
        browser.findElement(By.id("tally-issued")).sendKeys("345");
        browser.findElement(By.id("tally-returned")).sendKeys("342");
        browser.findElement(By.id("tally-valid")).sendKeys("340");
        browser.findElement(By.id("tally-invalid")).sendKeys("2");
        List<WebElement> votes = browser.findElements(By.cssSelector("#tally-votes input.vote"));
        assertThat(votes).hasSize(40);
        for (int i = 1; i <= 40; i++) {
            int v = i <= 32 ? 320 - i : i <= 35 ? 200 : i == 36 ? 174 : 100;
            votes.get(i - 1).sendKeys(String.valueOf(i == 5 ? 351 : v));
        }
        click("tally-save", ".*/elections/[0-9a-f-]{36}$");
        List<WebElement> mismatches = browser.findElements(By.cssSelector("#election-mismatches tr.mismatch"));
        assertThat(mismatches).hasSize(1);
        assertThat(mismatches.get(0).getText()).contains("315", "351");
        click("decide", ".*/elections/[0-9a-f-]{36}$");
        assertThat(browser.findElement(By.id("election-errors")).getText())
                .contains("Hai lần nhập khác nhau ở 1 mục");
        assertThat(browser.findElements(By.id("election-result"))).isEmpty();

        // The tally with a tie at the last seat and one at exactly half, decided.
        String second = createElection(check);
        uploadTally();
        click("decide", ".*/elections/[0-9a-f-]{36}$");
        String page = browser.findElement(By.id("election-result")).getText();
        assertThat(page).contains("Bằng phiếu ở chỗ cuối cùng: đại hội quyết định",
                "Cơ sở tính kết quả: 348; trúng cử khi được trên 174 phiếu",
                "174 phiếu / cơ sở 348: không trúng cử (cần trên 174).", "Cấp ủy được bầu: 32 người, 3 nữ",
                "Quy định 190-QĐ/TW");
        assertThat(browser.findElements(By.cssSelector("#election-elected li"))).hasSize(32);
        assertThat(browser.findElements(By.cssSelector("#election-tie li"))).hasSize(3);
        assertThat(browser.findElements(By.cssSelector("#election-next-round li"))).hasSize(3);
        assertThat(browser.findElements(By.cssSelector("#election-body li.body-finding"))).isNotEmpty();
        String whole = browser.findElement(By.tagName("body")).getText();
        assertThat(whole).doesNotContain("COMMITTEE", "DELEGATES", "TIE", "ELECTED", "ELE-0", "NOT_ELECTED");
        List<String> tied = browser.findElements(By.cssSelector("#election-tie li")).stream().map(WebElement::getText)
                .toList();

        // The minutes PDF says the same.
        browser.findElement(By.id("minutes-pdf")).click();
        Path pdf = waitForDownload(".pdf");
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text).contains("BIÊN BẢN KIỂM PHIẾU", "ĐẢNG CỘNG SẢN VIỆT NAM", "BAN KIỂM PHIẾU",
                "Những người trúng cử (32)", "Bằng phiếu cho 2 chỗ còn lại", "TRƯỞNG BAN KIỂM PHIẾU",
                "Cơ sở tính kết quả: 348", "Trang 1/");
        for (String t : tied) {
            assertThat(text).contains(t);
        }

        // Confirmed by the head of the counting board (another member), then immutable.
        signInAs("approver");
        browser.get(second);
        click("confirm", ".*/elections/[0-9a-f-]{36}$");
        assertThat(browser.findElement(By.id("election-confirmed")).getText()).contains("approver",
                "không thay đổi được nữa");
        assertThat(browser.findElements(By.id("election-tally"))).isEmpty();
        assertThat(browser.findElements(By.id("decide"))).isEmpty();

        // Reproducible, like a check: decided again from what is stored, the same result.
        click("reproduce", ".*/elections/[0-9a-f-]{36}$");
        assertThat(browser.findElement(By.id("reproduction-identical")).getText())
                .isEqualTo("Tính lại từ số liệu đã lưu cho kết quả giống hệt kết quả đã xác nhận.");
        assertThat(browser.findElement(By.id("election-reproduction")).getText()).contains("bộ quy tắc phiên bản");
    }

    static Path waitForDownload(String suffix) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (var files = Files.list(downloads)) {
                var found = files.filter(p -> p.toString().endsWith(suffix)).findFirst();
                if (found.isPresent() && Files.size(found.get()) > 0) {
                    return found.get();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + suffix + " downloaded");
    }
}
