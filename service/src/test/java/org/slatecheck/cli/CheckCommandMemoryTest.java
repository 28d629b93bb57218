package org.slatecheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slatecheck.SlateCheck;

/**
 * docs/specification.md section 2: a check of 10,000 congresses of one nominee each, the command line's JSON written to a file, in a JVM
 * of 512 MB heap ({@link Child}): it ran out of memory building all the lists' JSON as one tree and one string.
 */
class CheckCommandMemoryTest {
    @Test
    void tenThousandCongressesOfOneNomineeAsJsonIn512Mb(@TempDir Path dir) throws Exception {
        Path congresses = dir.resolve("congresses.csv");
        Path nominees = dir.resolve("nominees.csv");
        try (BufferedWriter c = Files.newBufferedWriter(congresses); BufferedWriter n = Files.newBufferedWriter(
                nominees)) {
            c.write("congress_id,organisation,level,term,list_kind,committee_seats,congress_date,province,"
                    + "standing_seats,deputy_secretary_seats,max_committee_seats,merged_units,min_minority_share\n");
            n.write("congress_id,nominee_id,full_name,sex,birth_date,membership,incumbent,proposed_posts\n");
            for (int i = 0; i < 10_000; i++) {
                c.write("C" + i + ",Đảng bộ cơ sở số " + i + ",GRASSROOTS,2025-2030,ELECTION_LIST,1,2025-05-15,"
                        + "Ninh Bình,,,,,\n");
                n.write("C" + i + ",N" + i + ",Nguyễn Văn An,M,1970-05-12,OFFICIAL,true,SECRETARY\n");
            }
        }
        Path result = dir.resolve("result.json");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"), Child.class.getName(),
                congresses.toString(), nominees.toString(), result.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).endsWith("exit 0");
        try (var lines = Files.lines(result)) {
            assertThat(lines.filter(l -> l.startsWith("    \"id\" : \"C")).count()).isEqualTo(10_000);
        }
    }

    /** Runs {@code check --format json} on the two files, the JSON to a file, and prints the exit code. */
    public static final class Child {
        public static void main(String[] args) {
            PrintStream err = new PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            int code = SlateCheck.run(new String[] {"check", "--congresses", args[0], "--nominees", args[1], "--format",
                    "json", "--out", args[2]}, new PrintStream(System.out, true, StandardCharsets.UTF_8), err);
            System.out.println("exit " + code);
        }
    }
}
