package org.slatecheck.rules.params;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.slatecheck.rules.engine.RuleSets;

/**
 * Issue 20: a finding's citation is resolved once per (rule, parameter, level, congress date) and reused — it was
 * rendered anew, in both languages, for every finding. The answer stays the one of its own date and level.
 */
class CitationCacheTest {

    @Test
    void aCitationIsBuiltOncePerRuleParameterLevelAndDateAndStaysThatDatesOwn() {
        Citations c = RuleSets.shipped("2025-2030").citations();
        LocalDate date = LocalDate.of(2025, 9, 15);
        Citations.Cited first = c.entry("NUM-001", "committee.max_seats.COMMUNE", "COMMUNE", date);
        assertThat(first).isNotNull();
        // The same key: the same resolution, not a new one rendered again.
        assertThat(c.entry("NUM-001", "committee.max_seats.COMMUNE", "COMMUNE", date)).isSameAs(first);
        assertThat(c.entry("NUM-001", "committee.max_seats.COMMUNE", "COMMUNE", LocalDate.of(2025, 9, 15)))
                .isSameAs(first);
        assertThat(first.documents()).isUnmodifiable();
        // Every key keeps its own answer, equal to what the same question gives a fresh registry.
        var source = RuleSets.shippedSource("2025-2030");
        Citations fresh = Citations.parse(source.citations(), "citations.csv",
                Documents.parse(source.documents(), "documents.csv"));
        for (String rule : java.util.List.of("NUM-001", "AGE-001", "STR-001", "DIS-001")) {
            for (LocalDate d : java.util.List.of(LocalDate.of(2020, 1, 1), LocalDate.of(2025, 9, 15),
                    LocalDate.of(2025, 12, 31), LocalDate.of(2030, 6, 1))) {
                for (String level : new String[] {null, "COMMUNE", "PROVINCE"}) {
                    Citations.Cited cached = c.entry(rule, null, level, d);
                    assertThat(c.entry(rule, null, level, d)).isSameAs(cached);
                    // In reverse order on the fresh registry: a cache mixing keys up would differ.
                    assertThat(fresh.entry(rule, null, level, d)).isEqualTo(cached);
                    assertThat(cached == null ? null : cached.vi())
                            .isEqualTo(c.citation(rule, null, level, d));
                }
            }
        }
        // A rule without rows has no citation, cached or not.
        assertThat(c.entry("XXX-999", null, null, date)).isNull();
        assertThat(c.entry("XXX-999", null, null, date)).isNull();
    }
}
