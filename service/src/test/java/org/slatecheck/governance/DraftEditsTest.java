package org.slatecheck.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17 items 5 and 7. A draft's content is compiled with no database connection and no row lock held (only the
 * short write after it locks the row, and refuses when the draft changed meanwhile); compiles are limited per user
 * and overall (429 in words, Retry-After), so one board member saving in a loop cannot starve everyone else; open
 * drafts are limited per term and user, and a draft can be deleted by its author (audited, gone from the lists).
 * {@code parameters.csv} changes only through the parameters form, never as a whole file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DraftEditsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TERM = "2025-2030";
    static final String CASES = "org/slatecheck/rules/HLT/HLT-001/HLT-001.cases.yaml";
    static final ExecutorService POOL = Executors.newCachedThreadPool();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuleSetDrafts ruleSetDrafts;
    @Autowired
    RuleSetVersions ruleSetVersions;
    @Autowired
    UserAccounts users;
    @Autowired
    DraftLimits limits;

    @AfterEach
    void noHook() {
        RuleSetDrafts.beforeCompile = s -> {
        };
    }

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    HttpResponse<String> send(String user, String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(120)).header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    long activeId() {
        return jdbc.queryForObject("select id from rule_set_version where term = ? and status = 'ACTIVE'", Long.class,
                TERM);
    }

    HttpResponse<String> createDraft(String user) throws Exception {
        return send(user, "POST", "/api/rulesets/" + activeId() + "/drafts", null);
    }

    long draft(String user) throws Exception {
        HttpResponse<String> r = createDraft(user);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("version").get("id").asLong();
    }

    HttpResponse<String> saveSource(String user, long id, String source, String lang) throws Exception {
        return send(user, "PUT", "/api/rulesets/" + id + "/parameters?lang=" + lang, JSON.writeValueAsString(
                Map.of("structure.women_min_percent", Map.of("source", source))));
    }

    String checksum(long id) {
        return jdbc.queryForObject("select checksum from rule_set_version where id = ?", String.class, id);
    }

    String status(long id) {
        return jdbc.queryForObject("select status from rule_set_version where id = ?", String.class, id);
    }

    List<String> files(long id) {
        return jdbc.query("select path || ':' || md5(content) from rule_set_file where version_id = ? order by path",
                (rs, i) -> rs.getString(1), id);
    }

    /** Holds every compile for {@code millis}, as a slow compile of a large rule set would take. */
    static void slowCompiles(long millis) {
        RuleSetDrafts.beforeCompile = s -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /**
     * Twelve saves of one draft at once by one board member, each compile taking 4 s, while another user keeps
     * reading the list of checks: the saves answer 200 or 429 (with Retry-After and words), never 503 or 500, and
     * every read answers 200 well within the pool's 3 s wait. Before, every save held a connection (and the row
     * lock) through its compile: eight saves took the whole pool and everyone else got 503.
     */
    @Test
    void twelveParallelSavesByOneBoardMemberLeaveTheServiceAnsweringOthers() throws Exception {
        long draft = draft("board");
        slowCompiles(4_000);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> saves = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String source = "Chỉ thị 45-CT/TW (lần " + i + ")";
            saves.add(POOL.submit(() -> {
                go.await();
                return saveSource("board", draft, source, "en");
            }));
        }
        AtomicBoolean done = new AtomicBoolean();
        ConcurrentLinkedQueue<String> reads = new ConcurrentLinkedQueue<>();
        Future<?> reader = POOL.submit(() -> {
            while (!done.get()) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = send("subcommittee", "GET", "/api/checks?lang=en", null);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                reads.add(r.statusCode() + " " + ms);
                Thread.sleep(150);
            }
            return null;
        });
        go.countDown();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> f : saves) {
            answers.add(f.get(180, TimeUnit.SECONDS));
        }
        done.set(true);
        reader.get(60, TimeUnit.SECONDS);

        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isIn(200, 429));
        assertThat(answers).filteredOn(r -> r.statusCode() == 200).isNotEmpty();
        List<HttpResponse<String>> busy = answers.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(busy).isNotEmpty().allSatisfy(r -> {
            assertThat(r.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v))
                    .isPositive());
            assertThat(r.body()).contains("governance.busy").contains("try again in").doesNotContain("Exception");
        });
        assertThat(reads).isNotEmpty().allSatisfy(r -> {
            String[] parts = r.split(" ");
            assertThat(parts[0]).as("a read while the board member saves: %s", r).isEqualTo("200");
            assertThat(Long.parseLong(parts[1])).as("a read while the board member saves: %s", r).isLessThan(3_000);
        });
        // In Vietnamese too.
        slowCompiles(3_000);
        Future<HttpResponse<String>> first = POOL.submit(() -> saveSource("board", draft, "Chỉ thị 45 (a)", "vi"));
        Thread.sleep(1_000);
        HttpResponse<String> second = saveSource("board", draft, "Chỉ thị 45 (b)", "vi");
        assertThat(first.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(429);
        assertThat(second.body()).contains("thử lại sau");
    }

    /**
     * While a save compiles (held here until released), nothing waits for it: the draft's row is not locked (an
     * approval of the same draft goes through at once) and the save then decides on what the row holds when it
     * writes — refused, because the draft was approved meanwhile; the approved content stays byte for byte.
     */
    @Test
    void aCompileHoldsNeitherTheRowLockNorAConnection() throws Exception {
        long draft = draft("board");
        String seen = checksum(draft);
        List<String> reviewed = files(draft);
        jdbc.update("insert into impact_report (version_id, version_checksum, created_by, created_at, cases_passed, "
                + "cases_failed, report) values (?, ?, 'test', now(), 1, 0, '{}'::jsonb)", draft, seen);
        CountDownLatch compiling = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RuleSetDrafts.beforeCompile = s -> {
            compiling.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Future<HttpResponse<String>> save = POOL.submit(() -> saveSource("board", draft, "Chỉ thị (khóa)", "en"));
        try {
            assertThat(compiling.await(60, TimeUnit.SECONDS)).isTrue();
            // The row can be locked by anyone else at once (nowait: an error if the save held it).
            assertThat(jdbc.queryForList("select id from rule_set_version where id = ? for update nowait", draft))
                    .hasSize(1);
            Future<HttpResponse<String>> approval = POOL.submit(() -> send("approver", "POST", "/api/rulesets/"
                    + draft + "/approve?lang=en&checksum=" + seen, null));
            HttpResponse<String> approved;
            try {
                approved = approval.get(10, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("the approval waited for the compile of an edit (row lock held)", e);
            }
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        } finally {
            release.countDown();
        }
        HttpResponse<String> r = save.get(60, TimeUnit.SECONDS);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("governance.not_draft");
        assertThat(status(draft)).isEqualTo("APPROVED");
        assertThat(files(draft)).isEqualTo(reviewed);
        assertThat(checksum(draft)).isEqualTo(seen).isEqualTo(ruleSetVersions.storedChecksum(draft));
    }

    /**
     * An edit whose draft changed while it compiled (here: another edit committed meanwhile, as a second server
     * would) is refused as a conflict in words — reload and edit again — and the other edit stays.
     */
    @Test
    void anEditOfADraftThatChangedWhileItCompiledIsAConflict() throws Exception {
        long draft = draft("board");
        RuleSetDrafts.beforeCompile = s -> {
            RuleSetDrafts.beforeCompile = x -> {
            };
            jdbc.update("update rule_set_file set content = content || '\n# meanwhile' where version_id = ? and path "
                    + "= ?", draft, CASES);
            jdbc.update("update rule_set_version set checksum = ? where id = ?", ruleSetVersions.storedChecksum(draft),
                    draft);
        };
        String meanwhile = ruleSetVersions.storedChecksum(draft);
        HttpResponse<String> r = saveSource("board", draft, "Chỉ thị (chậm)", "en");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
        assertThat(r.body()).contains("governance.draft_changed", "reload");
        assertThat(checksum(draft)).isNotEqualTo(meanwhile).isEqualTo(ruleSetVersions.storedChecksum(draft));
        assertThat(ruleSetVersions.source(draft).files().get(CASES)).endsWith("# meanwhile");
        assertThat(ruleSetDrafts.parameterRows(draft).get("structure.women_min_percent").get(2))
                .isNotEqualTo("Chỉ thị (chậm)");
        HttpResponse<String> vi = saveSource("board", draft, "Chỉ thị (lại)", "vi");
        assertThat(vi.statusCode()).as(vi.body()).isEqualTo(200);
    }

    /**
     * At most a few open drafts per term and user (3 here, as by default; the tests' configuration raises it for the
     * suite's many drafts): the next one is refused in words. The author deletes one — it is gone from the list
     * and the API, the audit log says so — and can create a new one. Only the author deletes, only a draft.
     */
    @Test
    void openDraftsAreLimitedAndTheAuthorDeletesOne() throws Exception {
        String user = "drafter" + System.currentTimeMillis() % 1_000_000_000L;
        users.create("admin", user, "Ủy viên thử nghiệm", "mot-mat-khau-dai-du", List.of("BOARD"), OrgUnits.ROOT);
        // The demo users' passwords equal their names; this one signs in with its own.
        try (AutoCloseable limit = limits.maxOpenDraftsForTests(3)) {
            List<Long> drafts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> r = sendAs(user, "POST", "/api/rulesets/" + activeId() + "/drafts");
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                drafts.add(JSON.readTree(r.body()).get("version").get("id").asLong());
            }
            HttpResponse<String> fourth = sendAs(user, "POST", "/api/rulesets/" + activeId() + "/drafts?lang=en");
            assertThat(fourth.statusCode()).as(fourth.body()).isEqualTo(400);
            assertThat(fourth.body()).contains("governance.too_many_drafts", "3 open drafts", TERM);
            HttpResponse<String> fourthVi = sendAs(user, "POST", "/api/rulesets/" + activeId() + "/drafts");
            assertThat(fourthVi.body()).contains("bản nháp đang mở");
            assertThat(jdbc.queryForObject("select count(*) from rule_set_version where author = ?", Integer.class,
                    user)).isEqualTo(3);

            long gone = drafts.get(1);
            String version = ruleSetVersions.get(gone).orElseThrow().version();
            // Another board member cannot delete it; nor can anyone delete a version that is not a draft.
            HttpResponse<String> other = send("board", "DELETE", "/api/rulesets/" + gone + "?lang=en", null);
            assertThat(other.statusCode()).as(other.body()).isEqualTo(403);
            assertThat(other.body()).contains("governance.delete_not_author");
            HttpResponse<String> activeOne = sendAs(user, "DELETE", "/api/rulesets/" + activeId() + "?lang=en");
            assertThat(activeOne.statusCode()).as(activeOne.body()).isEqualTo(400);
            assertThat(activeOne.body()).contains("governance.not_draft");

            HttpResponse<String> deleted = sendAs(user, "DELETE", "/api/rulesets/" + gone);
            assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
            assertThat(sendAs(user, "GET", "/api/rulesets/" + gone).statusCode()).isEqualTo(404);
            assertThat(sendAs(user, "DELETE", "/api/rulesets/" + gone).statusCode()).isEqualTo(404);
            JsonNode list = JSON.readTree(sendAs(user, "GET", "/api/rulesets").body());
            List<Long> ids = new ArrayList<>();
            list.forEach(v -> ids.add(v.get("id").asLong()));
            assertThat(ids).contains(drafts.get(0), drafts.get(2)).doesNotContain(gone);
            assertThat(jdbc.queryForObject("select count(*) from rule_set_file where version_id = ?", Integer.class,
                    gone)).isZero();
            assertThat(jdbc.queryForList("select actor, before_checksum from audit_log where action = 'DRAFT_DELETED' "
                    + "and subject = ?", version)).singleElement()
                    .satisfies(row -> assertThat(row.get("actor")).isEqualTo(user));
            // Its version number is not given out again: the audit rows about it stay unambiguous.
            HttpResponse<String> again = sendAs(user, "POST", "/api/rulesets/" + activeId() + "/drafts");
            assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
            assertThat(JSON.readTree(again.body()).get("version").get("version").asText()).isNotEqualTo(version);
            // Nothing can be done with a deleted draft any more.
            assertThat(send("board", "POST", "/api/rulesets/" + gone + "/drafts", null).statusCode()).isEqualTo(404);
            assertThat(sendAs(user, "PUT", "/api/rulesets/" + gone + "/files", "{\"path\": \"switches.csv\", "
                    + "\"content\": \"\"}").statusCode()).isEqualTo(404);
        }
    }

    HttpResponse<String> sendAs(String user, String method, String path) throws Exception {
        return sendAs(user, method, path, null);
    }

    HttpResponse<String> sendAs(String user, String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":mot-mat-khau-dai-du").getBytes(StandardCharsets.UTF_8)));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * The parameter files as whole files through the files API are refused in words naming the parameters form, even
     * when they read and compile: the declarations ({@code parameters.csv}, here a declaration's bounds widened) come
     * only with a release, the values ({@code values.csv}, here a value beyond the old bounds) change only through
     * the form;
     * the draft stays as it was, and the other data files are still replaced as before.
     */
    @Test
    void parametersCsvIsNotReplacedAsAFile() throws Exception {
        long draft = draft("board");
        String before = checksum(draft);
        String csv = ruleSetVersions.source(draft).declarations();
        String values = ruleSetVersions.source(draft).values();
        // The period after a discipline decision: its bounds widened (0–240 → 0–600) and a value beyond the old ones.
        String edited = csv.replaceFirst("(?m)^discipline\\.period_months,integer,0,240,",
                "discipline.period_months,integer,0,600,");
        String editedValues = values.replaceFirst("(?m)^discipline\\.period_months,,12,", "discipline.period_months,,300,");
        assertThat(edited).isNotEqualTo(csv);
        assertThat(editedValues).isNotEqualTo(values);
        for (String lang : List.of("en", "vi")) {
            for (Map<String, String> file : List.of(Map.of("path", "parameters.csv", "content", edited),
                    Map.of("path", "values.csv", "content", editedValues))) {
                HttpResponse<String> r = send("board", "PUT", "/api/rulesets/" + draft + "/files?lang=" + lang,
                        JSON.writeValueAsString(file));
                assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
                assertThat(r.body()).contains("governance.parameters_by_form")
                        .contains(lang.equals("en") ? "parameters form" : "bảng tham số");
            }
        }
        HttpResponse<String> removed = send("board", "PUT", "/api/rulesets/" + draft + "/files?lang=en",
                "{\"path\": \"parameters.csv\", \"remove\": true}");
        assertThat(removed.statusCode()).isEqualTo(400);
        assertThat(checksum(draft)).isEqualTo(before);
        assertThat(ruleSetVersions.source(draft).declarations()).isEqualTo(csv);
        assertThat(ruleSetVersions.source(draft).values()).isEqualTo(values);
        // Switches still go through the files API.
        String switches = ruleSetVersions.source(draft).switches() + "\n";
        HttpResponse<String> ok = send("board", "PUT", "/api/rulesets/" + draft + "/files?lang=en",
                JSON.writeValueAsString(Map.of("path", "switches.csv", "content", switches)));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    }

    /**
     * A board sets a parameter's value with the date from which it is in force and its source document (an id of
     * the registry) and a note: the term's values file gets a dated row naming the document, the value before that
     * date stays, and the API shows the document. A document the registry does not hold is refused in words and
     * nothing changes; so is a value with neither a document nor a note.
     */
    @Test
    void aValueIsSetWithItsDateAndItsSourceDocument() throws Exception {
        long draft = draft("board");
        String before = checksum(draft);
        HttpResponse<String> unknown = send("board", "PUT", "/api/rulesets/" + draft + "/parameters?lang=vi",
                JSON.writeValueAsString(Map.of("discipline.period_months", Map.of("value", "24", "from",
                        "2026-07-01", "document", "QD-999-2026", "note", "thử nghiệm"))));
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.body()).contains("QD-999-2026", "danh mục văn bản");
        HttpResponse<String> none = send("board", "PUT", "/api/rulesets/" + draft + "/parameters?lang=en",
                JSON.writeValueAsString(Map.of("discipline.period_months", Map.of("value", "24", "from",
                        "2026-07-01", "document", "", "note", " "))));
        assertThat(none.statusCode()).as(none.body()).isEqualTo(400);
        assertThat(checksum(draft)).isEqualTo(before);

        HttpResponse<String> saved = send("board", "PUT", "/api/rulesets/" + draft + "/parameters?lang=en",
                JSON.writeValueAsString(Map.of("discipline.period_months", Map.of("value", "24", "from",
                        "2026-07-01", "document", "QD-264-2025", "note", "thử nghiệm"))));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(ruleSetVersions.source(draft).values()).contains(
                "discipline.period_months,,12,QD-69-2022,2,5,",
                "discipline.period_months,2026-07-01,24,QD-264-2025,,,thử nghiệm");
        org.slatecheck.rules.params.RuleSetParameters p = ruleSetVersions.source(draft).parameterSet();
        assertThat(p.at(java.time.LocalDate.of(2026, 6, 30)).integer("discipline.period_months")).isEqualTo(12);
        assertThat(p.at(java.time.LocalDate.of(2026, 7, 1)).integer("discipline.period_months")).isEqualTo(24);
        JsonNode shown = JSON.readTree(saved.body()).get("parameters").get("discipline.period_months");
        assertThat(shown.get("document").asText()).isEqualTo("QD-264-2025");
        assertThat(shown.get("from").asText()).isEqualTo("2026-07-01");
        assertThat(shown.get("note").asText()).isEqualTo("thử nghiệm");
        assertThat(send("board", "DELETE", "/api/rulesets/" + draft, null).statusCode()).isLessThan(300);
    }
}
