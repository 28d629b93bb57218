package org.slatecheck.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Conclusion;
import org.slatecheck.rules.model.Level;
import org.slatecheck.rules.model.ListKind;
import org.slatecheck.rules.model.ListStatus;
import org.slatecheck.rules.model.Membership;
import org.slatecheck.rules.model.Nominee;
import org.slatecheck.rules.model.Outcome;
import org.slatecheck.rules.model.Post;
import org.slatecheck.rules.model.Sex;

/** The facade: thread-safe, deterministic, and strict about what it is given. */
class ScreeningTest {
    static final Congress CONGRESS = Congress.builder().id("C1").organisation("Đảng bộ tỉnh Mẫu").level(Level.PROVINCE)
            .term("2025-2030").referenceMonth(YearMonth.of(2025, 9)).listKind(ListKind.ELECTION_LIST)
            .committeeSeats(10).build();

    static List<Nominee> nominees(int count) {
        List<Nominee> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(Nominee.builder().congressId("C1").nomineeId("N" + i).fullName("Người " + i)
                    .sex(i % 3 == 0 ? Sex.F : Sex.M).birthDate(LocalDate.of(1960 + i % 30, 1 + i % 12, 1))
                    .membership(i == 5 ? Membership.PROBATIONARY : Membership.OFFICIAL).incumbent(i % 2 == 0)
                    .proposedPosts(Set.of(Post.COMMITTEE)).politicalConclusion(Conclusion.MET)
                    .qualityRatings(Map.of()).assetDeclaration(true).healthOk(true).build());
        }
        return list;
    }

    @Test
    void givesTheSameSortedResultFromManyThreadsAtOnce() throws Exception {
        RuleSet set = RuleSets.shipped("2025-2030");
        List<Nominee> list = nominees(12);
        ScreeningResult first = Screening.screen(set, CONGRESS, list);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ScreeningResult>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                futures.add(pool.submit(() -> Screening.screen(set, CONGRESS, list)));
            }
            for (Future<ScreeningResult> f : futures) {
                ScreeningResult r = f.get();
                assertThat(r.nominees()).isEqualTo(first.nominees());
                assertThat(r.listFindings()).isEqualTo(first.listFindings());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(first.nominees()).extracting(n -> n.nominee().getNomineeId())
                .containsExactlyElementsOf(list.stream().map(Nominee::getNomineeId).toList());
        assertThat(first.nominees().get(5).outcome()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(first.nominees().get(5).findings()).extracting(Finding::getRuleId).contains("MEM-001");
        for (NomineeResult n : first.nominees()) {
            assertThat(n.findings()).isSortedAccordingTo(Finding.ORDER);
        }
        assertThat(first.listStatus()).isEqualTo(ListStatus.NON_COMPLIANT); // 12 names for 10 seats is lawful, but
        assertThat(first.listFindings()).extracting(Finding::getRuleId).contains("STR-003"); // nobody is under 40
    }

    @Test
    void aColumnAbsentFromTheFileGivesNoFindingsOfTheRulesThatNeedIt() {
        RuleSet set = RuleSets.shipped("2025-2030");
        // Nobody has ratings: with the column in the file (empty cells) QUA-002 asks for them...
        List<Nominee> list = List.of(Nominee.builder().congressId("C1").nomineeId("R1").fullName("Người R")
                .sex(Sex.F).birthDate(LocalDate.of(1978, 6, 1)).membership(Membership.OFFICIAL).incumbent(true)
                .proposedPosts(Set.of(Post.COMMITTEE)).politicalTheory(org.slatecheck.rules.model.PoliticalTheory.CAO_CAP)
                .education(org.slatecheck.rules.model.Education.BACHELOR).politicalConclusion(Conclusion.MET)
                .qualityRatings(Map.of()).assetDeclaration(true).healthOk(true).build());
        ScreeningResult withColumn = Screening.screen(set, CONGRESS, list, Map.of());
        assertThat(withColumn.nominees().get(0).findings()).extracting(Finding::getRuleId).contains("QUA-002");
        // ...without the column nothing is concluded from it: QUA-001/002 are not checked, and give no finding.
        ScreeningResult without = Screening.screen(set, CONGRESS, list,
                Map.of("quality_ratings", List.of("QUA-001", "QUA-002")));
        assertThat(without.nominees().get(0).findings()).extracting(Finding::getRuleId)
                .doesNotContain("QUA-001", "QUA-002");
        assertThat(without.nominees().get(0).outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(without.notChecked()).contains("QUA-001", "QUA-002");
        // A data rule's finding about another field stays: DAT-002 on a join date, with the conclusion-date
        // column absent.
        List<Nominee> early = List.of(Nominee.builder().congressId("C1").nomineeId("E1").fullName("Người E")
                .sex(Sex.M).birthDate(LocalDate.of(1980, 6, 1)).partyJoinDate(LocalDate.of(1997, 1, 1))
                .membership(Membership.OFFICIAL).incumbent(false).proposedPosts(Set.of(Post.COMMITTEE))
                .politicalTheory(org.slatecheck.rules.model.PoliticalTheory.CAO_CAP)
                .education(org.slatecheck.rules.model.Education.BACHELOR).politicalConclusion(Conclusion.MET)
                .qualityRatings(Map.of()).assetDeclaration(true).healthOk(true).build());
        ScreeningResult dat = Screening.screen(set, CONGRESS, early,
                Map.of("political_conclusion_date", List.of("DAT-002", "POL-003")));
        assertThat(dat.nominees().get(0).findings()).extracting(Finding::getRuleId).contains("DAT-002");
        ScreeningResult noJoin = Screening.screen(set, CONGRESS, early, Map.of("party_join_date", List.of("DAT-002")));
        assertThat(noJoin.nominees().get(0).findings()).extracting(Finding::getRuleId).doesNotContain("DAT-002");
    }

    @Test
    void refusesAnEmptyListAndDuplicateIds() {
        RuleSet set = RuleSets.shipped("2025-2030");
        assertThatThrownBy(() -> Screening.screen(set, CONGRESS, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        List<Nominee> twice = new ArrayList<>(nominees(2));
        twice.add(twice.get(0));
        assertThatThrownBy(() -> Screening.screen(set, CONGRESS, twice)).isInstanceOf(IllegalArgumentException.class);
    }
}
