package org.slatecheck.rules.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.slatecheck.rules.engine.RuleInfo;
import org.slatecheck.rules.engine.RuleSets;

/**
 * {@link ColumnRules} cannot drift from the rules: the rules that read each optional column are derived here from the
 * shipped rule files (a decision rule reads a column when its text names the column's nominee property, or matches a
 * fact derived by a rule that does), and must be exactly the ones {@link ColumnRules#NEEDED_BY} lists.
 */
public class ColumnRulesTest {
    private static final Path RULES = Path.of("src/main/resources/org/slatecheck/rules");
    private static final Pattern RULE = Pattern.compile("(?s)\\nrule\\s+\"[^\"]*\"(.*?)\\nend\\b");
    private static final Pattern ID = Pattern.compile("@id\\(\"([^\"]+)\"\\)");
    private static final Pattern DERIVES = Pattern.compile("@derives\\(\"([^\"]+)\"\\)");

    /** Nominee properties (and methods over them) by which a rule reads each optional column. */
    private static final Map<String, List<String>> PROPERTIES = Map.ofEntries(
            Map.entry("ethnicity", List.of("ethnicity", "minority")),
            Map.entry("hometown_province", List.of("hometownProvince")),
            Map.entry("party_join_date", List.of("partyJoinDate", "partyJoinLastDay")),
            Map.entry("consecutive_terms", List.of("consecutiveTerms")),
            Map.entry("political_theory", List.of("politicalTheory")),
            Map.entry("education", List.of("education")),
            Map.entry("discipline_form", List.of("disciplineForm")),
            Map.entry("discipline_pending", List.of("disciplinePending")),
            Map.entry("political_conclusion", List.of("politicalConclusion")),
            Map.entry("political_conclusion_date", List.of("politicalConclusionDate")),
            Map.entry("quality_ratings", List.of("qualityRatings", "ratingIn", "ratingBelow")),
            Map.entry("unresolved_complaints", List.of("unresolvedComplaints")),
            Map.entry("asset_declaration", List.of("assetDeclaration")),
            Map.entry("health_ok", List.of("healthOk")),
            Map.entry("relatives", List.of("relatives")),
            Map.entry("planned_posts", List.of("plannedPosts")),
            Map.entry("low_confidence_share", List.of("lowConfidenceShare")));

    /**
     * Facts that report missing data (DAT-001 turns them into findings): an absent column makes them fire for
     * everybody, which is visible, not a rule passed unseen.
     */
    private static final Set<String> REPORTS = Set.of("MissingField", "DAT-001");

    /**
     * Derived facts that carry several counts, each from other columns: a rule matching one reads a column only when
     * it names the field made from it (STR-005 reads {@code minority} of the list composition; STR-001 does not).
     */
    private static final Map<String, Map<String, String>> FIELDS = Map.of("ListComposition",
            Map.of("ethnicity", "minority"));

    @Test
    void listsEveryRuleThatReadsAnOptionalColumnAndNoOther() throws IOException {
        Map<String, Set<String>> derived = derive();
        Map<String, Set<String>> listed = new TreeMap<>();
        for (String column : PROPERTIES.keySet()) {
            listed.put(column, new TreeSet<>(ColumnRules.NEEDED_BY.get(column)));
        }
        assertThat(listed).isEqualTo(derived);
    }

    @Test
    void namesOnlyRulesOfTheCatalogueAndEveryOptionalColumn() {
        Set<String> ids = RuleSets.shipped("2025-2030").ruleInfos().stream().filter(RuleInfo::isDecision)
                .map(RuleInfo::id).collect(Collectors.toSet());
        ColumnRules.NEEDED_BY.values().forEach(rules -> assertThat(ids).containsAll(rules));
        List<String> optional = new ArrayList<>(Columns.NOMINEE.keySet());
        optional.removeAll(Columns.NOMINEE_REQUIRED);
        assertThat(ColumnRules.NEEDED_BY.keySet()).containsExactlyInAnyOrderElementsOf(optional);
    }

    /** Column → the decision rules that read it, from the rule files. */
    public static Map<String, Set<String>> derive() throws IOException {
        List<String[]> rules = new ArrayList<>(); // {id, derived type or null, text}
        try (Stream<Path> files = Files.walk(RULES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                String text = "\n" + Files.readString(file, StandardCharsets.UTF_8)
                        .replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
                Matcher m = RULE.matcher(text);
                while (m.find()) {
                    Matcher id = ID.matcher(m.group(1));
                    Matcher derives = DERIVES.matcher(m.group(1));
                    rules.add(new String[] {id.find() ? id.group(1) : "?", derives.find() ? derives.group(1) : null,
                            m.group(1)});
                }
            }
        }
        assertThat(rules).as("rules found in " + RULES).hasSizeGreaterThan(40);
        // Which columns each derived fact type depends on, to a fixed point (derived facts built from others).
        Map<String, Set<String>> factColumns = new HashMap<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String[] r : rules) {
                if (r[1] == null || REPORTS.contains(r[1])) {
                    continue;
                }
                Set<String> columns = factColumns.computeIfAbsent(r[1], k -> new TreeSet<>());
                changed |= columns.addAll(reads(r[2], factColumns));
            }
        }
        Map<String, Set<String>> byColumn = new TreeMap<>();
        PROPERTIES.keySet().forEach(c -> byColumn.put(c, new TreeSet<>()));
        for (String[] r : rules) {
            if (r[1] == null && !REPORTS.contains(r[0])) {
                for (String column : reads(r[2], factColumns)) {
                    byColumn.get(column).add(r[0]);
                }
            }
        }
        return byColumn;
    }

    /** The columns a rule's text reads: by property, or by matching a derived fact that reads them. */
    private static Set<String> reads(String text, Map<String, Set<String>> factColumns) {
        Set<String> columns = new TreeSet<>();
        PROPERTIES.forEach((column, properties) -> {
            for (String p : properties) {
                if (Pattern.compile("\\b" + p + "\\b").matcher(text).find()) {
                    columns.add(column);
                }
            }
        });
        factColumns.forEach((fact, cols) -> {
            if (Pattern.compile("\\b" + fact + "\\s*\\(").matcher(text).find()) {
                for (String column : cols) {
                    String field = FIELDS.getOrDefault(fact, Map.of()).get(column);
                    if (field == null || Pattern.compile("\\b" + field + "\\b").matcher(text).find()) {
                        columns.add(column);
                    }
                }
            }
        });
        return columns;
    }
}
