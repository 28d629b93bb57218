package org.slatecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * One data folder for the command line and the web application: a batch run from one working directory is a record
 * the web application, started from another working directory, shows — both with no data setting at all, only the
 * same home folder (each a JVM of its own with the shipped settings). The web application's ready line names the
 * real port and that folder; started with no argument, its first line says it starts the server.
 */
class SharedDataDirTest {
    static final Path WORK = Path.of("target/shared-data-dir").toAbsolutePath();
    static final Path SAMPLES = Path.of("../data/samples").toAbsolutePath().normalize();

    static Process start(Path home, Path workingDir, List<String> jvmOptions, String... args) throws Exception {
        Files.createDirectories(workingDir);
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-Duser.home=" + home));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", SlateCheckCommandLineTest.shippedClassPath(), "org.slatecheck.SlateCheck"));
        cmd.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(cmd).directory(workingDir.toFile()).redirectErrorStream(true);
        b.environment().remove("SLATECHECK_DATA_DIR");
        b.environment().remove("SLATECHECK_DB_URL");
        return b.start();
    }

    @Test
    void aBatchFromTheCommandLineIsARecordOfTheWebAppStartedElsewhere() throws Exception {
        if (Files.exists(WORK)) {
            try (var walk = Files.walk(WORK)) {
                walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
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
            web.destroy(); // a normal stop: the shutdown hook stops the embedded PostgreSQL
            if (!web.waitFor(60, TimeUnit.SECONDS)) {
                web.destroyForcibly();
            }
        }
    }
}
