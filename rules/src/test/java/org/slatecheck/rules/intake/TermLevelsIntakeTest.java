package org.slatecheck.rules.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slatecheck.rules.engine.RuleSetSnapshot;
import org.slatecheck.rules.engine.RuleSets;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Level;
import org.slatecheck.rules.params.ParameterException;
import org.slatecheck.rules.params.Term;

/**
 * Terms and levels as data (docs/specification.md section 5, and 9.2 on reference months): the season of each term
 * and the levels that exist on each date come from the term's {@code term.csv}; a congress outside every season, in a
 * term without a rule set, or at a level that does not exist on its date is an input error in words (vi and en), on
 * its line and column, never naming a level by its code. The boundaries: 30/06/2025 and 01/07/2025 (DISTRICT,
 * COMMUNE), 13/06/2024 and 14/06/2024 (season), 13/04/2025 and 14/04/2025 (Chỉ thị 45's reference months).
 */
class TermLevelsIntakeTest {
    static final String HEADER = "congress_id,organisation,level,term,list_kind,committee_seats,reference_month,"
            + "congress_date\n";
    static final String NOMINEES = "nominee_id,full_name,sex,birth_date,membership,incumbent,proposed_posts\n"
            + "A,X,M,1970,OFFICIAL,true,COMMITTEE\n";
    static final List<String> CODES = List.of("DISTRICT", "COMMUNE", "GRASSROOTS", "PROVINCE", "reference_month");

    private static String congress(String level, String term, String reference, String date) {
        return HEADER + "C1,Đảng bộ Mẫu," + level + "," + term + ",ELECTION_LIST,3," + reference + "," + date + "\n";
    }

    private static Congress read(String congresses) {
        return Intake.read(new Intake.Input("congresses.csv", congresses.getBytes(StandardCharsets.UTF_8)),
                new Intake.Input("nominees.csv", NOMINEES.getBytes(StandardCharsets.UTF_8)),
                RuleSetSnapshot.shipped()).lists().get(0).congress();
    }

    /** The reasons of the one error of reading {@code congresses}, in Vietnamese then English, with its place. */
    private static List<String> error(String congresses) {
        InputException e = catchThrowableOfType(() -> read(congresses), InputException.class);
        assertThat(e).as("an input error").isNotNull();
        assertThat(e.getErrors()).hasSize(1);
        InputError x = e.getErrors().get(0);
        assertThat(x.line()).isEqualTo(2);
        String vi = x.format(Messages.of(Messages.VI));
        for (String code : CODES) {
            // The Vietnamese text names levels and columns in words, never by their codes.
            assertThat(x.reason(Messages.of(Messages.VI))).as(vi).doesNotContain(code);
        }
        // The batch reads the congresses file with the same code and gives the same error.
        Intake.Congresses batch = Intake.congresses(new Intake.Input("congresses.csv",
                congresses.getBytes(StandardCharsets.UTF_8)), RuleSetSnapshot.shipped());
        assertThat(batch.errors()).containsExactly(x);
        return List.of(vi, x.format(Messages.of(Messages.EN)));
    }

