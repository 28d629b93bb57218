package org.slatecheck.rules.params;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slatecheck.rules.engine.RuleSet;
import org.slatecheck.rules.engine.RuleSets;
import org.slatecheck.rules.model.Level;

/**
 * The citation-date convention (RULES.md section 4, version 2): a rule set never cites a document issued after the
 * congress it checks, and every finding cites something in force. Checked for every congress date a term's rule set
 * can meet — from the day its directive was issued (before it the term's rules did not exist) to the end of the
 * term's congress season — on every citation entry in force on that date.
 */
class CitationDatesTest {
    /** A document date as citations write it: "ngày 30/5/2019". */
    private static final Pattern DATE = Pattern.compile("ngày (\\d{1,2})/(\\d{1,2})/(\\d{4})");
    /** A document named by its number and type, e.g. "Quy định 69-QĐ/TW", "Chỉ thị 45-CT/TW", "Nghị định 135/2020". */
    private static final Pattern DOCUMENT = Pattern.compile(
            "(Quy định|Quyết định|Chỉ thị|Hướng dẫn|Kết luận|Nghị quyết|Nghị định|Bộ luật|Luật)\\s");

    /** The first and last congress date each shipped term checks. */
    private static final Map<String, LocalDate[]> RANGE = Map.of(
            "2020-2025", new LocalDate[] {LocalDate.of(2019, 5, 30), LocalDate.of(2021, 12, 31)},
            "2025-2030", new LocalDate[] {LocalDate.of(2025, 4, 14), LocalDate.of(2026, 12, 31)});

    /** Rules that deliberately cite nothing: missing data rests on no article, the message asks for the dossier. */
    private static final List<String> CITE_NOTHING = List.of("DAT-001");

