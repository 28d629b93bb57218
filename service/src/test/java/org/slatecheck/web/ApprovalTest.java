package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slatecheck.governance.RuleSetVersions;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Four eyes on what was actually seen: an approval names the checksum of the content the approver reviewed (409 when
 * it is missing or stale, nothing changes); edits and the approval lock the version row and decide on what it holds
 * once locked, so no edit lands after an approval and an approval never covers content it did not see.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApprovalTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CASES = "org/slatecheck/rules/HLT/HLT-001/HLT-001.cases.yaml";
    static final ExecutorService POOL = Executors.newFixedThreadPool(2);

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuleSetVersions ruleSetVersions;
    @Autowired
    PlatformTransactionManager transactions;

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, user);
    }

    long activeVersionId() throws Exception {
        for (JsonNode v : JSON.readTree(as("board").getForObject("/api/rulesets", String.class))) {
            if (v.get("term").asText().equals("2025-2030") && v.get("status").asText().equals("ACTIVE")) {
                return v.get("id").asLong();
            }
        }
        throw new AssertionError("no active 2025-2030 version");
    }

    long draft() throws Exception {
        return JSON.readTree(as("board").postForEntity("/api/rulesets/" + activeVersionId() + "/drafts", null,
                String.class).getBody()).get("version").get("id").asLong();
    }

    String checksum(long id) {
        return ruleSetVersions.get(id).orElseThrow().checksum();
    }

    String status(long id) {
        return ruleSetVersions.get(id).orElseThrow().status();
    }

    /** Every stored file of a version: path, kind and content. */
    List<String> files(long id) {
        return jdbc.query("select path, kind, content from rule_set_file where version_id = ? order by path",
                (rs, i) -> rs.getString(1) + "\0" + rs.getString(2) + "\0" + rs.getString(3), id);
    }

    /**
     * An impact analysis with every case passing for the draft's current content, recorded directly: the analysis
     * itself is tested in GovernanceTest; here only what approval does with it matters, many times over.
     */
    void analysed(long id) {
        jdbc.update("insert into impact_report (version_id, version_checksum, created_by, created_at, cases_passed, "
                + "cases_failed, report) values (?, ?, 'test', now(), 1, 0, ?::jsonb)", id, checksum(id),
                "{\"nominees\": [], \"lists\": [], \"casesFailedNames\": [], \"totals\": {\"checks\": 0, "
                        + "\"lists\": 0, \"nominees\": 0, \"nomineesChanged\": 0, \"listsChanged\": 0, "
                        + "\"casesPassed\": 1, \"casesFailed\": 0}}");
    }

    ResponseEntity<String> approve(long id, String query, Object body) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        HttpEntity<String> entity = null;
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
            entity = new HttpEntity<>(JSON.writeValueAsString(body), headers);
        }
        return as("approver").postForEntity("/api/rulesets/" + id + "/approve" + query, entity, String.class);
    }

    ResponseEntity<String> editCases(long id, String comment) throws Exception {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        String content = "# " + comment + "\n" + GovernanceTest.resource(CASES);
        return as("board").exchange("/api/rulesets/" + id + "/files?lang=en", HttpMethod.PUT, new HttpEntity<>(
                JSON.writeValueAsString(Map.of("path", CASES, "content", content)), json), String.class);
    }

    ResponseEntity<String> editParameters(long id, String source) throws Exception {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        return as("board").exchange("/api/rulesets/" + id + "/parameters?lang=en", HttpMethod.PUT,
                new HttpEntity<>(JSON.writeValueAsString(Map.of("structure.women_min_percent",
                        Map.of("source", source))), json), String.class);
    }

    @Test
    void anApprovalWithoutOrWithAStaleChecksumIsAConflictAndTheRightOneApproves() throws Exception {
        long draft = draft();
        String seen = checksum(draft);
        analysed(draft);
        List<String> before = files(draft);

        ResponseEntity<String> missing = approve(draft, "?lang=en", null);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(missing.getBody()).contains("governance.checksum_missing",
                "An approval must name the checksum of the content that was reviewed");
        assertThat(status(draft)).isEqualTo("DRAFT");

        // The board changes the draft after the approver looked at it: the checksum the approver saw is stale.
        assertThat(editCases(draft, "changed after review").getStatusCode()).isEqualTo(HttpStatus.OK);
        analysed(draft);
        ResponseEntity<String> stale = approve(draft, "?lang=en&checksum=" + seen, null);
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getBody()).contains("governance.checksum_changed", "changed after it was reviewed",
                seen.substring(0, 16));
        ResponseEntity<String> staleVi = approve(draft, "", Map.of("checksum", seen));
        assertThat(staleVi.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(staleVi.getBody()).contains("Nội dung bản nháp đã thay đổi sau khi được xem");
        assertThat(status(draft)).isEqualTo("DRAFT");
        assertThat(files(draft)).isNotEqualTo(before);

        // The current checksum, in a JSON body: approved, and the approval names it.
        String current = checksum(draft);
        List<String> reviewed = files(draft);
        ResponseEntity<String> ok = approve(draft, "", Map.of("checksum", current));
        assertThat(ok.getStatusCode()).as(ok.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(status(draft)).isEqualTo("APPROVED");
        assertThat(files(draft)).isEqualTo(reviewed);
        assertThat(jdbc.queryForObject("select after_checksum from audit_log where action = 'RULESET_APPROVED' and "
                + "subject = ? order by id desc limit 1", String.class, ruleSetVersions.get(draft).orElseThrow().version()))
                .isEqualTo(current);

        // Nothing lands after the approval: every edit is refused and the content stays as approved.
        ResponseEntity<String> late = editCases(draft, "after approval");
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(late.getBody()).contains("governance.not_draft");
        assertThat(editParameters(draft, "Chỉ thị 45-CT/TW (sau khi duyệt)").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(files(draft)).isEqualTo(reviewed);
        assertThat(checksum(draft)).isEqualTo(current).isEqualTo(ruleSetVersions.storedChecksum(draft));
    }

    @Test
    void theApproveFormSendsTheChecksumThePageShowedAndAnEditInBetweenIsAConflict() throws Exception {
        long draft = draft();
        analysed(draft);
        WebSession approver = new WebSession(port, "approver");
        String page = "/rulesets/" + draft;
        String shown = approver.get(page);
        String field = WebSession.hidden(shown, "checksum");
        assertThat(field).isEqualTo(checksum(draft));
        // The board edits while the approver reads the page; the approver then presses Approve on the old page.
        assertThat(editCases(draft, "edited while the approver was reading").getStatusCode()).isEqualTo(HttpStatus.OK);
        analysed(draft);
        String refused = approver.post(page + "/approve", Map.of("checksum", field), page);
        assertThat(refused).contains("Nội dung bản nháp đã thay đổi sau khi được xem");
        assertThat(status(draft)).isEqualTo("DRAFT");
        assertThat(approver.approve(draft)).contains("Đã duyệt");
        assertThat(status(draft)).isEqualTo("APPROVED");
    }

    /**
     * The race itself: an edit and an approval of the content before the edit, started together, many times. Exactly
     * one of them wins; when the approval wins, the stored content is byte for byte the content whose checksum was
     * approved, and the edit was refused.
     */
    @Test
    void anEditRacingAnApprovalNeverLandsInApprovedContent() throws Exception {
        int approvals = 0;
        int edits = 0;
        for (int i = 0; i < 24; i++) {
            long draft = draft();
            String seen = checksum(draft);
            List<String> reviewed = files(draft);
            analysed(draft);
            CyclicBarrier start = new CyclicBarrier(2);
            String mark = "race " + i;
            boolean parameters = i % 2 == 1;
            Future<ResponseEntity<String>> approval = POOL.submit(() -> {
                start.await();
                return approve(draft, "?checksum=" + seen, null);
            });
            Future<ResponseEntity<String>> edit = POOL.submit(() -> {
                start.await();
                return parameters ? editParameters(draft, "Chỉ thị 45-CT/TW (" + mark + ")") : editCases(draft, mark);
            });
            ResponseEntity<String> a = approval.get();
            ResponseEntity<String> e = edit.get();
            boolean approved = a.getStatusCode() == HttpStatus.OK;
            boolean edited = e.getStatusCode() == HttpStatus.OK;
            assertThat(approved).as("exactly one wins: %s / %s", a.getBody(), e.getBody()).isNotEqualTo(edited);
            if (approved) {
                approvals++;
                assertThat(status(draft)).isEqualTo("APPROVED");
                assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(e.getBody()).contains("governance.not_draft");
                assertThat(files(draft)).isEqualTo(reviewed);
                assertThat(checksum(draft)).isEqualTo(seen);
                assertThat(ruleSetVersions.storedChecksum(draft)).isEqualTo(seen);
            } else {
                edits++;
                assertThat(a.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
                assertThat(status(draft)).isEqualTo("DRAFT");
                assertThat(checksum(draft)).isNotEqualTo(seen).isEqualTo(ruleSetVersions.storedChecksum(draft));
            }
        }
        assertThat(approvals + edits).isEqualTo(24);
        System.out.println("approval/edit race: " + approvals + " approvals won, " + edits + " edits won");
    }

    /** Waits (without asserting any duration) until a statement is waiting for a lock: the one the test holds. */
    void awaitLockWaiter() throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Integer waiting = jdbc.queryForObject("select count(*) from pg_locks where not granted", Integer.class);
            if (waiting != null && waiting > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no statement ever waited for the version's lock");
    }

    @Test
    void anEditWaitingForTheLockChecksTheStatusAgainAndIsRefusedAfterAnApproval() throws Exception {
        long draft = draft();
        List<String> before = files(draft);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        Future<ResponseEntity<String>> edit = tx.execute(status -> {
            jdbc.queryForList("select id from rule_set_version where id = ? for update", draft);
            Future<ResponseEntity<String>> f = POOL.submit(() -> editParameters(draft, "Chỉ thị 45-CT/TW (chờ khóa)"));
            try {
                awaitLockWaiter();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            // While the edit waits: the draft is approved (as the approval would, holding the same lock).
            jdbc.update("update rule_set_version set status = 'APPROVED', approved_by = 'approver', "
                    + "approved_at = now() where id = ?", draft);
            return f;
        });
        ResponseEntity<String> r = edit.get();
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody()).contains("governance.not_draft");
        assertThat(files(draft)).isEqualTo(before);
    }

    @Test
    void anApprovalWaitingForTheLockSeesTheEditThatCommittedFirstAndIsAConflict() throws Exception {
        long draft = draft();
        String seen = checksum(draft);
        analysed(draft);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        Future<ResponseEntity<String>> approval = tx.execute(status -> {
            jdbc.queryForList("select id from rule_set_version where id = ? for update", draft);
            Future<ResponseEntity<String>> f = POOL.submit(() -> approve(draft, "?lang=en&checksum=" + seen, null));
            try {
                awaitLockWaiter();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            // While the approval waits: an edit commits (as an edit would, holding the same lock).
            jdbc.update("update rule_set_file set content = content || '\n# edited' where version_id = ? and path = ?",
                    draft, CASES);
            jdbc.update("update rule_set_version set checksum = ? where id = ?", ruleSetVersions.storedChecksum(draft), draft);
            return f;
        });
        ResponseEntity<String> r = approval.get();
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(r.getBody()).contains("governance.checksum_changed");
        assertThat(status(draft)).isEqualTo("DRAFT");
    }
}
