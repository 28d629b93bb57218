package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slatecheck.governance.RuleSetCache;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A board creates a new term as data (issue 18 item 2): a term such as 2030-2035 as a draft from the active 2025-2030 version,
 * its season and a reference month edited, an impact analysis, a second person's approval, activation — and a 2030
 * congress is then checked against it without a restart, where before it was an input error naming the terms that
 * exist. Only the central board creates terms.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NewTermTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The new term's first year: 2030 as in the issue would do once, but the test database outlives a run and a term
     * is never made twice, so each run takes years after every term the database has seen (2030 the first time).
     */
    int year;
    String newTerm;
    String congresses;

    static final String NOMINEES = "congress_id,nominee_id,full_name,sex,birth_date,membership,incumbent,"
            + "proposed_posts\nT-NEW,A,Nguyễn Văn An,M,1980-01-01,OFFICIAL,false,COMMITTEE\n";

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;
    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuleSetCache ruleSetCache;
    @Autowired
    RuleSetVersions ruleSetVersions;

    TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, user);
    }

    static HttpEntity<String> json(String body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, h);
    }

    ResponseEntity<String> check(String lang) {
        return as("subcommittee").postForEntity("/api/checks?lang=" + lang, CheckApiTest.upload("c.csv",
                congresses.getBytes(StandardCharsets.UTF_8), "n.csv", NOMINEES.getBytes(StandardCharsets.UTF_8)),
                String.class);
    }

    long active(String term) {
        return jdbc.queryForObject("select id from rule_set_version where term = ? and status = 'ACTIVE'", Long.class,
                term);
    }

    /** The other tests of this JVM share the database: the new term goes, the shipped terms stay as they were. */
    @org.junit.jupiter.api.BeforeEach
    void freeYears() {
        int last = jdbc.queryForList("select term from rule_set_version", String.class).stream()
                .mapToInt(t -> Integer.parseInt(t.substring(0, 4))).max().orElse(2025);
        year = Math.max(2030, last + 10);
        newTerm = year + "-" + (year + 5);
        congresses = "congress_id,organisation,level,term,list_kind,committee_seats,congress_date\n"
                + "T-NEW,Đảng bộ tỉnh Thử nghiệm,PROVINCE," + newTerm + ",PERSONNEL_PLAN,1," + year + "-10-01\n";
    }

    @AfterEach
    void removeTheNewTerm() {
        jdbc.update("update rule_set_version set status = 'RETIRED' where term not in ('2020-2025', '2025-2030') "
                + "and status <> 'DELETED'");
        ruleSetCache.reloadActive();
    }

    @Test
    void theVersionPageHasTheNewTermFormAndItMakesTheDraft() throws Exception {
        long base = active("2025-2030");
        WebSession board = new WebSession(port, "board");
        String page = board.get("/rulesets/" + base);
        assertThat(page).contains("id=\"new-term\"", "Tạo nhiệm kỳ mới từ phiên bản này");
        // A season that ends before it starts comes back to the version with the reason in words.
        String term = (year + 5) + "-" + (year + 10);
        String refused = board.post("/rulesets/" + base + "/terms", java.util.Map.of("term", term,
                "seasonFrom", (year + 7) + "-01-01", "seasonTo", (year + 6) + "-12-31"), "/rulesets/" + base);
        assertThat(refused).contains("Ngày bắt đầu " + (year + 7) + "-01-01 sau ngày kết thúc " + (year + 6)
                + "-12-31.");
        String draft = board.post("/rulesets/" + base + "/terms", java.util.Map.of("term", term,
                "seasonFrom", (year + 4) + "-06-01", "seasonTo", (year + 6) + "-12-31"), "/rulesets/" + base);
        assertThat(board.lastLocation).doesNotEndWith("/rulesets/" + base);
        assertThat(draft).contains(term + ".1");
        // Someone outside the central board sees no such form.
        assertThat(new WebSession(port, "subcommittee").status("/rulesets/" + base)).isNotEqualTo(200);
    }

    @Test
    void aBoardCreatesTerm2030ItIsApprovedAndActivatedAndA2030CongressIsCheckedWithoutARestart() throws IOException {
        ResponseEntity<String> before = check("vi");
        assertThat(before.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(before.getBody()).contains("Nhiệm kỳ “" + newTerm + "” chưa có bộ quy tắc; các nhiệm kỳ hiện có: "
                + "2020-2025 (01/01/2019 – 31/12/2021), 2025-2030 (14/06/2024 – 31/12/2026)");

        long base = active("2025-2030");
        String body = "{\"term\": \"" + newTerm + "\", \"seasonFrom\": \"" + (year - 1) + "-06-01\", \"seasonTo\": \""
                + (year + 1) + "-12-31\"}";
        // Only the central board governs the terms.
        assertThat(as("subcommittee").postForEntity("/api/rulesets/" + base + "/terms", json(body), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> created = as("board").postForEntity("/api/rulesets/" + base + "/terms?lang=en",
                json(body), String.class);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        long draft = JSON.readTree(created.getBody()).get("version").get("id").asLong();
        assertThat(ruleSetVersions.get(draft).orElseThrow().term()).isEqualTo(newTerm);
        assertThat(ruleSetVersions.get(draft).orElseThrow().status()).isEqualTo("DRAFT");
        // A term that exists cannot be made again; said in words.
        ResponseEntity<String> twice = as("board").postForEntity("/api/rulesets/" + base + "/terms?lang=en",
                json(body), String.class);
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(twice.getBody()).contains("Term " + newTerm + " already has a rule set");

        // The board edits the season (its first directive's date) and the province reference month.
        String term = ruleSetVersions.source(draft).term();
        assertThat(term).contains((year - 1) + "-06-01," + (year + 1) + "-12-31").doesNotContain("DISTRICT");
        ResponseEntity<String> dates = as("board").exchange("/api/rulesets/" + draft + "/files", HttpMethod.PUT,
                json(JSON.writeValueAsString(java.util.Map.of("path", "term.csv", "content",
                        term.replace((year - 1) + "-06-01", (year - 1) + "-09-01")))), String.class);
        assertThat(dates.getStatusCode()).as(dates.getBody()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> month = as("board").exchange("/api/rulesets/" + draft + "/parameters", HttpMethod.PUT,
                json("{\"reference_month.PROVINCE\": {\"value\": \"" + year + "-09\", \"source\": \"Chỉ thị của "
                        + "nhiệm kỳ " + newTerm + " (thử nghiệm)\"}}"), String.class);
        assertThat(month.getStatusCode()).as(month.getBody()).isEqualTo(HttpStatus.OK);
        // A season that ends before it starts is refused in words, and nothing changes.
        ResponseEntity<String> bad = as("board").exchange("/api/rulesets/" + draft + "/files?lang=en",
                HttpMethod.PUT, json(JSON.writeValueAsString(java.util.Map.of("path", "term.csv", "content",
                        term.replace((year - 1) + "-06-01", (year + 2) + "-06-01")))), String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("The start " + (year + 2) + "-06-01 is after the end " + (year + 1)
                + "-12-31");

        // Four eyes and activation, as for any version.
        assertThat(as("board").postForEntity("/api/rulesets/" + draft + "/impact", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        String checksum = ruleSetVersions.get(draft).orElseThrow().checksum();
        assertThat(as("board").postForEntity("/api/rulesets/" + draft + "/approve?checksum=" + checksum, null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("approver").postForEntity("/api/rulesets/" + draft + "/approve?checksum=" + checksum, null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("approver").postForEntity("/api/rulesets/" + draft + "/activate", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<String> after = check("en");
        assertThat(after.getStatusCode()).as(after.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode result = JSON.readTree(after.getBody()).get("results").get(0);
        assertThat(result.get("ruleSet").get("version").asText()).isEqualTo(newTerm + ".1");
        assertThat(result.get("congress").get("referenceMonth").asText()).isEqualTo(year + "-09");
        // The new term's season is data: a congress before it is an input error naming the three terms.
        ResponseEntity<String> early = as("subcommittee").postForEntity("/api/checks?lang=vi", CheckApiTest.upload(
                "c.csv", congresses.replace(year + "-10-01", (year - 1) + "-08-31").getBytes(StandardCharsets.UTF_8),
                "n.csv",
                NOMINEES.getBytes(StandardCharsets.UTF_8)), String.class);
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(early.getBody()).contains(newTerm + " (01/09/" + (year - 1) + " – 31/12/" + (year + 1) + ")");
        // The congress form and the columns page offer the new term without a restart.
        assertThat(as("subcommittee").getForObject("/", String.class)).contains(newTerm);
        assertThat(as("subcommittee").getForObject("/columns", String.class)).contains(newTerm);
    }
}
