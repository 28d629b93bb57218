package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

/**
 * Regression tests for the removed DRL upload: rules are code, and no user's text is ever compiled. Payloads that
 * got past the former lexical policy (a call to {@code System.exit}, unicode escapes, a text block, {@code declare
 * enum}, {@code ProcessHandle}) are sent to every former upload path; each is refused or has no handler, the stored
 * files of the draft stay byte-identical, and nothing the payloads would do (a marker file, a system property)
 * happens — not even after the draft is compiled and run by an impact analysis.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DrlUploadRemovedTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path MARKER = Path.of("target", "slatecheck-pwned").toAbsolutePath();
    static final String DRL_PATH = "org/slatecheck/rules/HLT/HLT-001/HLT-001.drl";
    static final String HEAD = "package org.slatecheck.rules.health;\n\nimport org.slatecheck.rules.model.Nominee;\n\n";
    static final String Q3 = "\"\"\"";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void clean() throws Exception {
        Files.deleteIfExists(MARKER);
        System.clearProperty("slatecheck.pwned");
    }

    static String rule(String id, String then) {
        return HEAD + "rule \"" + id + " payload\"\n    @id(\"" + id + "\") @severity(\"REVIEW\") @citation(\"x\")\n"
                + "when\n    $n : Nominee()\nthen\n    " + then + "\nend\n";
    }

    /** The payloads, each of which would set {@code slatecheck.pwned} or write the marker if it ever ran. */
    static Map<String, String> payloads() {
        String marker = MARKER.toString().replace("\\", "/");
        Map<String, String> p = new LinkedHashMap<>();
        p.put("System.exit", rule("HLT-901", "System.setProperty(\"slatecheck.pwned\", \"exit\");\n    System.exit(1);"));
        p.put("unicode escapes", rule("HLT-902", "String s = \"\\u0022 + \\u0053ystem.setProperty(\\u0022slatecheck.pwned"
                + "\\u0022, \\u0022unicode\\u0022) + \\u0022\";"));
        p.put("text block", rule("HLT-903", "String t = " + Q3 + "\n        System\n        " + Q3 + ";\n"
                + "    java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker + "\"), t);"));
        p.put("declare enum", HEAD + "declare enum Pwned\n    ONE(System.setProperty(\"slatecheck.pwned\", \"enum\"));\n"
                + "    value : String\nend\n\n" + rule("HLT-904", "System.out.println(Pwned.ONE);").substring(HEAD.length()));
        p.put("ProcessHandle", rule("HLT-905", "ProcessHandle.current().info();\n"
                + "    java.nio.file.Files.createFile(java.nio.file.Path.of(\"" + marker + "\"));"));
        return p;
    }

    TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, user);
    }

    long draft() throws Exception {
        long active = 0;
        for (JsonNode v : JSON.readTree(as("board").getForObject("/api/rulesets", String.class))) {
            if (v.get("term").asText().equals("2025-2030") && v.get("status").asText().equals("ACTIVE")) {
                active = v.get("id").asLong();
            }
        }
        return JSON.readTree(as("board").postForEntity("/api/rulesets/" + active + "/drafts", null, String.class)
                .getBody()).get("version").get("id").asLong();
    }

    /** Everything stored for a version: each file's path, kind and content, and the version's checksum. */
    List<String> stored(long id) {
        List<String> rows = jdbc.query("select path, kind, content from rule_set_file where version_id = ? "
                + "order by path", (rs, i) -> rs.getString(1) + "\0" + rs.getString(2) + "\0" + rs.getString(3), id);
        rows.add(jdbc.queryForObject("select checksum || status from rule_set_version where id = ?", String.class, id));
        return rows;
    }

    ResponseEntity<String> put(long id, String path, String content, String lang) throws Exception {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        return as("board").exchange("/api/rulesets/" + id + "/files?lang=" + lang, HttpMethod.PUT,
                new HttpEntity<>(JSON.writeValueAsString(Map.of("path", path, "content", content)), json),
                String.class);
    }

    @Test
    void noUploadPathTakesRuleTextAndTheDraftStaysByteIdentical() throws Exception {
        long draft = draft();
        List<String> before = stored(draft);
        assertThat(before).anyMatch(r -> r.startsWith(DRL_PATH + "\0DRL\0"));
        WebSession board = new WebSession(port, "board");
        String page = "/rulesets/" + draft;

        for (Map.Entry<String, String> payload : payloads().entrySet()) {
            String evil = payload.getValue();
            for (String path : List.of(DRL_PATH, "org/slatecheck/rules/HLT/HLT-900.drl",
                    "org/slatecheck/rules/HLT/HLT-900.DRL", "org/slatecheck/rules/HLT/HLT-900.drl.txt",
                    "guided/POS-901.drl", "../../etc/x.drl")) {
                ResponseEntity<String> r = put(draft, path, evil, "en");
                assertThat(r.getStatusCode()).as(payload.getKey() + " " + path).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(r.getBody()).contains("governance.file_unknown",
                        "cannot be changed by a board: rules (DRL) come only with a release");
            }
            // The data files a board may change are read by their strict readers: rule text there does not read.
            for (String path : List.of("citations.csv", "switches.csv", "guided/POS-901.yaml")) {
                ResponseEntity<String> r = put(draft, path, evil, "en");
                assertThat(r.getStatusCode()).as(payload.getKey() + " " + path).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(r.getBody()).as(path).contains("data.error.");
            }
            // The parameter file is not replaced as a file at all (issue 17): only the parameters form changes it.
            ResponseEntity<String> parameters = put(draft, "parameters.csv", evil, "en");
            assertThat(parameters.getStatusCode()).as(payload.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(parameters.getBody()).contains("governance.parameters_by_form");
            ResponseEntity<String> vi = put(draft, DRL_PATH, evil, "vi");
            assertThat(vi.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(vi.getBody()).contains("tệp quy tắc (mã chương trình) chỉ đến từ phiên bản phần mềm");
            // DRL under a case file's name is read as YAML, never compiled, and does not read.
            ResponseEntity<String> disguised = put(draft, "org/slatecheck/rules/HLT/HLT-001/HLT-001.cases.yaml", evil, "en");
            assertThat(disguised.getStatusCode()).as(payload.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(disguised.getBody()).contains("governance.cases_unreadable");

            // The former page handler is gone: no handler for the address (the CSRF token is valid, so 404/405 is
            // the dispatcher's answer, not the security filter's).
            HttpResponse<String> form = board.uploadRaw(page + "/drl", DRL_PATH, "x.drl", evil, page);
            assertThat(form.statusCode()).as(payload.getKey()).isIn(404, 405);
            // The case upload form refuses rule files.
            assertThat(board.upload(page + "/cases", DRL_PATH, evil, page))
                    .contains("tệp quy tắc (mã chương trình) chỉ đến từ phiên bản phần mềm");
        }
        assertThat(stored(draft)).isEqualTo(before);

        // The draft is compiled and run (impact analysis, rule cases): still nothing of the payloads happens.
        assertThat(as("board").postForEntity("/api/rulesets/" + draft + "/impact?checks=5", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(stored(draft)).isEqualTo(before);
        assertThat(Files.exists(MARKER)).isFalse();
        assertThat(System.getProperty("slatecheck.pwned")).isNull();
    }
}
