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
        // Nothing but the three documents: no path outside them is served.
        HttpResponse<String> other = web.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/docs/..%2Fpom")).GET().build());
        assertThat(other.statusCode()).isIn(400, 404);
        assertThat(web.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/docs/README")).GET()
                .build()).statusCode()).isEqualTo(404);
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
