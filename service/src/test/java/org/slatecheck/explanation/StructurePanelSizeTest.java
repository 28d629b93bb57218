package org.slatecheck.explanation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slatecheck.rules.engine.RuleSets;
import org.slatecheck.rules.engine.Screening;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.explain.Labels;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.model.Conclusion;
import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Level;
import org.slatecheck.rules.model.ListKind;
import org.slatecheck.rules.model.Membership;
import org.slatecheck.rules.model.Nominee;
import org.slatecheck.rules.model.Post;
import org.slatecheck.rules.model.Sex;

/**
 * The structure panel's size line for a small body (docs/specification.md section 6): a body of at most five seats
 * needs exactly one name more (NUM-003), so the line says one number — never "cần từ 2 đến 1" (seats + 1 to seats
 * plus 30 % rounded down, inverted for 1 to 3 seats) — and agrees with NUM-003 on whether the size is right.
 */
class StructurePanelSizeTest {

    @ParameterizedTest
    @CsvSource({"1, 2, true", "1, 1, false", "3, 4, true", "3, 5, false", "5, 6, true", "6, 7, true", "6, 8, false"})
    void aSmallBodyNeedsExactlyOneMoreName(int seats, int names, boolean ok) {
        Congress congress = Congress.builder().id("S1").organisation("Chi bộ Mẫu").level(Level.COMMUNE)
                .term("2025-2030").referenceMonth(YearMonth.of(2025, 7)).congressDate(LocalDate.of(2025, 7, 20))
                .listKind(ListKind.ELECTION_LIST).committeeSeats(seats).build();
        List<Nominee> list = new ArrayList<>();
        for (int i = 0; i < names; i++) {
            list.add(Nominee.builder().congressId("S1").nomineeId("S" + i).fullName("Đồng chí " + i)
                    .sex(i % 2 == 0 ? Sex.F : Sex.M).birthDate(LocalDate.of(1980, 1, 1))
                    .membership(Membership.OFFICIAL).incumbent(false)
                    .proposedPosts(Set.of(i == 0 ? Post.SECRETARY : Post.COMMITTEE))
                    .politicalConclusion(Conclusion.MET).qualityRatings(Map.of()).assetDeclaration(true)
                    .healthOk(true).build());
        }
        ScreeningResult r = Screening.screen(RuleSets.shipped("2025-2030"), congress, list);
        JsonNode size = null;
        for (JsonNode bar : StructurePanel.of(r)) {
            if (bar.path("key").asText().equals("size")) {
                size = bar;
            }
        }
        assertThat(size).isNotNull();
        int min = size.path("minCount").asInt();
        int max = size.path("maxCount").asInt();
        assertThat(min).as("minCount ≤ maxCount").isLessThanOrEqualTo(max);
        assertThat(size.path("ok").asBoolean()).isEqualTo(ok);
        boolean num003 = r.listFindings().stream().anyMatch(f -> f.getRuleId().equals("NUM-003"));
        assertThat(size.path("ok").asBoolean()).as("the panel agrees with NUM-003").isEqualTo(!num003);
        String vi = Labels.of(Messages.of(Messages.VI)).sizeValue(names, seats, min, max);
        assertThat(vi).doesNotContainPattern("từ (\\d+) đến (\\d+)").isEqualTo(seats <= 5
                ? names + " đồng chí cho " + seats + " ủy viên (cần đúng " + (seats + 1) + ")" : vi);
    }
}
