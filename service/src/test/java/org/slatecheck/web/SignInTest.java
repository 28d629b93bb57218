package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slatecheck.governance.RuleSetVersions;
import org.slatecheck.governance.SignInGuard;
import org.slatecheck.governance.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 11 (sign-in, sessions, tokens) on a real port and database: a browser session never authorises an API
 * call (no CSRF through the cookie), cookie flags and security headers, throttling with bounded audit rows, over-long
 * user names, and bearer tokens stored only hashed. The first administrator of a start without demo users is in
 * {@code governance/FirstAdministratorTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String STRONG = "correct horse battery staple";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuleSetVersions ruleSetVersions;
    @Autowired
    SignInGuard guard;
    @Autowired
    UserAccounts users;

    final HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** Every case starts and ends with no failed sign-ins counted (all come from 127.0.0.1). */
    @BeforeEach
    @AfterEach
    void forgetFailures() {
        guard.clear();
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return plain.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    int audit(String actor, String action) {
        return jdbc.queryForObject("select count(*) from audit_log where actor = ? and action = ?", Integer.class,
                actor, action);
    }

    static String multipart(String boundary) throws Exception {
        Path samples = Path.of("../data/samples");
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"congresses\"; filename=\"c.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + Files.readString(samples.resolve("congresses.csv")) + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"nominees\"; filename=\"n.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + Files.readString(samples.resolve("nominees.csv")) + "\r\n--"
                + boundary + "--\r\n";
    }

    /** (a) The cross-site POST of the issue: signed in through the form, only the session cookie goes along. */
    @Test
    void aBrowserSessionCookieAuthorisesNoApiCall() throws Exception {
        long active = ruleSetVersions.versions().stream().filter(v -> v.status().equals("ACTIVE")).findFirst().orElseThrow()
                .id();
        HttpResponse<String> created = plain.send(HttpRequest.newBuilder(uri("/api/rulesets/" + active + "/drafts"))
                .header("Authorization", basic("board", "board")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isBetween(200, 201);
        long draft = JSON.readTree(created.body()).get("version").get("id").asLong();
        String checksum = ruleSetVersions.get(draft).orElseThrow().checksum();

        WebSession approver = new WebSession(port, "approver");
        assertThat(approver.get("/rulesets/" + draft)).contains(checksum); // the session is signed in for pages
        HttpResponse<String> approve = approver.client.send(HttpRequest.newBuilder(uri("/api/rulesets/" + draft
                + "/approve?checksum=" + checksum)).header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(approve.statusCode()).isIn(401, 403);
        HttpResponse<String> activate = approver.client.send(HttpRequest.newBuilder(uri("/api/rulesets/" + draft
                + "/activate")).header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(activate.statusCode()).isIn(401, 403);
        assertThat(ruleSetVersions.get(draft).orElseThrow().status()).isEqualTo("DRAFT");

        WebSession sub = new WebSession(port, "subcommittee");
        int before = jdbc.queryForObject("select count(*) from check_run", Integer.class);
        HttpResponse<String> check = sub.client.send(HttpRequest.newBuilder(uri("/api/checks?lang=en"))
                .header("Origin", "https://evil.example")
                .header("Content-Type", "multipart/form-data; boundary=evil-boundary")
                .POST(HttpRequest.BodyPublishers.ofString(multipart("evil-boundary"), StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(check.statusCode()).isIn(401, 403);
        assertThat(jdbc.queryForObject("select count(*) from check_run", Integer.class)).isEqualTo(before);
        // The same session still works for pages, and the API answers with credentials on the request.
        assertThat(sub.get("/checks")).contains("nav-history");
        assertThat(get("/api/checks", basic("subcommittee", "subcommittee")).statusCode()).isEqualTo(200);
        // An API answer never sets a session cookie.
        assertThat(get("/api/checks", basic("subcommittee", "subcommittee")).headers().allValues("Set-Cookie"))
                .noneMatch(c -> c.startsWith("JSESSIONID"));
    }

    /** (b) Cookie flags and the security headers on a page and on an API answer; no inline script in templates. */
    @Test
    void cookiesAreHttpOnlySameSiteAndHeadersAreSent() throws Exception {
        HttpResponse<String> login = get("/login", null);
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
                .findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        for (HttpResponse<String> r : List.of(login, get("/api/checks", basic("subcommittee", "subcommittee")),
                get("/api/checks", null))) {
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(r.uri().toString()).contains("frame-ancestors 'none'", "script-src 'self'",
                    "default-src 'self'");
            assertThat(csp.replaceAll(".*script-src([^;]*).*", "$1")).doesNotContain("unsafe-inline");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        }
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path t : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(t);
                assertThat(html).as(t.toString()).doesNotContainPattern("<script(?![^>]*\\s(th:)?src=)")
                        .doesNotContainPattern("\\s(th:)?on[a-z]+\\s*=").doesNotContainIgnoringCase("javascript:");
            }
        }
    }

    /** (d) Five wrong passwords, then the right one: 429 with Retry-After, one throttle row for the burst. */
    @Test
    void fiveFailuresBlockTheUserWith429AndOneAuditRow() throws Exception {
        String name = "throttled-" + System.nanoTime();
        users.create("system", name, STRONG, List.of("SUBCOMMITTEE"), "TW");
        for (int i = 0; i < 5; i++) {
            assertThat(get("/api/checks", basic(name, "wrong password " + i)).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> blocked = get("/api/checks?lang=en", basic(name, STRONG));
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(blocked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(blocked.body()).get("detail").asText()).contains("Too many failed sign-ins");
        assertThat(get("/api/checks", basic(name, STRONG)).statusCode()).isEqualTo(429);
        assertThat(audit(name, "LOGIN_THROTTLED")).isEqualTo(1);
        assertThat(audit(name, "LOGIN_FAILED")).isEqualTo(1); // at most one per name and address per minute
        assertThat(audit(name, "LOGIN")).isZero();

        // Unblocked (an operator clears the counters): the right password works and counts as one API sign-in.
        guard.clear();
        assertThat(get("/api/checks", basic(name, STRONG)).statusCode()).isEqualTo(200);
        assertThat(get("/api/checks", basic(name, STRONG)).statusCode()).isEqualTo(200);
        assertThat(audit(name, "LOGIN")).isEqualTo(1); // the stateless API: once per user per 10 minutes
    }

    /**
     * A request from another client address: a socket bound to 127.0.0.2 (on Linux all of 127/8 is this machine), so
     * that Tomcat sees a different remote address without trusting any forwarded header. Returns the status line and
     * the body.
     */
    String[] fromOtherAddress(String path, String authorization) throws Exception {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress("127.0.0.2", 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nAuthorization: " + authorization + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new String[] {answer.substring(0, answer.indexOf("\r\n")), answer};
        }
    }

    /**
     * Issue 17 item 17: five wrong passwords for the approver from one address block that address for that name,
     * and only that: the approver's right password from a client that has not failed is accepted; the failing
     * address is still answered 429 (even with the right password), in words, in Vietnamese and English.
     */
    @Test
    void wrongPasswordsFromOneAddressDoNotLockTheApproverOut() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(fromOtherAddress("/api/checks", basic("approver", "wrong password " + i))[0]).contains(" 401");
        }
        String[] blocked = fromOtherAddress("/api/checks?lang=vi", basic("approver", "approver"));
        assertThat(blocked[0]).contains(" 429");
        // The approver at another address (the test's ordinary client, 127.0.0.1) signs in.
        assertThat(get("/api/checks", basic("approver", "approver")).statusCode()).isEqualTo(200);
        assertThat(blocked[1]).containsPattern("Retry-After: \\d+").containsPattern("Vui lòng thử lại sau \\d+ giây\\.");
        assertThat(fromOtherAddress("/api/checks?lang=en", basic("approver", "approver"))[1])
                .containsPattern("Try again in \\d+ s\\.");
        // Longer blocks are said in minutes and seconds: two more failures of that name from that address.
        guard.failed("approver", "127.0.0.2", "bad credentials");
        guard.failed("approver", "127.0.0.2", "bad credentials");
        String vi = fromOtherAddress("/api/checks?lang=vi", basic("approver", "approver"))[1];
        assertThat(vi).containsPattern("Vui lòng thử lại sau (2 phút|1 phút \\d+ giây)\\.");
        assertThat(fromOtherAddress("/api/checks?lang=en", basic("approver", "approver"))[1])
                .containsPattern("Try again in (2 min|1 min \\d+ s)\\.");
        assertThat(get("/api/checks", basic("approver", "approver")).statusCode()).isEqualTo(200);
    }

    /** (d) The login form: the sixth attempt is a 429 page in the chosen language. */
    @Test
    void theLoginFormShowsTheBlockInTheChosenLanguage() throws Exception {
        String name = "formthrottled-" + System.nanoTime();
        users.create("system", name, STRONG, List.of("SUBCOMMITTEE"), "TW");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = formLogin(browser, name, "wrong password " + i, "vi");
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElse("")).contains("error");
        }
        HttpResponse<String> vi = formLogin(browser, name, STRONG, "vi");
        assertThat(vi.statusCode()).isEqualTo(429);
        assertThat(vi.headers().firstValue("Retry-After")).isPresent();
        assertThat(vi.body()).contains("login-throttled", "Đăng nhập sai quá nhiều lần")
                .containsPattern("Vui lòng thử lại sau \\d+ giây\\.");
        HttpResponse<String> en = formLogin(browser, name, STRONG, "en");
        assertThat(en.statusCode()).isEqualTo(429);
        assertThat(en.body()).containsPattern("Too many failed sign-ins. Try again in \\d+ s\\.");
        assertThat(audit(name, "LOGIN_THROTTLED")).isEqualTo(1);
        // A longer block (two more failures of that name from this address) in minutes and seconds.
        guard.failed(name, "127.0.0.1", "bad credentials");
        guard.failed(name, "127.0.0.1", "bad credentials");
        assertThat(formLogin(browser, name, STRONG, "vi").body())
                .containsPattern("Vui lòng thử lại sau (2 phút|1 phút \\d+ giây)\\.");
    }

    HttpResponse<String> formLogin(HttpClient browser, String user, String password, String lang) throws Exception {
        String page = browser.send(HttpRequest.newBuilder(uri("/login?lang=" + lang)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        Map<String, String> fields = Map.of("username", user, "password", password, "_csrf", WebSession.csrf(page));
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** (d) 100 anonymous failed attempts with different names add a bounded number of audit rows. */
    @Test
    void aHundredAnonymousFailuresWriteABoundedNumberOfAuditRows() throws Exception {
        String prefix = "nobody" + System.nanoTime() + "-";
        int before = jdbc.queryForObject("select count(*) from audit_log", Integer.class);
        int blocked = 0;
        for (int i = 0; i < 100; i++) {
            int status = get("/api/checks", basic(prefix + i, "whatever password")).statusCode();
            assertThat(status).isIn(401, 429);
            blocked += status == 429 ? 1 : 0;
        }
        // The client address is blocked after SignInGuard.ADDRESS_FREE (20) failures across names (password spraying).
        assertThat(blocked).isGreaterThanOrEqualTo(100 - SignInGuard.ADDRESS_FREE);
        int rows = jdbc.queryForObject("select count(*) from audit_log", Integer.class) - before;
        assertThat(rows).isLessThanOrEqualTo(SignInGuard.ADDRESS_FREE + 1); // 20 failures + 1 throttle row
        assertThat(jdbc.queryForObject("select count(*) from audit_log where actor like ? and action = "
                + "'LOGIN_THROTTLED'", Integer.class, prefix + "%")).isEqualTo(1);
    }

    /** (e) Over-long user names: a clean refusal (never 500), and the audit row holds at most 100 characters. */
    @Test
    void overLongUserNamesAreRefusedCleanly() throws Exception {
        String name101 = "x".repeat(100) + "y";
        HttpResponse<String> api = get("/api/checks", basic(name101, "whatever password"));
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(audit("x".repeat(100), "LOGIN_FAILED")).isPositive();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        for (String name : List.of(name101, "z".repeat(10_000))) {
            HttpResponse<String> form = formLogin(browser, name, "whatever password", "en");
            assertThat(form.statusCode()).isEqualTo(302);
            assertThat(form.headers().firstValue("Location").orElse("")).contains("error");
        }
        int huge = get("/api/checks", basic("w".repeat(10_000), "whatever password")).statusCode();
        assertThat(huge).isBetween(400, 499);
        assertThat(jdbc.queryForObject("select max(length(actor)) from audit_log", Integer.class))
                .isLessThanOrEqualTo(100);
    }

    /** (f) An administrator issues a bearer token; it works for the API and only its SHA-256 is stored. */
    @Test
    void aBearerTokenWorksAndIsStoredOnlyHashed() throws Exception {
        HttpResponse<String> refused = plain.send(HttpRequest.newBuilder(uri("/api/tokens")).header("Authorization",
                basic("approver", "approver")).header("Content-Type", "application/json").POST(HttpRequest
                        .BodyPublishers.ofString("{\"username\": \"subcommittee\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        HttpResponse<String> issued = plain.send(HttpRequest.newBuilder(uri("/api/tokens")).header("Authorization",
                basic("admin", "admin")).header("Content-Type", "application/json").POST(HttpRequest
                        .BodyPublishers.ofString("{\"username\": \"subcommittee\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String token = JSON.readTree(issued.body()).get("token").asText();
        assertThat(token).startsWith("sct_").hasSizeGreaterThan(40);

        assertThat(get("/api/checks", "Bearer " + token).statusCode()).isEqualTo(200);
        assertThat(get("/api/rulesets", "Bearer " + token).statusCode()).isEqualTo(403); // the user's roles
        assertThat(get("/api/checks", "Bearer " + token + "x").statusCode()).isEqualTo(401);

        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
        assertThat(jdbc.queryForObject("select count(*) from api_token where token_hash = ? and username = "
                + "'subcommittee'", Integer.class, hash)).isEqualTo(1);
        String everyRow = jdbc.queryForList("select * from api_token").toString()
                + jdbc.queryForList("select * from audit_log where action = 'TOKEN_ISSUED'").toString();
        assertThat(everyRow).doesNotContain(token);
        assertThat(audit("admin", "TOKEN_ISSUED")).isPositive();
        // An unknown user gets no token: 404, as a user outside the administrator's scope (ProvinceAdminTest).
        HttpResponse<String> unknown = plain.send(HttpRequest.newBuilder(uri("/api/tokens?lang=en"))
                .header("Authorization", basic("admin", "admin")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"nobody-at-all\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    /** The Users page applies the same password policy, and issues a token shown once. */
    @Test
    void theUsersPageRefusesWeakPasswordsAndIssuesATokenOnce() throws Exception {
        String name = "pageuser" + System.nanoTime();
        WebSession admin = new WebSession(port, "admin");
        String page = "/admin/users?lang=en";
        assertThat(admin.post("/admin/users", Map.of("username", name, "password", "short", "roles", "BOARD"), page))
                .contains("at least 12 characters");
        assertThat(admin.post("/admin/users", Map.of("username", name, "password", "x" + name.toUpperCase() + "x",
                "roles", "BOARD"), page)).contains("must not be or contain the user name");
        assertThat(users.exists(name)).isFalse();
        admin.post("/admin/users", Map.of("username", name, "password", STRONG, "roles", "BOARD"), page);
        assertThat(users.exists(name)).isTrue();
        String shown = admin.post("/admin/tokens", Map.of("username", name), page);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"token\">(sct_[^<]+)<").matcher(shown);
        assertThat(m.find()).as(shown).isTrue();
        assertThat(get("/api/rulesets", "Bearer " + m.group(1)).statusCode()).isEqualTo(200);
        assertThat(admin.get("/admin/users")).doesNotContain(m.group(1)); // shown once
    }
}
