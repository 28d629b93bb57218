package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slatecheck.AppProcess;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Issue 22: two application instances — two JVMs of their own, started at the same moment on one empty PostgreSQL
 * (the embedded server started here, reached by URL as {@code SLATECHECK_DB_URL}) — behave as one service: both come
 * up (one migrates and seeds, the other waits); a page session made on one works on the other and signing out on one
 * ends it on both; five failed sign-ins on one throttle the name on the other; an activation (and a roll-back) on
 * one is used by the other within 2 s. The figures go to {@code target/several-instances/figures.txt}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralInstancesTest {
    static final Path WORK = Path.of("target/several-instances").toAbsolutePath();
    static final Path SAMPLES = Path.of("../data/samples").toAbsolutePath().normalize();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> FIGURES = new ArrayList<>();

    static EmbeddedPostgres pg;
    static Instance a;
    static Instance b;

    /** One application instance: its process, HTTP port and everything it printed so far. */
    record Instance(String name, Process process, int port, StringBuffer output) {
        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }

    @BeforeAll
    static void startDatabaseAndTwoInstancesAtOnce() throws Exception {
        AppProcess.deleteTree(WORK);
        Files.createDirectories(WORK.resolve("pg-work"));
        pg = EmbeddedPostgres.builder().setDataDirectory(WORK.resolve("pg")).setCleanDataDirectory(true)
                .setOverrideWorkingDirectory(WORK.resolve("pg-work").toFile()).start();
        String url = pg.getJdbcUrl("postgres", "postgres");
        long t0 = System.nanoTime();
        Process pa = start(url, "a");
        Process pb = start(url, "b");
        CompletableFuture<Integer> portA = new CompletableFuture<>();
        CompletableFuture<Integer> portB = new CompletableFuture<>();
        StringBuffer outA = read(pa, portA);
        StringBuffer outB = read(pb, portB);
        int atA = portA.get(300, TimeUnit.SECONDS);
        int atB = portB.get(300, TimeUnit.SECONDS);
        a = new Instance("A", pa, atA, outA);
        b = new Instance("B", pb, atB, outB);
        assertThat(atA).as(outA.toString()).isPositive();
        assertThat(atB).as(outB.toString()).isPositive();
        FIGURES.add(String.format("two instances started at once on an empty database: both ready after %.1f s",
                (System.nanoTime() - t0) / 1e9));
    }

    @AfterAll
    static void stop() throws Exception {
        for (Instance i : new Instance[] {a, b}) {
            if (i != null) {
                AppProcess.stop(i.process());
            }
        }
        if (pg != null) {
            pg.close();
        }
        Files.createDirectories(WORK);
        Files.write(WORK.resolve("figures.txt"), FIGURES);
        FIGURES.forEach(System.out::println);
    }

    /** An instance ({@code serve}) or a command ({@code args}), with its own data folder under {@link #WORK}. */
    static Process start(String url, String name, String... args) throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("SLATECHECK_DB_URL", url);
        environment.put("SLATECHECK_DB_USER", "postgres");
        environment.put("SLATECHECK_DATA_DIR", null);
        return AppProcess.start(System.getProperty("java.class.path"), List.of("-Xmx768m",
                "-Dspring.profiles.active=demo", "-Dserver.port=0", "-Dslatecheck.data-dir=" + WORK.resolve(name)
                        .resolve("db"), "-Dslatecheck.batch.lease-seconds=4"), null, environment,
                args.length == 0 ? List.of("serve") : List.of(args));
    }

    static StringBuffer read(Process p, CompletableFuture<Integer> port) {
        return AppProcess.watch(p, port, true);
    }

    static JdbcTemplate db(Connection c) {
        return new JdbcTemplate(new SingleConnectionDataSource(c, true));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> api(Instance i, String method, String path, String auth) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(i.uri(path)).timeout(Duration.ofSeconds(300))
                .header("Authorization", auth).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The sample lists checked on {@code i} through the API; the versions of the rule sets the check used. */
    static List<String> checkVersions(Instance i) throws Exception {
        HttpResponse<String> r = AppProcess.upload(HTTP, i.uri("/api/checks?lang=en"),
                basic("subcommittee", "subcommittee"), Duration.ofSeconds(300), SAMPLES);
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        List<String> versions = new ArrayList<>();
        JSON.readTree(r.body()).findValues("ruleSet").forEach(n -> versions.add(n.get("version").asText()));
        assertThat(versions).isNotEmpty();
        return versions.stream().distinct().sorted().toList();
    }

    @Test
    @Order(1)
    void bothInstancesStartedAtOnceOnAnEmptyDatabaseCameUpMigratedAndSeededOnce() throws Exception {
        assertThat(api(a, "GET", "/healthz", "").statusCode()).isEqualTo(200);
        assertThat(api(b, "GET", "/healthz", "").statusCode()).isEqualTo(200);
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            JdbcTemplate db = db(c);
            assertThat(db.queryForObject("select count(*) - count(distinct id) from databasechangelog", Integer.class))
                    .isZero();
            // Every term seeded once: one ACTIVE version per term, one RULESET_SEEDED row per version.
            assertThat(db.queryForList("select term from rule_set_version group by term having count(*) <> 1",
                    String.class)).isEmpty();
            assertThat(db.queryForObject("select count(*) from rule_set_version where status = 'ACTIVE'",
                    Integer.class)).isPositive();
            assertThat(db.queryForObject("select count(*) from audit_log where action = 'RULESET_SEEDED'",
                    Integer.class)).isEqualTo(db.queryForObject("select count(*) from rule_set_version",
                            Integer.class));
            assertThat(db.queryForObject("select count(*) from app_user where username = 'approver'", Integer.class))
                    .isEqualTo(1);
        }
    }

    @Test
    @Order(2)
    void aSessionMadeOnOneWorksOnTheOtherAndSigningOutOnOneEndsItOnBoth() throws Exception {
        WebSession onA = new WebSession(a.port(), "subcommittee");
        assertThat(onA.get("/checks")).contains("nav-history");
        String oldCookie = onA.client.cookieHandler().orElseThrow()
                .get(a.uri("/checks"), java.util.Map.of()).get("Cookie").get(0);
        // The same browser (its cookie) on instance B: signed in there too.
        HttpResponse<String> onB = onA.send(HttpRequest.newBuilder(b.uri("/checks")).GET().build());
        assertThat(onB.statusCode()).as("a session made on A, asked on B").isEqualTo(200);
        assertThat(onB.body()).contains("nav-history");
        // Signing out on B (the form's CSRF token from a page of B) ...
        String csrf = WebSession.csrf(onB.body());
        HttpResponse<String> out = onA.send(HttpRequest.newBuilder(b.uri("/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
                .build());
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location").orElse("")).contains("/login?logout");
        // ... ends the session on A as well, even with the old cookie sent again.
        WebSession again = new WebSession(a.port(), "subcommittee");
        HttpResponse<String> afterOnA = HTTP.send(HttpRequest.newBuilder(a.uri("/checks")).header("Cookie", oldCookie)
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> afterOnB = HTTP.send(HttpRequest.newBuilder(b.uri("/checks")).header("Cookie", oldCookie)
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(afterOnA.statusCode()).isEqualTo(302);
        assertThat(afterOnA.headers().firstValue("Location").orElse("")).contains("/login");
        assertThat(afterOnB.statusCode()).isEqualTo(302);
        assertThat(again.get("/checks")).contains("nav-history"); // a new sign-in still works
    }

    @Test
    @Order(2)
    void rolesTakenAwayOrAUserDisabledOnOneCountOnTheOtherAtTheNextRequest() throws Exception {
        WebSession boardOnA = new WebSession(a.port(), "board");
        WebSession provOnA = new WebSession(a.port(), "prov-a");
        assertThat(boardOnA.status("/rulesets")).isEqualTo(200);
        assertThat(provOnA.status("/checks")).isEqualTo(200);
        WebSession adminOnB = new WebSession(b.port(), "admin");
        try {
            adminOnB.postRaw("/admin/users/update", java.util.Map.of("username", "board", "roles", "SUBCOMMITTEE"),
                    "/admin/users");
            adminOnB.postRaw("/admin/users/enabled", java.util.Map.of("username", "prov-a", "enabled", "false"),
                    "/admin/users");
            assertThat(boardOnA.status("/rulesets")).as("BOARD taken away on B").isEqualTo(403);
            assertThat(boardOnA.status("/checks")).isEqualTo(200);
            HttpResponse<String> disabled = provOnA.send(HttpRequest.newBuilder(a.uri("/checks"))
                    .header("Accept", "text/html").GET().build());
            assertThat(disabled.statusCode()).as("disabled on B").isEqualTo(302);
            assertThat(disabled.headers().firstValue("Location").orElse("")).contains("/login");
        } finally {
            adminOnB.postRaw("/admin/users/update", java.util.Map.of("username", "board", "roles", "BOARD"),
                    "/admin/users");
            adminOnB.postRaw("/admin/users/enabled", java.util.Map.of("username", "prov-a", "enabled", "true"),
                    "/admin/users");
        }
        assertThat(boardOnA.status("/rulesets")).isEqualTo(200);
    }

    @Test
    @Order(3)
    void fiveFailedSignInsOnOneThrottleTheNameOnTheOther() throws Exception {
        for (int n = 0; n < 5; n++) {
            assertThat(api(a, "GET", "/api/checks", basic("board2", "wrong password")).statusCode()).isEqualTo(401);
        }
        // The right password on B: throttled there too (the attempt is not even checked).
        HttpResponse<String> onB = api(b, "GET", "/api/checks", basic("board2", "board2"));
        assertThat(onB.statusCode()).as(onB.body()).isEqualTo(429);
        assertThat(onB.headers().firstValue("Retry-After")).isPresent();
        // Another name from the same client is not.
        assertThat(api(b, "GET", "/api/checks", basic("subcommittee", "subcommittee")).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void anActivationOnOneIsUsedByTheOtherWithinTwoSeconds() throws Exception {
        List<String> before = checkVersions(b); // the sample's congresses use two terms: the first one changes
        assertThat(before).isNotEmpty();
        String board = basic("board", "board");
        String approver = basic("approver", "approver");
        JsonNode versions = JSON.readTree(api(a, "GET", "/api/rulesets", board).body());
        JsonNode base = null;
        for (JsonNode v : versions) {
            if (v.get("version").asText().equals(before.get(0))) {
                base = v;
            }
        }
        assertThat(base).as(versions.toString()).isNotNull();
        long baseId = base.get("id").asLong();
        HttpResponse<String> made = api(a, "POST", "/api/rulesets/" + baseId + "/drafts", board);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonNode draft = JSON.readTree(made.body()).get("version");
        long draftId = draft.get("id").asLong();
        HttpResponse<String> impact = api(a, "POST", "/api/rulesets/" + draftId + "/impact?checks=1", board);
        assertThat(impact.statusCode()).as(impact.body()).isEqualTo(200);
        HttpResponse<String> approved = api(a, "POST", "/api/rulesets/" + draftId + "/approve?checksum="
                + draft.get("checksum").asText(), approver);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        String newVersion = draft.get("version").asText();
        seen(draftId, newVersion, before.get(0), "activation of a new version");
        // A roll-back (the retired version activated again) reaches B the same way.
        seen(baseId, before.get(0), newVersion, "roll-back to the retired version");
    }

    /** Activates {@code id} on A; B's next check that starts 2 s later uses it; the time B took to see it. */
    private void seen(long id, String version, String retired, String what) throws Exception {
        int linesBefore = b.output().toString().split("\n").length;
        long sent = System.nanoTime();
        HttpResponse<String> activated = api(a, "POST", "/api/rulesets/" + id + "/activate",
                basic("approver", "approver"));
        long at = System.nanoTime();
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        Long seenAt = null;
        while (seenAt == null && System.nanoTime() - at < 10_000_000_000L) {
            String[] lines = b.output().toString().split("\n");
            for (int n = linesBefore; n < lines.length; n++) {
                if (lines[n].contains("active rule set versions reloaded") && lines[n].contains(version)) {
                    seenAt = Long.parseLong(lines[n].substring(0, lines[n].indexOf(' ')));
                    break;
                }
            }
            Thread.sleep(20);
        }
        assertThat(seenAt).as("B's log:\n" + b.output()).isNotNull();
        double seconds = Math.max(0, seenAt - at) / 1e9;
        FIGURES.add(String.format("%s on A: B's reload line %.3f s after the request to A was sent, %.3f s after "
                + "A's answer (A answers after its commit; negative: B reloaded before the answer arrived)", what,
                (seenAt - sent) / 1e9, (seenAt - at) / 1e9));
        assertThat(seconds).isLessThan(2.0);
        long wait = 2_000_000_000L - (System.nanoTime() - at);
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000);
        }
        assertThat(checkVersions(b)).as("a check started on B 2 s after the activation on A").contains(version)
                .doesNotContain(retired);
    }

    static final String LIST_QUERY = "select l.congress_id, l.position, l.nominees, l.eligible, l.review, "
            + "l.ineligible, l.list_status, l.rule_set_checksum, l.result_vi::text, l.result_en::text, "
            + "(select count(*) from nominee_outcome o where o.list_id = l.id), "
            + "(select count(*) from finding f where f.list_id = l.id) "
            + "from list_result l join batch_run b on b.check_id = l.check_id where b.id = ? order by l.position";
    static Path input;

    static List<List<Object>> lists(JdbcTemplate db, String batch) {
        return db.query(LIST_QUERY, (rs, i) -> {
            List<Object> row = new ArrayList<>();
            for (int c = 1; c <= 12; c++) {
                row.add(rs.getObject(c));
            }
            return row;
        }, batch);
    }

    /** Starts batch {@code id} on {@code i} through the API with the generated input. */
    static void startBatch(Instance i, String id) throws Exception {
        HttpResponse<String> r = AppProcess.upload(HTTP, i.uri("/api/batches?id=" + id),
                basic("subcommittee", "subcommittee"), Duration.ofSeconds(300), input);
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201, 202);
    }

    static String status(JdbcTemplate db, String batch) {
        return db.queryForList("select status from batch_run where id = ?", String.class, batch).stream().findFirst()
                .orElse("");
    }

    /** Waits (at most 5 min) for batch {@code id} to be DONE; the seconds it took from {@code since}. */
    static double waitDone(JdbcTemplate db, String batch, long since) throws Exception {
        long end = System.nanoTime() + 300_000_000_000L;
        while (!status(db, batch).equals("DONE")) {
            assertThat(System.nanoTime()).as("batch " + batch + " done within 5 min; B:\n" + b.output()).isLessThan(end);
            Thread.sleep(100);
        }
        return (System.nanoTime() - since) / 1e9;
    }

    @Test
    @Order(5)
    void bothInstancesWorkOnOneBatchWithTheResultOfOneUninterruptedRun() throws Exception {
        input = WORK.resolve("input");
        org.slatecheck.cli.GenerateCommand.generate(30_000, 2026, input);
        String url = pg.getJdbcUrl("postgres", "postgres");
        // The reference: the same files through the command line, one process, no sharing.
        long t0 = System.nanoTime();
        Process cli = start(url, "cli", "batch", "--congresses", input.resolve("congresses.csv").toString(),
                "--nominees", input.resolve("nominees.csv").toString(), "--id", "reference");
        String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cli.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(cli.exitValue()).as(out).isZero();
        FIGURES.add(String.format("batch of 30,000 nominees, one process (command line, start-up included): %.1f s",
                (System.nanoTime() - t0) / 1e9));
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            JdbcTemplate db = db(c);
            List<List<Object>> reference = lists(db, "reference");
            assertThat(reference).isNotEmpty();
            long t1 = System.nanoTime();
            startBatch(a, "both");
            double seconds = waitDone(db, "both", t1);
            FIGURES.add(String.format("the same batch started on A, both instances working on it: %.1f s", seconds));
            assertThat(lists(db, "both")).isEqualTo(reference);
            // Both instances stored partitions of it; no list twice (and the unique constraint would refuse it).
            assertThat(db.queryForList("select distinct split_part(done_by, ':', 2) from batch_partition "
                    + "where batch_id = 'both'", String.class))
                    .containsExactlyInAnyOrder(String.valueOf(a.process().pid()), String.valueOf(b.process().pid()));
            // Progress as any instance reads it: from the database.
            JsonNode onB = JSON.readTree(api(b, "GET", "/api/batches/both", basic("subcommittee", "subcommittee"))
                    .body());
            assertThat(onB.get("status").asText()).isEqualTo("DONE");
            assertThat(onB.get("listsDone").asInt()).isEqualTo(reference.size());
        }
    }

    @Test
    @Order(6)
    void aBatchWhoseInstanceIsKilledIsFinishedByTheOtherWithTheSameResult() throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            JdbcTemplate db = db(c);
            List<List<Object>> reference = lists(db, "reference");
            long t0 = System.nanoTime();
            startBatch(a, "killed");
            String pidA = String.valueOf(a.process().pid());
            // Killed (SIGKILL) once A has stored a partition of it, before the batch is done.
            long end = System.nanoTime() + 300_000_000_000L;
            while (db.queryForObject("select count(*) from batch_partition where batch_id = 'killed' and done "
                    + "and split_part(done_by, ':', 2) = ?", Integer.class, pidA) == 0) {
                assertThat(System.nanoTime()).as("A stores a partition").isLessThan(end);
                Thread.sleep(20);
            }
            a.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            long killed = System.nanoTime();
            assertThat(status(db, "killed")).isEqualTo("RUNNING");
            double seconds = waitDone(db, "killed", killed);
            FIGURES.add(String.format("A killed %.1f s into a batch; B finished it %.1f s after the kill (lease 4 s)",
                    (killed - t0) / 1e9, seconds));
            assertThat(lists(db, "killed")).isEqualTo(reference);
            assertThat(db.queryForObject("select count(*) from batch_partition where batch_id = 'killed' and "
                    + "split_part(done_by, ':', 2) = ?", Integer.class, String.valueOf(b.process().pid())))
                    .isPositive();
            assertThat(api(b, "GET", "/api/batches/killed", basic("subcommittee", "subcommittee")).body())
                    .contains("\"DONE\"");
        }
    }
}
