package org.slatecheck.rules.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slatecheck.rules.explain.Labels;
import org.slatecheck.rules.text.Messages;

/**
 * Issue 17 item 10: the intake's errors and warnings in Vietnamese name what a personnel officer knows — the
 * Vietnamese names the template's drop-downs offer ("Ủy viên Ban Chấp hành", not COMMITTEE), the column's
 * Vietnamese header ("Ngày sinh", not {@code birth_date}/{@code ngay_sinh}), the rules left unchecked by their
 * titles —, while English keeps listing the codes it always listed.
 */
class CodeWordsTest {
    static final Messages VI = Messages.of(Messages.VI);
    static final Messages EN = Messages.of(Messages.EN);
    static final String CONGRESS = VietnameseIntakeTest.CONGRESS;
    static final String HEADER = VietnameseIntakeTest.HEADER;

    static List<InputError> errors(String congresses, String nominees) {
        try {
            Intake.read(new Intake.Input("congresses.csv", congresses.getBytes(StandardCharsets.UTF_8)),
                    new Intake.Input("nominees.csv", nominees.getBytes(StandardCharsets.UTF_8)), org.slatecheck.rules.engine.RuleSetSnapshot.shipped());
        } catch (InputException e) {
            return e.getErrors();
        }
        throw new AssertionError("expected input errors");
    }

    static final java.util.regex.Pattern CODE_WORD = java.util.regex.Pattern.compile(
            "\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b|\\b(COMMITTEE|SECRETARY|OFFICIAL|PROBATIONARY|PROVINCE|DISTRICT|"
                    + "COMMUNE|GRASSROOTS|NONE|MET|M|F)\\b|\\b(true|false)\\b");

    @Test
    void anUnknownPostListsTheVietnameseNamesOfTheDropDownInVietnameseAndTheCodesInEnglish() {
        InputError e = errors(CONGRESS, HEADER + "\nA,Nguyễn Văn An,Nam,1970-05-12,Chính thức,Có,Trưởng phòng\n")
                .get(0);
        assertThat(e.key()).isEqualTo("post");
        String vi = e.reason(VI);
        assertThat(vi).contains("“Trưởng phòng”", "Ủy viên Ban Chấp hành", "Ủy viên Ủy ban Kiểm tra", "Bí thư");
        assertThat(CODE_WORD.matcher(vi).find()).as(vi).isFalse();
        assertThat(e.reason(EN)).contains("COMMITTEE", "INSPECTION_MEMBER", "SECRETARY");
    }

    @Test
    void everyUnknownCodeListsWordsInVietnamese() {
        List<InputError> errors = errors(CONGRESS,
                HEADER + ",political_theory,discipline_form\nA,Nguyễn Văn An,Q,1970-05-12,X,có lẽ,Bí thư,Y,Z\n");
        assertThat(errors).extracting(InputError::key).containsOnly("code");
        assertThat(errors).hasSize(5);
        for (InputError e : errors) {
            String vi = e.reason(VI);
            assertThat(CODE_WORD.matcher(vi).find()).as(vi).isFalse();
            assertThat(vi).contains("dùng một trong:");
        }
        assertThat(errors.get(0).reason(VI)).endsWith("dùng một trong: Nam, Nữ");
        assertThat(errors.get(0).reason(EN)).endsWith("use one of: M, F, Nam, Nữ");
        assertThat(errors.stream().map(x -> x.reason(VI))).anySatisfy(t -> assertThat(t).endsWith(": Có, Không"))
                .anySatisfy(t -> assertThat(t).contains("Cao cấp")).anySatisfy(t -> assertThat(t).contains(
                        "Khiển trách"));
    }

    @Test
    void aCodeOfTheCongressesFileListsItsNamesInVietnamese() {
        InputError e = errors(CONGRESS.replace("PROVINCE", "REGION"), HEADER + "\n" + VietnameseIntakeTest.ROW
                + "\n").get(0);
        assertThat(e.reason(VI)).contains("“REGION”", "Cấp tỉnh", "Cơ sở").doesNotContain("PROVINCE",
                "GRASSROOTS");
        assertThat(e.reason(EN)).contains("PROVINCE", "GRASSROOTS");
    }

    @Test
    void aMissingColumnIsNamedByItsVietnameseHeaderInVietnamese() {
        InputError e = errors(CONGRESS, "nominee_id,full_name,sex,membership,incumbent,proposed_posts\n"
                + "A,X,M,OFFICIAL,true,COMMITTEE\n").get(0);
        assertThat(e.key()).isEqualTo("header_missing");
        assertThat(e.format(VI)).isEqualTo("nominees.csv:1: thiếu cột bắt buộc “Ngày sinh”")
                .doesNotContain("birth_date", "ngay_sinh");
        assertThat(e.format(EN)).isEqualTo(
                "nominees.csv:1:birth_date: required column “birth_date” (or “ngay_sinh”) is missing");
    }

    @Test
    void aDisciplineWithoutItsDateNamesTheFormInWords() {
        InputError e = errors(CONGRESS, HEADER + ",discipline_form\n" + VietnameseIntakeTest.ROW + ",Khiển trách\n")
                .get(0);
        assertThat(e.reason(VI)).contains("khiển trách").doesNotContain("KHIEN_TRACH");
    }

    @Test
    void theRulesAnAbsentColumnLeavesUncheckedAreNamedByTheirTitles() {
        Intake.Result r = VietnameseIntakeTest.read(CONGRESS, HEADER + ",discipline_pending\n"
                + VietnameseIntakeTest.ROW + ",false\n");
        String vi = r.warnings().stream().filter(w -> w.key().equals("column_absent")
                && w.column().equals("discipline_form")).findFirst().orElseThrow().text(VI);
        assertThat(vi).contains("Hình thức kỷ luật", VI.raw("title.DIS-001") + " (DIS-001)",
                VI.raw("title.DIS-002") + " (DIS-002)");
    }

    @Test
    void notCheckedRulesReadAsTitlesWithTheirIds() {
        assertThat(Labels.ruleNames(VI, List.of("NUM-001", "NUM-002"))).isEqualTo(
                "Số ủy viên vượt mức tối đa (NUM-001); Số ủy viên ban thường vụ ngoài khoảng quy định (NUM-002)");
        assertThat(VI.text("report.not_checked", Labels.of(VI).rules(List.of("NUM-001")))).isEqualTo(
                "Chưa kiểm tra vì bộ quy tắc và tệp đại hội không ghi mức quy định: Số ủy viên vượt mức tối đa (NUM-001)");
        assertThat(Labels.ruleNames(EN, List.of("NUM-001"))).contains(EN.raw("title.NUM-001"), "(NUM-001)");
        // A board's guided rule has no title in the bundles: its id stays.
        assertThat(Labels.ruleNames(VI, List.of("AGE-901"))).isEqualTo("AGE-901");
    }
}
