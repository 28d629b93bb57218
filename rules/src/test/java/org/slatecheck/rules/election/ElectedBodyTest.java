package org.slatecheck.rules.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slatecheck.rules.engine.Finding;
import org.slatecheck.rules.engine.RuleSets;
import org.slatecheck.rules.engine.RuleSetSnapshot;
import org.slatecheck.rules.intake.CongressList;
import org.slatecheck.rules.intake.Intake;

/**
 * The sample's provincial list (40 nominees, 34 seats) voted on at a delegates' congress: 32 well over half, three
 * tied at 200 for the last two seats, one at exactly half of the base; the elected committee's structure is its own
 * result (3 women of 32 is below 15 %), without the election-list surplus rules.
 */
class ElectedBodyTest {
    static CongressList provincial() throws Exception {
        Path samples = Path.of("..", "data", "samples");
        return Intake.read(new Intake.Input("congresses.csv", Files.readAllBytes(samples.resolve("congresses.csv"))),
                new Intake.Input("nominees.csv", Files.readAllBytes(samples.resolve("nominees.csv"))),
                RuleSetSnapshot.shipped()).lists().stream()
                .filter(l -> l.congress().getId().equals("TINH-NB-2025")).findFirst().orElseThrow();
    }

    /** T01..T32 from 320 down, T33..T35 200 each, T36 174 (half of 348), T37..T40 100. */
    static List<CandidateVotes> votes(CongressList list) {
        List<CandidateVotes> out = new ArrayList<>();
        int i = 0;
        for (var n : list.nominees()) {
            i++;
            int v = i <= 32 ? 320 - i : i <= 35 ? 200 : i == 36 ? 174 : 100;
            out.add(new CandidateVotes(n.getNomineeId(), n.getFullName(), v));
        }
        return out;
    }

    @Test
    void provincialListWithATieAtTheLastSeatAndOneAtExactlyHalf() throws Exception {
        CongressList list = provincial();
        Election election = new Election(Body.COMMITTEE, 1, list.congress().getCommitteeSeats(), VoterKind.DELEGATES,
                list.congress().getCongressDate(), 350, List.of(new Deduction(2, DeductionReason.ABSENT_WHOLE_CONGRESS,
                "ốm")));
        ElectionResult result = ElectionRules.shipped().decide(election, new Tally(345, 342, 340, 2), votes(list));
        assertThat(result.errors()).isEmpty();
        assertThat(result.status()).isEqualTo(ElectionResult.Status.TIE);
        assertThat(result.elected()).hasSize(32);
        assertThat(ElectionCasesTest.ids(result.tied())).containsExactly("T33", "T34", "T35");
        assertThat(result.seatsLeft()).isEqualTo(2);
        assertThat(ElectionCasesTest.ids(result.nextRound())).containsExactly("T33", "T34", "T35");
        var vi = new ElectionExplainer("vi", ElectionExplainer.shippedDocuments());
        var t36 = result.candidates().stream().filter(r -> r.candidate().getCandidateId().equals("T36")).findFirst()
                .orElseThrow();
        assertThat(t36.outcome()).isEqualTo(ElectionResult.Outcome.NOT_ELECTED);
        assertThat(vi.explain(t36)).isEqualTo("174 phiếu / cơ sở 348: không trúng cử (cần trên 174).");

        ElectedBody.Result body = ElectedBody.check(RuleSets.shipped(list.congress().getTerm()), list.congress(),
                list.nominees(), result);
        assertThat(body.elected()).hasSize(32);
        assertThat(body.composition().getTotal()).isEqualTo(32);
        assertThat(body.composition().getWomen()).isEqualTo(3);
        assertThat(body.findings()).extracting(Finding::getRuleId).contains("STR-001")
                .doesNotContainAnyElementsOf(ElectedBody.SURPLUS_RULES);
        assertThat(body.compliant()).isFalse();
    }

    @Test
    void noStructureCheckForAnotherBodyOrWhenNobodyIsElected() throws Exception {
        CongressList list = provincial();
        Election secretary = new Election(Body.SECRETARY, 1, 1, VoterKind.COMMITTEE, list.congress().getCongressDate(),
                34, List.of());
        ElectionResult r = ElectionRules.shipped().decide(secretary, new Tally(34, 34, 34, 0),
                List.of(new CandidateVotes("T01", "x", 30)));
        assertThat(r.elected()).hasSize(1);
        assertThat(ElectedBody.check(RuleSets.shipped(list.congress().getTerm()), list.congress(), list.nominees(), r))
                .isNull();
    }
}
