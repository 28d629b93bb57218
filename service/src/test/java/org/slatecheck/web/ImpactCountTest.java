package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * Issue 17 item 9: the impact analysis counts a nominee only when its outcome changes and a list only when its status
 * (or its viable list's status) changes; a draft that only changes which rules fire (a NOTICE rule on nominees, an
 * ADVISORY rule on lists) shows 0 changes and lists those nominees and lists apart as "rule ids only". The list rows
 * of the page have as many cells as the header, each in its column.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImpactCountTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Fires on every nominee with NOTICE: another rule id, never another outcome. */
    static final String NOTICE_RULE = "id: POS-951\nseverity: NOTICE\nwhen:\n  - {field: age, op: ge, value: 18}\n"
            + "evidence: [age]\ntitle: {vi: Ghi chú tuổi, en: Age note}\nmessage: {vi: Ghi chú tuổi, en: Age note}\n"
            + "citation: Hướng dẫn giả định số 1\n";
    /** Fires on every list with ADVISORY: another rule id, never another status. */
    static final String ADVISORY_RULE = "id: POS-952\nscope: list\nseverity: ADVISORY\nwhen:\n"
            + "  - {field: nominee_count, op: ge, value: 1}\nevidence: [nominee_count]\n"
            + "title: {vi: Ghi chú danh sách, en: List note}\nmessage: {vi: Ghi chú danh sách, en: List note}\n"
            + "citation: Hướng dẫn giả định số 2\n";

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, user);
    }

    String check() throws Exception {
        ResponseEntity<String> r = as("subcommittee").postForEntity("/api/checks?lang=en",
                CheckApiTest.upload("c.csv", GovernanceTest.CONGRESSES.getBytes(StandardCharsets.UTF_8), "n.csv",
                        GovernanceTest.NOMINEES.getBytes(StandardCharsets.UTF_8)), String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode check = JSON.readTree(r.getBody());
        assertThat(GovernanceTest.outcomeOf(check, "A")).isEqualTo("INELIGIBLE");
        assertThat(GovernanceTest.outcomeOf(check, "B")).isEqualTo("ELIGIBLE");
        return check.get("checkId").asText();
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

    void put(long draft, String path, Object body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> r = as("board").exchange("/api/rulesets/" + draft + path, HttpMethod.PUT,
                new HttpEntity<>(body, h), String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
    }

    /** The impact report over the most recent stored check only (the one the test just made). */
    JsonNode impact(long draft) throws Exception {
        ResponseEntity<String> r = as("board").postForEntity("/api/rulesets/" + draft + "/impact?checks=1", null,
                String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return JSON.readTree(r.getBody()).get("report");
    }

    static List<String> rows(JsonNode rows) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : rows) {
            out.add((n.has("nomineeId") ? n.get("nomineeId").asText() : n.get("congressId").asText()) + " "
                    + n.get("before").asText() + "→" + n.get("after").asText() + " +" + n.get("rulesAdded").asText()
                    + " -" + n.get("rulesRemoved").asText());
        }
        return out;
    }

    List<CSVRecord> csv(long draft, String lang) throws Exception {
        String text = new String(as("board").getForObject("/rulesets/" + draft + "/impact.csv?lang=" + lang,
                byte[].class), StandardCharsets.UTF_8).replace("\uFEFF", "");
        return CSVFormat.DEFAULT.parse(new java.io.StringReader(text)).getRecords();
    }

    @Test
    void aDraftThatOnlyChangesWhichRulesFireChangesNoOutcomeAndNoStatus() throws Exception {
        String checkId = check();
        long draft = draft();
        put(draft, "/files", Map.of("path", "guided/POS-951.yaml", "content", NOTICE_RULE));
        put(draft, "/files", Map.of("path", "guided/POS-952.yaml", "content", ADVISORY_RULE));
        JsonNode report = impact(draft);
        JsonNode totals = report.get("totals");
        assertThat(totals.get("lists").asInt()).isEqualTo(1);
        assertThat(totals.get("nominees").asInt()).isEqualTo(2);
        assertThat(totals.get("nomineesChanged").asInt()).isZero();
        assertThat(totals.get("listsChanged").asInt()).isZero();
        assertThat(totals.get("viableListsChanged").asInt()).isZero();
        assertThat(totals.get("nomineesRulesOnly").asInt()).isEqualTo(2);
        assertThat(totals.get("listsRulesOnly").asInt()).isEqualTo(1);
        assertThat(report.get("nominees")).isEmpty();
        assertThat(report.get("lists")).isEmpty();
        String status = report.get("rulesOnly").get(2).get("before").asText();
        assertThat(rows(report.get("rulesOnly"))).containsExactly("A INELIGIBLE→INELIGIBLE +POS-951 -",
                "B ELIGIBLE→ELIGIBLE +POS-951 -", "GOV-1 " + status + "→" + status + " +POS-952 -");
        assertThat(report.get("rulesOnly").get(2).get("kind").asText()).isEqualTo("list");

        // The page says 0 and 0, and lists the three apart, each row as wide as its header.
        String page = as("board").getForObject("/rulesets/" + draft + "/impact?lang=vi", String.class);
        assertThat(HtmlUtils.htmlUnescape(page)).contains("0 nhân sự đổi kết quả; 0 danh sách đổi trạng thái",
                "Chỉ đổi mã quy tắc (kết quả và trạng thái giữ nguyên): 2 nhân sự, 1 danh sách.")
                .doesNotContain("id=\"impact-nominees\"").doesNotContain("id=\"impact-lists\"");
        List<List<String>> nominees = table(page, "impact-rules-only-nominees");
        assertThat(nominees).containsExactly(List.of("Nhân sự", "Đại hội", "Kết quả (giữ nguyên)", "Mã quy tắc thay đổi"),
                List.of("A Trần Văn Thử", "GOV-1", "Không đủ điều kiện", "+ POS-951"),
                List.of("B Lê Thị Mẫu", "GOV-1", "Đủ điều kiện", "+ POS-951"));
        List<List<String>> lists = table(page, "impact-rules-only-lists");
        assertThat(lists).hasSize(2);
        assertThat(lists.get(1)).hasSameSizeAs(lists.get(0));
        assertThat(lists.get(1).get(0)).isEqualTo("GOV-1 Đảng bộ tỉnh Thử nghiệm");
        assertThat(lists.get(1).get(1)).startsWith("Danh sách");
        assertThat(lists.get(1).get(2)).isEqualTo("+ POS-952");

        // The CSV: the same rows, marked as rule ids only, every row as wide as the header.
        List<CSVRecord> csv = csv(draft, "en");
        assertThat(csv).allMatch(r -> r.size() == csv.get(0).size());
        List<String> kinds = csv.stream().skip(1).map(r -> r.get(0) + " " + r.get(3) + " " + r.get(4) + "→"
                + r.get(5) + " " + r.get(6)).toList();
        assertThat(kinds).containsExactly("nominee_rules_only A INELIGIBLE→INELIGIBLE POS-951",
                "nominee_rules_only B ELIGIBLE→ELIGIBLE POS-951", "list_rules_only  " + status + "→" + status + " POS-952");
        assertThat(csv.get(1).get(1)).isEqualTo(checkId);
        List<CSVRecord> vi = csv(draft, "vi");
        assertThat(vi).allMatch(r -> r.size() == vi.get(0).size());
        assertThat(vi.get(1).get(0)).isEqualTo("nhân sự (chỉ đổi mã quy tắc)");
    }

    @Test
    void aRealOutcomeChangeIsCountedOnceAndNotAgainAsARuleIdChange() throws Exception {
        check();
        long draft = draft();
        // 42 months frees A (INELIGIBLE → ELIGIBLE); the NOTICE rule adds a rule id to A and B.
        put(draft, "/parameters", Map.of("age.reelection_min_months", Map.of("value", "42", "source",
                "Hướng dẫn giả định số 99-HD/BTCTW: tái cử còn ít nhất 42 tháng")));
        put(draft, "/files", Map.of("path", "guided/POS-951.yaml", "content", NOTICE_RULE));
        JsonNode report = impact(draft);
        JsonNode totals = report.get("totals");
        assertThat(rows(report.get("nominees"))).containsExactly("A INELIGIBLE→ELIGIBLE +POS-951 -AGE-002");
        assertThat(totals.get("nomineesChanged").asInt()).isEqualTo(1);
        // The list keeps its status, and so does its viable list (now with A, two nominees instead of one): the
        // seat rules that fired on the viable list of one no longer fire, a change of rule ids only.
        assertThat(rows(report.get("rulesOnly"))).containsExactly("B ELIGIBLE→ELIGIBLE +POS-951 -",
                "GOV-1 NON_COMPLIANT→NON_COMPLIANT + -NUM-006 STR-004");
        assertThat(totals.get("nomineesRulesOnly").asInt()).isEqualTo(1);
        assertThat(totals.get("listsRulesOnly").asInt()).isEqualTo(1);
        assertThat(totals.get("listsChanged").asInt()).isZero();
        assertThat(totals.get("viableListsChanged").asInt()).isZero();
        assertThat(report.get("lists")).isEmpty();

        String page = as("board").getForObject("/rulesets/" + draft + "/impact?lang=vi", String.class);
        assertThat(HtmlUtils.htmlUnescape(page)).contains("1 nhân sự đổi kết quả; 0 danh sách đổi trạng thái",
                ": 0 đổi trạng thái. Chỉ đổi mã quy tắc (kết quả và trạng thái giữ nguyên): 1 nhân sự, 1 danh sách.");
        assertThat(table(page, "impact-nominees")).containsExactly(List.of("Nhân sự", "Đại hội", "Trước", "Sau",
                "Quy tắc gây thay đổi"), List.of("A Trần Văn Thử", "GOV-1", "Không đủ điều kiện", "Đủ điều kiện",
                "+ POS-951 − AGE-002"));
        assertThat(table(page, "impact-rules-only-lists")).containsExactly(List.of("Đại hội",
                "Trạng thái (giữ nguyên)", "Mã quy tắc thay đổi"), List.of("GOV-1 Đảng bộ tỉnh Thử nghiệm",
                "Danh sách chưa đạt yêu cầu", "− NUM-006 STR-004"));
        // Every nominee of the report links to the nominee page of the check it comes from (the links named the
        // congress id where the address takes the list's position: 400, found by EveryLinkBrowserTest).
        java.util.regex.Matcher links = java.util.regex.Pattern.compile("href=\"(/checks/[^\"]+/nominees/[^\"]+)\"[^>]*>[^ <]+ ([^<]+)<")
                .matcher(page);
        int followed = 0;
        while (links.find()) {
            String href = HtmlUtils.htmlUnescape(links.group(1));
            ResponseEntity<String> nomineePage = as("board").getForEntity(href, String.class);
            assertThat(nomineePage.getStatusCode().value()).as(href).isEqualTo(200);
            assertThat(HtmlUtils.htmlUnescape(nomineePage.getBody())).as(href)
                    .contains(HtmlUtils.htmlUnescape(links.group(2)));
            followed++;
        }
        assertThat(followed).isEqualTo(2);
    }

    /**
     * A list whose status changes: its row in the page's table has one cell per header cell, each value in its
     * column (the list rows were shown without a header, their cells under the wrong titles).
     */
    @Test
    void aListWhoseStatusChangesIsOneRowWithTheHeadersCells() throws Exception {
        String checkId = check();
        long draft = draft();
        // The rules that make GOV-1 not compliant (as submitted and as a viable list), switched off by the board.
        List<String> rules = jdbc.queryForList("select distinct f.rule_id from finding f join list_result l on "
                + "l.id = f.list_id where l.check_id = ? and f.nominee_id is null and f.severity = 'NON_COMPLIANT' "
                + "order by f.rule_id", String.class, java.util.UUID.fromString(checkId));
        assertThat(rules).isNotEmpty();
        StringBuilder switches = new StringBuilder("rule,enabled,severity,reason,source\n");
        rules.forEach(r -> switches.append(r).append(",no,,Thử nghiệm,Nghị quyết số 1\n"));
        put(draft, "/files", Map.of("path", "switches.csv", "content", switches.toString()));
        JsonNode report = impact(draft);
        assertThat(report.get("totals").get("listsChanged").asInt()).isEqualTo(report.get("lists").size());
        String page = as("board").getForObject("/rulesets/" + draft + "/impact?lang=vi", String.class);
        List<List<String>> lists = table(page, "impact-lists");
        assertThat(lists.get(0)).containsExactly("Đại hội", "Trạng thái trước", "Trạng thái sau",
                "Sau khi đưa các đồng chí không đủ điều kiện ra khỏi danh sách: trước",
                "Sau khi đưa các đồng chí không đủ điều kiện ra khỏi danh sách: sau",
                "Quy tắc gây thay đổi");
        assertThat(lists).hasSize(2);
        JsonNode row = report.get("lists").get(0);
        assertThat(lists.get(1)).containsExactly("GOV-1 Đảng bộ tỉnh Thử nghiệm", label(row, "before"),
                label(row, "after"), label(row, "viableBefore"), label(row, "viableAfter"),
                ("− " + row.get("rulesRemoved").asText()).strip());
        assertThat(row.get("before").asText()).isNotEqualTo(row.get("after").asText());
    }

    static String label(JsonNode row, String field) {
        return org.slatecheck.rules.text.Messages.of(org.slatecheck.rules.text.Messages.VI)
                .raw("list." + row.get(field).asText());
    }

    static final Pattern ROW = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL);
    static final Pattern CELL = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL);

    /** The cells of table {@code id}, row by row (header first), as the text a reader sees. */
    static List<List<String>> table(String html, String id) {
        int start = html.indexOf("<table id=\"" + id + "\"");
        assertThat(start).as("table " + id).isNotNegative();
        String table = html.substring(start, html.indexOf("</table>", start));
        List<List<String>> out = new ArrayList<>();
        Matcher row = ROW.matcher(table);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = CELL.matcher(row.group(1));
            while (cell.find()) {
                cells.add(HtmlUtils.htmlUnescape(cell.group(1).replaceAll("<[^>]+>", "")).strip()
                        .replaceAll("\\s+", " "));
            }
            out.add(cells);
        }
        return out;
    }
}
