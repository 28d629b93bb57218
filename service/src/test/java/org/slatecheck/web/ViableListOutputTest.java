package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.slatecheck.explanation.ResultText;
import org.slatecheck.rules.engine.RuleSetSnapshot;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.explain.Explainer;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.intake.Intake;
import org.slatecheck.screening.Checker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The viable list (docs/specification.md section 6: the list without its INELIGIBLE nominees, judged again by the list rules) on
 * every output: JSON, the result page's second panel, CSV, PDF, text, the stored records and the batch summaries. In
 * the provincial sample 6 of 40 are INELIGIBLE: 34 names are left for 34 seats and 2 women of 34.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ViableListOutputTest {
    static final String WITHOUT_SIX = "The 6 ineligible nominees are taken off the list; then ";

    TestRestTemplate http;

    @Autowired
    void signIn(TestRestTemplate anonymous) {
        http = anonymous.withBasicAuth("subcommittee", "subcommittee");
    }

    @Autowired
    JdbcTemplate jdbc;

    String checkSample() throws Exception {
        ResponseEntity<String> created = http.postForEntity("/api/checks?lang=en", CheckApiTest.sample(),
                String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return CheckApiTest.JSON.readTree(created.getBody()).get("checkId").asText();
    }

    static JsonNode finding(JsonNode findings, String ruleId) {
        for (JsonNode f : findings) {
            if (f.get("ruleId").asText().equals(ruleId)) {
                return f;
            }
        }
        throw new AssertionError(ruleId + " not in " + findings);
    }

    @Test
    void theJsonCarriesBothListsAndTheStoredCheckKeepsThem() throws Exception {
        String id = checkSample();
        JsonNode results = CheckApiTest.JSON.readTree(http.getForObject("/api/checks/" + id + "?lang=en",
                String.class)).get("results");
        JsonNode province = results.get(0);
        assertThat(province.at("/summary/ineligible").asInt()).isEqualTo(6);
        assertThat(province.at("/summary/listStatus").asText()).isEqualTo("NON_COMPLIANT");
        assertThat(province.at("/summary/viableListStatus").asText()).isEqualTo("NON_COMPLIANT");
        JsonNode surplus = finding(province.get("viableListFindings"), "NUM-003");
        assertThat(surplus.at("/evidence/count").asInt()).isEqualTo(34);
        assertThat(surplus.at("/evidence/seats").asInt()).isEqualTo(34);
        assertThat(surplus.get("message").asText()).startsWith(WITHOUT_SIX).contains("34 names for 34 seats");
        assertThat(surplus.get("citation").asText()).isNotBlank();
        JsonNode women = finding(province.get("viableListFindings"), "STR-001");
        assertThat(women.at("/evidence/women").asInt()).isEqualTo(2);
        assertThat(women.at("/evidence/total").asInt()).isEqualTo(34);
        // The list as submitted keeps its own findings: 40 names for 34 seats is a lawful surplus.
        assertThat(province.get("listFindings")).noneMatch(f -> f.get("ruleId").asText().equals("NUM-003"));
        for (JsonNode list : results) {
            assertThat(list.has("viableListFindings")).isTrue();
            assertThat(list.at("/summary/viableListStatus").isTextual()).isTrue();
        }
        JsonNode vi = CheckApiTest.JSON.readTree(http.getForObject("/api/checks/" + id, String.class)).get("results");
        assertThat(finding(vi.get(0).get("viableListFindings"), "NUM-003").get("message").asText())
                .startsWith("Có 6 đồng chí không đủ điều kiện, đưa ra khỏi danh sách; khi đó ");

        // Stored: the viable status and panel per list, its findings marked, the count on the check.
        assertThat(jdbc.queryForList("select viable_list_status from list_result where check_id = ?::uuid "
                + "order by position", String.class, id))
                .containsExactly("NON_COMPLIANT", "NON_COMPLIANT", "NON_COMPLIANT");
        int viableFindings = 0;
        for (JsonNode list : results) {
            viableFindings += list.get("viableListFindings").size();
        }
        assertThat(jdbc.queryForObject("select count(*) from finding f join list_result l on l.id = f.list_id "
                + "where l.check_id = ?::uuid and f.viable", Integer.class, id)).isEqualTo(viableFindings);
        assertThat(jdbc.queryForObject("select viable_non_compliant_lists from check_run where id = ?::uuid",
                Integer.class, id)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select viable_structure::text from list_result where check_id = ?::uuid "
                + "and position = 0", String.class, id)).contains("\"count\":34", "\"seats\":34");
    }

    @Test
    void theResultPageShowsASecondPanelAfterRemovingTheIneligible() throws Exception {
        String id = checkSample();
        String en = http.getForObject("/checks/" + id + "?lang=en", String.class);
        int panel = en.indexOf("id=\"viable-0\"");
        assertThat(panel).isPositive();
        String viable = en.substring(panel, en.indexOf("</section>", panel));
        assertThat(viable).contains("With the ineligible nominees taken off the list",
                "The 6 ineligible nominees are taken off the list; the 34 left make a non-compliant list",
                "34 names for 34 seats (needs 35 to 44)", WITHOUT_SIX, "NUM-003");
        // The first panel still measures the list as submitted.
        assertThat(en.substring(0, panel)).contains("40 names for 34 seats (needs 35 to 44)");
        String vi = http.getForObject("/checks/" + id + "?lang=vi", String.class);
        assertThat(vi).contains("Sau khi đưa các đồng chí không đủ điều kiện ra khỏi danh sách",
                "Có 6 đồng chí không đủ điều kiện, đưa ra khỏi danh sách; danh sách còn 34 đồng chí, chưa đạt yêu cầu",
                "Có 6 đồng chí không đủ điều kiện, đưa ra khỏi danh sách; khi đó danh sách bầu cử có 34 đồng chí cho "
                        + "34 ủy viên");
        assertThat(vi).doesNotContain("viableListStatus", "VIABLE", "NON_COMPLIANT<");
    }

    @Test
    void csvAndPdfCarryTheViableListAndSayWhichListARowJudges() throws Exception {
        String id = checkSample();
        String csv = new String(http.getForObject("/api/checks/" + id + "/report.csv?lang=en", byte[].class),
                StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",citation,remedy,list");
        List<String> viable = csv.lines().filter(l -> l.endsWith(",VIABLE")).toList();
        assertThat(viable).isNotEmpty().allMatch(l -> l.contains(WITHOUT_SIX) || !l.startsWith("TINH-NB-2025"));
        assertThat(viable).anyMatch(l -> l.startsWith("TINH-NB-2025,,,NON_COMPLIANT,NUM-003,NON_COMPLIANT,"));
        assertThat(csv.lines().filter(l -> l.endsWith(",SUBMITTED")))
                .noneMatch(l -> l.contains("ineligible nominees:"));

        byte[] pdf = http.getForObject("/api/checks/" + id + "/report.pdf?lang=en", byte[].class);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("The 6 ineligible nominees are taken off the list; the 34 left make a "
                    + "non-compliant list", WITHOUT_SIX + "the election list has 34 names for 34 seats");
        }
    }

    @Test
    void theTextReportHasTheViableBlock() throws Exception {
        List<ScreeningResult> results = Checker.check(
                new Intake.Input("congresses.csv", Files.readAllBytes(CheckApiTest.SAMPLES.resolve("congresses.csv"))),
                new Intake.Input("nominees.csv", Files.readAllBytes(CheckApiTest.SAMPLES.resolve("nominees.csv"))),
                RuleSetSnapshot.shipped());
        String text = ResultText.write(results, new Explainer(Messages.of(Messages.EN)));
        assertThat(text).contains("The 6 ineligible nominees are taken off the list; the 34 left make a "
                + "non-compliant list", "NUM-003 [Non-compliant] Election list surplus not lawful: " + WITHOUT_SIX);
        String vi = ResultText.write(results, new Explainer(Messages.of(Messages.VI)));
        assertThat(vi).contains("Có 6 đồng chí không đủ điều kiện, đưa ra khỏi danh sách; danh sách còn 34 đồng chí");
    }

    @Test
    void whenNobodyIsIneligibleTheViableListIsTheListAsSubmitted() throws Exception {
        byte[] congresses = ("congress_id,organisation,level,term,list_kind,committee_seats\n"
                + "TINH-X,Đảng bộ tỉnh Mẫu,PROVINCE,2025-2030,PERSONNEL_PLAN,2\n").getBytes(StandardCharsets.UTF_8);
        byte[] nominees = ("congress_id,nominee_id,full_name,sex,birth_date,membership,incumbent,proposed_posts\n"
                + "TINH-X,A,Nguyễn Văn An,M,1975-01-01,OFFICIAL,false,SECRETARY\n"
                + "TINH-X,B,Trần Thị Bình,F,1980-01-01,OFFICIAL,false,COMMITTEE\n").getBytes(StandardCharsets.UTF_8);
        ResponseEntity<String> created = http.postForEntity("/api/checks?lang=en", CheckApiTest.upload(
                "congresses.csv", congresses, "nominees.csv", nominees), String.class);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = CheckApiTest.JSON.readTree(created.getBody());
        JsonNode r = body.get("results").get(0);
        assertThat(r.at("/summary/ineligible").asInt()).isZero();
        assertThat(r.get("viableListFindings")).isEqualTo(r.get("listFindings"));
        assertThat(r.at("/summary/viableListStatus")).isEqualTo(r.at("/summary/listStatus"));
        String page = http.getForObject("/checks/" + body.get("checkId").asText() + "?lang=en", String.class);
        assertThat(page).contains("Nobody is ineligible: the list that can be voted on is the list as submitted.");
    }

    @Test
    void batchSummariesCountTheListsNotCompliantWithoutTheirIneligible() throws Exception {
        String id = "viable-" + System.nanoTime();
        ResponseEntity<String> started = http.postForEntity("/api/batches?id=" + id, CheckApiTest.sample(),
                String.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode state = null;
        for (int i = 0; i < 300; i++) {
            state = CheckApiTest.JSON.readTree(http.getForObject("/api/batches/" + id + "?lang=en", String.class));
            String status = state.get("status").asText();
            if (!status.equals("VALIDATING") && !status.equals("RUNNING")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(state.get("status").asText()).isEqualTo("DONE");
        assertThat(state.get("viableNonCompliantLists").asInt()).isEqualTo(3);
        JsonNode summary = CheckApiTest.JSON.readTree(http.getForObject("/api/batches/" + id + "/summary",
                String.class));
        assertThat(summary.get("viableNonCompliantLists")).extracting(n -> n.get("congress_id").asText())
                .containsExactly("TINH-NB-2025", "XA-YT-2025", "HUYEN-KS-2020");
        // Rules that fired most count the list as submitted only: each list rule once per list.
        assertThat(summary.get("topRules")).allMatch(r -> r.get("findings").asInt() <= 3
                || !r.get("rule_id").asText().matches("(NUM|STR)-.*"));
        String csv = new String(http.getForObject("/api/batches/" + id + "/summary.csv?lang=en", byte[].class),
                StandardCharsets.UTF_8);
        assertThat(csv).contains("non_compliant,viable_non_compliant", "PROVINCE,1,40,27,7,6,1,1");
        String orgs = new String(http.getForObject("/api/batches/" + id + "/organisations.csv?lang=en", byte[].class),
                StandardCharsets.UTF_8);
        assertThat(orgs).contains("list_status,viable_list_status",
                "TINH-NB-2025,Đảng bộ tỉnh Ninh Bình,PROVINCE,2025-2030,ELECTION_LIST,40,27,7,6,NON_COMPLIANT,"
                        + "NON_COMPLIANT");
        String page = http.getForObject("/batches/" + id + "?lang=en", String.class);
        // The page counts them and links to its table of lists filtered to them (issue 17 item 12: no bullet list).
        assertThat(page).contains("Lists not compliant without their ineligible nominees: 3.",
                "id=\"batch-viable-non-compliant\"", "viable=NON_COMPLIANT");
        byte[] pdf = http.getForObject("/api/batches/" + id + "/summary.pdf?lang=en", byte[].class);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Lists not compliant without their ineligible nominees: 1",
                    "Lists not compliant without their ineligible nominees (first 500)");
        }
    }
}
