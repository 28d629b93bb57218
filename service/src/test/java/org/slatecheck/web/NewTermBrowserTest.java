package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slatecheck.web.BrowserTest.browser;
import static org.slatecheck.web.BrowserTest.clickAndWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.slatecheck.governance.RuleSetCache;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 18 "Done when", in a real headless Chromium and without writing a file: a 2030 congress under a term that does
 * not exist is an input error naming the terms that do; {@code board} creates 2030-2035 from the active 2025-2030 on
 * its page, adds the new directive to the draft's document registry with the document form, names it as the term's
 * directive with the term form, sets the province reference month and a value in force from a 2029 date with that
 * directive as source in the parameter table, and cites it for AGE-001 in the citations form; {@code approver} reads
 * the changes in words, approves and activates (confirmation box); the same 2030 file is then checked against
 * 2030-2035.1 and the finding cites the new directive — no restart, no release. Screenshots:
 * target/screenshots/new-term-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NewTermBrowserTest extends BrowserTest.SharedBrowser {
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuleSetCache ruleSetCache;

    /** As in {@link NewTermTest}: the test database outlives a run, a term is made once, so 2030 the first time. */
    int year;
    String newTerm;

    @BeforeEach
    void freeYears() {
        int last = jdbc.queryForList("select term from rule_set_version", String.class).stream()
                .mapToInt(t -> Integer.parseInt(t.substring(0, 4))).max().orElse(2025);
        year = Math.max(2030, last + 10);
        newTerm = year + "-" + (year + 5);
    }

    /** The other tests of this JVM share the database: the new term goes, the shipped terms stay as they were. */
    @AfterEach
    void removeTheNewTerm() {
        jdbc.update("update rule_set_version set status = 'RETIRED' where term not in ('2020-2025', '2025-2030') "
                + "and status <> 'DELETED'");
        ruleSetCache.reloadActive();
    }

    void signInAs(String user) {
        BrowserTest.switchUser(browser, url(""), user, Duration.ofSeconds(20));
    }

    void setValue(WebElement field, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(); arguments[0].value = arguments[1]",
                field, value);
    }

    void upload(Path congresses, Path nominees, String expectedUrl) {
        browser.get(url("/?lang=vi"));
        browser.findElement(By.id("nominees")).sendKeys(nominees.toAbsolutePath().toString());
        browser.findElement(By.id("congresses")).sendKeys(congresses.toAbsolutePath().toString());
        clickAndWait(browser.findElement(By.id("check-upload")), expectedUrl);
    }

    @Test
    void aBoardCreatesTheTermWithItsDirectiveInFormsItIsApprovedActivatedAndA2030CongressIsChecked(@TempDir Path dir)
            throws IOException {
        Path congresses = dir.resolve("dai-hoi.csv");
        Path nominees = dir.resolve("nhan-su.csv");
        Files.writeString(congresses, "congress_id,organisation,level,term,list_kind,committee_seats,congress_date\n"
                + "T-2030,Đảng bộ tỉnh Thử nghiệm,PROVINCE," + newTerm + ",PERSONNEL_PLAN,1," + year + "-10-01\n");
        // Sixty at the congress: a first-time member with some 16 months before retirement (AGE-001).
        Files.writeString(nominees, "congress_id,nominee_id,full_name,sex,birth_date,membership,incumbent,"
                + "proposed_posts\nT-2030,A,Nguyễn Văn An,M," + (year - 60) + "-01-01,OFFICIAL,false,COMMITTEE\n");

        // Before: the term does not exist — an input error naming the terms that do.
        signInAs("subcommittee");
        upload(congresses, nominees, ".*/checks$");
        assertThat(browser.findElement(By.id("input-errors")).getText()).contains("Nhiệm kỳ “" + newTerm
                + "” chưa có bộ quy tắc; các nhiệm kỳ hiện có: 2020-2025 (01/01/2019 – 31/12/2021), 2025-2030 "
                + "(14/06/2024 – 31/12/2026)");

        // The board makes the term from the active 2025-2030 on its page.
        signInAs("board");
        browser.get(url("/rulesets?lang=vi"));
        browser.get(browser.findElement(By.xpath("//tr[td[1]='2025-2030' and td[3]='đang áp dụng']//a"))
                .getAttribute("href"));
        browser.findElement(By.id("new-term-id")).sendKeys(newTerm);
        setValue(browser.findElement(By.id("new-term-from")), (year - 1) + "-06-14");
        setValue(browser.findElement(By.id("new-term-to")), (year + 1) + "-12-31");
        clickAndWait(browser.findElement(By.id("new-term-create")), ".*/rulesets/\\d+$");
        String draftUrl = browser.getCurrentUrl();
        assertThat(browser.findElement(By.id("version-title")).getText()).startsWith(newTerm + ".1");
        assertThat(browser.findElement(By.id("term-no-directive")).getText())
                .isEqualTo("Chưa chọn chỉ thị nào của nhiệm kỳ.");

        // The new directive, as a document of the draft's registry (no CSV).
        new Select(browser.findElement(By.id("document-kind"))).selectByVisibleText("Chỉ thị");
        browser.findElement(By.id("document-number")).sendKeys("12-CT/TW");
        browser.findElement(By.id("document-issuer")).sendKeys("Bộ Chính trị");
        setValue(browser.findElement(By.id("document-issued")), (year - 1) + "-06-14");
        browser.findElement(By.id("document-title-vi")).sendKeys("về đại hội đảng bộ các cấp nhiệm kỳ " + newTerm);
        browser.findElement(By.id("document-title-en")).sendKeys("on party congresses for the " + newTerm + " term");
        browser.findElement(By.id("document-confirmation-source")).sendKeys("Bản chụp văn bản gửi ban tổ chức");
        BrowserTest.screenshot("new-term-document");
        clickAndWait(browser.findElement(By.id("add-document")), ".*/rulesets/\\d+(#.*)?$");
        String directive = "Chỉ thị 12-CT/TW ngày 14/6/" + (year - 1);
        assertThat(browser.findElement(By.id("ok")).getText())
                .isEqualTo("Đã thêm " + directive + " vào danh mục và biên dịch lại bản nháp.");
        String docId = "CT-12-" + (year - 1);

        // It is the term's directive.
        WebElement box = browser.findElement(By.cssSelector("#term-form input[name=directive][value='" + docId
                + "']"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", box);
        box.click();
        clickAndWait(browser.findElement(By.id("save-term")), ".*/rulesets/\\d+(#.*)?$");
        assertThat(browser.findElement(By.id("ok")).getText()).isEqualTo("Đã lưu và biên dịch lại bản nháp.");
        assertThat(browser.findElements(By.cssSelector("#term-directives li"))).extracting(WebElement::getText)
                .containsExactly(directive + " – về đại hội đảng bộ các cấp nhiệm kỳ " + newTerm);

        // Its reference month for province congresses, and a value in force from a 2029 date, both on the directive.
        browser.findElement(By.name("v.reference_month.PROVINCE.0")).sendKeys(year + "-09");
        new Select(browser.findElement(By.name("d.reference_month.PROVINCE.0"))).selectByValue(docId);
        setValue(browser.findElement(By.name("f.discipline.period_months.new")), (year - 1) + "-09-01");
        browser.findElement(By.name("v.discipline.period_months.new")).sendKeys("24");
        new Select(browser.findElement(By.name("d.discipline.period_months.new"))).selectByValue(docId);
        clickAndWait(browser.findElement(By.id("save-parameter-table")), ".*/rulesets/\\d+(#.*)?$");
        assertThat(browser.findElement(By.id("ok")).getText()).isEqualTo("Đã lưu và biên dịch lại bản nháp.");

        // AGE-001 cites it (the citations form's first blank row).
        WebElement row = browser.findElement(By.cssSelector("tr.new-citation"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", row);
        new Select(row.findElement(By.cssSelector("select[name^='rule.']"))).selectByValue("AGE-001");
        new Select(row.findElement(By.cssSelector("select[name^='document.']"))).selectByValue(docId);
        row.findElement(By.cssSelector("input[name^='noteVi.']")).sendKeys("tuổi công tác khi tham gia cấp ủy lần đầu");
        row.findElement(By.cssSelector("input[name^='noteEn.']")).sendKeys("working time left for a first-time member");
        clickAndWait(browser.findElement(By.id("save-citations")), ".*/rulesets/\\d+(#.*)?$");
        assertThat(browser.findElement(By.id("ok")).getText()).isEqualTo("Đã lưu và biên dịch lại bản nháp.");
        clickAndWait(browser.findElement(By.id("run-impact")), ".*/rulesets/\\d+$");

        // A second person reads the changes in words, approves and activates behind the confirmation box.
        signInAs("approver");
        browser.get(draftUrl);
        WebElement words = browser.findElement(By.id("changes-in-words"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", words);
        BrowserTest.screenshot("new-term-changes-in-words");
        assertThat(words.findElements(By.tagName("li"))).extracting(WebElement::getText).contains(
                "Thêm vào danh mục văn bản: " + directive + " về đại hội đảng bộ các cấp nhiệm kỳ " + newTerm
                        + " (chưa đối chiếu văn bản gốc)",
                "Nhiệm kỳ mới " + newTerm + ", tạo từ nhiệm kỳ 2025-2030",
                "Thời gian đại hội: 14/06/2024 – 31/12/2026 → 14/06/" + (year - 1) + " – 31/12/" + (year + 1),
                "Chỉ thị của nhiệm kỳ: " + directive + " về đại hội đảng bộ các cấp nhiệm kỳ " + newTerm);
        assertThat(words.getText()).contains("Thời hạn không bố trí sau kỷ luật: ", "24 tháng (CT 12)",
                ", từ 01/09/" + (year - 1), "Thêm căn cứ cho ");
        clickAndWait(browser.findElement(By.id("approve")), ".*/rulesets/\\d+$");
        assertThat(browser.findElement(By.id("ok")).getText()).isEqualTo("Đã duyệt.");
        browser.findElement(By.id("activate-confirm")).click();
        clickAndWait(browser.findElement(By.id("activate")), ".*/rulesets/\\d+$");
        assertThat(browser.findElement(By.id("version-title")).getText()).isEqualTo(newTerm + ".1 · đang áp dụng");

        // The same file, now checked against the new term: its version on the result, the directive cited.
        signInAs("subcommittee");
        upload(congresses, nominees, ".*/checks/[0-9a-f-]{36}$");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(newTerm + ".1", "09/" + year);
        clickAndWait(browser.findElement(By.cssSelector("a.nominee-link")), ".*/nominees/[^/]+$");
        WebElement finding = browser.findElement(By.xpath(
                "//section[contains(@class,'finding')][.//span[text()='AGE-001']]"));
        assertThat(finding.findElement(By.cssSelector(".citation")).getText()).contains(directive);
        BrowserTest.screenshot("new-term-finding");
    }
}
