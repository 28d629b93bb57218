package org.slatecheck.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.Test;
import org.slatecheck.cli.GenerateCommand;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A 100,000-nominee generated batch through the command line, each run a JVM of its own on one database folder:
 * one uninterrupted run; one run killed (SIGKILL) after it has stored some lists, then resumed with the same id.
 * The resumed batch must store exactly what the uninterrupted one stored, list by list, nothing twice or half.
 */
class BatchResumeTest {
    static final Path WORK = Path.of("target/batch-resume");

    static Process start(Path data, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx1g", "-Dslatecheck.data-dir=" + data.toAbsolutePath(), "-cp", System.getProperty("java.class.path"),
                "org.slatecheck.SlateCheck"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    static String finish(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void aKilledBatchResumesToExactlyTheUninterruptedResult() throws Exception {
        Path data = WORK.resolve("db");
        Path input = WORK.resolve("input");
        if (Files.exists(WORK)) {
            try (var walk = Files.walk(WORK)) {
                walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        GenerateCommand.generate(100_000, 2026, input);
        String c = input.resolve("congresses.csv").toString();
        String n = input.resolve("nominees.csv").toString();

        finish(start(data, "batch", "--congresses", c, "--nominees", n, "--id", "whole"));

        Process killed = start(data, "batch", "--congresses", c, "--nominees", n, "--id", "resumed");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(killed.getInputStream(), StandardCharsets.UTF_8))) {
            int ch;
            StringBuilder seen = new StringBuilder();
            // The progress line appears after each stored partition: kill on the second one, mid-way.
            while ((ch = r.read()) != -1) {
                seen.append((char) ch);
                if (seen.toString().split(" lists ·", -1).length > 2) {
                    break;
                }
            }
            killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        String resumed = finish(start(data, "batch", "--congresses", c, "--nominees", n, "--id", "resumed"));
        Matcher m = Pattern.compile("batch resumed: (\\d+) lists, 100000 nominees, (\\d+) already stored").matcher(resumed);
        assertThat(m.find()).as(resumed).isTrue();
        int lists = Integer.parseInt(m.group(1));
        int skipped = Integer.parseInt(m.group(2));
        assertThat(skipped).as("lists stored before the kill").isPositive().isLessThan(lists);

        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(WORK.resolve("pg-work").toFile()).start();
                Connection conn = pg.getPostgresDatabase().getConnection()) {
            JdbcTemplate db = new JdbcTemplate(new SingleConnectionDataSource(conn, true));
            String listQuery = "select l.congress_id, l.position, l.nominees, l.eligible, l.review, l.ineligible, "
                    + "l.list_status, l.rule_set_checksum, l.result_vi::text, l.result_en::text, "
                    + "(select count(*) from nominee_outcome o where o.list_id = l.id), "
                    + "(select count(*) from finding f where f.list_id = l.id) "
                    + "from list_result l join batch_run b on b.check_id = l.check_id where b.id = ? order by l.position";
            List<List<Object>> whole = db.query(listQuery, (rs, i) -> row(rs, 12), "whole");
            List<List<Object>> again = db.query(listQuery, (rs, i) -> row(rs, 12), "resumed");
            assertThat(whole).hasSize(lists);
            assertThat(again).isEqualTo(whole);
            String runs = "select c.lists, c.nominees, c.eligible, c.review, c.ineligible, c.non_compliant_lists, b.status "
                    + "from check_run c join batch_run b on b.check_id = c.id where b.id = ?";
            assertThat(db.query(runs, (rs, i) -> row(rs, 7), "resumed"))
                    .isEqualTo(db.query(runs, (rs, i) -> row(rs, 7), "whole"));
            assertThat(db.queryForObject("select status from batch_run where id = 'resumed'", String.class))
                    .isEqualTo("DONE");
        }
    }

    private static List<Object> row(java.sql.ResultSet rs, int columns) throws java.sql.SQLException {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
            row.add(rs.getObject(i));
        }
        return row;
    }
}
