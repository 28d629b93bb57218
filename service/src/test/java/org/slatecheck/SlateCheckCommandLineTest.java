package org.slatecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slatecheck.config.SlateCheckProperties;
import org.springframework.core.env.StandardEnvironment;

/** The entry point: usage and unknown commands (exit 2), which words start the server, one data folder. */
class SlateCheckCommandLineTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SlateCheck.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @AfterEach
    void forgetDataDir() {
        System.clearProperty(SlateCheckProperties.DATA_DIR_PROPERTY);
    }

    @Test
    void helpPrintsEveryCommandWithAnExampleInBothLanguagesAndExits2() {
        for (String word : List.of("--help", "-h", "help")) {
            Run r = run(word);
            assertThat(r.code()).as(word).isEqualTo(2);
            for (String command : List.of("serve", "check --congresses", "batch --congresses", "generate --nominees", "elect --candidates",
                    "users add --name", "--data-dir", "SLATECHECK_DATA_DIR")) {
                assertThat(r.out()).as(word + " names " + command).contains(command);
            }
            assertThat(r.out()).contains("Cách dùng", "Usage:", "Ví dụ: java -jar slatecheck.jar batch",
                    "Example: java -jar slatecheck.jar batch");
            // one example per command, in each language
            assertThat(r.out().split("Ví dụ:", -1)).hasSize(8);
            assertThat(r.out().split("Example:", -1)).hasSize(8);
        }
    }

    @Test
    void helpWithLangPrintsOneLanguageOnly() {
        Run en = run("--help", "--lang", "en");
        assertThat(en.code()).isEqualTo(2);
        assertThat(en.out()).contains("Usage:", "Example:").doesNotContain("Cách dùng", "Ví dụ");
        Run vi = run("help", "--lang", "vi");
        assertThat(vi.out()).contains("Cách dùng", "Ví dụ").doesNotContain("Usage:", "Example:");
    }

    @Test
    void anUnknownCommandIsNamedAndAnswersWithTheUsageAndExit2() {
        Run r = run("frobnicate", "--x");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("lệnh không có: frobnicate", "no such command: frobnicate", "Cách dùng",
                "Usage:");
        assertThat(r.out()).isEmpty();
        assertThat(run("--verbose").code()).isEqualTo(2);
    }

    @Test
    void serveNoArgumentsAndServerSettingsStartTheServerOtherWordsDoNot() {
        assertThat(SlateCheck.serves(new String[] {"serve"})).isTrue();
        assertThat(SlateCheck.serves(new String[] {"serve", "--server.port=9090"})).isTrue();
        assertThat(SlateCheck.serves(new String[0])).isTrue();
        assertThat(SlateCheck.serves(new String[] {"--spring.profiles.active=demo"})).isTrue();
        for (String[] not : List.of(new String[] {"--help"}, new String[] {"-h"}, new String[] {"help"},
                new String[] {"check"}, new String[] {"frobnicate"}, new String[] {"--lang=en"})) {
            assertThat(SlateCheck.serves(not)).as(Arrays.toString(not)).isFalse();
        }
    }

    @Test
    void dataDirOptionIsTakenOutAndSetForEveryCommand() {
        String[] rest = SlateCheck.dataDir(new String[] {"batch", "--data-dir", "some/where", "--id", "x"});
        assertThat(rest).containsExactly("batch", "--id", "x");
        assertThat(System.getProperty(SlateCheckProperties.DATA_DIR_PROPERTY))
                .isEqualTo(Path.of("some/where").toAbsolutePath().toString());
        assertThat(SlateCheck.dataDir(new String[] {"--data-dir=/srv/sc", "serve"})).containsExactly("serve");
        assertThat(System.getProperty(SlateCheckProperties.DATA_DIR_PROPERTY)).isEqualTo("/srv/sc");
    }

    @Test
    void theDefaultDataDirIsInTheHomeFolderForTheWebAppAndTheCommandLineAlike() throws IOException {
        Path home = Path.of(System.getProperty("user.home"));
        assertThat(SlateCheckProperties.defaultDataDir()).isEqualTo(home.resolve(".slatecheck").resolve("db"));
        assertThat(new SlateCheckProperties(null, null, null, null, null).dataDir())
                .isEqualTo(SlateCheckProperties.defaultDataDir());
        // The shipped application.properties (the tests' own replaces it on the classpath) gives the same folder
        // whatever the working directory, unless SLATECHECK_DATA_DIR says otherwise.
        Properties shipped = new Properties();
        try (var in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            shipped.load(in);
        }
        String value = new StandardEnvironment().resolvePlaceholders(shipped.getProperty("slatecheck.data-dir"));
        String expected = System.getenv("SLATECHECK_DATA_DIR") != null ? System.getenv("SLATECHECK_DATA_DIR")
                : SlateCheckProperties.defaultDataDir().toString();
        assertThat(Path.of(value)).isEqualTo(Path.of(expected));
    }

    /** The class path without the tests' classes, so a child JVM reads the shipped application.properties. */
    static String shippedClassPath() {
        List<String> parts = new ArrayList<>();
        for (String p : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!p.endsWith("test-classes") && !p.endsWith("test-classes/")) {
                parts.add(p);
            }
        }
        return String.join(File.pathSeparator, parts);
    }
}
