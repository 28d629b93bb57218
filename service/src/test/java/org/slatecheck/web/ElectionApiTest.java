package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.slatecheck.election.ElectCommandTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Elections through the API: the decision of an upload is the command line's JSON; a stored election of a stored
 * check's list takes the tally twice by two members, refuses to decide while they differ (the mismatch named), is
 * decided and then confirmed by another member (four eyes), after which nothing changes — refused by the API and by
 * the database; another province's election is a 404; every step is in the audit log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ElectionApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path SAMPLES = Path.of("..", "data", "samples");

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    JdbcTemplate jdbc;

    TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, user);
    }

    static HttpEntity<MultiValueMap<String, Object>> form(Object... parts) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < parts.length; i += 2) {
            form.add((String) parts[i], parts[i + 1]);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(form, headers);
    }

    static byte[] tally() throws Exception {
        return Files.readAllBytes(ElectCommandTest.TALLY);
    }

    @Test
    void theApiDecidesAsTheCommandLineDoes() throws Exception {
        ResponseEntity<String> r = as("subcommittee").postForEntity("/api/elections/decide?congress=TINH-NB-2025&lang=en",
                form("congresses", CheckApiTest.file("congresses.csv", Files.readAllBytes(SAMPLES.resolve(
                        "congresses.csv"))), "candidates", CheckApiTest.file("nominees.csv", Files.readAllBytes(
                        SAMPLES.resolve("nominees.csv"))), "tally", CheckApiTest.file("tally.csv", tally())),
                String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        var cli = ElectCommandTest.run(ElectCommandTest.args(ElectCommandTest.TALLY, "--format", "json", "--lang",
                "en"));
        assertThat(JSON.readTree(r.getBody())).isEqualTo(JSON.readTree(cli.out()));
        assertThat(JSON.readTree(r.getBody()).get("status").asText()).isEqualTo("TIE");
    }

    String storedCheck(String user) throws Exception {
        ResponseEntity<String> r = as(user).postForEntity("/api/checks", CheckApiTest.sample(), String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return JSON.readTree(r.getBody()).get("checkId").asText();
    }

    String election(String user, String check) throws Exception {
        ResponseEntity<String> r = as(user).postForEntity("/api/elections?check=" + check
                + "&congress=TINH-NB-2025&body=COMMITTEE&round=1", form(), String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
        return JSON.readTree(r.getBody()).get("id").asText();
    }

    ResponseEntity<String> enter(String user, String id, byte[] tally) {
        return as(user).postForEntity("/api/elections/" + id + "/tally", form("tally",
                CheckApiTest.file("tally.csv", tally)), String.class);
    }

    @Test
    void aDoubleEntryWithOneMismatchIsCaughtBeforeDeciding() throws Exception {
        String id = election("board", storedCheck("board"));
        assertThat(enter("board", id, tally()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // the same member cannot make the second entry
        assertThat(enter("board", id, tally()).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        byte[] typo = new String(tally(), StandardCharsets.UTF_8).replace("T05,315", "T05,351")
                .getBytes(StandardCharsets.UTF_8);
        ResponseEntity<String> second = enter("board2", id, typo);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(JSON.readTree(second.getBody()).get("mismatches").toString())
                .isEqualTo("[{\"item\":\"T05\",\"first\":\"315\",\"second\":\"351\"}]");
        ResponseEntity<String> decide = as("board").postForEntity("/api/elections/" + id + "/decide", null,
                String.class);
        assertThat(decide.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(decide.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(decide.getBody()).contains("Hai lần nhập khác nhau ở 1 mục", "\"item\":\"T05\"")
                .doesNotContain("Exception");
        assertThat(jdbc.queryForObject("select count(*) from election_decision where election_id = cast(? as uuid)",
                Integer.class, id)).isZero();
    }

    @Test
    void twoEntriesThatAgreeAreDecidedAndConfirmedByAnotherMemberThenNothingChanges() throws Exception {
        String id = election("board", storedCheck("board"));
        enter("board", id, tally());
        enter("board2", id, tally());
        ResponseEntity<String> decided = as("board").postForEntity("/api/elections/" + id + "/decide", null,
                String.class);
        assertThat(decided.getStatusCode()).as(decided.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode result = JSON.readTree(decided.getBody());
        assertThat(result.get("status").asText()).isEqualTo("TIE");
        assertThat(result.get("tied")).hasSize(3);

        // four eyes: neither who entered nor who decided confirms
        assertThat(as("board2").postForEntity("/api/elections/" + id + "/confirm", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<String> confirmed = as("approver").postForEntity("/api/elections/" + id + "/confirm", null,
                String.class);
        assertThat(confirmed.getStatusCode()).as(confirmed.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode view = JSON.readTree(confirmed.getBody());
        assertThat(view.get("confirmed").asBoolean()).isTrue();
        assertThat(view.get("decision").get("result")).isEqualTo(result);

        assertThat(as("board").postForEntity("/api/elections/" + id + "/decide", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThatThrownBy(() -> jdbc.update("delete from election_decision where election_id = cast(? as uuid)", id))
                .hasMessageContaining("a confirmed election cannot be changed");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where subject = ? and action like 'ELECTION_%'",
                Integer.class, "election " + id)).isEqualTo(5);
    }

    @Test
    void anotherProvincesElectionIsA404() throws Exception {
        String id = election("prov-a", storedCheck("prov-a"));
        assertThat(as("prov-b").getForEntity("/api/elections/" + id, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("prov-a").getForEntity("/api/elections/" + id, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(enter("prov-b", id, tally()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // nor can another province start an election from the province's check
        String check = storedCheck("prov-a");
        assertThat(as("prov-b").postForEntity("/api/elections?check=" + check + "&congress=TINH-NB-2025", form(),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
