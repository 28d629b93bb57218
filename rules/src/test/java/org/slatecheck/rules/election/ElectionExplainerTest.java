package org.slatecheck.rules.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The explanations in both languages and the citations by congress date through the document registry. */
class ElectionExplainerTest {
    static ElectionResult decide(LocalDate date, int seats, int convened, int... votes) {
        List<CandidateVotes> c = new java.util.ArrayList<>();
        int i = 0;
        for (int v : votes) {
            c.add(new CandidateVotes("C" + (++i), "Ứng viên " + i, v));
        }
        return ElectionRules.shipped().decide(new Election(Body.COMMITTEE, 1, seats, VoterKind.MEMBERS, date,
                convened, List.of()), new Tally(10, 10, 10, 0), c);
    }

    @Test
    void explainsEachCandidateInBothLanguages() {
        ElectionResult r = decide(LocalDate.of(2025, 6, 1), 1, 11, 6, 4);
        var vi = new ElectionExplainer("vi", ElectionExplainer.shippedDocuments());
        var en = new ElectionExplainer("en", ElectionExplainer.shippedDocuments());
        assertThat(vi.explain(r.candidates().get(0))).isEqualTo("6 phiếu / cơ sở 11: trúng cử (cần trên 5,5).");
        assertThat(en.explain(r.candidates().get(0))).isEqualTo("6 votes / base 11: elected (needs more than 5.5).");
        assertThat(en.explain(r.candidates().get(1))).isEqualTo("4 votes / base 11: not elected (needs more than 5.5).");
        assertThat(vi.percent(r.percentOfBase(6))).isEqualTo("54,55 %");
        assertThat(en.percent(r.percentOfBase(6))).isEqualTo("54.55%");
    }

    @Test
    void citesQuyetDinh244BeforeTheTenthOfOctober2024AndQuyDinh190FromThen() {
        var vi = new ElectionExplainer("vi", ElectionExplainer.shippedDocuments());
        List<String> before = vi.citations(decide(LocalDate.of(2024, 10, 9), 1, 11, 6));
        List<String> from = vi.citations(decide(LocalDate.of(2024, 10, 10), 1, 11, 6));
        assertThat(before).anyMatch(s -> s.contains("244-QĐ/TW")).noneMatch(s -> s.contains("190-QĐ/TW"));
        assertThat(from).anyMatch(s -> s.contains("190-QĐ/TW")).noneMatch(s -> s.contains("244-QĐ/TW"));
        assertThat(from).anyMatch(s -> s.startsWith("Điều lệ Đảng") && s.contains("Điều 12"));
        // the registry has them unconfirmed: said so, never passed off as checked
        assertThat(from).allMatch(s -> s.endsWith("(chưa đối chiếu văn bản gốc)"));
    }
}
