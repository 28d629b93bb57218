package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.slatecheck.bench.LargeBatch;
import org.slatecheck.records.CheckRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17 item 12, as HTML: the result page's filters fold away for a small check, a nominee filter shows only the
 * lists with matching rows and folds their panels, the viable list does not repeat a finding it cannot change, the
 * structure panel shows shares without a target, the nominee page puts findings before the input data and shows the
 * age and remaining working time the rules derived, and a batch page shows its searchable table of lists first with
 * no bullet list of lists.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResultPagesTest {
    /** Five nominees of a commune personnel plan, three of them of ethnic minorities, no minority target given. */
    static final String FIVE_CONGRESS = "congress_id,organisation,level,term,list_kind,committee_seats\n"
            + "XA-NAM,Đảng bộ xã Năm Người,COMMUNE,2025-2030,PERSONNEL_PLAN,5\n";
    static final String FIVE_NOMINEES = "congress_id,nominee_id,full_name,sex,birth_date,ethnicity,membership,"
            + "incumbent,proposed_posts\n"
            + "XA-NAM,N1,Lò Văn Một,M,1975-01-01,Thái,OFFICIAL,false,SECRETARY\n"
            + "XA-NAM,N2,Hà Thị Hai,F,1990-01-01,Tày,OFFICIAL,false,COMMITTEE\n"
            + "XA-NAM,N3,Vàng A Ba,M,1992-01-01,Mông,OFFICIAL,false,COMMITTEE\n"
            + "XA-NAM,N4,Nguyễn Văn Bốn,M,1980-01-01,Kinh,OFFICIAL,false,COMMITTEE\n"
            + "XA-NAM,N5,Trần Văn Năm,M,1982-01-01,Kinh,OFFICIAL,false,COMMITTEE\n";

    TestRestTemplate http;

    @Autowired
    void signIn(TestRestTemplate anonymous) {
        http = anonymous.withBasicAuth("subcommittee", "subcommittee");
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CheckRecords records;

    String check(org.springframework.http.HttpEntity<?> upload) throws Exception {
        ResponseEntity<String> created = http.postForEntity("/api/checks?lang=en", upload, String.class);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        return CheckApiTest.JSON.readTree(created.getBody()).get("checkId").asText();
    }

    String checkFive() throws Exception {
        return check(CheckApiTest.upload("congresses.csv", FIVE_CONGRESS.getBytes(StandardCharsets.UTF_8),
                "nominees.csv", FIVE_NOMINEES.getBytes(StandardCharsets.UTF_8)));
    }

    String page(String path) {
        ResponseEntity<String> r = http.getForEntity(path, String.class);
        assertThat(r.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    /** The HTML from {@code start} to the end of the element's section (the card it is in). */
    static String section(String html, String marker) {
        int at = html.indexOf(marker);
        assertThat(at).as(marker).isNotNegative();
        return html.substring(at, html.indexOf("</section>", at));
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    @Test
    void aResultPageLeadsToAnElectionFromItsCheck() throws Exception {
        String id = checkFive();
        String result = page("/checks/" + id + "?lang=vi");
        assertThat(result).contains("id=\"elect-from-check\" href=\"/elections?check=" + id + "\"",
                "Bầu cử từ kết quả kiểm tra này");
        assertThat(page("/elections?check=" + id + "&lang=vi")).contains("id=\"election-check\" name=\"check\" size=\"40\" value=\"" + id + "\"");
    }

    @Test
    void aSmallCheckFoldsTheFiltersBeyondOutcomeAndSearch() throws Exception {
        String small = page("/checks/" + checkFive() + "?lang=vi");
        String card = section(small, "id=\"result-filter-card\"");
        assertThat(card).contains("id=\"filter-INELIGIBLE\"", "id=\"result-q\"");
        Matcher more = Pattern.compile("<details class=\"more-filters\" id=\"result-more\"( open=\"open\")?>")
                .matcher(card);
        assertThat(more.find()).as("the other filters are in a folded details element").isTrue();
        assertThat(more.group(1)).as("folded for five nominees").isNull();
        // The sample (82 nominees) keeps them open, and so does a small check where one of them is in use.
        String sample = page("/checks/" + check(CheckApiTest.sample()) + "?lang=vi");
        assertThat(section(sample, "id=\"result-filter-card\"")).contains(
                "<details class=\"more-filters\" id=\"result-more\" open=\"open\">");
    }

    @Test
    void aNomineeFilterShowsOnlyTheListsWithMatchingRowsWithTheirPanelsFolded() throws Exception {
        String id = check(CheckApiTest.sample());
        List<Integer> withIneligible = jdbc.queryForList("select position from list_result where check_id = ?::uuid "
                + "and ineligible > 0 order by position", Integer.class, id);
        String all = page("/checks/" + id + "?lang=vi");
        assertThat(all).contains("<details class=\"list-panels\" id=\"panels-0\" open=\"open\">");

        String ineligible = page("/checks/" + id + "?lang=vi&outcome=INELIGIBLE&size=100");
        assertThat(listSections(ineligible)).isEqualTo(withIneligible);
        assertThat(ineligible).doesNotContain("class=\"list-panels\" id=\"panels-0\" open");
        assertThat(count(ineligible, "<details class=\"list-panels\"")).isEqualTo(withIneligible.size());

        // A search for one nominee of the first list: only that list is shown.
        String one = page("/checks/" + id + "?lang=vi&q=T01");
        assertThat(listSections(one)).containsExactly(0);
        assertThat(one).doesNotContain("id=\"list-1\"", "id=\"list-2\"");
    }

    static List<Integer> listSections(String html) {
        Matcher m = Pattern.compile("<section class=\"card congress\" id=\"list-(\\d+)\"").matcher(html);
        List<Integer> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(Integer.valueOf(m.group(1)));
        }
        return out;
    }

    @Test
    void theViableListDoesNotRepeatASeatNumberFindingThatNoNomineeChanges() throws Exception {
        String id = check(CheckApiTest.sample());
        JsonNode results = CheckApiTest.JSON.readTree(http.getForObject("/api/checks/" + id + "?lang=vi",
                String.class)).get("results");
        int list = -1;
        for (int i = 0; i < results.size(); i++) {
            JsonNode r = results.get(i);
            if (r.at("/summary/ineligible").asInt() > 0 && has(r.get("listFindings"), "NUM-001")) {
                list = i;
            }
        }
        assertThat(list).as("a sample list with NUM-001 and ineligible nominees").isNotNegative();
        // The JSON stays complete: the viable list carries NUM-001 too.
        assertThat(has(results.get(list).get("viableListFindings"), "NUM-001")).isTrue();

        String html = page("/checks/" + id + "?lang=vi&list=" + list);
        String panel = section(html, "id=\"list-" + list + "\"");
        assertThat(count(panel, ">NUM-001</span>")).as("NUM-001 shown once, on the list as submitted").isEqualTo(1);
        String viable = panel.substring(panel.indexOf("id=\"viable-" + list + "\""));
        assertThat(viable).doesNotContain(">NUM-001</span>")
                .contains("Không đổi so với danh sách đã trình (việc đưa các đồng chí không đủ điều kiện ra khỏi danh sách không làm thay đổi): NUM-001 ");
    }

    static boolean has(JsonNode findings, String ruleId) {
        for (JsonNode f : findings) {
            if (f.get("ruleId").asText().equals(ruleId)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theStructurePanelShowsSharesThatHaveNoTarget() throws Exception {
        String html = page("/checks/" + checkFive() + "?lang=vi");
        String panel = section(html, "id=\"list-0\"");
        Matcher minority = Pattern.compile("<tr data-share=\"minority\" class=\"no-target\">\\s*<td>Dân tộc thiểu số"
                + "</td>\\s*<td>3/5 = 60%</td>[\\s\\S]*?<td class=\"muted\">không có chỉ tiêu</td>").matcher(panel);
        assertThat(minority.find()).as(panel).isTrue();
        // Under 40 at a commune: no target either (the under-40 minimum is for province and district levels).
        assertThat(panel).containsPattern("<tr data-share=\"under40\" class=\"no-target\">\\s*<td>Dưới 40 tuổi</td>"
                + "\\s*<td>2/5 = 40%</td>");
        // Women have a target: 1 of 5.
        assertThat(panel).containsPattern("<tr data-share=\"women\" class=\"has-target\">\\s*<td>Nữ</td>\\s*"
                + "<td>1/5 = 20%</td>");
        String en = page("/checks/" + idOf(html) + "?lang=en");
        assertThat(section(en, "id=\"list-0\"")).contains("no target");
    }

    static String idOf(String html) {
        Matcher m = Pattern.compile("/checks/([0-9a-f-]{36})/report\\.csv").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void theNomineePageShowsFindingsFirstThenInputWithAgeAndRemainingWorkingTime() throws Exception {
        String id = check(CheckApiTest.sample());
        // T01 Nguyễn Văn An: a man born 02/11/1968; the retirement schedule of Nghị định 135/2020 gives 62 years
        // from 2028, so R = 11/1968 + 62 years = 11/2030; TINH-NB-2025 (congress 15/10/2025) has the reference
        // month C = 09/2025: age floor((C − B) / 12) = floor(682 / 12) = 56 years, W = R − C = 62 months.
        String html = page("/checks/" + id + "/lists/0/nominees/T01?lang=vi");
        assertThat(html).contains("Tuổi (tròn năm, tại tháng 09/2025)", "56 tuổi", "Thời gian công tác còn lại",
                "62 tháng, đến tháng nghỉ hưu 11/2030");
        int derived = html.indexOf("id=\"nominee-derived\"");
        int finding = html.indexOf("class=\"card finding\"");
        int input = html.indexOf("id=\"nominee-input-card\"");
        assertThat(derived).isPositive();
        assertThat(finding).as("T01 has findings").isPositive();
        assertThat(derived).isLessThan(finding);
        assertThat(finding).as("findings before the input data").isLessThan(input);
        String en = page("/checks/" + id + "/lists/0/nominees/T01?lang=en");
        assertThat(en).contains("Age (whole years, at 09/2025)", "56 years",
                "62 months, to the retirement month 11/2030");
    }

    @Test
    void aBatchPageShowsItsSearchableTableFirstAndNoBulletListOfLists() throws Exception {
        String source = check(CheckApiTest.sample());
        String batch = "pages-" + System.nanoTime();
        UUID checkId = LargeBatch.create(records, UUID.fromString(source), batch, "TW", 60);
        // LargeBatch copies the lists as submitted; their viable status comes from the same source lists.
        jdbc.update("update list_result n set viable_list_status = s.viable_list_status from list_result s "
                + "where s.check_id = ?::uuid and s.position = n.position % 3 and n.check_id = ?", source, checkId);
        records.summarise(checkId);
        String html = page("/batches/" + batch + "?lang=vi");
        int search = html.indexOf("id=\"batch-search\"");
        int table = html.indexOf("id=\"batch-lists\"");
        int summary = html.indexOf("id=\"batch-levels\"");
        assertThat(search).isPositive().isLessThan(table);
        assertThat(table).as("the table of lists before the summary").isLessThan(summary);
        assertThat(html).doesNotContain("<ul id=\"batch-viable-non-compliant\"");
        // The count of lists not compliant without their ineligible links to the table, filtered.
        String link = PagingTest.href(html, "batch-viable-non-compliant");
        assertThat(link).contains("viable=NON_COMPLIANT");
        String filtered = page(link);
        long expected = jdbc.queryForObject("select count(*) from list_result where check_id = ? and "
                + "viable_list_status = 'NON_COMPLIANT'", Long.class, checkId);
        assertThat(expected).isPositive();
        assertThat(PagingTest.listRows(filtered)).hasSize((int) Math.min(expected, Listing.SIZE));
        assertThat(filtered).contains(expected + " dòng");
    }
}
