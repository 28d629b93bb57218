package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.slatecheck.governance.RuleSetVersions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * What a reviewer sees: the version page and {@code GET /api/rulesets/{id}} give every file whole (escaped), the
 * differences from the version it is based on (per path: added, removed, changed with old → new lines) and the
 * change history with the whole content before and after every edit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VersionReviewTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String AGE = "org/slatecheck/rules/AGE/AGE-002/AGE-002.cases.yaml";
    static final String NEW_CASES = "org/slatecheck/rules/HLT/HLT-777/HLT-777.cases.yaml";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuleSetVersions ruleSetVersions;

    TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, user);
    }

    ResponseEntity<String> put(String path, Object body) throws Exception {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        return as("board").exchange(path, HttpMethod.PUT, new HttpEntity<>(JSON.writeValueAsString(body), json),
                String.class);
    }

    static List<String> changedLines(JsonNode hunks) {
        List<String> out = new ArrayList<>();
        for (JsonNode hunk : hunks) {
            for (JsonNode l : hunk) {
                if (!l.get("op").asText().equals("SAME")) {
                    out.add(l.get("op").asText() + " " + l.get("text").asText());
                }
            }
        }
        return out;
    }

    @Test
    void theVersionShowsEveryFileTheDifferencesFromItsBaseAndEveryEditWithBeforeAndAfter() throws Exception {
        long base = 0;
        for (JsonNode v : JSON.readTree(as("board").getForObject("/api/rulesets", String.class))) {
            if (v.get("term").asText().equals("2025-2030") && v.get("status").asText().equals("ACTIVE")) {
                base = v.get("id").asLong();
            }
        }
        long draft = JSON.readTree(as("board").postForEntity("/api/rulesets/" + base + "/drafts", null, String.class)
                .getBody()).get("version").get("id").asLong();
        String baseVersion = ruleSetVersions.get(base).orElseThrow().version();
        String draftVersion = ruleSetVersions.get(draft).orElseThrow().version();
        String paramsBefore = ruleSetVersions.files(draft).get("values.csv").content();

        // A parameter change, a changed case file and a new one (with markup in it, which must stay text).
        assertThat(put("/api/rulesets/" + draft + "/parameters", Map.of("age.reelection_min_months", Map.of(
                "value", "42", "source", "Hướng dẫn giả định 99-HD/BTCTW: tái cử còn ít nhất 42 tháng")))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        String ageBefore = ruleSetVersions.files(draft).get(AGE).content();
        String ageAfter = GovernanceTest.pinned(ageBefore);
        assertThat(put("/api/rulesets/" + draft + "/files", Map.of("path", AGE, "content", ageAfter))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        String added = "# <script>alert('x')</script> & \"quoted\"\nrules: [HLT-777]\ncases: []\n";
        assertThat(put("/api/rulesets/" + draft + "/files", Map.of("path", NEW_CASES, "content", added))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, RuleSetVersions.StoredFile> stored = ruleSetVersions.files(draft);

        // The API: every file whole, the diff against the base, the history with whole contents.
        JsonNode v = JSON.readTree(as("board").getForObject("/api/rulesets/" + draft, String.class));
        assertThat(v.get("basedOn").get("version").asText()).isEqualTo(baseVersion);
        assertThat(v.get("files")).hasSize(stored.size());
        for (JsonNode f : v.get("files")) {
            RuleSetVersions.StoredFile s = stored.get(f.get("path").asText());
            assertThat(f.get("content").asText()).isEqualTo(s.content());
            assertThat(f.get("kind").asText()).isEqualTo(s.kind());
        }
        List<String> diffPaths = new ArrayList<>();
        for (JsonNode d : v.get("diff")) {
            diffPaths.add(d.get("path").asText() + " " + d.get("status").asText());
        }
        assertThat(diffPaths).containsExactly(AGE + " CHANGED", NEW_CASES + " ADDED", "values.csv CHANGED");
        JsonNode params = v.get("diff").get(2);
        assertThat(changedLines(params.get("hunks"))).anyMatch(l -> l.startsWith("REMOVED age.reelection_min_months,2025-04-14,48,"))
                .anyMatch(l -> l.startsWith("ADDED age.reelection_min_months,2025-04-14,42,"))
                .anyMatch(l -> l.startsWith("REMOVED ruleset.version,") && l.contains(",," + baseVersion + ","))
                .anyMatch(l -> l.startsWith("ADDED ruleset.version,") && l.contains(",," + draftVersion + ","));
        JsonNode changes = v.get("changes");
        assertThat(changes).hasSize(3);
        assertThat(changes.get(0).get("path").asText()).isEqualTo("values.csv");
        assertThat(changes.get(0).get("actor").asText()).isEqualTo("board");
        assertThat(changes.get(0).get("before").asText()).isEqualTo(paramsBefore);
        assertThat(changes.get(0).get("after").asText()).isEqualTo(stored.get("values.csv").content());
        assertThat(changes.get(1).get("before").asText()).isEqualTo(ageBefore);
        assertThat(changes.get(1).get("after").asText()).isEqualTo(ageAfter);
        assertThat(changes.get(2).get("before").isNull()).isTrue();
        assertThat(changes.get(2).get("after").asText()).isEqualTo(added);
        assertThat(changedLines(changes.get(0).get("hunks"))).containsExactly(
                "REMOVED " + paramsBefore.lines().filter(l -> l.startsWith("age.reelection_min_months,2025-04-14,")).findFirst()
                        .orElseThrow(),
                "ADDED " + stored.get("values.csv").content().lines()
                        .filter(l -> l.startsWith("age.reelection_min_months,2025-04-14,")).findFirst().orElseThrow());

        // The page: the same, every content escaped as text.
        WebSession approver = new WebSession(port, "approver");
        String page = approver.get("/rulesets/" + draft);
        for (RuleSetVersions.StoredFile f : stored.values()) {
            assertThat(page).as(f.path()).contains(HtmlUtils.htmlEscape(f.content(), "UTF-8"));
        }
        assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(page).contains("Khác biệt so với phiên bản gốc " + baseVersion, "Lịch sử sửa đổi",
                "data-path=\"" + NEW_CASES + "\" data-status=\"ADDED\"",
                "data-path=\"values.csv\" data-status=\"CHANGED\"",
                "- age.reelection_min_months,2025-04-14,48,", "+ age.reelection_min_months,2025-04-14,42,",
                HtmlUtils.htmlEscape(paramsBefore, "UTF-8"));
        assertThat(approver.get("/rulesets/" + draft + "?lang=en")).contains("Change history",
                "Differences from the version it is based on, " + baseVersion, "Every file of this version");
        // A seeded version has no base and no history.
        assertThat(approver.get("/rulesets/" + base + "?lang=en")).contains("is not based on another one",
                "No changes yet.");

        // The history is append-only.
        assertThatThrownBy(() -> jdbc.update("update rule_set_change set after_content = 'x' where version_id = ?",
                draft)).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from rule_set_change where version_id = ?", draft))
                .hasMessageContaining("append-only");
    }
}
