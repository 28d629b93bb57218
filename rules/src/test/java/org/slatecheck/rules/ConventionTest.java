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
import org.slatecheck.rules.catalogue.RuleCatalogue;
import org.slatecheck.rules.catalogue.RuleMeta;
import org.slatecheck.rules.engine.RuleInfo;
import org.slatecheck.rules.engine.RuleSet;
import org.slatecheck.rules.engine.RuleSets;
import org.slatecheck.rules.explain.Explainer;
import org.slatecheck.rules.model.Severity;

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
    void theCentralBundlesHaveTheSameKeysInBothLanguages() throws IOException {
        Properties vi = bundle("vi");
        Properties en = bundle("en");
        assertThat(en.stringPropertyNames()).as("keys in English but not Vietnamese")
                .isSubsetOf(vi.stringPropertyNames());
        assertThat(vi.stringPropertyNames()).as("keys in Vietnamese but not English")
                .isSubsetOf(en.stringPropertyNames());
    }

    /**
     * The folder contract (issue 18 item 4): every decision rule id has exactly one folder
     * {@code <FAMILY>/<RULE-ID>/} holding its DRL ({@code <RULE-ID>.drl}: its decision rule(s) and nothing else), its
     * metadata ({@code rule.properties}, every key; severity and bounds as the DRL declares them; the parameters the
     * DRL names; the optional columns it reads, as derived from the rule files; the documents its citation rows name),
     * its texts in both languages (title, message(s), remedy; the same keys in each) and at least one case file with
     * a failing case, a passing case and a boundary case; derivation rules live in {@code <FAMILY>/derived.drl}; no
     * other DRL, case file or rule folder; no rule's text is left in the central bundles.
     */
    @Test
    void everyRuleHasOneFolderWithItsRuleMetadataTextsAndCases() throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> blocksById = new TreeMap<>();
        Map<String, Path> drlById = new TreeMap<>();
        List<Path> files;
        try (var walk = Files.walk(RULES)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String rel = RULES.relativize(file).toString().replace('\\', '/');
            if (rel.startsWith("ELE/")) {
                // The election rules: their own rule base, one folder per rule with its election cases
                // (ElectionCasesTest holds their contract), texts under election.* in the central bundles.
                continue;
            }
            boolean inRuleFolder = rel.matches("[A-Z]{3}/([A-Z]{3}-\\d{3})/[^/]+")
                    && rel.substring(4, 7).equals(rel.substring(0, 3));
            if (rel.endsWith(".drl")) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                for (String block : RULE_BLOCK.matcher(text).results().map(r -> r.group()).toList()) {
                    java.util.regex.Matcher id = ID.matcher(block);
                    String ruleId = id.find() ? id.group(1) : "?";
                    if (rel.endsWith("/derived.drl") && rel.matches("[A-Z]{3}/derived\\.drl")) {
                        if (!ruleId.startsWith("DRV-")) {
                            problems.add(rel + " holds decision rule " + ruleId);
                        }
                    } else if (inRuleFolder && rel.equals(ruleId.substring(0, 3) + "/" + ruleId + "/" + ruleId + ".drl")) {
                        blocksById.computeIfAbsent(ruleId, k -> new ArrayList<>()).add(block);
                        drlById.put(ruleId, file);
                    } else {
                        problems.add(rel + " holds rule " + ruleId + " outside its place");
                    }
                }
            } else if (rel.endsWith(".cases.yaml")) {
                if (!inRuleFolder || !file.getFileName().toString().startsWith(rel.substring(4, 11))) {
                    problems.add(rel + " is a case file outside its rule's folder");
                }
            } else if (rel.contains("/")) {
                if (!inRuleFolder || !rel.matches(".*/(rule\\.properties|messages_(vi|en)\\.properties)")) {
                    problems.add(rel + " is not a rule folder's file");
                }
            }
        }
        Set<String> decisions = new TreeSet<>();
        for (String term : RuleSets.terms()) {
            decisions.addAll(RuleSets.shipped(term).ruleInfos().stream().filter(RuleInfo::isDecision)
                    .map(RuleInfo::id).toList());
        }
        assertThat(blocksById.keySet()).as("rule ids with a folder and DRL").isEqualTo(decisions);
        RuleCatalogue catalogue = RuleCatalogue.shipped();
        assertThat(catalogue.rules().keySet()).as("rule ids with metadata").isEqualTo(decisions);
        Map<String, Set<String>> columns = org.slatecheck.rules.intake.ColumnRulesTest.derive();
        Map<String, Set<String>> documents = citedDocuments();
        Map<String, int[]> counts = caseCounts();
        for (String id : decisions) {
            Path folder = drlById.get(id).getParent();
            RuleMeta meta = catalogue.rule(id);
            Properties raw = load(folder.resolve(RuleCatalogue.META));
            for (String key : List.of("id", "severity", "severities", "columns", "parameters", "documents", "needs",
                    "panel")) {
                if (!raw.containsKey(key)) {
                    problems.add(id + " metadata has no " + key);
                }
            }
            if (!id.equals(meta.id())) {
                problems.add(id + " metadata names id " + meta.id());
            }
            List<String> blocks = blocksById.get(id);
            Set<Severity> declared = new TreeSet<>();
            Set<Severity> bounds = new TreeSet<>();
            Set<String> parameters = new TreeSet<>();
            for (String block : blocks) {
                java.util.regex.Matcher sev = SEVERITY.matcher(block);
                if (sev.find()) {
                    declared.add(Severity.valueOf(sev.group(1)));
                }
                java.util.regex.Matcher more = SEVERITIES.matcher(block);
                if (more.find()) {
                    for (String x : more.group(1).split(",")) {
                        bounds.add(Severity.valueOf(x.strip()));
                    }
                }
                parameters.addAll(parametersNamed(block));
            }
            bounds.addAll(declared);
            check(problems, id + " severity", new TreeSet<>(meta.severity()), declared);
            check(problems, id + " severities (bounds)", new TreeSet<>(meta.severities()), bounds);
            if (!meta.parameters().containsAll(parameters)) {
                Set<String> missing = new TreeSet<>(parameters);
                missing.removeAll(meta.parameters());
                problems.add(id + " metadata lacks the parameters its DRL names: " + missing);
            }
            Set<String> reads = new TreeSet<>();
            columns.forEach((column, ids) -> {
                if (ids.contains(id)) {
                    reads.add(column);
                }
            });
            check(problems, id + " columns", new TreeSet<>(meta.columns()), reads);
            check(problems, id + " documents", new TreeSet<>(meta.documents()), documents.getOrDefault(id, Set.of()));
            if (!meta.needs().isEmpty() && !Set.of("committee_maximum", "standing_range", "deputy_secretaries")
                    .contains(meta.needs())) {
                problems.add(id + " needs an unknown limit " + meta.needs());
            }
            if (!meta.panel().isEmpty() && !Set.of("women", "under40", "band", "minority", "size").contains(meta.panel())) {
                problems.add(id + " judges an unknown bar of the structure panel " + meta.panel());
            }
            // Texts: the same keys in both languages, all of this rule, title, remedy and message(s), none blank.
            check(problems, id + " text keys vi/en", meta.vi().keySet(), meta.en().keySet());
            for (Map<String, String> texts : List.of(meta.vi(), meta.en())) {
                for (Map.Entry<String, String> e : texts.entrySet()) {
                    if (!e.getKey().matches("(title|message|remedy)\\." + id + "(\\.[A-Za-z0-9_]+)*")) {
                        problems.add(id + " texts hold a key of another rule: " + e.getKey());
                    }
                    if (e.getValue().isBlank()) {
                        problems.add(id + " text " + e.getKey() + " is blank");
                    }
                }
                for (String prefix : List.of("title." + id, "remedy." + id, "message." + id)) {
                    if (texts.keySet().stream().noneMatch(k -> k.equals(prefix) || k.startsWith(prefix + "."))) {
                        problems.add(id + " has no " + prefix);
                    }
                }
            }
            try (var list = Files.list(folder)) {
                if (list.noneMatch(p -> p.getFileName().toString().endsWith(".cases.yaml"))) {
                    problems.add(id + " has no case file");
                }
            }
            int[] c = counts.getOrDefault(id, new int[3]);
            if (c[0] == 0) {
                problems.add(id + " has no failing case");
            }
            if (c[1] == 0) {
                problems.add(id + " has no passing case");
            }
            if (c[2] == 0) {
                problems.add(id + " has no boundary case");
            }
        }
        for (String lang : List.of("vi", "en")) {
            bundle(lang).stringPropertyNames().stream()
                    .filter(k -> k.matches("(title|message|remedy)\\.[A-Z]{3}-\\d{3}(\\..*)?"))
                    .forEach(k -> problems.add("messages_" + lang + ".properties still holds " + k));
        }
        assertThat(problems).isEmpty();
    }

    private static final Path RULES = Path.of("src/main/resources/org/slatecheck/rules");
    private static final java.util.regex.Pattern RULE_BLOCK = java.util.regex.Pattern.compile(
            "(?ms)^rule\\s+\"[^\"]*\".*?^end\\b");
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("@id\\(\"([^\"]+)\"\\)");
    private static final java.util.regex.Pattern SEVERITY = java.util.regex.Pattern.compile(
            "@severity\\(\"([^\"]+)\"\\)");
    private static final java.util.regex.Pattern SEVERITIES = java.util.regex.Pattern.compile(
            "@severities\\(\"([^\"]+)\"\\)");
    private static final java.util.regex.Pattern PARAMETERS = java.util.regex.Pattern.compile(
            "@parameters\\(\"([^\"]*)\"\\)");
    /** {@code Parameters(…integer("x"))} and the like, and a finding's {@code .on("x")}. */
    private static final java.util.regex.Pattern CALL = java.util.regex.Pattern.compile(
            "\\b(?:integer|decimal|code|codes|hasCode|isSet|optionalInteger|on)\\(\"([A-Za-z_][A-Za-z0-9_.<>]*)\"");
    private static final java.util.regex.Pattern PER_LEVEL = java.util.regex.Pattern.compile(
            "\\bperLevel\\(\"([A-Za-z_][A-Za-z0-9_.]*)\",\\s*\\$?\\w+(?:,\\s*\"([A-Za-z0-9_]+)\")?\\)");

    /** The parameters a rule's text names: its {@code @parameters} and its calls on the parameters. */
    static Set<String> parametersNamed(String block) {
        Set<String> out = new TreeSet<>();
        String code = block.replaceAll("//[^\\n]*", "");
        PARAMETERS.matcher(code).results().forEach(m -> {
            for (String p : m.group(1).split(",")) {
                if (!p.isBlank()) {
                    out.add(p.strip());
                }
            }
        });
        CALL.matcher(code).results().forEach(m -> out.add(m.group(1)));
        PER_LEVEL.matcher(code).results().forEach(m -> out.add(m.group(1) + ".<LEVEL>"
                + (m.group(2) == null ? "" : "." + m.group(2))));
        return out;
    }

    private static <T> void check(List<String> problems, String what, Set<T> metadata, Set<T> actual) {
        if (!metadata.equals(actual)) {
            problems.add(what + ": metadata " + metadata + ", rule files " + actual);
        }
    }

    /** Rule id → the documents its citation rows name, over the shipped terms. */
    private static Map<String, Set<String>> citedDocuments() {
        Map<String, Set<String>> out = new TreeMap<>();
        for (String term : RuleSets.terms()) {
            String[] lines = RuleSets.shippedSource(term).citations().split("\\R");
            List<String> header = List.of(lines[0].split(","));
            int rule = header.indexOf("rule");
            int document = header.indexOf("document");
            for (int i = 1; i < lines.length; i++) {
                String[] cells = lines[i].split(",", -1);
                if (cells.length > Math.max(rule, document) && !cells[document].isBlank()) {
                    out.computeIfAbsent(cells[rule], k -> new TreeSet<>()).add(cells[document]);
                }
            }
        }
        return out;
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(reader);
            }
        }
        return p;
    }

    @Test
    void writesTheRuleCatalogue() throws IOException {
        RuleSet current = RuleSets.shipped("2025-2030");
        RuleSet previous = RuleSets.shipped("2020-2025");
        // The rules and their titles, severities and parameters from their folders' metadata (RuleCatalogue).
        Map<String, RuleMeta> byId = RuleCatalogue.shipped().rules();
        StringBuilder b = new StringBuilder();
        b.append("# Rule catalogue\n\n");
        b.append("Generated by `rules/src/test/java/org/slatecheck/rules/ConventionTest.java` from the rule folders' ")
                .append("metadata (`<FAMILY>/<RULE-ID>/rule.properties`, texts in the folder's `messages_*.properties`) and the shipped rule ")
                .append("sets (").append(current.getVersion()).append(", ").append(previous.getVersion())
                .append("); do not edit by hand. Parameters (those a rule uses, its own and those of the derived facts it matches) are declared once in `data/parameters.csv` and valued per term in `data/rulesets/<term>/values.csv` ")
                .append("(`<LEVEL>` stands for the congress level). Citations are the term's `data/rulesets/<term>/citations.csv`, naming documents of ")
                .append("`data/documents.csv` (a finding that rests on a parameter may cite that parameter's own row; a finding cites the documents ")
                .append("in force on the congress date, see the documents page `/documents`); shown for 2025-2030 as in force now and for 2020-2025 ")
                .append("as on 15/09/2020, for both terms where they differ.\n\n");
        b.append("| ID | Title (vi) | Title (en) | Severity | Citation | Parameters |\n");
        b.append("|---|---|---|---|---|---|\n");
        for (RuleMeta meta : byId.values()) {
            String severities = meta.severity().stream().map(Severity::name).sorted()
                    .collect(Collectors.joining(" or "));
            String now = current.citations().citation(meta.id(), null, null);
            String before = previous.citations().citation(meta.id(), null, TWENTY_TWENTY);
            String citation = now.equals(before) ? now : "2025-2030: " + now + "<br>2020-2025: " + before;
            b.append("| ").append(meta.id()).append(" | ").append(meta.vi().get("title." + meta.id())).append(" | ")
                    .append(meta.en().get("title." + meta.id())).append(" | ").append(severities).append(" | ")
                    .append(citation.replace("|", "\\|")).append(" | ")
                    .append(meta.parameters().isEmpty() ? "—" : "`" + String.join("`, `", meta.parameters()) + "`")
                    .append(" |\n");
        }
        Files.createDirectories(DOC.getParent());
        Files.writeString(DOC, b.toString(), StandardCharsets.UTF_8);
        assertThat(byId).hasSize(41);
    }

    /**
     * Per rule id: [cases where it is expected to fire, cases in its scope where it is not, cases in its scope
     * marked as its boundary].
     */
    private static Map<String, int[]> caseCounts() {
        Map<String, int[]> counts = new TreeMap<>();
        for (var c : org.slatecheck.rules.cases.CaseFiles.all()) {
            Set<String> firing = c.expectedRules();
            for (String id : c.scope()) {
                int[] n = counts.computeIfAbsent(id, k -> new int[3]);
                n[firing.contains(id) ? 0 : 1]++;
                if (c.boundary().contains(id)) {
                    n[2]++;
                }
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
