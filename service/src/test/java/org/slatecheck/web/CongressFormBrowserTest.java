package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slatecheck.web.BrowserTest.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The congress form of the upload page in a real headless Chromium: Vietnamese labels and drop-downs with
 * required marks (English with lang=en); after an error the page comes back with everything typed and the error
 * next to its field, the id made from the organisation and date; corrected, the check runs. Screenshots:
 * target/screenshots/congress-form-vi.png, congress-form-error-vi.png, congress-form-en.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CongressFormBrowserTest extends BrowserTest.SharedBrowser {
    static final String ORGANISATION = "Đảng bộ tỉnh Ninh Bình";
    static final String MADE_ID = "DANG-BO-TINH-NINH-BINH-2025-10-15";

    @BeforeEach
    void signInAsSubcommittee() {
        BrowserTest.signIn(browser, url("/checks?lang=vi"), "subcommittee", ".*/checks.*", Duration.ofSeconds(20));
    }

    /** The province list of the shipped sample, without its congress_id column: one congress, the form's. */
    static Path provinceNominees(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../data/samples/nominees.csv"), StandardCharsets.UTF_8);
        String rows = lines.stream().skip(1).filter(l -> l.startsWith("TINH-NB-2025,"))
                .map(l -> l.substring("TINH-NB-2025,".length())).collect(Collectors.joining("\n"));
        Path file = dir.resolve("nominees.csv");
        Files.writeString(file, lines.get(0).substring("congress_id,".length()) + "\n" + rows + "\n",
                StandardCharsets.UTF_8);
        return file;
    }

    static String label(String field) {
        return browser.findElement(By.cssSelector("label[for=" + field + "]")).getText();
    }

    static void type(String field, String text) {
        WebElement input = browser.findElement(By.id(field));
        input.clear();
        input.sendKeys(text);
    }

    @Test
    void theFormHasVietnameseLabelsAndDropDownsAndKeepsWhatWasTypedAfterAnError(@TempDir Path dir)
            throws IOException {
        browser.get(url("/?lang=vi"));
        BrowserTest.screenshot("congress-form-vi");
        assertThat(label("congress_id")).isEqualTo("Mã đại hội");
        assertThat(label("organisation")).isEqualTo("Tổ chức đảng *");
        assertThat(label("committee_seats")).isEqualTo("Số ủy viên *");
        assertThat(label("province")).isEqualTo("Tỉnh");
        assertThat(new Select(browser.findElement(By.id("level"))).getOptions()).extracting(WebElement::getText)
                .contains("Cấp tỉnh và tương đương", "Cấp xã, phường, đặc khu", "Cấp cơ sở");
        assertThat(new Select(browser.findElement(By.id("list_kind"))).getOptions()).extracting(WebElement::getText)
                .containsExactly("Danh sách bầu cử", "Phương án nhân sự", "Danh sách ủy ban kiểm tra");
        String form = browser.findElement(By.id("congress-form")).getText();
        for (String code : List.of("congress_id", "PROVINCE", "ELECTION_LIST", "PERSONNEL_PLAN", "YYYY")) {
            assertThat(form).as("code word " + code).doesNotContain(code);
        }

        Path nominees = provinceNominees(dir);
        browser.findElement(By.id("nominees")).sendKeys(nominees.toAbsolutePath().toString());
        type("organisation", ORGANISATION);
        new Select(browser.findElement(By.id("level"))).selectByValue("PROVINCE");
        new Select(browser.findElement(By.id("list_kind"))).selectByValue("ELECTION_LIST");
        type("committee_seats", "ba mươi tư");
        type("standing_seats", "12");
        type("province", "Ninh Bình");
        type("congress_date", "2025-10-15");
        BrowserTest.clickAndWait(browser.findElement(By.id("check-upload")), ".*/checks$");
        BrowserTest.screenshot("congress-form-error-vi");

        assertThat(browser.findElement(By.id("form-errors")).getText()).contains("chọn lại tệp danh sách nhân sự");
        assertThat(browser.findElement(By.id("organisation")).getAttribute("value")).isEqualTo(ORGANISATION);
        assertThat(browser.findElement(By.id("committee_seats")).getAttribute("value")).isEqualTo("ba mươi tư");
        assertThat(browser.findElement(By.id("standing_seats")).getAttribute("value")).isEqualTo("12");
        assertThat(browser.findElement(By.id("province")).getAttribute("value")).isEqualTo("Ninh Bình");
        assertThat(browser.findElement(By.id("congress_date")).getAttribute("value")).isEqualTo("2025-10-15");
        assertThat(new Select(browser.findElement(By.id("level"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("PROVINCE");
        assertThat(new Select(browser.findElement(By.id("list_kind"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo("ELECTION_LIST");
        assertThat(browser.findElement(By.id("congress_id")).getAttribute("value")).isEqualTo(MADE_ID);
        List<WebElement> errors = browser.findElements(By.cssSelector(".field-error"));
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getAttribute("data-field")).isEqualTo("committee_seats");
        assertThat(errors.get(0).getText()).contains("ba mươi tư");
        // next to its field: in the same field block as the input
        assertThat(errors.get(0).findElement(By.xpath("..")).findElement(By.id("committee_seats"))).isNotNull();
        assertThat(browser.findElement(By.id("committee_seats")).getAttribute("aria-invalid")).isEqualTo("true");

        type("committee_seats", "34");
        browser.findElement(By.id("nominees")).sendKeys(nominees.toAbsolutePath().toString());
        BrowserTest.clickAndWait(browser.findElement(By.id("check-upload")), ".*/checks/[0-9a-f-]{36}$");
        assertThat(browser.findElements(By.cssSelector(".list-status"))).hasSize(1);
        assertThat(browser.getPageSource()).contains(ORGANISATION);
    }

    @Test
    void theFormIsInEnglishWithLangEn() throws IOException {
        browser.get(url("/?lang=en"));
        BrowserTest.screenshot("congress-form-en");
        assertThat(label("congress_id")).isEqualTo("Congress id");
        assertThat(label("organisation")).endsWith(" *");
        assertThat(new Select(browser.findElement(By.id("level"))).getOptions()).extracting(WebElement::getText)
                .contains("Province level and equivalent", "Grassroots level");
        assertThat(new Select(browser.findElement(By.id("list_kind"))).getOptions()).extracting(WebElement::getText)
                .containsExactly("Election list", "Personnel plan", "Inspection commission list");
        browser.get(url("/?lang=vi"));
    }
}
