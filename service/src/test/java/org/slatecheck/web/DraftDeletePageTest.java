package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.slatecheck.governance.RuleSetVersions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17 items 5 and 7 on the pages: a draft's author deletes it with the button under a confirmation box (the
 * pages run no script), the list no longer shows it and its page answers 404; nobody else sees the button. The page
 * refuses the parameter file as a whole file in words naming the parameters table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DraftDeletePageTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuleSetVersions ruleSetVersions;

    long draft() throws Exception {
        long active = jdbc.queryForObject("select id from rule_set_version where term = '2025-2030' and status = "
                + "'ACTIVE'", Long.class);
        return JSON.readTree(anonymous.withBasicAuth("board", "board").postForEntity("/api/rulesets/" + active
                + "/drafts", null, String.class).getBody()).get("version").get("id").asLong();
    }

    int status(WebSession session, String path) throws Exception {
        return session.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build())
                .statusCode();
    }

    @Test
    void theAuthorDeletesADraftAfterConfirmingAndItIsGone() throws Exception {
        long draft = draft();
        String version = ruleSetVersions.get(draft).orElseThrow().version();
        String page = "/rulesets/" + draft;
        WebSession board = new WebSession(port, "board");
        String shown = board.get(page);
        assertThat(shown).contains("id=\"delete-draft\"", "Xóa bản nháp này", "Đồng ý xóa bản nháp này")
                .containsPattern("name=\"confirm\" value=\"yes\" id=\"delete-confirm\" required");
        assertThat(new WebSession(port, "board2").get(page)).doesNotContain("id=\"delete-draft\"");
        assertThat(new WebSession(port, "approver").get(page)).doesNotContain("id=\"delete-draft\"");

        // Without the box ticked: nothing is deleted, the page says why.
        String unconfirmed = board.post(page + "/delete", Map.of(), page);
        assertThat(unconfirmed).contains("Hãy đánh dấu ô xác nhận xóa bản nháp");
        assertThat(ruleSetVersions.get(draft)).isPresent();
        // Another board member cannot delete it, box ticked or not.
        String other = new WebSession(port, "board2").post(page + "/delete", Map.of("confirm", "yes"), page);
        assertThat(other).contains("Chỉ người soạn bản nháp mới được xóa nó");
        assertThat(ruleSetVersions.get(draft)).isPresent();

        String list = board.post(page + "/delete", Map.of("confirm", "yes"), page);
        assertThat(board.lastLocation).endsWith("/rulesets");
        assertThat(list).contains("Đã xóa bản nháp " + version).doesNotContain("id=\"version-" + version + "\"");
        assertThat(status(board, page)).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'DRAFT_DELETED' and subject = ?",
                Integer.class, version)).isEqualTo(1);
        // The audit page names the action in words.
        assertThat(new WebSession(port, "approver").get("/audit?action=DRAFT_DELETED")).contains("Xóa bản nháp",
                version);
    }

    @Test
    void thePageRefusesTheParameterFileAsAFile() throws Exception {
        long draft = draft();
        String page = "/rulesets/" + draft;
        String before = ruleSetVersions.get(draft).orElseThrow().checksum();
        String csv = ruleSetVersions.source(draft).declarations();
        String edited = csv.replace(",tháng,central,congress,Thời hạn không bố trí sau kỷ luật,",
                ",tháng,board,congress,Thời hạn không bố trí sau kỷ luật,");
        assertThat(edited).isNotEqualTo(csv);
        String shown = new WebSession(port, "board").post(page + "/data", Map.of("path", "parameters.csv",
                "content", edited), page);
        assertThat(shown).contains("Không thay được cả tệp tham số", "bảng tham số");
        assertThat(ruleSetVersions.get(draft).orElseThrow().checksum()).isEqualTo(before);
        JsonNode p = JSON.readTree(anonymous.withBasicAuth("board", "board").getForObject("/api/rulesets/" + draft,
                String.class)).get("parameters").get("discipline.period_months");
        assertThat(p.get("boardParameter").asBoolean()).isFalse();
    }
}