    @Test
    void theShippedTermsAreTheDataFoldersWithTheirSeasonsAndLevels() {
        assertThat(RuleSets.terms()).containsExactly("2020-2025", "2025-2030");
        Term t = RuleSets.term("2025-2030");
        assertThat(t.seasonFrom()).isEqualTo(LocalDate.of(2024, 6, 14));
        assertThat(t.seasonTo()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(t.levelsOn(LocalDate.of(2025, 6, 30))).containsExactly(Level.PROVINCE, Level.DISTRICT,
                Level.ABOVE_GRASSROOTS, Level.GRASSROOTS);
        assertThat(t.levelsOn(LocalDate.of(2025, 7, 1))).containsExactly(Level.PROVINCE, Level.ABOVE_GRASSROOTS,
                Level.COMMUNE, Level.GRASSROOTS);
        Term old = RuleSets.term("2020-2025");
        assertThat(old.seasonFrom()).isEqualTo(LocalDate.of(2019, 1, 1));
        assertThat(old.seasonTo()).isEqualTo(LocalDate.of(2021, 12, 31));
        // 2020-2025 keeps every level for the whole season, COMMUNE included (docs/specification.md section 5 concerns 2025-2030).
        assertThat(old.levelsOn(LocalDate.of(2020, 7, 1))).containsExactlyInAnyOrder(Level.values());
    }

    @Test
    void aDistrictCongressOnTheLastDayOfTheDistrictsIsReadAndOnTheNextDayIsAnErrorInWords() {
        assertThat(read(congress("DISTRICT", "2025-2030", "2025-06", "2025-06-30")).getLevel())
                .isEqualTo(Level.DISTRICT);
        assertThat(error(congress("DISTRICT", "2025-2030", "2025-07", "2025-07-01"))).containsExactly(
                "congresses.csv:2:level: Từ 01/07/2025 không còn cấp huyện; đại hội nhiệm kỳ 2025-2030 ngày "
                        + "01/07/2025 không thể ở cấp huyện",
                "congresses.csv:2:level: From 01/07/2025 there is no district level; a congress of term 2025-2030 "
                        + "on 01/07/2025 cannot be at the district level");
        assertThat(error(congress("DISTRICT", "2025-2030", "2025-08", "15/08/2025")).get(0)).isEqualTo(
                "congresses.csv:2:level: Từ 01/07/2025 không còn cấp huyện; đại hội nhiệm kỳ 2025-2030 ngày "
                        + "15/08/2025 không thể ở cấp huyện");
    }

    @Test
    void aCommuneCongressBeforeTheFirstOfJulyIsAGrassrootsCongressAndFromItIsRead() {
        List<String> before = error(congress("COMMUNE", "2025-2030", "2025-06", "2025-06-30"));
        assertThat(before.get(0)).startsWith("congresses.csv:2:level: cấp xã mới chỉ có từ 01/07/2025; ")
                .contains("trước khi sắp xếp, đại hội xã là đại hội cấp cơ sở")
                .contains("đại hội nhiệm kỳ 2025-2030 ngày 30/06/2025 không thể ở cấp xã, hãy chọn cấp cơ sở");
        assertThat(before.get(1)).startsWith("congresses.csv:2:level: the new commune level exists only from "
                + "01/07/2025; before the reorganisation a commune congress is a grassroots congress");
        // The case of the issue: 10/05/2025 was accepted with reference month 07/2025, after its own date.
        assertThat(error(congress("COMMUNE", "2025-2030", "", "10/05/2025")).get(0))
                .contains("cấp xã mới chỉ có từ 01/07/2025");
        Congress from = read(congress("COMMUNE", "2025-2030", "", "2025-07-01"));
        assertThat(from.getReferenceMonth()).isEqualTo(YearMonth.of(2025, 7));
        // Without a congress date the default reference month (07/2025) dates it: a commune of July 2025.
        assertThat(read(congress("COMMUNE", "2025-2030", "", "")).getLevel()).isEqualTo(Level.COMMUNE);
    }

    @ParameterizedTest
    @CsvSource({"GRASSROOTS", "ABOVE_GRASSROOTS", "PROVINCE"})
    void theOtherLevelsExistTheWholeSeason(String level) {
        for (String date : List.of("2024-06-14", "2025-06-30", "2025-07-01", "2026-12-31")) {
            assertThat(read(congress(level, "2025-2030", "2025-04", date)).getLevel().name()).isEqualTo(level);
        }
    }

    @Test
    void aCongressBeforeTheTermsFirstDirectiveIsAnErrorNamingTheTerms() {
        assertThat(read(congress("GRASSROOTS", "2025-2030", "2024-06", "2024-06-14")).getCongressDate())
                .isEqualTo(LocalDate.of(2024, 6, 14));
        assertThat(error(congress("GRASSROOTS", "2025-2030", "2024-06", "2024-06-13"))).containsExactly(
                "congresses.csv:2:congress_date: ngày đại hội 13/06/2024 nằm ngoài thời gian đại hội của nhiệm kỳ "
                        + "2025-2030 (từ 14/06/2024 đến 31/12/2026) và của mọi nhiệm kỳ có bộ quy tắc; các nhiệm kỳ "
                        + "hiện có: 2020-2025 (01/01/2019 – 31/12/2021), 2025-2030 (14/06/2024 – 31/12/2026)",
                "congresses.csv:2:congress_date: congress date 13/06/2024 lies outside the congress season of term "
                        + "2025-2030 (14/06/2024 to 31/12/2026) and of every term that has a rule set; the terms that "
                        + "have one: 2020-2025 (01/01/2019 – 31/12/2021), 2025-2030 (14/06/2024 – 31/12/2026)");
    }

    @Test
    void aCongressOf2030IsAnErrorNamingTheTermsThatExist() {
        assertThat(error(congress("PROVINCE", "2030-2035", "", "2030-10-01"))).containsExactly(
                "congresses.csv:2:term: Nhiệm kỳ “2030-2035” chưa có bộ quy tắc; các nhiệm kỳ hiện có: "
                        + "2020-2025 (01/01/2019 – 31/12/2021), 2025-2030 (14/06/2024 – 31/12/2026)",
                "congresses.csv:2:term: Term “2030-2035” has no rule set yet; the terms that have one: "
                        + "2020-2025 (01/01/2019 – 31/12/2021), 2025-2030 (14/06/2024 – 31/12/2026)");
        assertThat(error(congress("PROVINCE", "2025-2030", "", "2030-10-01")).get(0))
                .contains("ngày đại hội 01/10/2030 nằm ngoài thời gian đại hội của nhiệm kỳ 2025-2030")
                .contains("các nhiệm kỳ hiện có: 2020-2025");
        // A date in another term's season says which.
        assertThat(error(congress("PROVINCE", "2025-2030", "", "2020-10-01")).get(0))
                .endsWith("ngày này thuộc thời gian đại hội của nhiệm kỳ 2020-2025");
    }

    @Test
    void beforeTheFourteenthOfAprilTheCongressGivesItsReferenceMonthFromItTheDirectivesMonthApplies() {
        assertThat(error(congress("GRASSROOTS", "2025-2030", "", "2025-04-13"))).containsExactly(
                "congresses.csv:2:reference_month: thời điểm tính tuổi mặc định cho đại hội cấp cơ sở của nhiệm kỳ "
                        + "2025-2030 chỉ áp dụng từ ngày 14/04/2025; đại hội ngày 13/04/2025 diễn ra trước ngày đó, "
                        + "hãy nhập cột “Thời điểm tính tuổi”",
                "congresses.csv:2:reference_month: the default reference month for grassroots congresses of term "
                        + "2025-2030 applies only from 14/04/2025; a congress on 13/04/2025 is earlier: enter the "
                        + "column “Thời điểm tính tuổi” (reference_month)");
        assertThat(read(congress("GRASSROOTS", "2025-2030", "2025-03", "2025-04-13")).getReferenceMonth())
                .isEqualTo(YearMonth.of(2025, 3));
        assertThat(read(congress("GRASSROOTS", "2025-2030", "", "2025-04-14")).getReferenceMonth())
                .isEqualTo(YearMonth.of(2025, 4));
        // The grassroots congress of 15/11/2024 no longer takes 04/2025, after its own date.
        assertThat(error(congress("GRASSROOTS", "2025-2030", "", "2024-11-15")).get(0))
                .contains("đại hội ngày 15/11/2024 diễn ra trước ngày đó");
        // Without a congress date the defaults of section 4 apply as before.
        assertThat(read(congress("GRASSROOTS", "2025-2030", "", "")).getReferenceMonth())
                .isEqualTo(YearMonth.of(2025, 4));
    }

    @Test
    void aMissingReferenceMonthNamesTheLevelInWords() {
        assertThat(error(congress("ABOVE_GRASSROOTS", "2020-2025", "", "2020-06-01"))).containsExactly(
                "congresses.csv:2:reference_month: bộ quy tắc nhiệm kỳ 2020-2025 không quy định thời điểm tính tuổi "
                        + "cho đại hội cấp trên cơ sở; hãy nhập cột “Thời điểm tính tuổi”",
                "congresses.csv:2:reference_month: the rule set of term 2020-2025 gives no reference month for above "
                        + "grassroots congresses; enter the column “Thời điểm tính tuổi” (reference_month)");
    }

    @Test
    void theTermFileIsReadStrictlyWithTheFieldInWords() {
        String ok = RuleSets.shippedSource("2025-2030").term();
        assertThat(Term.parse(ok, "term.csv").text()).isEqualTo(Term.parse(Term.parse(ok, "t").text(), "t").text());
        ParameterException e = catchThrowableOfType(() -> Term.parse(
                ok.replace("level,COMMUNE,2025-07-01", "level,COMMUNE,2025-13-01"), "term.csv"), ParameterException.class);
        assertThat(e.key()).isEqualTo("not_date");
        assertThat(e.field()).isEqualTo("level.COMMUNE.from");
        assertThat(e.getMessage()).startsWith("term.csv:");
        e = catchThrowableOfType(() -> Term.parse(
                ok.replace("2024-06-14,2026-12-31", "2026-12-31,2024-06-14"), "term.csv"), ParameterException.class);
        assertThat(e.key()).isEqualTo("term_dates");
        assertThat(Messages.of(Messages.VI).text("data.error." + e.key(), e.args().toArray()))
                .isEqualTo("Ngày bắt đầu 2026-12-31 sau ngày kết thúc 2024-06-14.");
        e = catchThrowableOfType(() -> Term.parse(
                ok.replace("level,DISTRICT,,2025-06-30", "level,DISTRICT,,2027-06-30"), "term.csv"), ParameterException.class);
        assertThat(e.key()).isEqualTo("term_level_outside");
        e = catchThrowableOfType(() -> Term.parse(ok + "level,PROVINCE,,,,x\n", "term.csv"), ParameterException.class);
        assertThat(e.key()).isEqualTo("term_level_twice");
        e = catchThrowableOfType(() -> RuleSets.shippedSource("2025-2030")
                .with("term.csv", ok.replace("term,2025-2030", "term,2030-2035")).termData(), ParameterException.class);
        assertThat(e.key()).isEqualTo("term_id_mismatch");
    }

    @Test
    void aVersionStoredBeforeTermsWereDataReadsTheReleasesTermAndAnUnknownOneIsRefused() {
        org.slatecheck.rules.engine.RuleSetSource old = RuleSets.shippedSource("2025-2030").with("term.csv", null);
        assertThat(old.termData()).isSameAs(RuleSets.term("2025-2030"));
        ParameterException e = catchThrowableOfType(() -> new org.slatecheck.rules.engine.RuleSetSource("2030-2035",
                old.files()).termData(), ParameterException.class);
        assertThat(e.key()).isEqualTo("unreadable");
    }
}
