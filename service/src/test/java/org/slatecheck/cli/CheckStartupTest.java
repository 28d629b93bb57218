package org.slatecheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} without a configured database starts no Spring context and no database (issue 17 item 14: a cold
 * {@code check} should spend its time on the check): run in a JVM of its own, as a user runs it, on a fresh data
 * folder, it leaves that folder empty and never loads Spring's application, the embedded PostgreSQL or Liquibase.
 */
class CheckStartupTest {
    @Test
    void checkWithoutADatabaseStartsNoSpringAndNoDatabase(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Path classes = dir.resolve("classes.log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classes, "-cp", shippedClassPath(),
                "org.slatecheck.SlateCheck", "check", "--data-dir", data.toString(),
                "--congresses", CheckCommandTest.CONGRESSES, "--nominees", CheckCommandTest.NOMINEES, "--lang", "en");
        pb.environment().remove("SLATECHECK_DB_URL");
        pb.environment().remove("SLATECHECK_DATA_DIR");
        pb.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8)).contains("TINH-NB-2025");
        assertThat(err).contains("shipped with the program").doesNotContain("Spring", "HikariPool", "PostgreSQL");
        try (Stream<Path> left = Files.list(data)) {
            assertThat(left).as("nothing made in the data folder").isEmpty();
        }
        List<String> loaded = Files.readAllLines(classes);
        assertThat(loaded).isNotEmpty().anyMatch(l -> l.contains("org.slatecheck.cli.CheckCommand "));
        assertThat(loaded).noneMatch(l -> l.contains("org.springframework.boot.SpringApplication ")
                || l.contains("org.springframework.context.support.AbstractApplicationContext ")
                || l.contains("io.zonky.test.db.postgres") || l.contains("liquibase.")
                || l.contains("com.zaxxer.hikari."));
    }

    /** The class path of this JVM without the tests' classes (the shipped application.properties then applies). */
    private static String shippedClassPath() {
        List<String> parts = new java.util.ArrayList<>();
        for (String p : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!p.endsWith("test-classes") && !p.endsWith("test-classes/")) {
                parts.add(p);
            }
        }
        return String.join(java.io.File.pathSeparator, parts);
    }
}
