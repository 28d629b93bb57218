package org.slatecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.slatecheck.config.DatabaseConfig;

/**
 * One data folder for the command line and the web application: a batch run from one working directory is a record
 * the web application, started from another working directory, shows — both with no data setting at all, only the
 * same home folder (each a JVM of its own with the shipped settings). The web application's ready line names the
 * real port and that folder; started with no argument, its first line says it starts the server.
 *
 * <p>Issue 17: the command line run while the web application holds the folder uses the web application's running
 * database and never stops or restarts it; a second web application joins it too, and the database stops only when
 * the last process using it stops.
 */
class SharedDataDirTest {
    static final Path WORK = Path.of("target/shared-data-dir").toAbsolutePath();
    static final Path SAMPLES = Path.of("../data/samples").toAbsolutePath().normalize();

    static Process start(Path home, Path workingDir, List<String> jvmOptions, String... args) throws Exception {
        List<String> jvm = new ArrayList<>(List.of("-Xmx512m", "-Duser.home=" + home));
        jvm.addAll(jvmOptions);
        Map<String, String> environment = new HashMap<>();
        environment.put("SLATECHECK_DATA_DIR", null);
        environment.put("SLATECHECK_DB_URL", null);
        return AppProcess.start(SlateCheckCommandLineTest.shippedClassPath(), jvm, workingDir, environment,
                List.of(args));
    }

