package org.slatecheck.rules.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slatecheck.rules.engine.Finding;
import org.slatecheck.rules.engine.RuleSets;
import org.slatecheck.rules.engine.Screening;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.engine.Shares;
import org.slatecheck.rules.intake.ColumnRules;
import org.slatecheck.rules.model.Conclusion;
import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Level;
import org.slatecheck.rules.model.ListKind;
import org.slatecheck.rules.model.Membership;
import org.slatecheck.rules.model.Nominee;
import org.slatecheck.rules.model.Post;
import org.slatecheck.rules.model.Sex;
import org.slatecheck.rules.text.Messages;

/**
 * The wording of docs/specification.md section 6, on real screenings: the register of party documents ("đồng chí",
 * "chưa đạt chỉ tiêu cơ cấu … đề nghị cơ cấu thêm ít nhất N cán bộ nữ" with the right N), HLT-001 as what the data
 * shows, {@code 30%} without a space, no inverted range, and checks not made for an absent column said as such; in
 * Vietnamese and English.
 */
class WordingTest {
    private static final Explainer VI = new Explainer(Messages.of(Messages.VI));
    private static final Explainer EN = new Explainer(Messages.of(Messages.EN));

    private static Congress congress(int seats) {
        return Congress.builder().id("W1").organisation("Đảng bộ tỉnh Mẫu").level(Level.PROVINCE).term("2025-2030")
                .referenceMonth(YearMonth.of(2025, 9)).congressDate(LocalDate.of(2025, 10, 10))
                .listKind(ListKind.ELECTION_LIST).committeeSeats(seats).build();
    }

