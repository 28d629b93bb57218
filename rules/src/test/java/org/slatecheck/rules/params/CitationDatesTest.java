package org.slatecheck.rules.params;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slatecheck.rules.engine.RuleSet;
import org.slatecheck.rules.engine.RuleSets;
import org.slatecheck.rules.intake.CongressReader;
import org.slatecheck.rules.model.Level;

/**
 * The law on the congress date (docs/specification.md section 5): every day of every term's congress season, at every
 * level, every rule — and every parameter or level a citation row names — cites only documents of the registry in
 * force that day: issued on or before it, in force by then and not replaced on or before it, with an amendment in
 * force named with the document it amends; the text names no other dated document; a rule with nothing in force says
 * it rests on the board's parameter. The "Why" cases of the issue are explicit assertions below.
 */
class CitationDatesTest {
    /** A date as the citation texts write it: "ngày 30/5/2019" / "of 30/5/2019". */
    private static final Pattern DATE = Pattern.compile("(?:ngày|of) (\\d{1,2})/(\\d{1,2})/(\\d{4})");

    /** Rules that deliberately cite nothing: missing data rests on no article, the message asks for the dossier. */
    private static final List<String> CITE_NOTHING = List.of("DAT-001");

    /** The first and last congress date of {@code term}: read through this one method wherever the code keeps it. */
    static LocalDate[] season(String term) {
        org.slatecheck.rules.params.Term t = org.slatecheck.rules.engine.RuleSets.shipped(term).term();
        return new LocalDate[] {t.seasonFrom(), t.seasonTo()};
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-2025", "2025-2030"})
    void everyFindingCitesOnlyDocumentsInForceOnTheCongressDate(String term) {
        RuleSet set = RuleSets.shipped(term);
        Citations citations = set.citations();
        Documents registry = citations.documents();
        LocalDate[] season = season(term);
        assertThat(season).as(term + " season").isNotNull();
        Set<String> rules = new LinkedHashSet<>(set.decisionRules().keySet());
        citations.entries().forEach(e -> rules.add(e.rule()));
        List<String> problems = new ArrayList<>();
        for (String rule : rules) {
            Set<String> parameters = new LinkedHashSet<>();
            parameters.add(null);
            citations.entries().stream().filter(e -> e.rule().equals(rule) && !e.parameter().isEmpty()
                    && !e.parameter().startsWith(Citations.LEVEL)).forEach(e -> parameters.add(e.parameter()));
            for (LocalDate day = season[0]; !day.isAfter(season[1]); day = day.plusDays(1)) {
                for (Level level : Level.values()) {
                    for (String parameter : parameters) {
                        String where = term + " " + rule + (parameter == null ? "" : "@" + parameter) + " at "
                                + level + " on " + day;
                        Citations.Cited c = citations.entry(rule, parameter, level.name(), day);
                        if (c == null) {
                            problems.add(where + ": no citation row");
                            continue;
                        }
                        if (CITE_NOTHING.contains(rule)) {
                            if (!c.vi().isEmpty() || !c.en().isEmpty()) {
                                problems.add(where + ": cites " + c.vi());
                            }
                            continue;
                        }
                        if (c.vi().isBlank() || c.en().isBlank()) {
                            problems.add(where + ": cites nothing");
                        }
                        check(registry, c, day, where, problems);
                    }
                }
                if (problems.size() > 50) {
                    assertThat(problems).isEmpty();
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The checks of one citation on one day (shared with {@link #aCitationOfARepealedOrLaterTextIsCaught()}). */
    static void check(Documents registry, Citations.Cited c, LocalDate day, String where, List<String> problems) {
        for (String id : c.documents()) {
            Documents.Document d = registry.get(id);
            if (d == null || d.issued() == null) {
                problems.add(where + ": " + id + " is not in the registry with a date");
                continue;
            }
            if (d.issued().isAfter(day) || d.start().isAfter(day)) {
                problems.add(where + ": cites " + id + ", issued or in force after the congress");
            }
            boolean amendment = c.documents().stream().map(registry::get)
                    .anyMatch(o -> o != null && id.equals(o.amendedBy()));
            if (!amendment && d.replacedOn() != null && !d.replacedOn().isAfter(day)) {
                problems.add(where + ": cites " + id + ", replaced on " + d.replacedOn());
            }
            if (d.amendedBy() != null && !d.amendedOn().isAfter(day)) {
                Documents.Document a = registry.get(d.amendedBy());
                if (!c.documents().contains(a.id()) || !c.vi().contains(a.reference("vi"))
                        || !c.en().contains(a.reference("en"))) {
                    problems.add(where + ": cites " + id + " without its amendment " + a.id());
                }
            }
            if (!c.vi().contains(d.reference("vi")) || !c.en().contains(d.reference("en"))) {
                problems.add(where + ": the text does not name " + id);
            }
        }
        // No other dated document in the words: every date written is one of a document cited, none after the day.
        for (String text : new String[] {c.vi(), c.en()}) {
            Matcher m = DATE.matcher(text);
            while (m.find()) {
                LocalDate named = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(1)));
                if (named.isAfter(day) || c.documents().stream().map(registry::get)
                        .noneMatch(d -> d.issued().equals(named))) {
                    problems.add(where + ": names a text of " + named + " in \"" + text + "\"");
                }
            }
        }
        if (c.documents().stream().map(registry::get).anyMatch(d -> !d.confirmed())) {
            if (c.confirmed() || !c.vi().contains("(chưa đối chiếu văn bản gốc)")
                    || !c.en().contains("(not checked against the text)")) {
                problems.add(where + ": an unconfirmed document is not marked");
            }
        }
    }

    @Test
    void aCitationOfARepealedOrLaterTextIsCaught() {
        // The check itself fails on what the old citations did: a document cited after its replacement, one cited
        // before it was issued, an amendment not named.
        Documents registry = RuleSets.shipped("2025-2030").citations().documents();
        List<String> problems = new ArrayList<>();
        check(registry, new Citations.Cited("Quyết định 244-QĐ/TW ngày 9/6/2014", "Decision 244-QĐ/TW of 9/6/2014",
                false, List.of("QD-244-2014")), LocalDate.of(2024, 11, 15), "NUM-003", problems);
        check(registry, new Citations.Cited("Chỉ thị 45-CT/TW ngày 14/4/2025", "Directive 45-CT/TW of 14/4/2025",
                false, List.of("CT-45-2025")), LocalDate.of(2024, 11, 15), "AGE-002", problems);
        check(registry, new Citations.Cited("Quy định 69-QĐ/TW ngày 6/7/2022", "Regulation 69-QĐ/TW of 6/7/2022",
                false, List.of("QD-69-2022")), LocalDate.of(2025, 3, 1), "DIS-001", problems);
        check(registry, new Citations.Cited("Tham số: Chỉ thị 45-CT/TW ngày 14/4/2025", "Board: of 14/4/2025",
                true, List.of()), LocalDate.of(2024, 11, 15), "typed", problems);
        assertThat(problems).anyMatch(p -> p.contains("replaced on 2024-10-10"))
                .anyMatch(p -> p.contains("issued or in force after")).anyMatch(p -> p.contains("without its amendment"))
                .anyMatch(p -> p.contains("not marked"));
    }

    private static String vi(String term, String rule, String parameter, Level level, LocalDate date) {
        return RuleSets.shipped(term).citations().entry(rule, parameter, level.name(), date).vi();
    }

    private static String en(String term, String rule, Level level, LocalDate date) {
        return RuleSets.shipped(term).citations().entry(rule, null, level.name(), date).en();
    }

    @Test
    void aGrassrootsCongressOfNovember2024CitesTheDirectiveAndElectionRegulationOfThen() {
        LocalDate day = LocalDate.of(2024, 11, 15);
        assertThat(vi("2025-2030", "AGE-002", null, Level.GRASSROOTS, day)).contains("Chỉ thị 35-CT/TW ngày 14/6/2024")
                .doesNotContain("45-CT/TW").doesNotContain("118-KL/TW");
        assertThat(vi("2025-2030", "NUM-003", null, Level.GRASSROOTS, day))
                .startsWith("Quy định 190-QĐ/TW ngày 10/10/2024, Điều 14").doesNotContain("244");
        assertThat(en("2025-2030", "NUM-003", Level.GRASSROOTS, day))
                .startsWith("Regulation 190-QĐ/TW of 10/10/2024, Article 14");
        assertThat(vi("2025-2030", "NUM-003", null, Level.GRASSROOTS, LocalDate.of(2024, 10, 9)))
                .contains("Quyết định 244-QĐ/TW ngày 9/6/2014").doesNotContain("190");
        // From 18/1/2025 the directive is named with Kết luận 118; from 14/4/2025 Chỉ thị 45 alone.
        assertThat(vi("2025-2030", "STR-001", null, Level.GRASSROOTS, LocalDate.of(2025, 1, 18)))
                .contains("Chỉ thị 35-CT/TW ngày 14/6/2024 (sửa đổi, bổ sung bởi Kết luận 118-KL/TW ngày 18/1/2025)");
        assertThat(vi("2025-2030", "STR-001", null, Level.GRASSROOTS, LocalDate.of(2025, 4, 13)))
                .contains("35-CT/TW").doesNotContain("45-CT/TW");
        assertThat(vi("2025-2030", "STR-001", null, Level.GRASSROOTS, LocalDate.of(2025, 4, 14)))
                .contains("Chỉ thị 45-CT/TW ngày 14/4/2025").doesNotContain("35-CT/TW", "118-KL/TW");
        assertThat(vi("2025-2030", "AGE-002", "age.reelection_min_months.PROVINCE.DEPUTY_SECRETARY",
                Level.PROVINCE, LocalDate.of(2024, 12, 1))).contains("35-CT/TW").doesNotContain("45-CT/TW");
    }

    @Test
    void postStandardsPlanningAndDisciplineFollowTheirReplacementsAndAmendment() {
        LocalDate before = LocalDate.of(2025, 8, 29);
        LocalDate after = LocalDate.of(2025, 9, 1);
        for (String rule : List.of("EDU-001", "EDU-002", "HLT-001")) {
            assertThat(vi("2025-2030", rule, null, Level.PROVINCE, before)).as(rule).contains("214-QĐ/TW")
                    .doesNotContain("365-QĐ/TW");
            assertThat(vi("2025-2030", rule, null, Level.PROVINCE, after)).as(rule)
                    .contains("Quy định 365-QĐ/TW ngày 30/8/2025").doesNotContain("89-QĐ/TW", "214-QĐ/TW");
            assertThat(vi("2025-2030", rule, null, Level.COMMUNE, after)).as(rule).doesNotContain("89-QĐ/TW");
        }
        assertThat(vi("2025-2030", "PLN-001", null, Level.PROVINCE, LocalDate.of(2025, 10, 7)))
                .contains("Quy định 50-QĐ/TW ngày 27/12/2021").doesNotContain("377");
        assertThat(vi("2025-2030", "PLN-001", null, Level.PROVINCE, LocalDate.of(2025, 10, 8)))
                .contains("Quy định 377-QĐ/TW ngày 8/10/2025").doesNotContain("50-QĐ/TW");
        assertThat(vi("2025-2030", "DIS-001", null, Level.PROVINCE, LocalDate.of(2025, 2, 13)))
                .startsWith("Quy định 69-QĐ/TW ngày 6/7/2022, Điều 2 khoản 5").doesNotContain("264");
        assertThat(vi("2025-2030", "DIS-001", null, Level.PROVINCE, LocalDate.of(2025, 2, 14))).startsWith(
                "Quy định 69-QĐ/TW ngày 6/7/2022, Điều 2 khoản 5 (sửa đổi, bổ sung bởi Quy định 264-QĐ/TW ngày 14/2/2025)");
        assertThat(en("2025-2030", "DIS-001", Level.PROVINCE, LocalDate.of(2025, 2, 14))).startsWith(
                "Regulation 69-QĐ/TW of 6/7/2022, Article 2 clause 5 (as amended by Regulation 264-QĐ/TW of 14/2/2025)");
    }

    @Test
    void theTwentyTwentySetCitesTheTextsOfThen() {
        LocalDate congress = LocalDate.of(2020, 9, 15);
        assertThat(vi("2020-2025", "DIS-001", null, Level.DISTRICT, congress)).contains("102-QĐ/TW")
                .doesNotContain("Điều 40");
        assertThat(vi("2020-2025", "DIS-002", null, Level.DISTRICT, congress)).contains("102-QĐ/TW",
                "Điều 40 khoản 3");
        assertThat(vi("2020-2025", "POL-002", null, Level.DISTRICT, congress)).contains("126-QĐ/TW");
        assertThat(vi("2020-2025", "FAM-001", null, Level.DISTRICT, congress)).contains("205-QĐ/TW");
        assertThat(vi("2020-2025", "NUM-003", null, Level.DISTRICT, congress)).contains("244-QĐ/TW")
                .doesNotContain("190");
        assertThat(vi("2020-2025", "CON-001", null, Level.DISTRICT, congress)).contains("262-QĐ/TW");
        assertThat(vi("2020-2025", "HLT-001", null, Level.PROVINCE, congress)).contains("214-QĐ/TW")
                .doesNotContain("90-QĐ/TW");
        assertThat(vi("2020-2025", "HLT-001", null, Level.PROVINCE, LocalDate.of(2019, 12, 1))).contains("90-QĐ/TW");
        assertThat(vi("2020-2025", "HLT-001", null, Level.DISTRICT, congress)).contains("89-QĐ/TW")
                .doesNotContain("214");
        assertThat(vi("2020-2025", "AGE-002", null, Level.DISTRICT, LocalDate.of(2019, 10, 17)))
                .doesNotContain("26-HD/BTCTW");
        assertThat(vi("2020-2025", "AGE-002", null, Level.DISTRICT, LocalDate.of(2019, 10, 18)))
                .contains("Chỉ thị 35-CT/TW ngày 30/5/2019", "Hướng dẫn 26-HD/BTCTW ngày 18/10/2019");
        // Before the term's directive nothing of it is in force: the rule says it rests on the board's parameter.
        assertThat(vi("2020-2025", "AGE-002", null, Level.DISTRICT, LocalDate.of(2019, 5, 29)))
                .isEqualTo("Tham số của ban tổ chức");
        assertThat(en("2020-2025", "AGE-002", Level.DISTRICT, LocalDate.of(2019, 5, 29)))
                .isEqualTo("Board parameter");
    }

    @Test
    void theQualityRegulationsAreCitedOnlyFromTheirDates() {
        assertThat(vi("2025-2030", "QUA-001", null, Level.COMMUNE, LocalDate.of(2025, 7, 20)))
                .contains("124-QĐ/TW").doesNotContain("366", "377");
        assertThat(vi("2025-2030", "QUA-001", null, Level.PROVINCE, LocalDate.of(2025, 8, 30)))
                .contains("366-QĐ/TW").doesNotContain("377", "124-QĐ/TW");
        assertThat(vi("2025-2030", "QUA-001", null, Level.PROVINCE, LocalDate.of(2025, 10, 8)))
                .contains("366-QĐ/TW", "377-QĐ/TW");
        assertThat(vi("2025-2030", "DAT-001", null, Level.COMMUNE, LocalDate.of(2025, 7, 8))).isEmpty();
    }

    @Test
    void citationTextsRestateNoThreshold() {
        // The message states the value from the parameter; a note never repeats it (issue 18 item 3).
        Pattern threshold = Pattern.compile("\\d+\\s*(%|tháng|months|tuổi|năm|years)");
        for (String term : RuleSets.terms()) {
            for (Citations.Entry e : RuleSets.shipped(term).citations().entries()) {
                assertThat(e.noteVi()).as(term + " " + e.rule()).doesNotContainPattern(threshold);
                assertThat(e.noteEn()).as(term + " " + e.rule()).doesNotContainPattern(threshold);
            }
        }
    }
}
