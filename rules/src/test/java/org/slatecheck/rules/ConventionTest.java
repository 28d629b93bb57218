package org.slatecheck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.kie.api.definition.rule.Rule;
import org.slatecheck.rules.engine.RuleInfo;
import org.slatecheck.rules.engine.RuleSet;
import org.slatecheck.rules.engine.RuleSets;
import org.slatecheck.rules.explain.Explainer;
import org.slatecheck.rules.explain.Messages;

/**
 * House rules for rules: every rule carries its metadata, an id is used by one rule file only, every decision rule
 * has a failing and a passing case, and every rule has its title and messages in both languages. Also writes
 * {@code docs/rules.md}, the catalogue a non-programmer reads.
 */
class ConventionTest {
    private static final Path DOC = Path.of("../docs/rules.md");
    /** The date the catalogue shows the 2020-2025 citations for (a district congress of that season). */
    private static final java.time.LocalDate TWENTY_TWENTY = java.time.LocalDate.of(2020, 9, 15);

    @Test
    void everyRuleHasMetadataAndAnIdUsedInOneFileOnly() {
        for (String term : RuleSets.terms()) {
            RuleSet set = RuleSets.shipped(term);
            Map<String, Set<String>> packagesById = new TreeMap<>();
            for (Rule rule : set.rules()) {
                RuleInfo info = RuleInfo.of(rule); // throws when @id or @severity/@derives is missing
                assertThat(info.id()).as(rule.getName()).matches(info.isDecision() ? "[A-Z]{3}-\\d{3}" : "DRV-[A-Z-]+");
                if (info.isDecision()) {
                    // Every rule has a citation row; DAT-001 (missing data) deliberately cites nothing
                    // (CitationDatesTest checks what is in force on every congress date).
                    assertThat(set.citations().citation(info.id(), null, null)).as(info.id() + " citation")
                            .isNotNull();
                    // One folder per rule prefix: a decision rule lives in the folder (package) named by its prefix.
                    assertThat(rule.getPackageName()).as(info.id() + " folder")
                            .isEqualTo("org.slatecheck.rules." + info.id().substring(0, 3));
                }
                packagesById.computeIfAbsent(info.id(), k -> new TreeSet<>()).add(rule.getPackageName());
            }
            packagesById.forEach((id, packages) -> assertThat(packages).as("files that use id " + id).hasSize(1));
        }
    }

    @Test
    void everyDecisionRuleHasAFailingAndAPassingCase() throws IOException {
        Map<String, int[]> counts = caseCounts();
        List<String> missing = new ArrayList<>();
        for (String id : decisionIds()) {
            int[] c = counts.getOrDefault(id, new int[2]);
            if (c[0] == 0) {
                missing.add(id + " has no failing case");
            }
            if (c[1] == 0) {
                missing.add(id + " has no passing case");
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyRuleHasItsTextsInBothLanguages() throws IOException {
        Properties vi = bundle("vi");
        Properties en = bundle("en");
        assertThat(en.stringPropertyNames()).as("keys in English but not Vietnamese")
                .isSubsetOf(vi.stringPropertyNames());
        assertThat(vi.stringPropertyNames()).as("keys in Vietnamese but not English")
                .isSubsetOf(en.stringPropertyNames());
        for (String id : decisionIds()) {
            List<String> keys = new ArrayList<>(List.of("title." + id, "remedy." + id));
            // A rule with several situations chooses its message variant itself (message.ID.VARIANT).
            vi.stringPropertyNames().stream().filter(k -> k.startsWith("message." + id + ".")).forEach(keys::add);
            if (keys.size() == 1) {
                keys.add("message." + id);
            }
            for (String key : keys) {
                assertThat(vi.getProperty(key)).as("vi " + key).isNotBlank();
                assertThat(en.getProperty(key)).as("en " + key).isNotBlank();
            }
        }
    }

    @Test
    void writesTheRuleCatalogue() throws IOException {
        Messages vi = Messages.of(Messages.VI);
        Messages en = Messages.of(Messages.EN);
        RuleSet current = RuleSets.shipped("2025-2030");
        RuleSet previous = RuleSets.shipped("2020-2025");
        Map<String, RuleInfo> byId = new TreeMap<>();
        for (RuleInfo info : current.ruleInfos()) {
            if (info.isDecision()) {
                byId.merge(info.id(), info, (a, b) -> a.severity().compareTo(b.severity()) <= 0 ? a : b);
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("# Rule catalogue\n\n");
        b.append("Generated by `rules/src/test/java/org/slatecheck/rules/ConventionTest.java` from the shipped rule ")
                .append("sets (").append(current.getVersion()).append(", ").append(previous.getVersion())
                .append("); do not edit by hand. Parameters are declared once in `data/parameters.csv` and valued per term in `data/rulesets/<term>/values.csv` ")
                .append("(`<LEVEL>` stands for the congress level). Citations are the term's `data/rulesets/<term>/citations.csv`, naming documents of ")
                .append("`data/documents.csv` (a finding that rests on a parameter may cite that parameter's own row; a finding cites the documents ")
                .append("in force on the congress date, see the documents page `/documents`); shown for 2025-2030 as in force now and for 2020-2025 ")
                .append("as on 15/09/2020, for both terms where they differ.\n\n");
        b.append("| ID | Title (vi) | Title (en) | Severity | Citation | Parameters |\n");
        b.append("|---|---|---|---|---|---|\n");
        for (RuleInfo info : byId.values()) {
            String severities = current.ruleInfos().stream().filter(i -> i.id().equals(info.id()))
                    .map(i -> i.severity().name()).distinct().sorted().collect(Collectors.joining(" or "));
            String now = current.citations().citation(info.id(), null, null);
            String before = previous.citations().citation(info.id(), null, TWENTY_TWENTY);
            String citation = now.equals(before) ? now : "2025-2030: " + now + "<br>2020-2025: " + before;
            b.append("| ").append(info.id()).append(" | ").append(vi.raw("title." + info.id())).append(" | ")
                    .append(en.raw("title." + info.id())).append(" | ").append(severities).append(" | ")
                    .append(citation.replace("|", "\\|")).append(" | ")
                    .append(info.parameters().isEmpty() ? "—" : "`" + info.parameters().replace(", ", "`, `") + "`")
                    .append(" |\n");
        }
        Files.createDirectories(DOC.getParent());
        Files.writeString(DOC, b.toString(), StandardCharsets.UTF_8);
        assertThat(byId).hasSize(41);
    }

    private static Set<String> decisionIds() {
        return RuleSets.shipped("2025-2030").ruleInfos().stream().filter(RuleInfo::isDecision).map(RuleInfo::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Per rule id: [cases where it is expected to fire, cases in its scope where it is not]. */
    private static Map<String, int[]> caseCounts() {
        Map<String, int[]> counts = new TreeMap<>();
        for (var c : org.slatecheck.rules.cases.CaseFiles.all()) {
            Set<String> firing = c.expectedRules();
            for (String id : c.scope()) {
                counts.computeIfAbsent(id, k -> new int[2])[firing.contains(id) ? 0 : 1]++;
            }
        }
        return counts;
    }

    private static Properties bundle(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ConventionTest.class.getResourceAsStream("/org/slatecheck/rules/messages_" + lang
                + ".properties")) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
