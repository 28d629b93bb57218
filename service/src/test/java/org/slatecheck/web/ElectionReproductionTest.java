package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A confirmed election is reproducible, like a check (issue 21): decided again from what is stored (the list's
 * files, the tally, the rule set version it recorded), it gives the identical result; when the stored result was
 * changed behind SlateCheck's back (here a test-only SQL update past the immutability trigger) the differences are
 * reported in words, in Vietnamese and English, without code words; an unconfirmed election is not reproduced; every
 * reproduction is in the audit log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ElectionReproductionTest {
    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    JdbcTemplate jdbc;

    TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, user);
    }

    /** An election of the sample's provincial list, entered twice, decided by board, confirmed by approver. */
    String confirmedElection() throws Exception {
        String id = decidedElection();
        ResponseEntity<String> confirmed = as("approver").postForEntity("/api/elections/" + id + "/confirm", null,
                String.class);
        assertThat(confirmed.getStatusCode()).as(confirmed.getBody()).isEqualTo(HttpStatus.OK);
        return id;
    }

    String decidedElection() throws Exception {
        ResponseEntity<String> check = as("board").postForEntity("/api/checks", CheckApiTest.sample(), String.class);
        assertThat(check.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> created = as("board").postForEntity("/api/elections?check="
                + ElectionApiTest.JSON.readTree(check.getBody()).get("checkId").asText()
                + "&congress=TINH-NB-2025&body=COMMITTEE&round=1", ElectionApiTest.form(), String.class);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        String id = ElectionApiTest.JSON.readTree(created.getBody()).get("id").asText();
        for (String user : new String[] {"board", "board2"}) {
            assertThat(as(user).postForEntity("/api/elections/" + id + "/tally", ElectionApiTest.form("tally",
                    CheckApiTest.file("tally.csv", ElectionApiTest.tally())), String.class).getStatusCode())
                    .isEqualTo(HttpStatus.CREATED);
        }
        ResponseEntity<String> decided = as("board").postForEntity("/api/elections/" + id + "/decide", null,
                String.class);
        assertThat(decided.getStatusCode()).as(decided.getBody()).isEqualTo(HttpStatus.OK);
        return id;
    }

    JsonNode reproduce(String id, String lang) throws Exception {
        ResponseEntity<String> r = as("approver").postForEntity("/api/elections/" + id + "/reproduction?lang=" + lang,
                null, String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return ElectionApiTest.JSON.readTree(r.getBody());
    }

    int reproductionsAudited(String id) {
        return jdbc.queryForObject("select count(*) from audit_log where subject = ? and action = "
                + "'ELECTION_REPRODUCE'", Integer.class, "election " + id);
    }

    @Test
    void aConfirmedElectionDecidedAgainIsIdentical() throws Exception {
        String id = confirmedElection();
        String version = jdbc.queryForObject("select rule_set_version from election_decision where election_id = "
                + "cast(? as uuid)", String.class, id);
        assertThat(version).as("the decision records its rule set version").isNotBlank();

        JsonNode vi = reproduce(id, "vi");
        assertThat(vi.get("identical").asBoolean()).as(vi.toString()).isTrue();
        assertThat(vi.get("differences")).isEmpty();
        assertThat(vi.get("summary").asText()).isEqualTo(
                "Tính lại từ số liệu đã lưu cho kết quả giống hệt kết quả đã xác nhận.");
        assertThat(vi.get("notes").toString()).contains("phiên bản " + version);
        assertThat(vi.get("ruleSetVersion").asText()).isEqualTo(version);
        assertThat(vi.get("result").get("status").asText()).isEqualTo("TIE");
        JsonNode en = reproduce(id, "en");
        assertThat(en.get("identical").asBoolean()).isTrue();
        assertThat(en.get("summary").asText()).isEqualTo(
                "Deciding again from what is stored gives exactly the confirmed result.");
        assertThat(reproductionsAudited(id)).isEqualTo(2);
    }

    @Test
    void aStoredResultChangedInTheDatabaseIsReportedInWords() throws Exception {
        String id = confirmedElection();
        String name = jdbc.queryForObject("select result_vi::jsonb #>> '{candidates,0,name}' from election_decision "
                + "where election_id = cast(? as uuid)", String.class, id);
        int votes = jdbc.queryForObject("select (result_vi::jsonb #>> '{candidates,0,votes}')::int from "
                + "election_decision where election_id = cast(? as uuid)", Integer.class, id);
        // Test only: past the trigger that keeps a confirmed election immutable, as someone with database access could.
        jdbc.execute("alter table election_decision disable trigger election_decision_confirmed");
        try {
            jdbc.update("update election_decision set result_vi = jsonb_set(jsonb_set(jsonb_set(result_vi::jsonb, "
                    + "'{candidates,0,votes}', '999'), '{status}', '\"DECIDED\"'), '{statusLabel}', "
                    + "'\"Đã xác định đủ người trúng cử\"')::text where election_id = cast(? as uuid)", id);
        } finally {
            jdbc.execute("alter table election_decision enable trigger election_decision_confirmed");
        }

        JsonNode vi = reproduce(id, "vi");
        assertThat(vi.get("identical").asBoolean()).isFalse();
        assertThat(vi.get("summary").asText()).isEqualTo(
                "Tính lại từ số liệu đã lưu cho kết quả khác với kết quả đã lưu ở 2 điểm:");
        assertThat(vi.get("differences")).extracting(JsonNode::asText).containsExactly(
                "Kết quả chung: đã lưu Đã xác định đủ người trúng cử, tính lại Bằng phiếu ở chỗ cuối cùng: đại hội "
                        + "quyết định.",
                "Số phiếu của " + name + ": đã lưu 999, tính lại " + votes + ".");
        assertThat(vi.get("differences").toString()).doesNotContain("DECIDED", "TIE", "status", "votes");
        assertThat(LanguageScanTest.notVietnamese(vi.get("summary").asText() + " " + vi.get("differences") + " "
                + vi.get("notes"))).isEmpty();

        // In English the Vietnamese text is what differs (the English one was not touched).
        JsonNode en = reproduce(id, "en");
        assertThat(en.get("identical").asBoolean()).isFalse();
        assertThat(en.get("differences")).extracting(JsonNode::asText).containsExactly(
                "The Vietnamese text of the stored result differs from the one decided again.");
        assertThat(LanguageScanTest.notEnglish(en.get("summary").asText() + " " + en.get("differences") + " "
                + en.get("notes"))).isEmpty();
        assertThat(reproductionsAudited(id)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select detail from audit_log where subject = ? and action = "
                + "'ELECTION_REPRODUCE' order by id limit 1", String.class, "election " + id)).isEqualTo("differs 2");
    }

    @Test
    void aDecisionStoredWithoutItsVersionIsReproducedWithTheActiveOneAndSaysSo() throws Exception {
        String id = confirmedElection();
        // as a decision stored before decisions recorded their version (test only: past the immutability trigger)
        jdbc.execute("alter table election_decision disable trigger election_decision_confirmed");
        try {
            jdbc.update("update election_decision set rule_set_version = null, rule_set_checksum = null, "
                    + "election_rules_checksum = null where election_id = cast(? as uuid)", id);
        } finally {
            jdbc.execute("alter table election_decision enable trigger election_decision_confirmed");
        }
        JsonNode vi = reproduce(id, "vi");
        assertThat(vi.get("identical").asBoolean()).isTrue();
        assertThat(vi.get("notes")).extracting(JsonNode::asText).containsExactly("Khi xác định kết quả chưa ghi phiên "
                + "bản bộ quy tắc: đã tính lại với phiên bản đang áp dụng " + vi.get("ruleSetVersion").asText() + ".");
    }

    @Test
    void anElectionNotYetConfirmedIsNotReproduced() throws Exception {
        String id = decidedElection();
        ResponseEntity<String> r = as("approver").postForEntity("/api/elections/" + id + "/reproduction", null,
                String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(r.getBody()).contains("Chỉ tái lập được kết quả đã được trưởng ban kiểm phiếu xác nhận.")
                .doesNotContain("Exception");
        assertThat(reproductionsAudited(id)).isZero();
    }

    @Test
    void anotherProvinceCannotReproduce() throws Exception {
        String id = confirmedElection();
        assertThat(as("prov-b").postForEntity("/api/elections/" + id + "/reproduction", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(reproductionsAudited(id)).isZero();
    }
}
