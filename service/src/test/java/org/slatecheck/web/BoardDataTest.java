package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.slatecheck.governance.RuleSetCache;
import org.slatecheck.governance.RuleSetDrafts;
import org.slatecheck.governance.RuleSetVersions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Boards change rules as data, never as code: every text a board types (parameter values and sources, citations,
 * switch reasons, guided-rule wording) stays data — refused by its field when it does not fit its type, shown verbatim
 * where it is shown — and rule text is refused wherever it is sent. Nothing on the machine changes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BoardDataTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String MARKER = "target/pwned-by-board";
    /** Injection attempts of every kind a template engine, SQL, Java or DRL would react to. */
    static final String HOSTILE = "\" + System.exit(1) + \" \\u0022 ${T(java.lang.Runtime).getRuntime()} #{7*7} "
            + "*{7*7} __${7*7}__ '); DROP TABLE audit_log; -- <script>alert(1)</script> new java.io.File(\""
            + MARKER + "\").createNewFile()";

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    RuleSetCache ruleSetCache;
    @Autowired
    RuleSetDrafts ruleSetDrafts;
    @Autowired
    RuleSetVersions ruleSetVersions;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, user);
    }

    ResponseEntity<String> put(String user, String url, Object body) throws Exception {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return as(user).exchange(url + (url.contains("?") ? "&" : "?") + "lang=en", HttpMethod.PUT,
                new HttpEntity<>(JSON.writeValueAsString(body), h), String.class);
    }

    long draft() throws Exception {
        long active = -1;
        for (JsonNode v : JSON.readTree(as("board").getForObject("/api/rulesets", String.class))) {
            if (v.get("term").asText().equals("2025-2030") && v.get("status").asText().equals("ACTIVE")) {
                active = v.get("id").asLong();
            }
        }
        ResponseEntity<String> r = as("board").postForEntity("/api/rulesets/" + active + "/drafts", null,
                String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return JSON.readTree(r.getBody()).get("version").get("id").asLong();
    }

    String checksum(long id) {
        return ruleSetVersions.get(id).orElseThrow().checksum();
    }

    @Test
    void hostileParameterValuesAreRefusedByFieldAndSourcesStayVerbatim() throws Exception {
        long draft = draft();
        String before = checksum(draft);
        ResponseEntity<String> refused = put("board", "/api/rulesets/" + draft + "/parameters",
                Map.of("discipline.period_months", Map.of("value", HOSTILE, "source", "x")));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("discipline.period_months").contains("whole number");
        assertThat(checksum(draft)).isEqualTo(before);

        ResponseEntity<String> tooLong = put("board", "/api/rulesets/" + draft + "/parameters",
                Map.of("discipline.period_months", Map.of("value", "12", "source", "x".repeat(5000))));
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLong.getBody()).contains("too long");

        ResponseEntity<String> saved = put("board", "/api/rulesets/" + draft + "/parameters",
                Map.of("discipline.period_months", Map.of("value", "12", "source", HOSTILE)));
        assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(ruleSetDrafts.parameterRows(draft).get("discipline.period_months").get(2)).isEqualTo(HOSTILE);
        JsonNode version = JSON.readTree(as("board").getForObject("/api/rulesets/" + draft, String.class));
        assertThat(version.get("parameters").get("discipline.period_months").get("source").asText())
                .isEqualTo(HOSTILE);
        String page = as("board").getForObject("/rulesets/" + draft, String.class);
        assertThat(page).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(Files.exists(Path.of(MARKER))).isFalse();
        assertThat(System.getProperty("slatecheck.pwned")).isNull();
    }

    @Test
    void citationsSwitchesAndGuidedWordingStayDataAndRulesAreRefused() throws Exception {
        long draft = draft();
        String before = checksum(draft);
        for (String path : new String[] {"org/slatecheck/rules/HLT/HLT-rules.drl", "guided/POS-901.drl",
            "org/slatecheck/rules/HLT/x.drl", "../../etc/passwd"}) {
            ResponseEntity<String> r = put("board", "/api/rulesets/" + draft + "/files",
                    Map.of("path", path, "content", "rule \"x\" when then System.exit(1); end"));
            assertThat(r.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
        }
        assertThat(checksum(draft)).isEqualTo(before);

        String citations = ruleSetVersions.source(draft).citations() + "HLT-001,,QD-365-2025,1,,\""
                + HOSTILE.replace("\"", "\"\"") + "\",x\n";
        assertThat(put("board", "/api/rulesets/" + draft + "/files", Map.of("path", "citations.csv", "content",
                citations)).getStatusCode()).isEqualTo(HttpStatus.OK);
        String switches = "rule,enabled,severity,reason,source\nINT-002,yes,NOTICE,\"" + HOSTILE.replace("\"", "\"\"")
                + "\",Nghị quyết số 1\n";
        assertThat(put("board", "/api/rulesets/" + draft + "/files", Map.of("path", "switches.csv", "content",
                switches)).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> badSwitch = put("board", "/api/rulesets/" + draft + "/files", Map.of("path",
                "switches.csv", "content", "rule,enabled,severity,reason,source\nMEM-001,yes,NOTICE,a,b\n"));
        assertThat(badSwitch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badSwitch.getBody()).contains("MEM-001").contains("does not allow the severity NOTICE");

        ObjectNode title = JSON.createObjectNode().put("vi", HOSTILE).put("en", HOSTILE);
        String guided = "id: POS-901\nseverity: REVIEW\nwhen:\n  - {field: proposed_posts, op: proposes, value: "
                + "SECRETARY}\n  - {field: political_theory, op: lt, value: CU_NHAN}\nevidence: [political_theory]\n"
                + "title: " + title + "\nmessage: " + title + "\nremedy: " + title + "\ncitation: "
                + JSON.writeValueAsString(HOSTILE) + "\n";
        ResponseEntity<String> g = put("board", "/api/rulesets/" + draft + "/files", Map.of("path",
                "guided/POS-901.yaml", "content", guided));
        assertThat(g.getStatusCode()).as(g.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode rule = JSON.readTree(g.getBody()).get("guidedRules").get(0);
        assertThat(rule.get("citation").asText()).isEqualTo(HOSTILE);
        assertThat(rule.get("drl").asText()).doesNotContain("System").doesNotContain("DROP").doesNotContain("alert")
                .contains("proposes(Post.SECRETARY)");
        assertThat(rule.get("sentence").asText()).startsWith("Nếu nhân sự").endsWith(HOSTILE);

        ResponseEntity<String> badField = put("board", "/api/rulesets/" + draft + "/files", Map.of("path",
                "guided/POS-902.yaml", "content", guided.replace("POS-901", "POS-902")
                        .replace("field: political_theory", "field: \"politicalTheory != null || true\"")));
        assertThat(badField.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badField.getBody()).contains("not in the field catalogue");
        String page = as("board").getForObject("/rulesets/" + draft, String.class);
        assertThat(page).doesNotContain("<script>alert(1)</script>");
        assertThat(Files.exists(Path.of(MARKER))).isFalse();
    }

    /** A version stored with DRL that is not this release's (an upload from before it was removed) never runs. */
    @Test
    void aStoredVersionWithForeignRulesIsNeverCompiled() throws Exception {
        long draft = draft();
        jdbc.update("update rule_set_file set content = content || ? where version_id = ? and path = ?",
                "\nrule \"x\" @id(\"DRV-X\") @derives(\"nothing\") when Nominee() then "
                        + "System.setProperty(\"slatecheck.pwned\", \"yes\"); end\n", draft,
                "org/slatecheck/rules/HLT/HLT-001/HLT-001.drl");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ruleSetCache.compiled(draft))
                .isInstanceOf(org.slatecheck.governance.GovernanceException.class)
                .hasMessage("governance.foreign_rules");
        ResponseEntity<String> impact = as("board").postForEntity("/api/rulesets/" + draft + "/impact?lang=en",
                null, String.class);
        assertThat(impact.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(System.getProperty("slatecheck.pwned")).isNull();
    }

    /** A guided rule on unresolved complaints "at least {@code value}" (the value as typed in YAML). */
    static String complaintsRule(String value, String titleVi) throws Exception {
        return "id: POS-901\nseverity: REVIEW\nwhen:\n  - {field: proposed_posts, op: proposes, value: SECRETARY}\n"
                + "  - {field: unresolved_complaints, op: ge, value: " + value + "}\nevidence: [unresolved_complaints]\n"
                + "title: " + JSON.createObjectNode().put("vi", titleVi).put("en", "Complaints") + "\n"
                + "message: {vi: \"Số đơn thư: {unresolved_complaints}\", en: \"Complaints: {unresolved_complaints}\"}\n"
                + "citation: \"Quy định 214-QĐ/TW\"\n";
    }

    @Test
    void guidedLiteralsAreShownAndGeneratedAsMeantAndWordingRefusesControlCharacters() throws Exception {
        long draft = draft();
        ResponseEntity<String> sixty = put("board", "/api/rulesets/" + draft + "/files", Map.of("path",
                "guided/POS-901.yaml", "content", complaintsRule("\"060\"", "Bí thư còn đơn thư")));
        assertThat(sixty.getStatusCode()).as(sixty.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode rule = JSON.readTree(sixty.getBody()).get("guidedRules").get(0);
        assertThat(rule.get("drl").asText()).contains("unresolvedComplaints >= 60").doesNotContain("060");
        assertThat(rule.get("sentence").asText()).contains("60").doesNotContain("060");

        ResponseEntity<String> nine = put("board", "/api/rulesets/" + draft + "/files", Map.of("path",
                "guided/POS-901.yaml", "content", complaintsRule("\"09\"", "Bí thư còn đơn thư")));
        assertThat(nine.getStatusCode()).as(nine.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(JSON.readTree(nine.getBody()).get("guidedRules").get(0).get("drl").asText())
                .contains("unresolvedComplaints >= 9").doesNotContain("09");

        String before = checksum(draft);
        for (String title : new String[] {"Bí thư\u0000 còn đơn thư", "Bí thư \u202e còn đơn thư"}) {
            ResponseEntity<String> refused = put("board", "/api/rulesets/" + draft + "/files", Map.of("path",
                    "guided/POS-901.yaml", "content", complaintsRule("\"60\"", title)));
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).contains("The Vietnamese title contains a control or text-direction "
                    + "character").doesNotContain("Lambda").doesNotContain(".java").doesNotContain("org.slatecheck");
        }
        ResponseEntity<String> citation = put("board", "/api/rulesets/" + draft + "/files", Map.of("path",
                "citations.csv", "content", ruleSetVersions.source(draft).citations() + "HLT-001,,QD-365-2025,1,,\"Quy định\u0007"
                        + " 1\",x\n"));
        assertThat(citation.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(citation.getBody()).contains("HLT-001").contains("The citation contains a control");
        assertThat(checksum(draft)).isEqualTo(before);
    }

    /** A finding stored with a control character in its wording (before they were refused) still prints. */
    @Test
    void aStoredFindingWithControlCharactersStillPrints() throws Exception {
        ResponseEntity<String> created = as("subcommittee").postForEntity("/api/checks", CheckApiTest.sample(),
                String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        java.util.UUID id = java.util.UUID.fromString(JSON.readTree(created.getBody()).get("checkId").asText());
        jdbc.update("update list_result set result_vi = replace(result_vi::text, '\"title\":\"', ?)::json "
                + "where check_id = ?", "\"title\":\"\\u0000\\u0007\\u001b[2J\\u202e\\t", id);
        boolean stored = false;
        for (String row : jdbc.queryForList("select result_vi::text from list_result where check_id = ?",
                String.class, id)) {
            stored |= JSON.readTree(row).findValuesAsText("title").stream().anyMatch(t -> t.contains("\u0000\u0007"));
        }
        assertThat(stored).as("a finding title holds the control characters").isTrue();
        ResponseEntity<byte[]> pdf = as("subcommittee").getForEntity("/api/checks/" + id + "/report.pdf",
                byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.getBody())) {
            assertThat(doc.getNumberOfPages()).isPositive();
        }
    }
}
