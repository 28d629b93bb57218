package org.slatecheck.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In the container image the embedded database is off ({@code SLATECHECK_EMBEDDED_DB=false}, issue 17 item 16): an
 * empty {@code SLATECHECK_DB_URL} then makes the application refuse to start, in one line in Vietnamese and English,
 * instead of making a database inside the container.
 */
class EmbeddedDatabaseOffTest {
    @Test
    void theWebApplicationRefusesInOneLineAndMakesNoDatabase(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", shippedClassPath(), "org.slatecheck.SlateCheck", "--data-dir", data.toString(),
                "--server.port=0");
        pb.environment().remove("SLATECHECK_DB_URL");
        pb.environment().remove("SLATECHECK_DATA_DIR");
        pb.environment().put("SLATECHECK_EMBEDDED_DB", "false");
        pb.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        try {
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("the application stops at once").isTrue();
        } finally {
            p.destroyForcibly();
        }
        List<String> err = Files.readAllLines(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(err).containsExactly(EmbeddedDatabaseSwitch.line());
        assertThat(err.get(0)).contains("SlateCheck không khởi động", "SlateCheck does not start",
                "SLATECHECK_DB_URL", "SLATECHECK_EMBEDDED_DB=false");
        try (Stream<Path> left = Files.list(data)) {
            assertThat(left).as("no database made in the data folder").isEmpty();
        }
    }

    @Test
    void theDataSourceRefusesTooWhenSpringIsStartedAnotherWay(@TempDir Path dir) {
        Path data = dir.resolve("db");
        SlateCheckProperties props = new SlateCheckProperties(null, null, null, data, null);
        assertThatThrownBy(() -> new DatabaseConfig().dataSource(props, false))
                .isInstanceOf(EmbeddedDatabaseSwitch.EmbeddedDatabaseOffException.class)
                .hasMessage(EmbeddedDatabaseSwitch.line());
        assertThat(data).doesNotExist();
    }

    @Test
    void onlyAnEmptyUrlWithTheSwitchOffIsRefused() {
        Map<String, String> off = Map.of("SLATECHECK_EMBEDDED_DB", "false");
        assertThat(EmbeddedDatabaseSwitch.refusal(new String[0], off::get)).isEqualTo(EmbeddedDatabaseSwitch.line());
        assertThat(EmbeddedDatabaseSwitch.refusal(new String[0], Map.of("SLATECHECK_EMBEDDED_DB", "false",
                "SLATECHECK_DB_URL", "")::get)).isNotNull();
        assertThat(EmbeddedDatabaseSwitch.refusal(new String[0], Map.of("SLATECHECK_EMBEDDED_DB", "false",
                "SLATECHECK_DB_URL", "jdbc:postgresql://db/slatecheck")::get)).isNull();
        assertThat(EmbeddedDatabaseSwitch.refusal(new String[] {"--slatecheck.db-url=jdbc:postgresql://db/x"},
                off::get)).isNull();
        assertThat(EmbeddedDatabaseSwitch.refusal(new String[] {"--slatecheck.embedded-db=true"}, off::get)).isNull();
        assertThat(EmbeddedDatabaseSwitch.refusal(new String[0], Map.<String, String>of()::get)).isNull();
    }

    private static String shippedClassPath() {
        List<String> parts = new ArrayList<>();
        for (String p : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!p.endsWith("test-classes") && !p.endsWith("test-classes/")) {
                parts.add(p);
            }
        }
        return String.join(File.pathSeparator, parts);
    }
}
