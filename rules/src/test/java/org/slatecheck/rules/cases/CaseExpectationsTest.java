package org.slatecheck.rules.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slatecheck.rules.engine.RuleSetSnapshot;
import org.slatecheck.rules.engine.RuleSetSource;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.params.RuleSetParameters;

/**
 * A board raises the under-40 share from 10 to 15 %: the shipped STR-003 cases whose expected findings change are
 * found, said in Vietnamese ("Danh sách: … đạt yêu cầu → … chưa đạt yêu cầu"), and the file rewritten with the new
 * expectations passes under the changed rule set, its comments and other cases kept (issue 17 item 8).
 */
class CaseExpectationsTest {
    static final String TERM = "2025-2030";
    static RuleSetSnapshot raised;
    static String path;
    static String yaml;

    @BeforeAll
    static void raise() {
        RuleSetSource shipped = RuleSetSource.shipped(TERM);
        String values = shipped.parameterSet().withOverrides(Map.of("structure.under40_min_percent", "15")).text();
        RuleSetSource draft = shipped.withValues(values);
        raised = RuleSetSnapshot.of(List.of(draft));
        // The STR-003 case file, found through the rule set's own list of case files (wherever it is kept).
        Map.Entry<String, String> file = draft.cases().entrySet().stream()
                .filter(e -> CaseFile.parse(e.getKey(), e.getValue()).get(0).scope().equals(List.of("STR-003")))
                .findFirst().orElseThrow();
        path = file.getKey();
        yaml = file.getValue();
    }

    @Test
    void theChangedCasesAreFoundAndSaidInVietnamese() {
        List<CaseExpectations.Change> changes = CaseExpectations.changes(path, yaml, TERM, raised);
        assertThat(changes).isNotEmpty();
        CaseExpectations.Change first = changes.get(0);
        assertThat(first.index()).isEqualTo(0);
        assertThat(first.before().expected()).isEmpty();
        assertThat(first.after().expected()).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo("STR-003");
            assertThat(e.severity()).isEqualTo("NON_COMPLIANT");
            assertThat(CaseRunner.canon(e.evidence().get("required"))).isEqualTo("2");
        });
        Messages vi = Messages.of(Messages.VI);
        List<CaseExpectations.Subject> words = CaseExpectations.describe(first, vi);
        assertThat(words).singleElement().satisfies(s -> {
            assertThat(s.who()).isEqualTo("Danh sách");
            assertThat(s.who() + ": " + s.before() + " → " + s.after())
                    .isEqualTo("Danh sách: đạt yêu cầu → chưa đạt yêu cầu");
            assertThat(s.findingsAfter()).singleElement().asString().contains("STR-003").contains("Còn thiếu 1");
        });
        // The case's English name is not shown in Vietnamese: the case is named by its place and its rule.
        assertThat(CaseExpectations.name(first, vi)).startsWith("Ca kiểm thử số 1 của quy tắc ").contains("STR-003");
        assertThat(CaseExpectations.name(first, Messages.of(Messages.EN))).isEqualTo(first.name());
        // "2 of 20 … 1 of 20 fails" expects STR-003 without naming its severity: the list read as not compliant on
        // both sides, as it is (the severity the draft gives is the rule's).
        assertThat(CaseExpectations.describe(changes.get(2), vi)).singleElement().satisfies(s ->
                assertThat(s.before() + " → " + s.after()).isEqualTo("chưa đạt yêu cầu → chưa đạt yêu cầu"));
        // The cases of another term are not about this rule set: not listed.
        assertThat(changes).noneMatch(c -> c.name().contains("2020-2025"));
        // Evidence the case named stays the evidence it names (no keys added to a written expectation).
        assertThat(changes.get(1).after().expected().get(0).evidence()).containsOnlyKeys("under40", "total",
                "required", "missing");
    }

    @Test
    void theRewrittenFilePassesAndKeepsItsComments() {
        List<CaseExpectations.Change> changes = CaseExpectations.changes(path, yaml, TERM, raised);
        String rewritten = CaseExpectations.rewrite(yaml, changes);
        assertThat(rewritten.lines().findFirst().orElse("")).isEqualTo(yaml.lines().findFirst().orElse(""));
        List<RuleCase> before = CaseFile.parse(path, yaml);
        List<RuleCase> after = CaseFile.parse(path, rewritten);
        assertThat(after).hasSameSizeAs(before);
        List<String> problems = new ArrayList<>();
        for (RuleCase c : after) {
            if (c.term().equals(TERM)) {
                CaseRunner.problems(c, raised).forEach(p -> problems.add(c.displayName() + ": " + p));
            }
        }
        assertThat(problems).isEmpty();
        // Cases of another term and untouched cases read as before.
        for (int i = 0; i < before.size(); i++) {
            int n = i;
            if (changes.stream().noneMatch(c -> c.index() == n)) {
                assertThat(CaseExpectations.same(CaseExpectations.Expectation.of(before.get(i)),
                        CaseExpectations.Expectation.of(after.get(i)))).as(before.get(i).name()).isTrue();
            }
        }
        // The approver's comparison of the two files finds exactly the accepted changes.
        assertThat(CaseExpectations.compare(path, yaml, rewritten)).extracting(CaseExpectations.Change::index)
                .containsExactlyElementsOf(changes.stream().map(CaseExpectations.Change::index).toList());
    }
}
