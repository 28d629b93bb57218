package org.slatecheck.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * A rule set version stored before the rules moved to one folder per rule (issue 18 item 4) names its rules by the
 * family files {@code PREFIX/PREFIX-rules.drl}; production databases hold such rows. The same rules under those
 * paths are this release's rules: the version compiles (to the release's files, so the build-time module is used)
 * and keeps its stored checksum; other rules under the old paths are still refused.
 */
class EarlierLayoutTest {
    private static final Pattern PACKAGE_AND_IMPORTS = Pattern.compile("(?s)^(package [^\\n]*\\n(?:\\n|import [^\\n]*\\n)*)");
    private static final Pattern RULE = Pattern.compile("(?ms)^rule\\s+\"[^\"]*\".*?^end\\b");

    /** The release's rules as the earlier release stored them: one file per family, derivation rules first. */
    static RuleSetSource inFamilyFiles(RuleSetSource source) {
        Map<String, String> headers = new TreeMap<>();
        Map<String, StringBuilder> bodies = new TreeMap<>();
        Map<String, String> files = new TreeMap<>(source.files());
        Map<String, String> drl = new LinkedHashMap<>();
        source.drlFiles().entrySet().stream()
                .sorted((a, b) -> Boolean.compare(!a.getKey().endsWith("/derived.drl"), !b.getKey().endsWith("/derived.drl")))
                .forEach(e -> drl.put(e.getKey(), e.getValue()));
        drl.forEach((path, text) -> {
            files.remove(path);
            String family = path.substring(RuleSetSource.RULES_ROOT.length(), RuleSetSource.RULES_ROOT.length() + 3);
            Matcher header = PACKAGE_AND_IMPORTS.matcher(text);
            assertThat(header.find()).as(path).isTrue();
            headers.putIfAbsent(family, header.group(1));
            Matcher rule = RULE.matcher(text);
            while (rule.find()) {
                bodies.computeIfAbsent(family, k -> new StringBuilder()).append('\n').append(rule.group()).append('\n');
            }
        });
        headers.forEach((family, header) -> files.put(RuleSetSource.RULES_ROOT + family + "/" + family + "-rules.drl",
                header + bodies.get(family)));
        return new RuleSetSource(source.id(), files);
    }

    @Test
    void theSameRulesInFamilyFilesAreThisReleasesRulesAndCompileToThem() {
        RuleSetSource release = RuleSets.shippedSource("2025-2030");
        RuleSetSource stored = inFamilyFiles(release);
        assertThat(stored.drlFiles().keySet()).contains(RuleSetSource.RULES_ROOT + "AGE/AGE-rules.drl")
                .noneMatch(p -> p.contains("/AGE-002/"));
        assertThat(stored.drlFiles()).isNotEqualTo(release.drlFiles());

        assertThat(stored.hasReleaseRules()).isTrue();
        assertThat(stored.rulesToCompile()).isEqualTo(release.drlFiles());
        RuleSet compiled = RuleSet.compile(stored);
        assertThat(compiled.getChecksum()).isEqualTo(stored.checksum()).isNotEqualTo(release.checksum());
        assertThat(compiled.kieBase()).isSameAs(RuleSets.shipped("2025-2030").kieBase());
        ScreeningResult before = Screening.screen(RuleSets.shipped("2025-2030"), ScreeningTest.CONGRESS,
                ScreeningTest.nominees(30));
        ScreeningResult after = Screening.screen(compiled, ScreeningTest.CONGRESS, ScreeningTest.nominees(30));
        assertThat(after.nominees().stream().mapToInt(n -> n.findings().size()).sum()).isPositive();
        assertThat(after.nominees().toString()).isEqualTo(before.nominees().toString());
        assertThat(after.listFindings().toString()).isEqualTo(before.listFindings().toString());
        assertThat(after.notChecked()).isEqualTo(before.notChecked());
    }

    @Test
    void otherRulesUnderTheOldPathsAreStillRefused() {
        RuleSetSource stored = inFamilyFiles(RuleSets.shippedSource("2025-2030"));
        String age = RuleSetSource.RULES_ROOT + "AGE/AGE-rules.drl";
        RuleSetSource changed = stored.with(age, stored.files().get(age).replace("$w.remainingMonths < months",
                "$w.remainingMonths <= months"));
        assertThat(changed.hasReleaseRules()).isFalse();
        assertThat(changed.rulesToCompile()).isEqualTo(changed.drlFiles());
        RuleSetSource appended = stored.with(age, stored.files().get(age) + "\nrule \"x\" @id(\"DRV-X\") "
                + "@derives(\"nothing\") when then System.exit(1); end\n");
        assertThat(appended.hasReleaseRules()).isFalse();
        RuleSetSource missing = stored.with(RuleSetSource.RULES_ROOT + "MEM/MEM-rules.drl", null);
        assertThat(missing.hasReleaseRules()).isFalse();
        assertThat(List.of(RuleSetSource.sameRules(stored.drlFiles(), changed.drlFiles()))).containsExactly(false);
    }
}
