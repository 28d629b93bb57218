package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slatecheck.web.BrowserTest.browser;
import static org.slatecheck.web.BrowserTest.clickAndWait;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 17 item 8 in a real headless Chromium: {@code board} adds to a draft, in the parameter table, a value of
 * "Thời hạn không bố trí sau kỷ luật" in force from 01/01/2026 with its source document chosen from the registry's
 * drop-down; {@code approver} reads the change as a sentence (no version row), approves, and activates only after
 * ticking the confirmation box (the button alone does not submit); the shipped version is activated again at the end.
 * Screenshots: target/screenshots/board-parameter-table.png, board-changes-in-words.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BoardFormsBrowserTest extends BrowserTest.SharedBrowser {
    static final String P = "discipline.period_months";

    void signInAs(String user) {
        BrowserTest.switchUser(browser, url(""), user, Duration.ofSeconds(20));
    }

    @Test
    void aBoardAddsADatedValueWithItsDocumentAndTheApproverReadsApprovesAndConfirmsActivation() throws IOException {
        signInAs("board");
        browser.get(url("/rulesets?lang=vi"));
        String shippedUrl = browser.findElement(By.xpath("//tr[td[1]='2025-2030' and td[3]='đang áp dụng']//a"))
                .getAttribute("href");
        clickAndWait(browser.findElement(By.xpath("//tr[td[1]='2025-2030' and td[3]='đang áp dụng']"
                + "//button[@class='new-draft']")), ".*/rulesets/\\d+$");
        String draftUrl = browser.getCurrentUrl();
        // A draft does not offer a draft of itself.
        assertThat(browser.findElements(By.cssSelector("form[action$='/drafts']"))).isEmpty();

        WebElement from = browser.findElement(By.name("f." + P + ".new"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", from);
        browser.findElement(By.name("v." + P + ".new")).sendKeys("12");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = '2026-01-01'", from);
        Select document = new Select(browser.findElement(By.name("d." + P + ".new")));
        document.selectByVisibleText("Quy định 24-QĐ/TW ngày 30/7/2021 – về thi hành Điều lệ Đảng");
        browser.findElement(By.name("a." + P + ".new")).sendKeys("40");
        browser.findElement(By.name("c." + P + ".new")).sendKeys("3");
        browser.findElement(By.name("n." + P + ".new")).sendKeys("thời hạn tính từ ngày quyết định");
        BrowserTest.screenshot("board-parameter-table");
        clickAndWait(browser.findElement(By.id("save-parameter-table")), ".*/rulesets/\\d+(#.*)?$");
        assertThat(browser.findElement(By.id("ok")).getText()).isEqualTo("Đã lưu và biên dịch lại bản nháp.");
        // The term now carries two values of the parameter, each with the date it is in force from.
        assertThat(browser.findElements(By.cssSelector("tbody[data-parameter='" + P + "'] tr.entry")))
                .extracting(e -> e.findElement(By.cssSelector("td.from")).getText())
                .containsExactly("Từ đầu nhiệm kỳ", "01/01/2026");
        assertThat(new Select(browser.findElement(By.name("d." + P + ".1"))).getFirstSelectedOption().getText())
                .startsWith("Quy định 24-QĐ/TW ngày 30/7/2021");
        clickAndWait(browser.findElement(By.id("run-impact")), ".*/rulesets/\\d+$");
        assertThat(browser.findElement(By.id("impact-totals")).getText()).endsWith(" đạt, 0 không đạt.");

        signInAs("approver");
        browser.get(draftUrl);
        WebElement words = browser.findElement(By.id("changes-in-words"));
        assertThat(words.findElements(By.tagName("li"))).extracting(WebElement::getText).containsExactly(
                "Thời hạn không bố trí sau kỷ luật: 12 tháng (QĐ 69) → 12 tháng (QĐ 24), từ 01/01/2026");
        assertThat(browser.findElement(By.id("diff")).getText()).doesNotContain("ruleset.version",
                "Phiên bản bộ quy tắc");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", words);
        BrowserTest.screenshot("board-changes-in-words");
        clickAndWait(browser.findElement(By.id("approve")), ".*/rulesets/\\d+$");
        assertThat(browser.findElement(By.id("ok")).getText()).isEqualTo("Đã duyệt.");

        // The button alone does not activate: the box is required (and checked again by the server).
        assertThat(browser.findElement(By.id("activate-confirm")).getAttribute("required")).isNotNull();
        assertThat(browser.findElement(By.id("activate-form")).getText())
                .contains("Tôi xác nhận kích hoạt phiên bản");
        browser.findElement(By.id("activate")).click();
        assertThat(browser.getCurrentUrl()).isEqualTo(draftUrl);
        assertThat(browser.findElement(By.id("version-title")).getText()).endsWith("đã duyệt");
        browser.findElement(By.id("activate-confirm")).click();
        clickAndWait(browser.findElement(By.id("activate")), ".*/rulesets/\\d+$");
        assertThat(browser.findElement(By.id("ok")).getText()).startsWith("Đã kích hoạt");
        assertThat(browser.findElement(By.id("version-title")).getText()).endsWith("đang áp dụng");

        browser.get(shippedUrl);
        browser.findElement(By.id("activate-confirm")).click();
        clickAndWait(browser.findElement(By.id("activate")), ".*/rulesets/\\d+$");
        assertThat(browser.findElement(By.id("version-title")).getText()).endsWith("đang áp dụng");
    }
}
