package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slatecheck.batch.BatchRunner;
import org.slatecheck.cli.GenerateCommand;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.MultiValueMap;

/**
 * Issue 11: the database stopping. The application runs on an embedded PostgreSQL of this test's own (its data folder
 * under target/, its own port; the other tests' database is not touched), which the test stops and starts again:
 * while it is stopped, a check and a sign-in are answered 503 (not 401) within seconds, with a vi/en message, and
 * nothing of the check is stored; a connection that dies in the middle of storing a check leaves nothing either;
 * after the restart the same requests work without restarting the application; a batch cut by the restart resumes
 * with the same id to exactly the result of an uninterrupted run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatabaseFaultTest {
    static final Path WORK = Path.of("target/database-fault").toAbsolutePath();
    static final Path DATA = WORK.resolve("db");
    /** A generous bound for "within seconds" (the pool waits 3 s for a connection); not a measurement. */
    static final long SECONDS_BOUND = 15;
    static final ObjectMapper JSON = new ObjectMapper();

    static int port;
    static EmbeddedPostgres pg;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        if (pg == null) {
            if (Files.exists(WORK)) {
                try (var walk = Files.walk(WORK)) {
                    walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            }
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            startDatabase();
        }
        registry.add("slatecheck.db-url", () -> "jdbc:postgresql://localhost:" + port + "/postgres");
        registry.add("slatecheck.db-user", () -> "postgres");
        registry.add("slatecheck.db-password", () -> "postgres");
    }

    /** Starts the postmaster on the same data folder and port (a restart keeps every record). */
    static synchronized void startDatabase() throws IOException {
        Files.createDirectories(WORK.resolve("pg-work"));
        pg = EmbeddedPostgres.builder().setDataDirectory(DATA).setCleanDataDirectory(false).setPort(port)
                .setOverrideWorkingDirectory(WORK.resolve("pg-work").toFile()).start();
    }

    /** Stops the postmaster (pg_ctl stop, fast: open connections are cut), keeping its data folder. */
    static synchronized void stopDatabase() throws IOException {
        pg.close();
    }

    @AfterAll
    static void stopTheTestDatabase() throws IOException {
        stopDatabase();
    }

    @Autowired
    TestRestTemplate anonymous;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BatchRunner batches;

    TestRestTemplate user() {
        return anonymous.withBasicAuth("subcommittee", "subcommittee");
    }

    long checks() {
        return jdbc.queryForObject("select count(*) from check_run", Long.class);
    }

    /**
     * After a restart: waits (at most 60 s) until the application's own pool hands out a working connection again —
     * the pool recovers by itself; on a busy machine the postmaster may need a few seconds to accept connections.
     */
    void awaitRecovery() throws InterruptedException {
        long end = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try {
                jdbc.queryForObject("select 1", Integer.class);
                return;
            } catch (org.springframework.dao.DataAccessException e) {
                if (System.nanoTime() > end) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }

    @Test
    void whileTheDatabaseIsStoppedChecksAndSignInsAre503AndNothingIsStoredThenItRecovers() throws Exception {
        // Up: a wrong password is still a 401, a good one works; the session cookie skips the password next time.
        assertThat(anonymous.withBasicAuth("subcommittee", "wrong").getForEntity("/api/checks", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> signedIn = user().getForEntity("/api/checks", String.class);
        assertThat(signedIn.getStatusCode()).isEqualTo(HttpStatus.OK);
        String cookie = cookies(signedIn);
        long before = checks();
        // The login form, read while the database is up (its CSRF token and session).
        ResponseEntity<String> loginPage = anonymous.getForEntity("/login?lang=en", String.class);
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                .matcher(loginPage.getBody());
        String loginCookie = cookies(loginPage);

        stopDatabase();
        try {
            // A check (signed in by the session when the API keeps one, else by its password): 503, within seconds.
            HttpEntity<MultiValueMap<String, Object>> sample = CheckApiTest.sample();
            HttpHeaders headers = new HttpHeaders();
            headers.addAll(sample.getHeaders());
            if (cookie != null) {
                headers.add(HttpHeaders.COOKIE, cookie);
            }
            long start = System.nanoTime();
            ResponseEntity<String> check = user().exchange("/api/checks?lang=en", HttpMethod.POST,
                    new HttpEntity<>(sample.getBody(), headers), String.class);
            assertThat(check.getStatusCode()).as(check.getBody()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(seconds(start)).isLessThan(SECONDS_BOUND);
            JsonNode problem = JSON.readTree(check.getBody());
            assertThat(check.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(problem.get("status").asInt()).isEqualTo(503);
            assertThat(problem.get("title").asText()).isEqualTo("The database is temporarily unavailable");
            assertThat(problem.get("detail").asText()).contains("nothing was stored", "not a wrong password");
            assertThat(check.getHeaders().getFirst("Retry-After")).isNotBlank();

            // A sign-in by password (no session): 503, not 401 — the user is not told the password is wrong.
            start = System.nanoTime();
            ResponseEntity<String> signIn = user().getForEntity("/api/checks", String.class);
            assertThat(signIn.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(seconds(start)).isLessThan(SECONDS_BOUND);
            assertThat(JSON.readTree(signIn.getBody()).get("title").asText())
                    .isEqualTo("Cơ sở dữ liệu tạm thời không truy cập được");
            // Even a wrong password cannot be told apart now: 503 as well.
            assertThat(anonymous.withBasicAuth("subcommittee", "wrong").getForEntity("/api/checks", String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            // A page: a 503 page in the chosen language.
            ResponseEntity<String> page = user().getForEntity("/checks?lang=en", String.class);
            assertThat(page.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
            assertThat(page.getBody()).contains("<html lang=\"en\">", "The database is temporarily unavailable");
            assertThat(user().getForObject("/checks", String.class)).contains("Cơ sở dữ liệu tạm thời");
            // The login form: a 503 page, not "wrong user name or password".
            if (csrf.find()) {
                HttpHeaders form = new HttpHeaders();
                form.setContentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED);
                if (loginCookie != null) {
                    form.add(HttpHeaders.COOKIE, loginCookie);
                }
                org.springframework.util.LinkedMultiValueMap<String, String> fields =
                        new org.springframework.util.LinkedMultiValueMap<>();
                fields.add("username", "subcommittee");
                fields.add("password", "subcommittee");
                fields.add("_csrf", csrf.group(1));
                start = System.nanoTime();
                ResponseEntity<String> login = anonymous.postForEntity("/login?lang=en", new HttpEntity<>(fields, form),
                        String.class);
                assertThat(login.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                assertThat(seconds(start)).isLessThan(SECONDS_BOUND);
                assertThat(login.getBody()).contains("The database is temporarily unavailable");
            }
        } finally {
            startDatabase();
        }
        awaitRecovery();

        // Back: no application restart; nothing of the refused check was stored, the same requests now work.
        assertThat(checks()).isEqualTo(before);
        assertThat(user().getForEntity("/api/checks", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> again = user().postForEntity("/api/checks?lang=en", CheckApiTest.sample(),
                String.class);
        assertThat(again.getStatusCode().is2xxSuccessful()).as(again.getBody()).isTrue();
        assertThat(checks()).isEqualTo(before + 1);
        assertThat(user().getForEntity("/checks?lang=en", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aConnectionLostWhileACheckIsStoredLeavesNothing() throws Exception {
        // The server ends the storing session at the last step of the check's transaction (its audit row, after
        // the check, its lists, outcomes and findings), as a crash or an administrator would.
        jdbc.execute("create or replace function fault_end_session() returns trigger language plpgsql as $$ begin "
                + "perform pg_terminate_backend(pg_backend_pid()); return new; end $$");
        jdbc.execute("create trigger fault_end_session before insert on audit_log for each row when "
                + "(new.action = 'CHECK') execute function fault_end_session()");
        long before = checks();
        long lists = jdbc.queryForObject("select count(*) from list_result", Long.class);
        long findings = jdbc.queryForObject("select count(*) from finding", Long.class);
        long audited = jdbc.queryForObject("select count(*) from audit_log where action = 'CHECK'", Long.class);
        try {
            ResponseEntity<String> check = user().postForEntity("/api/checks?lang=en", CheckApiTest.sample(),
                    String.class);
            assertThat(check.getStatusCode()).as(check.getBody()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        } finally {
            jdbc.execute("drop trigger fault_end_session on audit_log");
            jdbc.execute("drop function fault_end_session()");
        }
        assertThat(checks()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from list_result", Long.class)).isEqualTo(lists);
        assertThat(jdbc.queryForObject("select count(*) from finding", Long.class)).isEqualTo(findings);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'CHECK'", Long.class))
                .isEqualTo(audited);
        assertThat(user().postForEntity("/api/checks", CheckApiTest.sample(), String.class).getStatusCode()
                .is2xxSuccessful()).isTrue();
        assertThat(checks()).isEqualTo(before + 1);
    }

    @Test
    void aBatchCutByADatabaseRestartResumesToExactlyTheUninterruptedResult() throws Exception {
        Path input = WORK.resolve("input");
        GenerateCommand.generate(3_000, 2026, input);
        Path c = input.resolve("congresses.csv");
        Path n = input.resolve("nominees.csv");
        String whole = "whole-" + System.nanoTime();
        String cut = "cut-" + System.nanoTime();
        BatchRunner.Outcome uninterrupted = batches.run(whole, c, n, WORK.resolve("batches"), 2, p -> { });
        assertThat(uninterrupted.lists()).isGreaterThan(10);

        // The database stops as soon as the first lists are stored, while the others are screened and queued.
        AtomicBoolean stopped = new AtomicBoolean();
        Throwable failed;
        try {
            failed = catchThrowable(() -> batches.run(cut, c, n, WORK.resolve("batches"), 2, p -> {
                if (p.listsDone() > 0 && stopped.compareAndSet(false, true)) {
                    try {
                        stopDatabase();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }));
        } finally {
            if (stopped.get()) {
                startDatabase();
            }
        }
        awaitRecovery();
        assertThat(stopped).isTrue();
        assertThat(failed).as("the cut run fails").isNotNull();
        int storedBefore = jdbc.queryForObject("select count(*) from list_result where check_id = ?", Integer.class,
                BatchRunner.checkId(cut));
        assertThat(storedBefore).as("lists stored before the stop").isPositive()
                .isLessThan(uninterrupted.lists());

        BatchRunner.Outcome resumed = batches.run(cut, c, n, WORK.resolve("batches"), 2, p -> { });
        assertThat(resumed.skipped()).isEqualTo(storedBefore);
        String listQuery = "select l.congress_id, l.position, l.nominees, l.eligible, l.review, l.ineligible, "
                + "l.list_status, l.rule_set_checksum, l.result_vi::text, l.result_en::text, "
                + "(select count(*) from nominee_outcome o where o.list_id = l.id), "
                + "(select count(*) from finding f where f.list_id = l.id) "
                + "from list_result l join batch_run b on b.check_id = l.check_id where b.id = ? order by l.position";
        List<List<Object>> expected = jdbc.query(listQuery, (rs, i) -> row(rs, 12), whole);
        assertThat(expected).hasSize(uninterrupted.lists());
        assertThat(jdbc.query(listQuery, (rs, i) -> row(rs, 12), cut)).isEqualTo(expected);
        String runs = "select c.lists, c.nominees, c.eligible, c.review, c.ineligible, c.non_compliant_lists, b.status "
                + "from check_run c join batch_run b on b.check_id = c.id where b.id = ?";
        assertThat(jdbc.query(runs, (rs, i) -> row(rs, 7), cut)).isEqualTo(jdbc.query(runs, (rs, i) -> row(rs, 7),
                whole));
        assertThat(jdbc.queryForObject("select status from batch_run where id = ?", String.class, cut))
                .isEqualTo("DONE");
    }

    /** The cookies a response set, as a Cookie header value; null when none. */
    private static String cookies(ResponseEntity<?> response) {
        List<String> set = response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
        return set.isEmpty() ? null : String.join("; ", set.stream().map(c -> c.split(";", 2)[0]).toList());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static List<Object> row(java.sql.ResultSet rs, int columns) throws java.sql.SQLException {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
            row.add(rs.getObject(i));
        }
        return row;
    }
}