    @ParameterizedTest
    @ValueSource(strings = {"2020-2025", "2025-2030"})
    void noCitationNamesADocumentIssuedAfterTheCongressesItIsInForceFor(String term) {
        RuleSet set = RuleSets.shipped(term);
        LocalDate first = RANGE.get(term)[0];
        List<String> problems = new ArrayList<>();
        for (Citations.Entry e : set.citations().entries()) {
            LocalDate earliest = e.from() == null || e.from().isBefore(first) ? first : e.from();
            Matcher m = DATE.matcher(e.citation());
            while (m.find()) {
                LocalDate issued = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(1)));
                if (issued.isAfter(earliest)) {
                    problems.add(e.rule() + " " + e.parameter() + " from " + earliest + " cites " + m.group());
                }
            }
            // Every document named carries its date, so that the check above sees it (Điều lệ Đảng has none).
            Matcher d = DOCUMENT.matcher(e.citation());
            int documents = 0;
            while (d.find()) {
                documents++;
            }
            int dates = (int) DATE.matcher(e.citation()).results().count();
            if (documents > dates) {
                problems.add(e.rule() + " " + e.parameter() + ": a document without its date in \"" + e.citation()
                        + "\"");
            }
            assertThat(e.citation()).as(e.rule()).doesNotContain("RULES.md").doesNotContain("SlateCheck");
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-2025", "2025-2030"})
    void everyDecisionRuleCitesSomethingInForceOnEveryCongressDateAtEveryLevel(String term) {
        RuleSet set = RuleSets.shipped(term);
        LocalDate[] range = RANGE.get(term);
        List<String> problems = new ArrayList<>();
        for (String rule : set.decisionRules().keySet()) {
            for (LocalDate day = range[0]; !day.isAfter(range[1]); day = day.plusDays(1)) {
                for (Level level : Level.values()) {
                    String c = set.citations().citation(rule, null, level.name(), day);
                    if (CITE_NOTHING.contains(rule) ? !"".equals(c) : c == null || c.isBlank()) {
                        problems.add(rule + " at " + level + " on " + day + ": " + c);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** A document number as both languages write it: 45-CT/TW, 102-QĐ/TW, 135/2020/NĐ-CP, 26-HD/BTCTW. */
    private static final Pattern NUMBER = Pattern.compile("\\d+(/\\d{4})?[-/][A-ZĐ]+(/[A-ZĐ-]+)?");
    private static final Pattern ANY_DATE = Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4}");

    @ParameterizedTest
    @ValueSource(strings = {"2020-2025", "2025-2030"})
    void everyCitationHasItsEnglishWordingNamingTheSameDocumentsAndDates(String term) {
        for (Citations.Entry e : RuleSets.shipped(term).citations().entries()) {
            String where = e.rule() + " " + e.parameter() + " " + e.from();
            assertThat(e.citationEn().isEmpty()).as(where).isEqualTo(e.citation().isEmpty());
            assertThat(NUMBER.matcher(e.citationEn()).results().map(MatchResult::group).toList()).as(where)
                    .isEqualTo(NUMBER.matcher(e.citation()).results().map(MatchResult::group).toList());
            assertThat(ANY_DATE.matcher(e.citationEn()).results().map(MatchResult::group).toList()).as(where)
                    .isEqualTo(ANY_DATE.matcher(e.citation()).results().map(MatchResult::group).toList());
            assertThat(e.citationEn()).as(where).doesNotContain("ngày", "Quy định", "Chỉ thị", "Tham số");
        }
    }

    @Test
    void theTwentyTwentySetCitesTheTextsOfThen() {
        RuleSet set = RuleSets.shipped("2020-2025");
        for (Citations.Entry e : set.citations().entries()) {
            assertThat(e.citation()).as(e.rule()).doesNotContain("69-QĐ/TW", "58-QĐ/TW", "114-QĐ/TW", "45-CT/TW",
                    "190-QĐ/TW", "96-QĐ/TW", "366-QĐ/TW", "377-QĐ/TW", "214-QĐ/TW ngày 2/1/2020: đủ");
        }
        LocalDate congress = LocalDate.of(2020, 9, 15);
        assertThat(set.citations().citation("DIS-001", null, "DISTRICT", congress)).contains("102-QĐ/TW")
                .doesNotContain("Điều 40");
        assertThat(set.citations().citation("DIS-002", null, "DISTRICT", congress)).contains("102-QĐ/TW",
                "Điều 40 khoản 3");
        assertThat(set.citations().citation("POL-002", null, "DISTRICT", congress)).contains("126-QĐ/TW");
        assertThat(set.citations().citation("FAM-001", null, "DISTRICT", congress)).contains("205-QĐ/TW");
        assertThat(set.citations().citation("NUM-003", null, "DISTRICT", congress)).contains("244-QĐ/TW")
                .doesNotContain("190");
        assertThat(set.citations().citation("CON-001", null, "DISTRICT", congress)).contains("262-QĐ/TW");
        assertThat(set.citations().citation("HLT-001", null, "PROVINCE", congress)).contains("214-QĐ/TW");
        assertThat(set.citations().citation("HLT-001", null, "PROVINCE", LocalDate.of(2019, 12, 1)))
                .contains("90-QĐ/TW");
        assertThat(set.citations().citation("HLT-001", null, "DISTRICT", congress)).contains("89-QĐ/TW")
                .doesNotContain("214");
    }

    @Test
    void theTwentyTwentyFiveSetCitesTheQualityRegulationsOnlyFromTheirDates() {
        RuleSet set = RuleSets.shipped("2025-2030");
        // A commune congress of 20/07/2025 cannot cite Quy định 366 (30/08/2025) or 377 (08/10/2025).
        assertThat(set.citations().citation("QUA-001", null, "COMMUNE", LocalDate.of(2025, 7, 20)))
                .doesNotContain("366", "377");
        assertThat(set.citations().citation("QUA-001", null, "PROVINCE", LocalDate.of(2025, 8, 30)))
                .contains("366-QĐ/TW").doesNotContain("377");
        assertThat(set.citations().citation("QUA-001", null, "PROVINCE", LocalDate.of(2025, 10, 8)))
                .contains("366-QĐ/TW", "377-QĐ/TW");
        assertThat(set.citations().citation("DIS-001", null, "PROVINCE", LocalDate.of(2025, 10, 8)))
                .contains("69-QĐ/TW").doesNotContain("Điều 40");
        assertThat(set.citations().citation("HLT-001", null, "PROVINCE", LocalDate.of(2025, 10, 8)))
                .contains("214-QĐ/TW");
        assertThat(set.citations().citation("HLT-001", null, "COMMUNE", LocalDate.of(2025, 7, 8)))
                .contains("89-QĐ/TW");
        assertThat(set.citations().citation("DAT-001", null, "COMMUNE", LocalDate.of(2025, 7, 8))).isEmpty();
    }
}
