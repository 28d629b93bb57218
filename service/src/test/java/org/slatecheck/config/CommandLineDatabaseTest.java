package org.slatecheck.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.slatecheck.rules.text.Messages;

/**
 * Issue 17: a command that cannot use the database says so in one line (its language), with no stack trace, and
 * touches nothing. A data folder in use by a live SlateCheck process whose database cannot be reached (here this
 * test holds the users' lock of the owner file, as a running web application does, and no server runs): the command
 * neither starts a server there nor creates one, it says to stop the application or to use SLATECHECK_DB_URL. A
 * database named by SLATECHECK_DB_URL that does not answer: one line too. Each command runs in a JVM of its own.
 */
class CommandLineDatabaseTest {
    static final Path WORK = Path.of("target/command-line-database").toAbsolutePath();
    static final Path SAMPLES = Path.of("../data/samples").toAbsolutePath().normalize();

    record Run(int code, List<String> lines) {
    }

    static Run run(Path data, Map<String, String> environment, String... args) throws Exception {
        List<String> classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> !p.endsWith("test-classes") && !p.endsWith("test-classes/")).toList();
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-Dslatecheck.data-dir=" + data, "-cp", String.join(File.pathSeparator, classPath),
                "org.slatecheck.SlateCheck"));
        cmd.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true);
        b.environment().remove("SLATECHECK_DB_URL");
        b.environment().remove("SLATECHECK_DEBUG");
        b.environment().putAll(environment);
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out.lines().filter(l -> !l.isBlank()).toList());
    }

    static Path clean(String name) throws Exception {
        Path dir = WORK.resolve(name);
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        return Files.createDirectories(dir);
    }

    @Test
    void aFolderInUseWhoseDatabaseCannotBeReachedIsSaidInOneLineAndNothingIsStartedThere() throws Exception {
        Path data = clean("in-use").resolve("db");
        PrivateFolders.create(data);
        Path password = WORK.resolve("in-use/password");
        Files.writeString(password, "a long enough passphrase\n");
        try (FileChannel owner = FileChannel.open(DatabaseConfig.ownerFile(data), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock using = owner.lock(DatabaseConfig.USERS, 1, true)) {
            Run batch = run(data, Map.of(), "batch", "--congresses", SAMPLES.resolve("congresses.csv").toString(),
                    "--nominees", SAMPLES.resolve("nominees.csv").toString(), "--id", "in-use", "--lang", "en");
            assertThat(batch.code()).as(batch.lines().toString()).isEqualTo(1);
            assertThat(batch.lines()).containsExactly(Messages.of(Messages.EN).text("cli.data_dir_in_use", data));
            assertThat(batch.lines().get(0)).contains("Stop the web application", "SLATECHECK_DB_URL");

            // users add, in Vietnamese (the default language): the same line in Vietnamese.
            Run users = run(data, Map.of(), "users", "add", "--name", "chiefadmin2", "--role", "ADMIN",
                    "--password-file", password.toString());
            assertThat(users.code()).as(users.lines().toString()).isEqualTo(1);
            assertThat(users.lines()).containsExactly(Messages.of(Messages.VI).text("cli.data_dir_in_use", data));
            assertThat(users.lines().get(0)).contains("dừng ứng dụng web", "SLATECHECK_DB_URL");
        }
        // Nothing was started or created in the folder of the other process.
        try (var files = Files.list(data)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsSaidInOneLine() throws Exception {
        Path data = clean("unreachable").resolve("db");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Run batch = run(data, Map.of("SLATECHECK_DB_URL", "jdbc:postgresql://localhost:" + port + "/postgres"),
                "batch", "--congresses", SAMPLES.resolve("congresses.csv").toString(), "--nominees",
                SAMPLES.resolve("nominees.csv").toString(), "--id", "unreachable", "--lang", "en");
        assertThat(batch.code()).as(batch.lines().toString()).isEqualTo(1);
        assertThat(batch.lines()).hasSize(1);
        assertThat(batch.lines().get(0)).startsWith("The database cannot be reached (").contains("SLATECHECK_DB_URL");
        assertThat(data).doesNotExist();
    }
}
