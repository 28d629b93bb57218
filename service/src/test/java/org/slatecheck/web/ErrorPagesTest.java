package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Errors on pages are pages of the site (status kept, Vietnamese by default, English with lang=en, no Whitelabel,
 * no JSON, no exception names); the API keeps answering problem details for the same statuses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorPagesTest {
    /** What must never reach a user on an error page. */
    static final List<String> LEAKS = List.of("Whitelabel", "Exception", "exception", "\"status\"", "\"timestamp\"",
            "at org.", "org.springframework", "Traceback", "trace");

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> send(String method, String path, String user) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html");
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static void assertPage(HttpResponse<String> r, int status, String title) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains("<h1 id=\"error-title\">" + title + "</h1>", "class=\"brand\"",
                "slatecheck.css");
        for (String leak : LEAKS) {
            assertThat(r.body()).as("leaks " + leak).doesNotContain(leak);
        }
    }

    @Test
    void anUnknownPageIsA404PageInVietnameseAndInEnglish() throws Exception {
        assertPage(send("GET", "/no-such-page", "subcommittee"), 404, "Không tìm thấy trang");
        assertPage(send("GET", "/no-such-page?lang=en", "subcommittee"), 404, "Page not found");
    }

    @Test
    void anUnknownRecordIsA404PageNotJson() throws Exception {
        HttpResponse<String> r = send("GET", "/checks/" + UUID.randomUUID(), "subcommittee");
        assertPage(r, 404, "Không tìm thấy trang");
        assertThat(r.body()).doesNotContain("application/problem+json", "\"title\"");
    }

    @Test
    void aPageTheRoleMayNotOpenIsA403Page() throws Exception {
        assertPage(send("GET", "/audit", "subcommittee"), 403, "Không có quyền truy cập");
        assertPage(send("GET", "/admin/users?lang=en", "subcommittee"), 403, "Access denied");
    }

    @Test
    void aWrongMethodIsA405PageAndAMissingFileA400Page() throws Exception {
        HttpResponse<String> r = send("GET", "/admin/tokens", "admin");
        assertPage(r, 405, "Thao tác không được hỗ trợ");
        assertThat(r.headers().firstValue("Allow").orElse("")).contains("POST");
        assertPage(send("GET", "/checks/not-a-uuid?lang=en", "subcommittee"), 400, "Bad request");
    }

    @Test
    void aServerErrorIsA500PageWithoutDetails() throws Exception {
        // /error opened without an error behind it stands for any failure no one handled
        assertPage(send("GET", "/error", "subcommittee"), 500, "Đã xảy ra lỗi hệ thống");
        assertPage(send("GET", "/error?lang=en", null), 500, "A system error occurred");
    }

    /** Issue 17 item 10: the API's 405 in the language the API answers in (Vietnamese unless {@code ?lang=en}). */
    @Test
    void theApisWrongMethodIsAProblemDetailInTheChosenLanguage() throws Exception {
        HttpResponse<String> vi = send("GET", "/api/tokens", "admin");
        assertThat(vi.statusCode()).as(vi.body()).isEqualTo(405);
        assertThat(vi.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(vi.headers().firstValue("Allow").orElse("")).contains("POST");
        com.fasterxml.jackson.databind.JsonNode p = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(vi.body());
        assertThat(p.path("status").asInt()).isEqualTo(405);
        assertThat(p.path("title").asText()).isEqualTo("Thao tác không được hỗ trợ");
        assertThat(p.path("detail").asText()).isEqualTo("Địa chỉ /api/tokens không nhận yêu cầu GET; hãy dùng POST.");
        assertThat(vi.body()).doesNotContain("Method", "not supported", "Exception");
        HttpResponse<String> en = send("GET", "/api/tokens?lang=en", "admin");
        assertThat(en.statusCode()).isEqualTo(405);
        com.fasterxml.jackson.databind.JsonNode q = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(en.body());
        assertThat(q.path("title").asText()).isEqualTo("Method not allowed");
        assertThat(q.path("detail").asText()).isEqualTo("/api/tokens does not accept a GET request; use POST.");
    }

    @Test
    void theApiKeepsAnsweringProblemDetails() throws Exception {
        for (String[] c : List.of(new String[] {"/api/no-such-thing", "404"}, new String[] {"/api/audit", "403"},
                new String[] {"/api/checks/" + UUID.randomUUID(), "404"})) {
            HttpResponse<String> r = send("GET", c[0], "subcommittee");
            assertThat(r.statusCode()).as(c[0] + " " + r.body()).isEqualTo(Integer.parseInt(c[1]));
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(c[0])
                    .startsWith("application/problem+json");
            assertThat(r.body()).contains("\"status\":" + c[1]).doesNotContain("<html", "Whitelabel");
        }
    }
}
