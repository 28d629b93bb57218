package org.slatecheck.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.slatecheck.rules.engine.RuleSet;
import org.slatecheck.rules.engine.RuleSetSource;
import org.slatecheck.rules.engine.RuleSets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A production database holds versions stored before the rules moved to one folder per rule (issue 18 item 4): their
 * rows in {@code rule_set_file} name the rules {@code org/slatecheck/rules/AGE/AGE-rules.drl} and the cases
 * {@code org/slatecheck/rules/AGE/AGE-002.cases.yaml}. Such a version, with this release's rules, is read as stored
 * (its checksum unchanged), compiles, and its old-path case files are still a board's files.
 */
@SpringBootTest
class EarlierLayoutVersionTest {
    private static final Pattern HEADER = Pattern.compile("(?s)^(package [^\\n]*\\n(?:\\n|import [^\\n]*\\n)*)");
    private static final Pattern RULE = Pattern.compile("(?ms)^rule\\s+\"[^\"]*\".*?^end\\b");
    private static final Pattern CASES = Pattern.compile("(org/slatecheck/rules/[A-Z]{3}/)[A-Z]{3}-\\d{3}/([^/]+\\.cases\\.yaml)");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuleSetCache ruleSetCache;
    @Autowired
    RuleSetVersions ruleSetVersions;

    /** The release's files in the earlier layout: one DRL per family, case files beside it. */
    static Map<String, String> earlierLayout(RuleSetSource source) {
        Map<String, String> files = new TreeMap<>();
        Map<String, String> headers = new TreeMap<>();
        Map<String, StringBuilder> rules = new TreeMap<>();
        source.files().forEach((path, text) -> {
            Matcher cases = CASES.matcher(path);
            if (path.endsWith(".drl")) {
                String family = path.substring(RuleSetSource.RULES_ROOT.length(), RuleSetSource.RULES_ROOT.length() + 3);
                Matcher h = HEADER.matcher(text);
                assertThat(h.find()).isTrue();
                headers.putIfAbsent(family, h.group(1));
                StringBuilder b = rules.computeIfAbsent(family, k -> new StringBuilder());
                Matcher r = RULE.matcher(text);
                while (r.find()) {
                    b.append('\n').append(r.group()).append('\n');
                }
            } else if (cases.matches()) {
                files.put(cases.group(1) + cases.group(2), text);
            } else {
                files.put(path, text);
            }
        });
        headers.forEach((family, header) -> files.put(RuleSetSource.RULES_ROOT + family + "/" + family + "-rules.drl",
                header + rules.get(family)));
        return files;
    }

    @Test
    void aVersionStoredWithFamilyFilesIsReadAsStoredAndCompiles() {
        RuleSetSource release = RuleSets.shippedSource("2025-2030");
        RuleSetSource earlier = new RuleSetSource("2025-2030", earlierLayout(release));
        assertThat(earlier.files()).containsKey("org/slatecheck/rules/AGE/AGE-rules.drl")
                .containsKey("org/slatecheck/rules/AGE/AGE-002.cases.yaml");
        Long id = jdbc.queryForObject("insert into rule_set_version (term, version, status, author, created_at, "
                + "checksum, based_on) values (?,?,?,?,?,?,?) returning id", Long.class, "2025-2030",
                "2025-2030.earlier-layout", "RETIRED", "system", Timestamp.from(Instant.now()), earlier.checksum(),
                null);
        earlier.files().forEach((path, text) -> jdbc.update("insert into rule_set_file (version_id, path, kind, "
                + "content) values (?,?,?,?)", id, path, RuleSetVersions.kind(path), text));

        RuleSetSource stored = ruleSetVersions.source(id);
        assertThat(stored.checksum()).isEqualTo(earlier.checksum()).isNotEqualTo(release.checksum());
        RuleSet compiled = ruleSetCache.compiled(id);
        assertThat(compiled.getChecksum()).isEqualTo(earlier.checksum());
        assertThat(compiled.ruleInfos()).hasSameSizeAs(RuleSets.shipped("2025-2030").ruleInfos());
        assertThat(ruleSetVersions.cases(id)).containsKey("org/slatecheck/rules/AGE/AGE-002.cases.yaml");
        assertThat(RuleSetDrafts.isBoardFile("org/slatecheck/rules/AGE/AGE-002.cases.yaml")).isTrue();
        assertThat(RuleSetDrafts.isBoardFile("org/slatecheck/rules/AGE/AGE-002/AGE-002.cases.yaml")).isTrue();
        assertThat(RuleSetDrafts.isBoardFile("org/slatecheck/rules/AGE/DIS-002/DIS-002.cases.yaml")).isFalse();
        assertThat(RuleSetDrafts.isBoardFile("org/slatecheck/rules/AGE/AGE-002/AGE-002.drl")).isFalse();
    }
}
