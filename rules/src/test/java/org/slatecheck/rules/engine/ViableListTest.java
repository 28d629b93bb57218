package org.slatecheck.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.slatecheck.rules.explain.Explainer;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.intake.CongressList;
import org.slatecheck.rules.intake.Intake;
import org.slatecheck.rules.model.Conclusion;
import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Level;
import org.slatecheck.rules.model.ListKind;
import org.slatecheck.rules.model.ListStatus;
import org.slatecheck.rules.model.Membership;
import org.slatecheck.rules.model.Nominee;
import org.slatecheck.rules.model.Outcome;
import org.slatecheck.rules.model.Post;
import org.slatecheck.rules.model.Sex;

/**
 * The viable list (docs/specification.md section 6): the list rules evaluated once more on the nominees who are not INELIGIBLE,
 * with messages saying which list they judge.
 */
class ViableListTest {

    static List<CongressList> sample() throws Exception {
        Path samples = Path.of("..", "data", "samples");
        return Intake.read(new Intake.Input("congresses.csv", Files.readAllBytes(samples.resolve("congresses.csv"))),
                new Intake.Input("nominees.csv", Files.readAllBytes(samples.resolve("nominees.csv"))),
                org.slatecheck.rules.engine.RuleSetSnapshot.shipped()).lists();
    }

    static ScreeningResult screenSample(String congressId) throws Exception {
        CongressList l = sample().stream().filter(x -> x.congress().getId().equals(congressId)).findFirst()
                .orElseThrow();
        return Screening.screen(RuleSets.shipped(l.congress().getTerm()), l.congress(), l.nominees());
    }

    static Finding finding(List<Finding> findings, String ruleId) {
        return findings.stream().filter(f -> f.getRuleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError(ruleId + " not in " + findings));
    }

    @Test
    void theProvincialSampleWithoutItsSixIneligibleHasNoSurplusAndTwoWomenOf34() throws Exception {
        ScreeningResult r = screenSample("TINH-NB-2025");
        assertThat(r.nominees()).hasSize(40);
        assertThat(r.viableExcluded()).isEqualTo(6);
        assertThat(r.viableComposition().getTotal()).isEqualTo(34);
        assertThat(r.viableComposition().getWomen()).isEqualTo(2);

        Finding surplus = finding(r.viableListFindings(), "NUM-003");
        assertThat(surplus.getEvidence()).containsEntry("count", 34).containsEntry("seats", 34);
        assertThat(surplus.getVariant()).isEqualTo("few");
        Finding women = finding(r.viableListFindings(), "STR-001");
        assertThat(women.getEvidence()).containsEntry("women", 2).containsEntry("total", 34)
                .containsEntry("required", 6);
        assertThat(r.viableListStatus()).isEqualTo(ListStatus.NON_COMPLIANT);
        // The list as submitted is judged on its 40 names, which the viable pass leaves untouched.
        assertThat(r.composition().getTotal()).isEqualTo(40);
        assertThat(r.listFindings()).noneMatch(f -> f.getRuleId().equals("NUM-003"));
        assertThat(r.viableListFindings()).isSortedAccordingTo(Finding.ORDER)
                .allMatch(Finding::isListFinding).allMatch(f -> f.getCitation() != null);

        Explainer en = new Explainer(Messages.of(Messages.EN));
        assertThat(en.viableMessage(surplus, r.viableExcluded()))
                .startsWith("The 6 ineligible nominees are taken off the list; then the election list ").contains("34 names for 34 seats");
        assertThat(en.viableMessage(women, r.viableExcluded())).startsWith("The 6 ineligible nominees are taken off the list; then ")
                .contains("(2/34)");
        Explainer vi = new Explainer(Messages.of(Messages.VI));
        assertThat(vi.viableMessage(surplus, r.viableExcluded()))
                .startsWith("Có 6 đồng chí không đủ điều kiện, đưa ra khỏi danh sách; khi đó danh sách bầu cử ").contains("34");
    }

