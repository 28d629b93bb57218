package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slatecheck.web.BrowserTest.browser;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The 404 and 403 pages in a real headless Chromium, in Vietnamese and English: the site's layout (header, menu),
 * a title and a way back, no "Whitelabel", no JSON, no exception; the Vietnamese page has no English words.
 * Screenshots: target/screenshots/error-404-vi.png, error-404-en.png, error-403-vi.png, error-403-en.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorPagesBrowserTest extends BrowserTest.SharedBrowser {
    /** English words a Vietnamese error page must not show (the language switch "English" aside). */
    static final List<String> ENGLISH = List.of("Not Found", "not found", "Forbidden", "Error", "error", "Access",
            "denied", "Page", "page", "Back", "Sign", "Whitelabel", "Exception", "status", "There was");
    static final List<String> LEAKS = List.of("Whitelabel", "Exception", "\"status\"", "\"timestamp\"", "trace");

    @BeforeEach
    void signInAsSubcommittee() {
        BrowserTest.signIn(browser, url("/checks?lang=vi"), "subcommittee", ".*/checks.*", Duration.ofSeconds(20));
    }

    void assertErrorPage(String path, String lang, String title, String shot) throws IOException {
        browser.get(url(path + (path.contains("?") ? "&" : "?") + "lang=" + lang));
        BrowserTest.waitFor(".*lang=" + lang + "$");
        BrowserTest.screenshot(shot);
        assertThat(browser.findElement(By.id("error-title")).getText()).isEqualTo(title);
        assertThat(browser.getTitle()).isEqualTo(title + " · SlateCheck");
        assertThat(browser.findElement(By.cssSelector("header a.brand")).getText()).isEqualTo("SlateCheck");
        assertThat(browser.findElement(By.id("nav-user")).getText()).isEqualTo("subcommittee");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
        String source = browser.getPageSource();
        for (String leak : LEAKS) {
            assertThat(source).as(shot + " leaks " + leak).doesNotContain(leak);
        }
        String main = browser.findElement(By.tagName("main")).getText();
        assertThat(main).isNotBlank();
        if (lang.equals("vi")) {
            for (String word : ENGLISH) {
                assertThat(main).as(shot + " shows the English word " + word).doesNotContain(word);
            }
        }
        BrowserTest.clickAndWait(browser.findElement(By.id("error-home")), ".*/$");
        assertThat(browser.findElement(By.id("upload-form")).isDisplayed()).isTrue();
    }

    @Test
    void anUnknownPageShowsTheSite404PageInVietnameseAndEnglish() throws IOException {
        assertErrorPage("/no-such-page", "vi", "Không tìm thấy trang", "error-404-vi");
        assertErrorPage("/no-such-page", "en", "Page not found", "error-404-en");
        assertErrorPage("/checks/00000000-0000-0000-0000-000000000000", "vi", "Không tìm thấy trang",
                "error-404-record-vi");
        browser.get(url("/?lang=vi"));
    }

    @Test
    void aSubcommitteeUserOpeningTheAuditLogSeesTheSite403Page() throws IOException {
        assertErrorPage("/audit", "vi", "Không có quyền truy cập", "error-403-vi");
        assertErrorPage("/audit", "en", "Access denied", "error-403-en");
        browser.get(url("/?lang=vi"));
    }
}
