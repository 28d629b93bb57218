package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The project's own documents as pages (issue 13): the specification, the rule catalogue and the decisions render
 * from the copies in the jar, link to each other and never outside, escape any HTML, and need a signed-in user.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DocsPageTest {
    @LocalServerPort
    int port;

    @Test
    void theSpecificationRendersWithItsGeneratedTablesAndLinksToTheCatalogue() throws Exception {
        WebSession web = new WebSession(port, "subcommittee");
        String page = web.get("/docs/specification");
        assertThat(page).contains("<h1>SlateCheck specification</h1>", "<table>", "<code>nominee_id</code>",
                "<code>discipline.period_months</code>", "href=\"/docs/rules\"", "id=\"nav-docs\"");
        assertThat(page).doesNotContain("../shared", "href=\"http", "<!-- generated");

        String rules = web.get("/docs/rules?lang=en");
        assertThat(rules).contains("<h1>Rule catalogue</h1>", "DIS-001", "Quy định 102-QĐ/TW",
                "Rule catalogue · SlateCheck");
        assertThat(web.get("/docs/decisions")).contains("<h1>");
        // Nothing but the four documents: no path outside them is served.
        HttpResponse<String> other = web.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/docs/..%2Fpom")).GET().build());
        assertThat(other.statusCode()).isIn(400, 404);
        assertThat(web.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/docs/README")).GET()
                .build()).statusCode()).isEqualTo(404);
    }

    /**
     * Issue 17 item 15: the Vietnamese user guide is a page of its own, the one "Tài liệu" opens, in Vietnamese
     * (its article says so to the browser), beside the other documents, and links nowhere outside.
     */
    @Test
    void theUserGuideInVietnameseIsWhatTaiLieuOpens() throws Exception {
        WebSession web = new WebSession(port, "subcommittee");
        String upload = web.get("/");
        assertThat(upload).contains("id=\"nav-docs\" href=\"/docs/huong-dan\"");
        String guide = web.get("/docs/huong-dan");
        assertThat(guide).contains("<h1>Hướng dẫn sử dụng SlateCheck</h1>", "Phần 1. Tiểu ban nhân sự",
                "Phần 2. Ban tổ chức", "DANG-BO-TINH-NINH-BINH-2025-10-15", "lang=\"vi\"",
                "id=\"docs-huong-dan\"", "href=\"/docs/specification\"");
        assertThat(guide).doesNotContain("href=\"http", "href=\"//", "<!-- ", "../");
        assertThat(web.get("/docs/specification")).contains("href=\"/docs/huong-dan\"");
    }

    @Test
    void rawHtmlInADocumentIsEscapedAndOutsideLinksLoseTheirTarget() {
        String html = DocsPageController.html("# T\n\n<script>alert(1)</script>\n\n[spec](specification.md) "
                + "[out](../shared/spec/RULES.md) [web](https://example.org) [x](javascript:alert(1))\n");
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(html).contains("href=\"/docs/specification\"").doesNotContain("../shared")
                .doesNotContain("example.org\"").doesNotContain("javascript:");
    }

    @Test
    void theDocumentsNeedASignedInUser() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/docs/specification")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).doesNotContain("SlateCheck specification");
    }
}
