package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 17 item 8 in Chromium: {@code board} builds a guided rule by choosing field, comparison and value from lists
 * in Vietnamese and reads the sentence as it chooses, saves it with the button that names it; raises the under-40
 * share 10 → 15, sees the rule cases whose expected outcome changes side by side in Vietnamese and accepts them in
 * one step; {@code approver} reads the accepted changes in the version's review.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GuidedRuleBrowserTest {
    static WebDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = BrowserTest.newBrowser("board-forms-", null, Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopBrowser() {
        BrowserTest.quit(browser);
    }

    String url(String path) {
        return BrowserTest.url(port, path);
    }

    void signInAs(String user) {
        BrowserTest.switchUser(browser, url(""), user, Duration.ofSeconds(120));
    }

    static void click(WebElement e, String regex) {
        BrowserTest.clickAndWait(browser, e, regex, Duration.ofSeconds(120));
    }

    /** Chooses {@code label} in a list whose change draws the page again (a new field or comparison). */
    static void chooseAndWait(WebDriver b, String id, String label) {
        WebElement page = b.findElement(By.tagName("html"));
        new Select(b.findElement(By.id(id))).selectByVisibleText(label);
        new WebDriverWait(b, Duration.ofSeconds(30)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException e) {
                return true;
            }
        });
        BrowserTest.waitFor(b, ".*/guided$", Duration.ofSeconds(30));
    }

    static void type(WebDriver b, String id, String text) {
        WebElement e = b.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    /** The sentence of the rule {@link #buildSecretaryRule} builds. */
    static final String SECRETARY_SENTENCE = "Nếu nhân sự được đề xuất làm bí thư và trình độ lý luận chính trị thấp "
            + "hơn cử nhân chính trị thì: Cần xem xét — Bí thư chưa có cử nhân chính trị";

    /**
     * On a draft's page, builds with the form the guided rule "a nominee proposed for secretary below a bachelor's
     * in political theory needs review" as rule {@code id}, every choice from a list, and waits until the page's
     * script shows its sentence; leaves the form unsaved.
     */
    static void buildSecretaryRule(WebDriver b, String id) {
        BrowserTest.clickAndWait(b, b.findElement(By.id("new-guided")), ".*/guided/new$", Duration.ofSeconds(60));
        type(b, "guided-id", id);
        chooseAndWait(b, "cond-0-field", "chức vụ đề xuất");
        chooseAndWait(b, "cond-0-op", "được đề xuất làm / đang giữ");
        new Select(b.findElement(By.id("cond-0-value"))).selectByVisibleText("bí thư");
        BrowserTest.clickAndWait(b, b.findElement(By.id("add-condition")), ".*/guided$", Duration.ofSeconds(60));
        chooseAndWait(b, "cond-1-field", "trình độ lý luận chính trị");
        chooseAndWait(b, "cond-1-op", "thấp hơn");
        new Select(b.findElement(By.id("cond-1-value"))).selectByVisibleText("cử nhân chính trị");
        new Select(b.findElement(By.id("guided-severity"))).selectByVisibleText("Cần xem xét");
        type(b, "title-vi", "Bí thư chưa có cử nhân chính trị");
        type(b, "title-en", "Secretary without a bachelor's degree in political theory");
        type(b, "message-vi", "Trình độ lý luận chính trị hiện có: {political_theory}.");
        type(b, "message-en", "Political theory held: {political_theory}.");
        type(b, "remedy-vi", "Cử đi đào tạo cử nhân chính trị hoặc giới thiệu nhân sự khác.");
        type(b, "remedy-en", "Send for a bachelor's course in political theory or propose another nominee.");
        new Select(b.findElement(By.id("guided-document"))).selectByValue("QD-214-2020");
        type(b, "guided-detail", "tiêu chuẩn chức danh bí thư");
        // The page's script asked for the sentence as the wording was typed: no button pressed.
        new WebDriverWait(b, Duration.ofSeconds(20)).until(d -> d.findElement(By.id("guided-sentence"))
                .getText().equals(SECRETARY_SENTENCE) && d.findElement(By.id("guided-save")).getText()
                .equals("Lưu quy tắc hướng dẫn " + id));
    }

    static void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aBoardBuildsAGuidedRuleAndAcceptsChangedCasesThatTheApproverSees() throws IOException {
        signInAs("board");
        browser.get(url("/rulesets?lang=vi"));
        click(browser.findElement(By.xpath("//tr[td[1]='2025-2030' and td[3]='đang áp dụng']"
                + "//button[@class='new-draft']")), ".*/rulesets/\\d+$");
        String draftUrl = browser.getCurrentUrl();

        // The builder: every choice from a list in Vietnamese; the sentence follows.
        browser.findElement(By.id("new-guided"));
        buildSecretaryRule(browser, "BTC-901");
        String sentence = SECRETARY_SENTENCE;
        assertThat(browser.findElement(By.id("guided-problems")).getText()).isEmpty();
        screenshot("guided-builder");
        click(browser.findElement(By.id("guided-save")), ".*/rulesets/\\d+$");
        assertThat(browser.findElement(By.id("ok")).getText()).startsWith("Đã lưu quy tắc hướng dẫn BTC-901");
        assertThat(browser.findElement(By.cssSelector(".guided .sentence")).getText()).isEqualTo(sentence);
        assertThat(browser.findElement(By.cssSelector(".guided")).getText())
                .contains("Quy định 214-QĐ/TW ngày 2/1/2020");

        // Under-40 share 10 → 15: the cases it changes, side by side in Vietnamese, accepted in one step.
        WebElement value = browser.findElement(By.name("v.structure.under40_min_percent.0"));
        value.clear();
        value.sendKeys("15");
        WebElement source = browser.findElement(By.name("n.structure.under40_min_percent.0"));
        source.clear();
        source.sendKeys("Nghị quyết giả định của ban tổ chức: cán bộ trẻ từ 15 %");
        click(browser.findElement(By.id("save-parameter-table")), ".*/rulesets/\\d+(#.*)?$");
        click(browser.findElement(By.id("run-impact")), ".*/rulesets/\\d+$");
        assertThat(browser.findElement(By.id("impact-totals")).getText()).doesNotEndWith(" 0 không đạt.");
        String changes = browser.findElement(By.id("case-changes")).getText();
        assertThat(changes).contains("Ca kiểm thử có kết quả mong đợi thay đổi", "Ca kiểm thử số 1 của quy tắc Chưa đạt chỉ tiêu cơ cấu cán bộ trẻ dưới 40 "
                + "tuổi (STR-003)", "Danh sách: đạt yêu cầu → chưa đạt yêu cầu", "Kết quả theo dự thảo");
        screenshot("case-changes");
        WebElement accept = browser.findElement(By.id("accept-cases"));
        assertThat(accept.getText()).matches("Chấp nhận kết quả mong đợi mới của \\d+ ca kiểm thử");
        click(accept, ".*/rulesets/\\d+$");
        assertThat(browser.findElement(By.id("ok")).getText()).matches("Đã ghi kết quả mong đợi mới của \\d+ ca "
                + "kiểm thử; phân tích tác động đã chạy lại.");
        assertThat(browser.findElement(By.id("impact-totals")).getText()).endsWith(" 0 không đạt.");
        assertThat(browser.findElements(By.id("case-changes"))).isEmpty();

        // The approver reads the accepted expectations in the version's review.
        signInAs("approver");
        browser.get(draftUrl);
        String review = browser.findElement(By.id("case-review")).getText();
        assertThat(review).contains("Thay đổi kết quả mong đợi của ca kiểm thử",
                "Danh sách: đạt yêu cầu → chưa đạt yêu cầu", "STR-003");
        screenshot("case-review");
    }
}
