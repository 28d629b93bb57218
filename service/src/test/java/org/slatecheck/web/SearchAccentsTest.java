package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.slatecheck.records.SearchText;
import org.slatecheck.rules.intake.Columns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17 item 11: search without diacritics or case on every paged page. Ten nominees named "Hùng" among others
 * are found on the result page by {@code hung}, {@code HUNG}, {@code Hùng} and {@code hùng}; ten lists of
 * organisations named "Hùng …" are found the same way on a batch's page, and their batch on the batches page and
 * the history (page and API); "Đức" is found by {@code duc}. Rows stored before the folded column existed are filled
 * by the backfill that the migration runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchAccentsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CONGRESS_HEADER = "congress_id,organisation,level,term,province,list_kind,committee_seats\n";
    static final List<String> QUERIES = List.of("hung", "HUNG", "Hùng", "hùng");

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    JdbcTemplate jdbc;

    TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, user);
    }

    /** The page at {@code path}, whose query is already encoded (sent as it is, not encoded again). */
    String page(String path) {
        ResponseEntity<String> r = as("subcommittee").getForEntity(java.net.URI.create(path), String.class);
        assertThat(r.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String nominee(String congress, String id, String name) {
        return congress + "," + id + "," + name + ",M,1975-01-01,Kinh,Hà Tĩnh,OFFICIAL,false,,COMMITTEE,CAO_CAP,"
                + "MASTER,MET,2025-06-01," + GovernanceTest.RATINGS + ",0,true,true\n";
    }

    /** One list: ten "… Hùng" among three others (none of whose names folds to contain "hung"). */
    String nomineesCheck() throws Exception {
        String congresses = CONGRESS_HEADER + "SA-1,Đảng bộ tỉnh Thử nghiệm,PROVINCE,2025-2030,Ninh Bình,"
                + "PERSONNEL_PLAN,15\n";
        StringBuilder nominees = new StringBuilder(GovernanceTest.HEADER);
        String[] family = {"Nguyễn Văn", "Trần Mạnh", "Lê Quốc", "Phạm Đình", "Hoàng Văn", "Vũ Minh", "Đặng Văn",
            "Bùi Xuân", "Đỗ Đức", "Ngô Văn"};
        for (int i = 0; i < 10; i++) {
            nominees.append(nominee("SA-1", "H" + i, family[i] + " Hùng"));
        }
        nominees.append(nominee("SA-1", "X1", "Trần Minh Đức")).append(nominee("SA-1", "X2", "Lê Thị Lan"))
                .append(nominee("SA-1", "X3", "Vũ Văn Nam"));
        ResponseEntity<String> r = as("subcommittee").postForEntity("/api/checks", CheckApiTest.upload("c.csv",
                congresses.getBytes(StandardCharsets.UTF_8), "n.csv",
                nominees.toString().getBytes(StandardCharsets.UTF_8)), String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
        return JSON.readTree(r.getBody()).get("checkId").asText();
    }

    /** A batch of twelve lists: ten of organisations named "Hùng …", one "Đức Long", one "Yên Bình". */
    String listsBatch() throws Exception {
        StringBuilder congresses = new StringBuilder(CONGRESS_HEADER);
        StringBuilder nominees = new StringBuilder(GovernanceTest.HEADER);
        List<String> organisations = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            organisations.add("Đảng bộ xã Hùng Tiến " + (i + 1));
        }
        organisations.add("Đảng bộ xã Đức Long");
        organisations.add("Đảng bộ xã Yên Bình");
        for (int i = 0; i < organisations.size(); i++) {
            String id = "SB-" + i;
            congresses.append(id).append(',').append(organisations.get(i))
                    .append(",COMMUNE,2025-2030,Ninh Bình,PERSONNEL_PLAN,1\n");
            nominees.append(nominee(id, "N" + i, "Lê Thị Mai"));
        }
        String batch = "accents-" + System.nanoTime();
        ResponseEntity<String> started = as("subcommittee").postForEntity("/api/batches?id=" + batch,
                CheckApiTest.upload("c.csv", congresses.toString().getBytes(StandardCharsets.UTF_8), "n.csv",
                        nominees.toString().getBytes(StandardCharsets.UTF_8)), String.class);
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        for (int i = 0; i < 600; i++) {
            JsonNode state = JSON.readTree(as("subcommittee").getForObject("/api/batches/" + batch + "?lang=en",
                    String.class));
            String status = state.get("status").asText();
            if (!status.equals("VALIDATING") && !status.equals("RUNNING")) {
                assertThat(status).as(state.toString()).isEqualTo("DONE");
                return batch;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("batch " + batch + " did not end");
    }

    List<String> foundNominees(String check, String query) {
        return PagingTest.nomineeRows(page("/checks/" + check + "?size=20&q=" + q(query))).stream()
                .map(s -> s.split(":")[0]).toList();
    }

    @Test
    void theResultPageFindsTheTenHungWithOrWithoutAccentsAndInAnyCase() throws Exception {
        String check = nomineesCheck();
        List<String> ten = List.of("H0", "H1", "H2", "H3", "H4", "H5", "H6", "H7", "H8", "H9");
        for (String query : QUERIES) {
            assertThat(foundNominees(check, query)).as(query).containsExactlyElementsOf(ten);
        }
        assertThat(foundNominees(check, "van hung")).as("van hung").containsExactly("H0", "H4", "H6", "H9");
        for (String query : List.of("duc", "DUC", "Đức", "đức")) {
            // "Đỗ Đức Hùng" and "Trần Minh Đức"
            assertThat(foundNominees(check, query)).as(query).containsExactly("H8", "X1");
        }
        assertThat(foundNominees(check, "x1")).containsExactly("X1");
        assertThat(foundNominees(check, "lan")).containsExactly("X2");
        // A LIKE wildcard typed in the box is a character, not "anything".
        assertThat(foundNominees(check, "%")).isEmpty();
        assertThat(foundNominees(check, "_")).isEmpty();
    }

    @Test
    void aBatchsListsTheBatchesPageAndTheHistoryFindHungWithOrWithoutAccents() throws Exception {
        String batch = listsBatch();
        UUID check = org.slatecheck.batch.BatchRunner.checkId(batch);
        for (String query : QUERIES) {
            List<String[]> lists = PagingTest.listRows(page("/batches/" + batch + "?size=20&q=" + q(query)));
            assertThat(lists).as(query).extracting(r -> r[2]).containsExactly("SB-0", "SB-1", "SB-2", "SB-3",
                    "SB-4", "SB-5", "SB-6", "SB-7", "SB-8", "SB-9");
            assertThat(page("/batches?q=" + q(query))).as(query).contains("/batches/" + batch + "\"");
            assertThat(page("/checks?q=" + q(query))).as(query).contains("href=\"/batches/" + batch + "\"");
            JsonNode history = JSON.readTree(page("/api/checks?q=" + q(query)));
            assertThat(history.findValuesAsText("id")).as(query).contains(check.toString());
        }
        for (String query : List.of("duc", "DUC", "Đức")) {
            assertThat(PagingTest.listRows(page("/batches/" + batch + "?q=" + q(query)))).as(query)
                    .extracting(r -> r[2]).containsExactly("SB-10");
            assertThat(page("/batches?q=" + q(query))).as(query).contains("/batches/" + batch + "\"");
        }
        assertThat(PagingTest.listRows(page("/batches/" + batch + "?q=" + q("yen binh")))).extracting(r -> r[2])
                .containsExactly("SB-11");
        // The batch id itself, in any case.
        assertThat(page("/batches?q=" + q(batch.toUpperCase()))).contains("/batches/" + batch + "\"");
    }

    /** Rows stored before the folded column existed (null) are filled by the migration's backfill, then found. */
    @Test
    void theBackfillFoldsRowsStoredBeforeTheColumnExisted() throws Exception {
        String check = nomineesCheck();
        UUID id = UUID.fromString(check);
        jdbc.update("update nominee_outcome set search_text = null where list_id in (select id from list_result "
                + "where check_id = ?)", id);
        jdbc.update("update list_result set search_text = null where check_id = ?", id);
        assertThat(foundNominees(check, "hung")).isEmpty();
        Long filled = jdbc.execute((ConnectionCallback<Long>) SearchText::backfill);
        assertThat(filled).isGreaterThanOrEqualTo(14);
        assertThat(foundNominees(check, "Hùng")).hasSize(10);
        assertThat(jdbc.queryForObject("select search_text from list_result where check_id = ?", String.class, id))
                .isEqualTo("sa-1\u001fdang bo tinh thu nghiem");
    }

    @Test
    void theSearchFormDropsDiacriticsCaseAndExtraSpaces() {
        assertThat(Columns.fold("  Nguyễn\u00A0 Văn   HÙNG ")).isEqualTo("nguyen van hung");
        assertThat(Columns.fold("ĐẶNG Đức")).isEqualTo("dang duc");
        // Decomposed input (combining marks typed apart) folds the same.
        assertThat(Columns.fold("Hu\u0300ng")).isEqualTo("hung");
        // The header form is unchanged: no spaces, _ or -.
        assertThat(Columns.normalise("Mã nhân_sự-1")).isEqualTo("manhansu1");
        assertThat(SearchText.pattern("50%_x\\")).isEqualTo("%50\\%\\_x\\\\%");
        assertThat(SearchText.pattern(" \u0300 ")).isNull();
    }
}