    @Test
    void isTheListAsSubmittedWhenNobodyIsIneligible() {
        Congress congress = congress("2025-2030", ListKind.ELECTION_LIST, 10);
        List<Nominee> list = nominees(12, -1);
        RuleSet set = RuleSets.shipped("2025-2030");
        ScreeningResult r = Screening.screen(set, congress, list);
        assertThat(r.count(Outcome.INELIGIBLE)).isZero();
        assertThat(r.viableExcluded()).isZero();
        assertThat(r.viableListFindings()).isEqualTo(r.listFindings());
        assertThat(r.viableComposition()).isSameAs(r.composition());
        assertThat(r.viableListStatus()).isEqualTo(r.listStatus());
        Explainer en = new Explainer(Messages.of(Messages.EN));
        for (Finding f : r.viableListFindings()) {
            assertThat(en.viableMessage(f, 0)).isEqualTo(en.message(f));
        }
    }

    /** 11 names for 10 seats is lawful; once the probationary member is off, 10 for 10 is not. */
    @ParameterizedTest
    @ValueSource(strings = {"2020-2025", "2025-2030"})
    void aCompliantListCanLoseItsSurplusOnceTheIneligibleAreOff(String term) {
        Congress congress = congress(term, ListKind.ELECTION_LIST, 10);
        ScreeningResult r = Screening.screen(RuleSets.shipped(term), congress, nominees(11, 10));
        assertThat(r.nominees().get(10).outcome()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(r.viableExcluded()).isEqualTo(1);
        assertThat(r.listStatus()).as(r.listFindings().toString()).isEqualTo(ListStatus.COMPLIANT);
        assertThat(r.viableListStatus()).isEqualTo(ListStatus.NON_COMPLIANT);
        Finding surplus = finding(r.viableListFindings(), "NUM-003");
        assertThat(surplus.getEvidence()).containsEntry("count", 10).containsEntry("seats", 10);
        assertThat(new Explainer(Messages.of(Messages.EN)).viableMessage(surplus, 1))
                .startsWith("The 1 ineligible nominee is taken off the list; then ");
        // The nominee rules are not evaluated again: outcomes and nominee findings come from the first pass only.
        assertThat(r.viableListFindings()).allMatch(Finding::isListFinding);
    }

    /**
     * The other way round is possible too: a personnel plan with one name too many and two secretaries is not
     * compliant, and without its ineligible second secretary it is. The result shows both as they are.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2020-2025", "2025-2030"})
    void aNonCompliantListCanBecomeCompliantOnceTheIneligibleAreOff(String term) {
        Congress congress = congress(term, ListKind.PERSONNEL_PLAN, 10);
        List<Nominee> list = nominees(11, Set.of(10), Set.of(0, 10));
        ScreeningResult r = Screening.screen(RuleSets.shipped(term), congress, list);
        assertThat(r.listFindings()).extracting(Finding::getRuleId).contains("NUM-006", "NUM-007");
        assertThat(r.listStatus()).isEqualTo(ListStatus.NON_COMPLIANT);
        assertThat(r.viableListFindings()).as(r.viableListFindings().toString()).isEmpty();
        assertThat(r.viableListStatus()).isEqualTo(ListStatus.COMPLIANT);
        assertThat(r.viableComposition().getTotal()).isEqualTo(10);
    }

    @Test
    void aListWhoseNomineesAreAllIneligibleLeavesNoNames() {
        Congress congress = congress("2025-2030", ListKind.PERSONNEL_PLAN, 3);
        List<Nominee> list = nominees(3, Set.of(0, 1, 2), Set.of(0));
        ScreeningResult r = Screening.screen(RuleSets.shipped("2025-2030"), congress, list);
        assertThat(r.viableExcluded()).isEqualTo(3);
        assertThat(r.viableComposition().getTotal()).isZero();
        assertThat(finding(r.viableListFindings(), "NUM-006").getEvidence()).containsEntry("count", 0);
        assertThat(finding(r.viableListFindings(), "NUM-007").getEvidence()).containsEntry("count", 0);
        assertThat(r.viableListStatus()).isEqualTo(ListStatus.NON_COMPLIANT);
    }

    @Test
    void aRuleTheBoardTurnedOffStaysOffOnTheViableList() throws Exception {
        RuleSetSource shipped = RuleSetSource.shipped("2025-2030");
        RuleSet set = RuleSet.compile(shipped.with(RuleSetSource.SWITCHES,
                "rule,enabled,severity,reason,source\nNUM-003,no,,Thử nghiệm,Nghị quyết số 1\n"));
        Congress congress = congress("2025-2030", ListKind.ELECTION_LIST, 10);
        ScreeningResult r = Screening.screen(set, congress, nominees(11, 10));
        assertThat(r.viableExcluded()).isEqualTo(1);
        assertThat(r.viableListFindings()).extracting(Finding::getRuleId).doesNotContain("NUM-003");
    }

    @Test
    void aCaseFileCanExpectTheViableListFindings() {
        String yaml = """
                rules: [NUM-003]
                cases:
                  - name: "10 for 10 once the probationary member is off"
                    congress: {list_kind: ELECTION_LIST, committee_seats: 10}
                    nominees: [{}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {membership: PROBATIONARY}]
                    expect: []
                    expectViable:
                      - {rule: NUM-003, evidence: {count: %d, seats: 10}}
                """;
        RuleSetSource shipped = RuleSetSource.shipped("2025-2030");
        var right = org.slatecheck.rules.cases.CaseFile.parse("v.cases.yaml", yaml.formatted(10)).get(0);
        assertThat(right.viableExpected()).hasSize(1);
        assertThat(org.slatecheck.rules.cases.CaseRunner.problems(right, shipped)).isEmpty();
        var wrong = org.slatecheck.rules.cases.CaseFile.parse("v.cases.yaml", yaml.formatted(11)).get(0);
        assertThat(org.slatecheck.rules.cases.CaseRunner.problems(wrong, shipped))
                .anyMatch(p -> p.startsWith("viable list: expected NUM-003"))
                .anyMatch(p -> p.startsWith("viable list: unexpected NUM-003"));
        var silent = org.slatecheck.rules.cases.CaseFile.parse("v.cases.yaml",
                yaml.replaceAll("(?s)    expectViable:.*", "")).get(0);
        assertThat(silent.viableExpected()).isNull();
    }

    static Congress congress(String term, ListKind kind, int seats) {
        return Congress.builder().id("V1").organisation("Đảng bộ xã Mẫu").level(Level.COMMUNE).term(term)
                .referenceMonth(term.equals("2020-2025") ? YearMonth.of(2020, 7) : YearMonth.of(2025, 7))
                .congressDate(term.equals("2020-2025") ? LocalDate.of(2020, 7, 20) : LocalDate.of(2025, 7, 20))
                .listKind(kind).committeeSeats(seats).build();
    }

    /** {@code count} nominees in their forties, a third women, the first proposed for secretary. */
    static List<Nominee> nominees(int count, int probationary) {
        return nominees(count, Set.of(probationary), Set.of(0));
    }

    /** The same, those at {@code probationary} probationary members (INELIGIBLE), those at {@code secretaries} proposed for secretary. */
    static List<Nominee> nominees(int count, Set<Integer> probationary, Set<Integer> secretaries) {
        List<Nominee> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(Nominee.builder().congressId("V1").nomineeId("V" + i).fullName("Người " + i)
                    .sex(i % 3 == 0 ? Sex.F : Sex.M).birthDate(LocalDate.of(1975 + i % 10, 1 + i % 12, 1))
                    .membership(probationary.contains(i) ? Membership.PROBATIONARY : Membership.OFFICIAL)
                    .incumbent(false).proposedPosts(Set.of(secretaries.contains(i) ? Post.SECRETARY : Post.COMMITTEE))
                    .politicalConclusion(Conclusion.MET).qualityRatings(Map.of()).assetDeclaration(true)
                    .healthOk(true).build());
        }
        return list;
    }
}
