package org.slatecheck.rules.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Runs every ELE rule's cases ({@code ELE/ELE-NNN/ELE-NNN.election-cases.yaml}, beside the rule): an election, a
 * tally and the votes; the findings of the file's rule must be exactly {@code expect} (rule and candidate), and the
 * optional {@code status}, {@code base}, {@code elected} (in order), {@code tied}, {@code nextRound} (in order) and
 * {@code explain} (candidate → Vietnamese explanation) must match. Every rule has a case file with a case where it
 * fires and one where it does not.
 */
class ElectionCasesTest {
    static final Path ROOT = Path.of("src/main/resources/org/slatecheck/rules/ELE");

    static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(p -> p.toString().endsWith(".election-cases.yaml")).sorted().toList();
        }
    }

    @TestFactory
    List<DynamicTest> everyCase() throws IOException {
        ElectionRules rules = ElectionRules.shipped();
        ElectionExplainer vi = new ElectionExplainer("vi", ElectionExplainer.shippedDocuments());
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files()) {
            Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            String rule = (String) doc.get("rule");
            for (Object o : (List<?>) doc.get("cases")) {
                Map<?, ?> c = (Map<?, ?>) o;
                tests.add(DynamicTest.dynamicTest(file.getFileName() + " › " + c.get("name"), () -> run(rules, vi,
                        rule, c)));
            }
        }
        return tests;
    }

    @SuppressWarnings("unchecked")
    static void run(ElectionRules rules, ElectionExplainer vi, String rule, Map<?, ?> c) {
        Map<String, Object> e = (Map<String, Object>) c.get("election");
        List<Deduction> deductions = new ArrayList<>();
        for (Object d : (List<?>) e.getOrDefault("deductions", List.of())) {
            Map<?, ?> m = (Map<?, ?>) d;
            deductions.add(new Deduction((Integer) m.get("count"), DeductionReason.valueOf((String) m.get("reason")),
                    null));
        }
        Election election = new Election(Body.valueOf((String) e.getOrDefault("body", "COMMITTEE")), 1,
                (Integer) e.get("seats"), VoterKind.valueOf((String) e.getOrDefault("kind", "MEMBERS")),
                LocalDate.parse(String.valueOf(e.getOrDefault("date", "2025-06-01"))), (Integer) e.get("convened"),
                deductions);
        Map<String, Integer> t = (Map<String, Integer>) c.get("tally");
        Tally tally = new Tally(t.get("issued"), t.get("returned"), t.get("valid"), t.get("invalid"));
        List<CandidateVotes> votes = new ArrayList<>();
        ((Map<String, Integer>) c.get("votes")).forEach((id, v) -> votes.add(new CandidateVotes(id, "Name " + id, v)));
        ElectionResult result = rules.decide(election, tally, votes);

        List<String> expected = new ArrayList<>();
        for (Object x : (List<?>) c.get("expect")) {
            Map<?, ?> m = (Map<?, ?>) x;
            expected.add(m.get("rule") + (m.get("candidate") == null ? "" : "[" + m.get("candidate") + "]"));
        }
        List<String> actual = result.findings().stream().filter(f -> f.getRuleId().equals(rule))
                .map(f -> f.getRuleId() + (f.getCandidateId() == null ? "" : "[" + f.getCandidateId() + "]"))
                .toList();
        assertThat(actual).as("findings of %s (all: %s)", rule, result.findings())
                .containsExactlyInAnyOrderElementsOf(expected);
        if (c.containsKey("status")) {
            assertThat(result.status()).as("status").isEqualTo(ElectionResult.Status.valueOf((String) c.get("status")));
        }
        if (c.containsKey("base")) {
            assertThat(election.getBase()).as("base").isEqualTo(c.get("base"));
        }
        if (c.containsKey("elected")) {
            assertThat(ids(result.elected())).as("elected").containsExactlyElementsOf((List<String>) c.get("elected"));
        }
        if (c.containsKey("tied")) {
            assertThat(ids(result.tied())).as("tied").containsExactlyElementsOf((List<String>) c.get("tied"));
        }
        if (c.containsKey("nextRound")) {
            assertThat(ids(result.nextRound())).as("next round")
                    .containsExactlyElementsOf((List<String>) c.get("nextRound"));
        }
        if (c.containsKey("explain")) {
            ((Map<String, String>) c.get("explain")).forEach((id, text) -> assertThat(vi.explain(
                    result.candidates().stream().filter(r -> r.candidate().getCandidateId().equals(id)).findFirst()
                            .orElseThrow())).as("explanation of " + id).isEqualTo(text));
        }
    }

    static List<String> ids(List<ElectionResult.CandidateResult> results) {
        return results.stream().map(r -> r.candidate().getCandidateId()).toList();
    }

    @Test
    void everyRuleHasCasesThatFireAndCasesThatDoNot() throws IOException {
        ElectionRules rules = ElectionRules.shipped();
        for (String id : rules.rules().keySet()) {
            Path file = ROOT.resolve(id).resolve(id + ".election-cases.yaml");
            assertThat(file).as("cases of " + id).exists();
            String text = Files.readString(file);
            assertThat(text).as(id + " fires in a case").containsPattern("\\{rule: " + id + "[,}]");
            assertThat(text).as(id + " has a case where it does not fire").contains("expect: []");
        }
    }
}
