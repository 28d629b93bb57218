package org.slatecheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.slatecheck.impact.ImpactAnalysis;
import org.slatecheck.governance.RuleSetApprovals;
import org.slatecheck.governance.RuleSetDrafts;
import org.slatecheck.governance.RuleSetVersions;
import org.slatecheck.rules.engine.RuleSetSnapshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The command line with a configured database uses the database's active version, not the shipped one, and names it;
 * and a version has one checksum: the one on its page and API is the one stored with every list checked under it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CheckCommandDatabaseTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TERM = "2025-2030";

    @Autowired
    RuleSetApprovals ruleSetApprovals;
    @Autowired
    RuleSetDrafts ruleSetDrafts;
    @Autowired
    RuleSetVersions ruleSetVersions;
    @Autowired
    ImpactAnalysis impact;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TestRestTemplate http;

    record Run(int code, String out, String err) {
    }

    Run cli(CheckCommand.Database db, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new CheckCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), db).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    CheckCommand.Database database() {
        HikariDataSource ds = (HikariDataSource) dataSource;
        return new CheckCommand.Database(ds.getJdbcUrl(), ds.getUsername(), ds.getPassword());
    }

    long active() {
        return ruleSetVersions.versions().stream().filter(v -> v.term().equals(TERM) && v.status().equals("ACTIVE"))
                .findFirst().orElseThrow().id();
    }

    @Test
    void theCommandLineUsesAndNamesTheActiveVersionOfTheDatabaseWithTheChecksumItsPageShows() throws Exception {
        long before = active();
        // A changed version: a draft whose only change is a parameter's source text, approved by another user and
        // activated (its version number and checksum differ from the shipped set's; its outcomes do not).
        long draft = ruleSetDrafts.createDraft(before, "board");
        ruleSetDrafts.saveParameters(draft, "board", Map.of(), Map.of("age.reelection_min_months",
                "Quy định 365-QĐ/TW, ghi chú của bài kiểm tra dòng lệnh"));
        impact.run(draft, "board", 1);
        ruleSetApprovals.approve(draft, "approver", ruleSetVersions.get(draft).orElseThrow().checksum());
        ruleSetApprovals.activate(draft, "approver");
        try {
            RuleSetVersions.Version v = ruleSetVersions.get(draft).orElseThrow();
            RuleSetSnapshot.Version shipped = RuleSetSnapshot.shipped().versions().get(TERM);
            assertThat(v.checksum()).isNotEqualTo(shipped.checksum());
            assertThat(v.version()).isNotEqualTo(shipped.version());

            // The page and the API of the version show its checksum ...
            JsonNode api = JSON.readTree(http.withBasicAuth("board", "board")
                    .getForObject("/api/rulesets/" + draft, String.class)).get("version");
            assertThat(api.get("checksum").asText()).isEqualTo(v.checksum());
            String page = http.withBasicAuth("board", "board").getForObject("/rulesets/" + draft, String.class);
            assertThat(page).contains(v.checksum().substring(0, 16));

            // ... which is the checksum stored with a check made under it, and shown in its result.
            Path samples = Path.of("../data/samples");
            ResponseEntity<String> r = http.withBasicAuth("subcommittee", "subcommittee").postForEntity(
                    "/api/checks?lang=en", upload(Files.readAllBytes(samples.resolve("congresses.csv")),
                            Files.readAllBytes(samples.resolve("nominees.csv"))), String.class);
            assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
            JsonNode check = JSON.readTree(r.getBody());
            List<String> stored = jdbc.queryForList("select distinct rule_set_checksum from list_result "
                    + "where check_id = ?::uuid and term = ?", String.class, check.get("checkId").asText(), TERM);
            assertThat(stored).containsExactly(v.checksum());
            assertThat(check.get("results").get(0).get("ruleSet").get("checksum").asText()).isEqualTo(v.checksum());

            // The command line with the database: that version and checksum, printed and used.
            String congresses = samples.resolve("congresses.csv").toString();
            String nominees = samples.resolve("nominees.csv").toString();
            Run text = cli(database(), "--congresses", congresses, "--nominees", nominees, "--lang", "en");
            assertThat(text.code()).as(text.err()).isZero();
            assertThat(text.err().lines().findFirst()).hasValue("Rule set " + v.version() + " (checksum "
                    + v.checksum() + "), active version in the database");
            Run json = cli(database(), "--congresses", congresses, "--nominees", nominees, "--format", "json");
            assertThat(json.code()).as(json.err()).isZero();
            JsonNode ruleSet = JSON.readTree(json.out()).get(0).get("ruleSet");
            assertThat(ruleSet.get("version").asText()).isEqualTo(v.version());
            assertThat(ruleSet.get("checksum").asText()).isEqualTo(v.checksum());

            // Without the database: the shipped set, named as such.
            Run plain = cli(CheckCommand.Database.NONE, "--congresses", congresses, "--nominees", nominees);
            assertThat(plain.err().lines().findFirst()).hasValue("Bộ quy tắc " + shipped.version() + " (mã kiểm tra "
                    + shipped.checksum() + "), bản đi kèm chương trình");
        } finally {
            ruleSetApprovals.activate(before, "approver"); // rollback, so other tests see the version they expect
        }
        // An unreadable database is an internal failure that names no server, user or password.
        Run down = cli(new CheckCommand.Database("jdbc:postgresql://127.0.0.1:1/none", "u", "secret"),
                "--congresses", "../data/samples/congresses.csv", "--nominees", "../data/samples/nominees.csv");
        assertThat(down.code()).isEqualTo(CheckCommand.INTERNAL);
        assertThat(down.err()).doesNotContain("secret", "127.0.0.1");
    }

    static HttpEntity<MultiValueMap<String, Object>> upload(byte[] congresses, byte[] nominees) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("congresses", file("congresses.csv", congresses));
        form.add("nominees", file("nominees.csv", nominees));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(form, headers);
    }

    static ByteArrayResource file(String name, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }
}
