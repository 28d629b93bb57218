package org.slatecheck.explanation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import org.junit.jupiter.api.Test;
import org.slatecheck.rules.engine.RuleSets;
import org.slatecheck.rules.engine.Screening;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.model.Conclusion;
import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Level;
import org.slatecheck.rules.model.ListKind;
import org.slatecheck.rules.model.Membership;
import org.slatecheck.rules.model.Nominee;
import org.slatecheck.rules.model.Post;
import org.slatecheck.rules.model.Sex;

/**
 * The structure panel says what the rules found (issue 18 item 4: it reads the list findings through the rules'
 * metadata instead of computing the verdicts a second time): a bar is bad exactly when a rule judging it fired, and
 * shows a target only where that rule applies.
 */
class StructurePanelTest {

    static Congress congress(Level level, int seats) {
        return Congress.builder().id("C1").organisation("Đảng bộ Mẫu").level(level).term("2025-2030")
                .referenceMonth(YearMonth.of(2025, 9)).listKind(ListKind.ELECTION_LIST).committeeSeats(seats).build();
    }

    /** {@code count} nominees, {@code women} of them women, born in {@code year}. */
    static List<Nominee> nominees(int count, int women, int year) {
        List<Nominee> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(Nominee.builder().congressId("C1").nomineeId("N" + i).fullName("Người " + i)
                    .sex(i < women ? Sex.F : Sex.M).birthDate(LocalDate.of(year, 1, 1))
                    .membership(Membership.OFFICIAL).incumbent(false).proposedPosts(Set.of(Post.COMMITTEE))
                    .politicalConclusion(Conclusion.MET).qualityRatings(Map.of()).assetDeclaration(true)
                    .healthOk(true).build());
        }
        return list;
    }

    static JsonNode bar(ArrayNode bars, String key) {
        for (JsonNode b : bars) {
            if (b.get("key").asText().equals(key)) {
                return b;
            }
        }
        throw new AssertionError("no bar " + key + " in " + bars);
    }

    static Set<String> listRules(ScreeningResult r) {
        Set<String> ids = new java.util.TreeSet<>();
        r.listFindings().forEach(f -> ids.add(f.getRuleId()));
        return ids;
    }

    @Test
    void aSmallBodyWithExactlyOneNameMoreIsAsTheRulesSay() {
        // docs/specification.md (section 6): 3 seats, 4 names is lawful (NUM-003 silent); the 30 % rule alone would allow none.
        ScreeningResult r = Screening.screen(RuleSets.shipped("2025-2030"), congress(Level.PROVINCE, 3),
                nominees(4, 2, 1980));
        assertThat(listRules(r)).doesNotContain("NUM-003");
        JsonNode size = bar(StructurePanel.of(r), "size");
        assertThat(size.get("ok").asBoolean()).isTrue();
        assertThat(size.get("minCount").asInt()).isEqualTo(4);
        assertThat(size.get("maxCount").asInt()).isEqualTo(4);

        ScreeningResult five = Screening.screen(RuleSets.shipped("2025-2030"), congress(Level.PROVINCE, 3),
                nominees(5, 2, 1980));
        assertThat(listRules(five)).contains("NUM-003");
        assertThat(bar(StructurePanel.of(five), "size").get("ok").asBoolean()).isFalse();
    }

    @Test
    void theAgeBandHasATargetOnlyWhereStr004AppliesAndEveryBadBarIsAFinding() {
        // Everybody aged 45: the band is 100 %, above the advised 50 % — at a province STR-004 fires.
        ScreeningResult province = Screening.screen(RuleSets.shipped("2025-2030"), congress(Level.PROVINCE, 10),
                nominees(12, 0, 1980));
        assertThat(listRules(province)).contains("STR-004", "STR-001");
        ArrayNode bars = StructurePanel.of(province);
        assertThat(bar(bars, "band").get("ok").asBoolean()).isFalse();
        assertThat(bar(bars, "band").has("min")).isTrue();
        assertThat(bar(bars, "women").get("ok").asBoolean()).isFalse();
        // At a commune the band is not a target (docs/specification.md: provincial and district committees only):
        // no finding, no target, not shown as bad.
        ScreeningResult commune = Screening.screen(RuleSets.shipped("2025-2030"), congress(Level.COMMUNE, 10),
                nominees(12, 0, 1980));
        assertThat(listRules(commune)).doesNotContain("STR-004").contains("STR-001");
        JsonNode band = bar(StructurePanel.of(commune), "band");
        assertThat(band.has("min")).isFalse();
        assertThat(band.get("ok").asBoolean()).isTrue();
        for (ScreeningResult r : List.of(province, commune)) {
            for (JsonNode b : StructurePanel.of(r)) {
                String key = b.get("key").asText();
                boolean found = r.listFindings().stream().anyMatch(f -> key.equals(
                        org.slatecheck.rules.catalogue.RuleCatalogue.shipped().rule(f.getRuleId()).panel()));
                assertThat(b.get("ok").asBoolean()).as(key).isEqualTo(!found);
            }
        }
    }
}
