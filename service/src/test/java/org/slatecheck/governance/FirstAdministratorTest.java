package org.slatecheck.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slatecheck.SlateCheck;
import org.slatecheck.SlateCheckApplication;
import org.slatecheck.config.DatabaseConfig;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 11: a start without the {@code demo} profile, on a fresh database (its own schema of the tests' embedded
 * PostgreSQL), has no users at all; {@code users add} creates the first administrator, who can sign in, and refuses
 * a short password and one that is (or contains) the user name.
 */
class FirstAdministratorTest {
    @TempDir
    Path dir;

    @Test
    void aProductionStartHasNoUsersAndUsersAddCreatesTheFirstAdministrator() throws Exception {
        DatabaseConfig.Embedded pg = DatabaseConfig.embedded(Path.of("target/test-db"));
        String schema = "fresh_" + System.nanoTime();
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("create schema " + schema);
        }
        String url = pg.getJdbcUrl("postgres", "postgres") + "&currentSchema=" + schema;
        // Command-line arguments outrank the tests' application.properties (which turns the demo profile on).
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SlateCheckApplication.class).run(
                "--spring.profiles.active=production", "--server.port=0", "--slatecheck.db-url=" + url,
                "--slatecheck.db-user=postgres")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from app_user", Integer.class)).isZero();
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));

            System.setProperty("slatecheck.db-url", url);
            System.setProperty("slatecheck.db-user", "postgres");
            try {
                assertThat(add("chief", "short-pw")).isEqualTo(2);
                assertThat(add("chiefadmin1", "CHIEFADMIN1")).isEqualTo(2);
                assertThat(add("chiefadmin1", "my-Chiefadmin1-password")).isEqualTo(2);
                // Issue 17 item 17: the name behind full-width or invisible characters, one repeated character.
                assertThat(add("chiefadmin1", "my \uff43\uff48\uff49\uff45\uff46admin1 password")).isEqualTo(2);
                assertThat(add("chiefadmin1", "my chief\u200badmin1 password")).isEqualTo(2);
                assertThat(add("chiefadmin1", "x".repeat(16))).isEqualTo(2);
                assertThat(jdbc.queryForObject("select count(*) from app_user", Integer.class)).isZero();
                assertThat(add("chiefadmin1", "a long enough passphrase")).isEqualTo(0);
            } finally {
                System.clearProperty("slatecheck.db-url");
                System.clearProperty("slatecheck.db-user");
            }
            assertThat(jdbc.queryForList("select username, roles from app_user").toString())
                    .isEqualTo("[{username=chiefadmin1, roles=ADMIN}]");
            assertThat(jdbc.queryForObject("select password_hash from app_user", String.class))
                    .startsWith("$2").doesNotContain("passphrase");

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> users = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/checks")).header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "chiefadmin1:a long enough passphrase".getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(users.statusCode()).isEqualTo(200);
            // And no demo user exists to sign in with.
            HttpResponse<String> demo = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/checks")).header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "admin:admin".getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(demo.statusCode()).isEqualTo(401);
        }
    }

    /** {@code users add --name NAME --role ADMIN --password-file F}; returns the exit code. */
    int add(String name, String password) throws Exception {
        Path file = Files.writeString(dir.resolve(name + System.nanoTime() + ".txt"), password + "\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SlateCheck.run(new String[] {"users", "add", "--name", name, "--role", "ADMIN", "--password-file",
            file.toString(), "--lang", "en"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain(password);
        return code;
    }
}