    /**
     * {@code total} eligible nominees, the first {@code women} of them women and the first {@code band} of them aged
     * 40 to 50 at the reference month (the others 35, under 40).
     */
    private static List<Nominee> nominees(int total, int women, int band) {
        List<Nominee> list = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            list.add(nominee(i).sex(i < women ? Sex.F : Sex.M)
                    .birthDate(i < band ? LocalDate.of(1980, 3, 1) : LocalDate.of(1990, 3, 1)).build());
        }
        return list;
    }

    private static Nominee.Builder nominee(int i) {
        return Nominee.builder().congressId("W1").nomineeId("W" + i).fullName("Đồng chí " + i)
                .membership(Membership.OFFICIAL).incumbent(false)
                .proposedPosts(Set.of(i == 0 ? Post.SECRETARY : Post.COMMITTEE))
                .politicalConclusion(Conclusion.MET).qualityRatings(Map.of()).assetDeclaration(true).healthOk(true);
    }

    private static ScreeningResult screen(int seats, List<Nominee> nominees) {
        return Screening.screen(RuleSets.shipped("2025-2030"), congress(seats), nominees);
    }

    private static Finding finding(List<Finding> findings, String ruleId) {
        return findings.stream().filter(f -> f.getRuleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError(ruleId + " not in " + findings));
    }

    @Test
    void aStructureTargetIsATargetNotAReplacement() {
        ScreeningResult r = screen(34, nominees(40, 3, 20));
        Finding women = finding(r.listFindings(), "STR-001");
        assertThat(VI.message(women)).isEqualTo("Chưa đạt chỉ tiêu cơ cấu: tỷ lệ cán bộ nữ 7,5% (3/40), chỉ tiêu 15%; "
                + "đề nghị cơ cấu thêm ít nhất 3 cán bộ nữ.");
        assertThat(VI.remedy(women)).isEqualTo("Đề nghị cơ cấu thêm ít nhất 3 cán bộ nữ.");
        assertThat(EN.message(women)).isEqualTo("Structure target not met: women 7.5% (3/40), target 15%; "
                + "at least 3 more women should be included in the structure.");
        assertThat(VI.title(women)).isEqualTo("Chưa đạt chỉ tiêu cơ cấu cán bộ nữ");
        for (Explainer e : List.of(VI, EN)) {
            assertThat(e.message(women) + " " + e.remedy(women)).doesNotContainIgnoringCase("thay")
                    .doesNotContainIgnoringCase("replace").doesNotContain("nhân sự");
        }
    }

    /** 6 of 40 is exactly 15 %: no finding; 5 of 40 is one short. */
    @ParameterizedTest
    @CsvSource({"6, 0", "5, 1", "4, 2", "0, 6"})
    void theNumberOfWomenToAddIsTheSmallestThatReachesTheTarget(int women, int missing) {
        ScreeningResult r = screen(34, nominees(40, women, 20));
        if (missing == 0) {
            assertThat(r.listFindings()).extracting(Finding::getRuleId).doesNotContain("STR-001");
            return;
        }
        Finding f = finding(r.listFindings(), "STR-001");
        assertThat(VI.message(f)).endsWith("đề nghị cơ cấu thêm ít nhất " + missing + " cán bộ nữ.");
        assertThat(EN.message(f)).endsWith("at least " + missing + " more " + (missing == 1 ? "woman" : "women")
                + " should be included in the structure.");
    }

    /** For every list of 1 to 60 names: the number said reaches 15 % and one fewer does not. */
    @Test
    void theNumberSaidIsTheSmallestForEverySize() {
        BigDecimal target = new BigDecimal("15");
        for (int total = 1; total <= 60; total++) {
            int required = Shares.atLeast(total, target);
            for (int women = 0; women < required; women++) {
                int missing = required - women;
                assertThat(Shares.below(women + missing, total, target)).as("%d/%d + %d", women, total, missing)
                        .isFalse();
                assertThat(Shares.below(women + missing - 1, total, target)).as("%d/%d + %d - 1", women, total,
                        missing).isTrue();
            }
        }
    }

    @Test
    void nomineesAreComradesAndHealthSaysWhatTheDataShows() {
        List<Nominee> list = new ArrayList<>(nominees(12, 4, 6));
        list.set(1, nominee(1).sex(Sex.M).birthDate(LocalDate.of(1960, 3, 1)).healthOk(false).build());
        ScreeningResult r = screen(10, list);
        List<Finding> own = r.nominees().get(1).findings();
        Finding health = finding(own, "HLT-001");
        assertThat(VI.message(health)).isEqualTo("Chưa có xác nhận đủ sức khỏe để hoàn thành chức trách, nhiệm vụ.");
        assertThat(VI.title(health)).isEqualTo("Chưa có xác nhận đủ sức khỏe");
        assertThat(EN.message(health)).startsWith("There is no confirmation that the nominee's health is sufficient");
        Finding age = own.stream().filter(f -> f.getRuleId().startsWith("AGE-")).findFirst().orElseThrow();
        assertThat(VI.message(age)).startsWith("Đồng chí sinh 03/1960, nghỉ hưu ");
        assertThat(VI.remedy(age)).doesNotContain("nhân sự");
    }

    /** The list of 40 with 6 ineligible: the viable list speaks of comrades taken off it. */
    @Test
    void theViableListSpeaksOfComradesTakenOffTheList() {
        List<Nominee> list = new ArrayList<>(nominees(40, 8, 20));
        for (int i = 30; i < 36; i++) {
            list.set(i, nominee(i).sex(Sex.M).birthDate(LocalDate.of(1980, 3, 1)).membership(Membership.PROBATIONARY)
                    .build());
        }
        ScreeningResult r = screen(34, list);
        assertThat(r.viableExcluded()).isEqualTo(6);
        Finding surplus = finding(r.viableListFindings(), "NUM-003");
        assertThat(VI.viableMessage(surplus, 6)).isEqualTo("Có 6 đồng chí không đủ điều kiện, đưa ra khỏi danh sách; "
                + "khi đó danh sách bầu cử có 34 đồng chí cho 34 ủy viên: phải nhiều hơn số ủy viên, cần thêm ít nhất "
                + "1 đồng chí (tối thiểu 35).");
        assertThat(EN.viableMessage(surplus, 6)).startsWith("The 6 ineligible nominees are taken off the list; then "
                + "the election list has 34 names for 34 seats");
    }

    /** Every percentage the bundles show is written {@code 30%}, in both languages. */
    @Test
    void percentagesHaveNoSpaceBeforeTheSign() throws Exception {
        assertThat(Labels.of(Messages.of(Messages.VI)).percent(new BigDecimal("7.5"))).isEqualTo("7,5%");
        assertThat(Labels.of(Messages.of(Messages.EN)).percent(30)).isEqualTo("30%");
        Pattern spaced = Pattern.compile("(\\d|\\})\\s+%");
        for (String language : List.of("vi", "en")) {
            Properties p = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/org/slatecheck/rules/messages_" + language
                    + ".properties")) {
                p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            for (String key : p.stringPropertyNames()) {
                assertThat(spaced.matcher(p.getProperty(key)).find()).as(language + " " + key).isFalse();
            }
        }
        ScreeningResult r = screen(34, nominees(40, 3, 2));
        for (Finding f : r.listFindings()) {
            for (Explainer e : List.of(VI, EN)) {
                assertThat(e.message(f) + " " + e.remedy(f)).as(f.getRuleId()).doesNotContain(" %");
            }
        }
    }

    private static final Pattern RANGE_VI = Pattern.compile("từ (\\d+) đến (\\d+)");
    private static final Pattern RANGE_EN = Pattern.compile("between (\\d+) and (\\d+)|(\\d+) to (\\d+)");

    private static void noInvertedRange(String text) {
        for (Pattern p : List.of(RANGE_VI, RANGE_EN)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                int a = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(3));
                int b = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(4));
                assertThat(a).as(text).isLessThanOrEqualTo(b);
            }
        }
    }

    /**
     * Three names and an advised 40 %–50 % aged 40 to 50: at least 2 and at most 1, so no number fits; the old remedy
     * read "Cân nhắc cơ cấu từ 2 đến 1 người". Every small list, every band count: no inverted range is printed.
     */
    @Test
    void anInvertedRangeIsNeverPrinted() {
        ScreeningResult three = screen(2, nominees(3, 1, 0));
        Finding band = finding(three.listFindings(), "STR-004");
        assertThat(band.getEvidence()).containsEntry("minimum", 2).containsEntry("maximum", 1);
        assertThat(VI.remedy(band)).doesNotContain("từ 2 đến 1").contains("không thể đạt tỷ lệ khuyến nghị từ 40% "
                + "đến 50%");
        assertThat(VI.message(band)).contains("với 3 đồng chí, không có số người nào cho tỷ lệ khuyến nghị");
        assertThat(EN.remedy(band)).doesNotContain("between 2 and 1").contains("cannot be reached");
        for (int total = 1; total <= 12; total++) {
            for (int inBand = 0; inBand <= total; inBand++) {
                ScreeningResult r = screen(Math.max(1, total - 1), nominees(total, 1, inBand));
                for (Finding f : r.listFindings()) {
                    for (Explainer e : List.of(VI, EN)) {
                        noInvertedRange(e.message(f));
                        noInvertedRange(e.remedy(f));
                    }
                }
            }
        }
    }

    /** A check not made because the file has no column says so, not "no limit given". */
    @Test
    void aCheckNotMadeForAnAbsentColumnSaysSo() {
        ScreeningResult r = Screening.screen(RuleSets.shipped("2025-2030"), congress(10), nominees(12, 4, 6),
                Map.of("quality_ratings", List.of("QUA-001", "QUA-002")));
        assertThat(r.notChecked()).contains("QUA-001", "QUA-002");
        List<String> vi = Labels.notChecked(Messages.of(Messages.VI), r.notChecked());
        String header = ColumnRules.header("quality_ratings");
        assertThat(vi).anySatisfy(l -> assertThat(l).startsWith("Chưa kiểm tra vì tệp không có cột “" + header + "”: ")
                .contains("(QUA-001)", "(QUA-002)"));
        assertThat(vi).noneSatisfy(l -> assertThat(l).contains("(QUA-001)").contains("mức quy định"));
        List<String> en = Labels.notChecked(Messages.of(Messages.EN), r.notChecked());
        assertThat(en).anySatisfy(l -> assertThat(l).startsWith("Not checked: the file has no column “quality_ratings”: ")
                .contains("(QUA-001)", "(QUA-002)"));
        assertThat(en).noneSatisfy(l -> assertThat(l).contains("(QUA-001)").containsIgnoringCase("limit"));
        // A limit nobody gave is still said as such; a rule reading two columns names both.
        assertThat(Labels.notChecked(Messages.of(Messages.VI), List.of("NUM-001", "DAT-002"))).containsExactly(
                "Chưa kiểm tra vì tệp không có cột “" + ColumnRules.header("party_join_date") + "” hoặc “"
                        + ColumnRules.header("political_conclusion_date") + "”: "
                        + Labels.ruleNames(Messages.of(Messages.VI), List.of("DAT-002")),
                "Chưa kiểm tra vì bộ quy tắc và tệp đại hội không ghi mức quy định: Số ủy viên vượt mức tối đa (NUM-001)");
    }
}
