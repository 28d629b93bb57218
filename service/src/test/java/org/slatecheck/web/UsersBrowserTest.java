package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slatecheck.web.BrowserTest.browser;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.slatecheck.governance.SignInGuard;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Users page in a real headless Chromium: columns with headers, full name and unit, roles as check boxes; an
 * administrator disables a user — who then cannot sign in, whose open session and API token stop working — enables
 * them again, and resets a password (the policy applies). Every change is in the audit log. Screenshots:
 * target/screenshots/users-page-vi.png, users-disabled-vi.png, users-login-refused-disabled.png,
 * users-password-reset-vi.png, users-page-en.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UsersBrowserTest extends BrowserTest.SharedBrowser {
    static final String FIRST = "correct horse battery one";
    static final String SECOND = "correct horse battery two";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SignInGuard guard;
    @Autowired
    org.slatecheck.governance.ApiTokens tokens;

    @BeforeEach
    @AfterEach
    void forgetFailures() {
        guard.clear();
    }

    /** Signs out whoever is signed in, then tries {@code user}; returns the address the login led to. */
    String signIn(String user, String password) {
        browser.get(url("/checks?lang=vi"));
        if (!browser.getCurrentUrl().contains("/login")) {
            BrowserTest.clickAndWait(browser.findElement(By.cssSelector("form.logout button")), ".*/login\\?logout$");
        }
        browser.get(url("/login?lang=vi"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        BrowserTest.clickAndWait(browser.findElement(By.id("login")), ".*");
        return browser.getCurrentUrl();
    }

    static WebElement row(String user) {
        return browser.findElement(By.cssSelector("#users tr[data-user='" + user + "']"));
    }

    /** A page session of {@code user} outside the browser: HTTP Basic once, then its session cookie alone. */
    HttpClient session(String user, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> first = client.send(HttpRequest.newBuilder(URI.create(url("/checks")))
                .header("Authorization", basic(user, password)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).isEqualTo(200);
        return client;
    }

    int status(HttpClient client, String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)));
        if (!path.startsWith("/api/")) {
            b.header("Accept", "text/html"); // as a browser asks: sent to the login page when not signed in
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    List<String> auditActions(String user) {
        return jdbc.queryForList("select action from audit_log where subject = ? order by id", String.class, user);
    }

    @Test
    void anAdministratorCreatesEditsDisablesEnablesAndResetsAUser() throws Exception {
        String name = "ub" + System.nanoTime() % 1_000_000_000;
        assertThat(signIn("admin", "admin")).doesNotContain("/login");
        browser.get(url("/admin/users?lang=vi"));
        assertThat(browser.findElements(By.cssSelector("#users thead th")).stream().map(WebElement::getText).toList())
                .containsExactly("Tên đăng nhập", "Họ và tên", "Đơn vị", "Vai trò", "Trạng thái", "Đặt lại mật khẩu");

        // create, with a full name and roles as check boxes
        browser.findElement(By.id("new-username")).sendKeys(name);
        browser.findElement(By.id("new-full-name")).sendKeys("Trần Thị Bình");
        browser.findElement(By.id("new-password")).sendKeys(FIRST);
        browser.findElement(By.cssSelector("#user-create input[name=roles][value=BOARD]")).click();
        BrowserTest.clickAndWait(browser.findElement(By.id("create-user")), ".*/admin/users$");
        assertThat(browser.findElement(By.id("flash-ok")).getText()).contains(name);
        assertThat(row(name).findElement(By.cssSelector("input.full-name")).getAttribute("value"))
                .isEqualTo("Trần Thị Bình");
        assertThat(row(name).findElement(By.cssSelector("td.unit")).getText()).isEqualTo("TW — Trung ương");
        assertThat(row(name).findElements(By.cssSelector("input[name=roles]:checked")).stream()
                .map(e -> e.getAttribute("value")).toList()).containsExactly("SUBCOMMITTEE", "BOARD");
        assertThat(row(name).getText()).contains("Tiểu ban nhân sự", "Đang hoạt động").doesNotContain("SUBCOMMITTEE");

        // roles and full name edited in the row
        row(name).findElement(By.cssSelector("input[name=roles][value=BOARD]")).click();
        row(name).findElement(By.cssSelector("input[name=roles][value=APPROVER]")).click();
        WebElement fullName = row(name).findElement(By.cssSelector("input.full-name"));
        fullName.clear();
        fullName.sendKeys("Trần Thị Bình An");
        BrowserTest.clickAndWait(row(name).findElement(By.cssSelector("button.save-user")), ".*/admin/users$");
        assertThat(jdbc.queryForMap("select roles, full_name from app_user where username = ?", name))
                .isEqualTo(Map.of("roles", "SUBCOMMITTEE,APPROVER", "full_name", "Trần Thị Bình An"));
        BrowserTest.screenshot("users-page-vi");

        // the user has an open page session and an API token; then the administrator disables them
        HttpClient userSession = session(name, FIRST);
        assertThat(status(userSession, "/checks", null)).isEqualTo(200);
        String token = tokens.issue("admin", name);
        assertThat(status(HttpClient.newHttpClient(), "/api/checks", "Bearer " + token)).isEqualTo(200);
        BrowserTest.clickAndWait(row(name).findElement(By.cssSelector("button.toggle-user")), ".*/admin/users$");
        BrowserTest.screenshot("users-disabled-vi");
        assertThat(row(name).findElement(By.cssSelector(".status")).getText()).isEqualTo("Đã khóa");
        assertThat(row(name).findElement(By.cssSelector("button.toggle-user")).getText()).isEqualTo("Mở khóa");

        assertThat(status(userSession, "/checks", null)).as("the open session ends").isEqualTo(302);
        assertThat(status(HttpClient.newHttpClient(), "/api/checks", "Bearer " + token)).isEqualTo(401);
        assertThat(status(HttpClient.newHttpClient(), "/api/checks", basic(name, FIRST))).isEqualTo(401);
        assertThat(signIn(name, FIRST)).endsWith("/login?error");
        BrowserTest.screenshot("users-login-refused-disabled");
        assertThat(browser.findElement(By.id("login-failed")).isDisplayed()).isTrue();

        // enabled again, then a new password: a weak one is refused, a good one replaces the old
        signIn("admin", "admin");
        browser.get(url("/admin/users?lang=vi"));
        BrowserTest.clickAndWait(row(name).findElement(By.cssSelector("button.toggle-user")), ".*/admin/users$");
        assertThat(row(name).findElement(By.cssSelector(".status")).getText()).isEqualTo("Đang hoạt động");
        row(name).findElement(By.cssSelector("input.new-password")).sendKeys("x" + name + "-long-enough");
        BrowserTest.clickAndWait(row(name).findElement(By.cssSelector("button.reset-password")), ".*/admin/users$");
        assertThat(browser.findElement(By.id("flash-problems")).getText()).isNotBlank();
        row(name).findElement(By.cssSelector("input.new-password")).sendKeys(SECOND);
        BrowserTest.clickAndWait(row(name).findElement(By.cssSelector("button.reset-password")), ".*/admin/users$");
        BrowserTest.screenshot("users-password-reset-vi");
        assertThat(browser.findElement(By.id("flash-ok")).getText()).contains(name);
        assertThat(status(HttpClient.newHttpClient(), "/api/checks", basic(name, FIRST))).isEqualTo(401);
        assertThat(signIn(name, SECOND)).doesNotContain("/login");
        assertThat(browser.findElement(By.id("nav-user")).getText()).isEqualTo(name);

        assertThat(auditActions(name)).containsSubsequence("USER_CREATED", "USER_ROLES_CHANGED",
                "USER_NAME_CHANGED", "USER_DISABLED", "USER_ENABLED", "USER_PASSWORD_RESET");
        signIn("admin", "admin");
        browser.get(url("/admin/users?lang=en"));
        BrowserTest.screenshot("users-page-en");
        assertThat(browser.findElements(By.cssSelector("#users thead th")).get(1).getText()).isEqualTo("Full name");
        assertThat(row(name).getText()).contains("Personnel subcommittee", "Active");
        assertThat(row("admin").findElements(By.cssSelector("button.toggle-user"))).as("no disabling oneself")
                .isEmpty();
        browser.get(url("/?lang=vi"));
    }
}