    @Test
    void aBatchFromTheCommandLineIsARecordOfTheWebAppStartedElsewhere() throws Exception {
        AppProcess.deleteTree(WORK);
        Path home = WORK.resolve("home");
        Path data = home.resolve(".slatecheck").resolve("db");

        Process batch = start(home, WORK.resolve("cli-here"), List.of(), "batch", "--congresses",
                SAMPLES.resolve("congresses.csv").toString(), "--nominees", SAMPLES.resolve("nominees.csv").toString(),
                "--id", "shared-1", "--threads", "1");
        String out = new String(batch.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(batch.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(batch.exitValue()).as(out).isZero();
        Matcher check = Pattern.compile("check ([0-9a-f-]{36})").matcher(out);
        assertThat(check.find()).as(out).isTrue();
        assertThat(data.resolve("PG_VERSION")).exists();
        assertThat(WORK.resolve("cli-here/.slatecheck")).doesNotExist();

        // No argument at all (the settings as system properties): the server starts and its first line says so.
        Process web = start(home, WORK.resolve("web-there"), List.of("-Dspring.profiles.active=demo",
                "-Dserver.port=0"));
        try (BufferedReader r = new BufferedReader(new InputStreamReader(web.getInputStream(), StandardCharsets.UTF_8))) {
            String first = r.readLine();
            assertThat(first).isEqualTo("Khởi động máy chủ web (lệnh serve); xem --help để biết các lệnh khác.");
            Pattern ready = Pattern.compile("SlateCheck đang chạy tại http://localhost:(\\d+) \\(dữ liệu: (.+)\\)");
            Matcher m = null;
            StringBuilder seen = new StringBuilder(first).append('\n');
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                seen.append(line).append('\n');
                Matcher x = ready.matcher(line);
                if (x.find()) {
                    m = x;
                    break;
                }
            }
            assertThat(m).as(seen.toString()).isNotNull();
            assertThat(Path.of(m.group(2))).isEqualTo(data);
            HttpResponse<String> record = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://localhost:" + m.group(1) + "/api/checks/"
                            + check.group(1))).header("Authorization", "Basic " + Base64.getEncoder()
                                    .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8))).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(record.statusCode()).as(record.body()).isEqualTo(200);
            assertThat(record.body()).contains(check.group(1));
            assertThat(WORK.resolve("web-there/.slatecheck")).doesNotExist();
        } finally {
            AppProcess.stop(web); // a normal stop: the shutdown hook stops the embedded PostgreSQL
        }
    }

    /** A web application started by {@link #serve}: its process, HTTP port and everything it printed so far. */
    record Web(Process process, int port, StringBuffer output) {
        HttpResponse<String> get(String path) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", ADMIN).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** The sample lists checked through the web application's API (a multipart upload, as the form sends). */
        HttpResponse<String> check() throws Exception {
            return AppProcess.upload(HTTP, URI.create("http://localhost:" + port + "/api/checks?lang=en"), ADMIN,
                    Duration.ofSeconds(120), SAMPLES);
        }

        /** A normal stop (SIGTERM: the shutdown hooks run); true when the process ended within a minute. */
        boolean stop() throws InterruptedException {
            return AppProcess.stop(process);
        }
    }

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));

    /** Starts the web application ({@code serve}, demo users, a free port) and waits (at most 5 min) for its ready line. */
    static Web serve(Path home, Path workingDir) throws Exception {
        Process p = start(home, workingDir, List.of("-Dspring.profiles.active=demo", "-Dserver.port=0"), "serve");
        java.util.concurrent.CompletableFuture<Integer> port = new java.util.concurrent.CompletableFuture<>();
        StringBuffer output = AppProcess.watch(p, port, false);
        int at = port.get(300, TimeUnit.SECONDS);
        assertThat(at).as(output.toString()).isPositive();
        return new Web(p, at, output);
    }

    /** Line 1 (the postmaster's pid) and line 3 (its start time) of the data folder's postmaster.pid. */
    static List<String> postmaster(Path data) throws Exception {
        List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"));
        return List.of(lines.get(0).strip(), lines.get(2).strip());
    }

    @Test
    void theCommandLineUsesTheRunningWebAppsDatabaseAndNothingRestartsIt() throws Exception {
        Path work = WORK.resolveSibling("shared-data-dir-live");
        AppProcess.deleteTree(work);
        Path home = work.resolve("home");
        Path data = home.resolve(".slatecheck").resolve("db");
        Web first = serve(home, work.resolve("web-1"));
        Web second = null;
        try {
            // The web application started the database: its postmaster and the owner record (owner-only).
            List<String> postmaster = postmaster(data);
            long pid = Long.parseLong(postmaster.get(0));
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
            Path owner = DatabaseConfig.ownerFile(data);
            assertThat(Files.readString(owner)).contains("pid " + first.process().pid());
            assertThat(Files.getPosixFilePermissions(owner))
                    .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

            // The command line on the same (default) folder, while the web application runs.
            Process batch = start(home, work.resolve("cli"), List.of(), "batch", "--congresses",
                    SAMPLES.resolve("congresses.csv").toString(), "--nominees",
                    SAMPLES.resolve("nominees.csv").toString(), "--id", "live-1", "--threads", "1");
            String out = new String(batch.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(batch.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(batch.exitValue()).as(out).isZero();
            assertThat(out).as("the command line's output").doesNotContainIgnoringCase("orphan")
                    .doesNotContain("Exception").doesNotContain("\tat ");
            Matcher check = Pattern.compile("batch live-1: \\d+ lists, .*check ([0-9a-f-]{36})").matcher(out);
            assertThat(check.find()).as(out).isTrue();

            // Nothing restarted: the same postmaster, and the web application goes on without a database error.
            assertThat(postmaster(data)).isEqualTo(postmaster);
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
            HttpResponse<String> stored = first.get("/api/checks/" + check.group(1));
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
            assertThat(stored.body()).contains(check.group(1));
            HttpResponse<String> checked = first.check();
            assertThat(checked.statusCode()).as(checked.body()).isEqualTo(201);
            assertThat(first.output().toString()).as("the web application's log")
                    .doesNotContain("shutting down").doesNotContain("Exception");

            // A second web application joins the running database; the first one stops (normally): the database
            // stays, for the second one is still using it — only the last process using it stops it.
            second = serve(home, work.resolve("web-2"));
            assertThat(postmaster(data)).isEqualTo(postmaster);
            assertThat(first.stop()).isTrue();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
            assertThat(second.get("/api/checks/" + check.group(1)).statusCode()).isEqualTo(200);
            HttpResponse<String> again = second.check();
            assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
            assertThat(postmaster(data)).isEqualTo(postmaster);
            assertThat(second.output().toString()).as("the second web application's log")
                    .doesNotContainIgnoringCase("orphan").doesNotContain("Exception");

            assertThat(second.stop()).isTrue();
            ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(60, TimeUnit.SECONDS).join());
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(data.resolve("postmaster.pid")).doesNotExist();
        } finally {
            first.stop();
            if (second != null) {
                second.stop();
            }
        }
    }
}
