package org.slatecheck.rules.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slatecheck.rules.engine.RuleSets;
import org.slatecheck.rules.engine.Screening;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.model.Conclusion;
import org.slatecheck.rules.model.DisciplineForm;
import org.slatecheck.rules.model.Education;
import org.slatecheck.rules.model.Level;
import org.slatecheck.rules.model.ListKind;
import org.slatecheck.rules.model.Membership;
import org.slatecheck.rules.model.Nominee;
import org.slatecheck.rules.model.PoliticalTheory;
import org.slatecheck.rules.model.Post;
import org.slatecheck.rules.model.Rating;
import org.slatecheck.rules.model.Sex;

/**
 * docs/specification.md section 2: Vietnamese spreadsheets as people really write them (headers, code names, lists,
 * dates, encodings), and what the intake refuses (near-miss headers, impossible values, control characters, swapped
 * files) or warns about (unknown and absent columns, congresses without nominees), each with its physical line.
 */
class VietnameseIntakeTest {
    static final String CONGRESS = "congress_id,organisation,level,term,list_kind,committee_seats,congress_date\n"
            + "C1,Đảng bộ tỉnh Mẫu,PROVINCE,2025-2030,ELECTION_LIST,3,2025-10-15\n";
    static final String HEADER = "nominee_id,full_name,sex,birth_date,membership,incumbent,proposed_posts";
    static final String ROW = "A,Nguyễn Văn An,M,1970-05-12,OFFICIAL,true,COMMITTEE";

    @AfterEach
    void defaultLimits() {
        InputLimits.use(InputLimits.DEFAULTS);
    }

    static Intake.Result read(String congresses, String nominees) {
        return read(congresses.getBytes(StandardCharsets.UTF_8), nominees.getBytes(StandardCharsets.UTF_8));
    }

    static Intake.Result read(byte[] congresses, byte[] nominees) {
        return Intake.read(new Intake.Input("congresses.csv", congresses), new Intake.Input("nominees.csv", nominees),
                org.slatecheck.rules.engine.RuleSetSnapshot.shipped());
    }

    static List<String> errors(String congresses, String nominees) {
        return errors(congresses.getBytes(StandardCharsets.UTF_8), nominees.getBytes(StandardCharsets.UTF_8));
    }

    static List<String> errors(byte[] congresses, byte[] nominees) {
        try {
            read(congresses, nominees);
        } catch (InputException e) {
            return e.getErrors().stream().map(x -> x.format(Messages.of(Messages.EN))).toList();
        }
        throw new AssertionError("expected input errors");
    }

    static List<String> warnings(Intake.Result r) {
        return r.warnings().stream().map(w -> w.format(Messages.of(Messages.EN))).toList();
    }

    static Nominee only(Intake.Result r) {
        assertThat(r.lists()).hasSize(1);
        assertThat(r.lists().get(0).nominees()).hasSize(1);
        return r.lists().get(0).nominees().get(0);
    }

    /** One nominee with {@code column} set to {@code value} beside the required columns. */
    static Intake.Result withCell(String column, String value) {
        return read(CONGRESS, HEADER + "," + column + "\n" + ROW + "," + quoted(value) + "\n");
    }

    static List<String> errorsWithCell(String column, String value) {
        return errors(CONGRESS, HEADER + "," + column + "\n" + ROW + "," + quoted(value) + "\n");
    }

    static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    // --- headers ---

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Mã nhân sự|nominee_id", "MA NHAN SU|nominee_id", "ma_nhan_su|nominee_id", "Ma-Nhan-Su|nominee_id",
            "Họ và tên|full_name", "Họ tên|full_name", "HỌ VÀ TÊN|full_name", "ho_ten|full_name",
            "Giới tính|sex", "Ngày sinh|birth_date", "NGÀY SINH|birth_date", "Ngày tháng năm sinh|birth_date",
            "Dân tộc|ethnicity", "Quê quán|hometown_province", "Đảng viên|membership",
            "Ngày vào Đảng|party_join_date", "Tái cử|incumbent", "Chức vụ hiện tại|current_posts",
            "Chức vụ đề xuất|proposed_posts", "Số nhiệm kỳ liên tiếp|consecutive_terms",
            "Lý luận chính trị|political_theory", "Trình độ chuyên môn|education",
            "Hình thức kỷ luật|discipline_form", "hinh_thuc_ky_luat|discipline_form", "Ngày kỷ luật|discipline_date",
            "Đang xem xét kỷ luật|discipline_pending", "Kết luận chính trị|political_conclusion",
            "Ngày kết luận|political_conclusion_date", "Xếp loại chất lượng|quality_ratings",
            "Đơn thư chưa giải quyết|unresolved_complaints", "Kê khai tài sản|asset_declaration",
            "Đủ sức khỏe|health_ok", "Đủ sức khoẻ|health_ok", "Người thân|relatives",
            "Tháng nghỉ hưu|retirement_month_override", "Quy hoạch|planned_posts",
            "Tỷ lệ tín nhiệm thấp|low_confidence_share", "Mã đại hội|congress_id", "\uFEFFMã nhân sự|nominee_id"})
    void matchesANomineeHeaderWrittenTheVietnameseWay(String header, String column) {
        assertThat(Columns.canonical(header, Columns.NOMINEE)).isEqualTo(column);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Mã đại hội|congress_id", "Tổ chức đảng|organisation", "Tên đảng bộ|organisation", "Cấp|level",
            "Nhiệm kỳ|term", "Tỉnh|province", "Tháng tính tuổi|reference_month", "Ngày đại hội|congress_date",
            "Loại danh sách|list_kind", "Số ủy viên|committee_seats", "Số uỷ viên|committee_seats",
            "Số ủy viên ban thường vụ|standing_seats", "Số phó bí thư|deputy_secretary_seats",
            "Số ủy viên tối đa|max_committee_seats", "Số đơn vị hợp nhất|merged_units",
            "Tỷ lệ dân tộc thiểu số tối thiểu|min_minority_share"})
    void matchesACongressHeaderWrittenTheVietnameseWay(String header, String column) {
        assertThat(Columns.canonical(header, Columns.CONGRESS)).isEqualTo(column);
    }

    @Test
    void givesEveryColumnVietnameseSynonymsThatNameNoOtherColumn() {
        for (Map<String, String> columns : List.of(Columns.NOMINEE, Columns.CONGRESS)) {
            Map<String, String> seen = new HashMap<>();
            for (String column : columns.keySet()) {
                assertThat(Columns.SYNONYMS.get(column)).as(column).isNotEmpty();
                for (String name : Columns.SYNONYMS.get(column)) {
                    String before = seen.put(Columns.normalise(name), column);
                    assertThat(before == null || before.equals(column)).as(name + " names " + before + " and " + column)
                            .isTrue();
                    assertThat(Columns.canonical(name, columns)).as(name).isEqualTo(column);
                }
            }
        }
    }

    @Test
    void readsAWholeFileWithVietnameseHeadersAndValues() {
        String congresses = "Mã đại hội;Tên đảng bộ;Cấp;Nhiệm kỳ;Loại danh sách;Số ủy viên;Ngày đại hội\n"
                + "C1;Đảng bộ tỉnh Mẫu;Cấp tỉnh;2025-2030;Danh sách bầu cử;3;15/10/2025\n";
        String nominees = "STT;Mã nhân sự;Họ và tên;Giới tính;Ngày sinh;Đảng viên;Tái cử;Chức vụ hiện tại;"
                + "Chức vụ đề xuất;Lý luận chính trị;Trình độ chuyên môn;Hình thức kỷ luật;Ngày kỷ luật;"
                + "Kết luận chính trị;Xếp loại chất lượng;Kê khai tài sản\n"
                + "1;A;Trần Thị Bình;Nữ;12.05.1970;Chính thức;Có;Ủy viên Ban Thường vụ;Phó Bí thư, Ủy viên BCH;"
                + "Cao cấp;Thạc sĩ;Khiển trách;01-02-2025;Cần xem xét;"
                + "\"2023: Hoàn thành tốt nhiệm vụ, 2024: Hoàn thành xuất sắc nhiệm vụ\";Có\n";
        Intake.Result r = read(congresses, nominees);
        assertThat(r.lists().get(0).congress().getLevel()).isEqualTo(Level.PROVINCE);
        assertThat(r.lists().get(0).congress().getListKind()).isEqualTo(ListKind.ELECTION_LIST);
        assertThat(r.lists().get(0).congress().getCongressDate()).isEqualTo(LocalDate.of(2025, 10, 15));
        Nominee n = only(r);
        assertThat(n.getSex()).isEqualTo(Sex.F);
        assertThat(n.getBirthDate()).isEqualTo(LocalDate.of(1970, 5, 12));
        assertThat(n.getMembership()).isEqualTo(Membership.OFFICIAL);
        assertThat(n.isIncumbent()).isTrue();
        assertThat(n.getCurrentPosts()).containsExactly(Post.STANDING_COMMITTEE);
        assertThat(n.getProposedPosts()).containsExactlyInAnyOrder(Post.DEPUTY_SECRETARY, Post.COMMITTEE);
        assertThat(n.getPoliticalTheory()).isEqualTo(PoliticalTheory.CAO_CAP);
        assertThat(n.getEducation()).isEqualTo(Education.MASTER);
        assertThat(n.getDisciplineForm()).isEqualTo(DisciplineForm.KHIEN_TRACH);
        assertThat(n.getDisciplineDate()).isEqualTo(LocalDate.of(2025, 2, 1));
        assertThat(n.getPoliticalConclusion()).isEqualTo(Conclusion.NEEDS_REVIEW);
        assertThat(n.getQualityRatings()).containsEntry(2023, Rating.HTTNV).containsEntry(2024, Rating.HTXSNV)
                .hasSize(2);
        assertThat(n.getAssetDeclaration()).isTrue();
        assertThat(warnings(r)).anySatisfy(w -> assertThat(w).startsWith("nominees.csv:1: columns ignored")
                .contains("STT"));
    }

    @Test
    void keepsAColumnWhoseHeaderCarriesAStrayByteOrderMark() {
        // A BOM on the header line after an empty first line, and one inside a quoted header cell.
        String nominees = "\n\uFEFF" + "nominee_id,full_name,sex,birth_date,membership,incumbent,\"\uFEFFproposed_posts\","
                + "\uFEFFdiscipline_form,discipline_date\n"
                + ROW + ",CANH_CAO,2025-03-01\n";
        Nominee n = only(read(CONGRESS, nominees));
        assertThat(n.getNomineeId()).isEqualTo("A");
        assertThat(n.getDisciplineForm()).isEqualTo(DisciplineForm.CANH_CAO);
    }

    @Test
    void namesTheProbableColumnOfANearMissHeader() {
        assertThat(errors(CONGRESS, HEADER + ",discipline_from\n" + ROW + ",\n")).containsExactly(
                "nominees.csv:1:discipline_from: “discipline_from” is no known column: did you mean “discipline_form”?");
        assertThat(errors(CONGRESS, HEADER + ",Hình thức kỉ luật\n" + ROW + ",\n")).containsExactly(
                "nominees.csv:1:Hình thức kỉ luật: “Hình thức kỉ luật” is no known column: did you mean "
                        + "“discipline_form”?");
    }

    @Test
    void namesTheProbableColumnInVietnameseOnAVietnamesePage() {
        try {
            read(CONGRESS, HEADER + ",discipline_from\n" + ROW + ",\n");
            throw new AssertionError("expected an error");
        } catch (InputException e) {
            assertThat(e.getErrors().get(0).reason(Messages.of(Messages.VI))).contains("hinh_thuc_ky_luat")
                    .doesNotContain("discipline_form");
        }
    }

    @Test
    void ignoresUnknownColumnsWithAWarning() {
        Intake.Result r = read(CONGRESS, HEADER + ",Ghi chú,Số CMND\n" + ROW + ",ghi chú,0123\n");
        assertThat(only(r).getNomineeId()).isEqualTo("A");
        assertThat(warnings(r)).contains("nominees.csv:1: columns ignored (no column of ours): Ghi chú, Số CMND");
    }

    // --- codes, lists, dates ---

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Ủy viên Ban Chấp hành|COMMITTEE", "Uỷ viên Ban Chấp hành|COMMITTEE", "Ủy viên BCH|COMMITTEE",
            "ỦY VIÊN BAN CHẤP HÀNH|COMMITTEE", "Ủy viên Ban Thường vụ|STANDING_COMMITTEE",
            "Trưởng Ban Tổ chức|ORGANISATION_HEAD", "Chủ nhiệm Ủy ban Kiểm tra|INSPECTION_CHAIR",
            "Ủy viên Ủy ban Kiểm tra|INSPECTION_MEMBER", "Phó Bí thư|DEPUTY_SECRETARY", "phó bí thư|DEPUTY_SECRETARY",
            "Bí thư|SECRETARY", "deputy_secretary|DEPUTY_SECRETARY", "Deputy Secretary|DEPUTY_SECRETARY"})
    void readsAPostByItsVietnameseName(String text, Post post) {
        assertThat(CodeNames.parse(Post.class, text)).isEqualTo(post);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Bí thư chi bộ", "Phó", "Ủy viên Ban", "Bí thư, Phó Bí thư"})
    void readsNoPostFromPartOfAName(String text) {
        assertThat(CodeNames.parse(Post.class, text)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Hoàn thành xuất sắc nhiệm vụ|HTXSNV", "Hoàn thành tốt nhiệm vụ|HTTNV", "Hoàn thành nhiệm vụ|HTNV",
            "Không hoàn thành nhiệm vụ|KHTNV", "KHÔNG HOÀN THÀNH NHIỆM VỤ|KHTNV", "htnv|HTNV"})
    void readsARatingWrittenOut(String text, Rating rating) {
        assertThat(CodeNames.parse(Rating.class, text)).isEqualTo(rating);
    }

    @Test
    void readsNoRatingFromPartOfAName() {
        assertThat(CodeNames.parse(Rating.class, "Hoàn thành")).isNull();
        assertThat(CodeNames.parse(Rating.class, "Không hoàn thành")).isNull();
        assertThat(CodeNames.parse(Rating.class, "Hoàn thành tốt")).isNull();
    }

    @Test
    void readsEveryOtherCodeByItsVietnameseName() {
        assertThat(CodeNames.parse(PoliticalTheory.class, "Sơ cấp")).isEqualTo(PoliticalTheory.SO_CAP);
        assertThat(CodeNames.parse(PoliticalTheory.class, "Trung cấp")).isEqualTo(PoliticalTheory.TRUNG_CAP);
        assertThat(CodeNames.parse(PoliticalTheory.class, "Cao cấp")).isEqualTo(PoliticalTheory.CAO_CAP);
        assertThat(CodeNames.parse(PoliticalTheory.class, "Cử nhân")).isEqualTo(PoliticalTheory.CU_NHAN);
        assertThat(CodeNames.parse(Education.class, "Trung học phổ thông")).isEqualTo(Education.UPPER_SECONDARY);
        assertThat(CodeNames.parse(Education.class, "Cao đẳng")).isEqualTo(Education.COLLEGE);
        assertThat(CodeNames.parse(Education.class, "Đại học")).isEqualTo(Education.BACHELOR);
        assertThat(CodeNames.parse(Education.class, "Thạc sĩ")).isEqualTo(Education.MASTER);
        assertThat(CodeNames.parse(Education.class, "Tiến sĩ")).isEqualTo(Education.DOCTOR);
        assertThat(CodeNames.parse(Education.class, "Cao cấp")).isNull();
        assertThat(CodeNames.parse(DisciplineForm.class, "Khiển trách")).isEqualTo(DisciplineForm.KHIEN_TRACH);
        assertThat(CodeNames.parse(DisciplineForm.class, "Cảnh cáo")).isEqualTo(DisciplineForm.CANH_CAO);
        assertThat(CodeNames.parse(DisciplineForm.class, "Cách chức")).isEqualTo(DisciplineForm.CACH_CHUC);
        assertThat(CodeNames.parse(Conclusion.class, "đạt")).isEqualTo(Conclusion.MET);
        assertThat(CodeNames.parse(Conclusion.class, "Không đạt")).isEqualTo(Conclusion.NOT_MET);
        assertThat(CodeNames.parse(Conclusion.class, "cần xem xét")).isEqualTo(Conclusion.NEEDS_REVIEW);
        assertThat(CodeNames.parse(Level.class, "Cấp xã")).isEqualTo(Level.COMMUNE);
        assertThat(CodeNames.parse(Level.class, "Trên cơ sở")).isEqualTo(Level.ABOVE_GRASSROOTS);
        assertThat(CodeNames.parse(Level.class, "Cơ sở")).isEqualTo(Level.GRASSROOTS);
        assertThat(CodeNames.parse(ListKind.class, "Đề án nhân sự")).isEqualTo(ListKind.PERSONNEL_PLAN);
        assertThat(CodeNames.parse(Sex.class, "NỮ")).isEqualTo(Sex.F);
        assertThat(CodeNames.parse(Membership.class, "Dự bị")).isEqualTo(Membership.PROBATIONARY);
        assertThat(CodeNames.bool("Có")).isTrue();
        assertThat(CodeNames.bool("KHÔNG")).isFalse();
        assertThat(CodeNames.bool("có lẽ")).isNull();
    }

    @ParameterizedTest
    @CsvSource({"1970-05-12", "12/05/1970", "12-05-1970", "12.05.1970", "12.5.1970"})
    void readsEveryDateForm(String text) {
        assertThat(only(read(CONGRESS, HEADER + "\nA,X,M," + text + ",OFFICIAL,true,COMMITTEE\n")).getBirthDate())
                .isEqualTo(LocalDate.of(1970, 5, 12));
    }

    @ParameterizedTest
    @CsvSource({"12-05/1970", "12.05-1970", "1970.05.12"})
    void refusesMixedDateSeparators(String text) {
        assertThat(errors(CONGRESS, HEADER + "\nA,X,M," + text + ",OFFICIAL,true,COMMITTEE\n")).singleElement()
                .asString().startsWith("nominees.csv:2:birth_date: “" + text + "” is not a valid date");
    }

    @Test
    void readsListsSeparatedByCommas() {
        Nominee n = only(withCell("quality_ratings", "2023:HTTNV, 2024:HTXSNV"));
        assertThat(n.getQualityRatings()).containsEntry(2023, Rating.HTTNV).containsEntry(2024, Rating.HTXSNV);
        Nominee m = only(withCell("planned_posts", "Bí thư, Phó Bí thư"));
        assertThat(m.getPlannedPosts()).containsExactlyInAnyOrder(Post.SECRETARY, Post.DEPUTY_SECRETARY);
    }

    // --- encodings ---

    @Test
    void readsUtf16WithAByteOrderMark() {
        String nominees = "\uFEFF" + HEADER + "\r\nA,Trần Thị Bình,Nữ,1970-05-12,chính thức,có,Bí thư\r\n";
        for (Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            Nominee n = only(read(CONGRESS.getBytes(StandardCharsets.UTF_8), nominees.getBytes(charset)));
            assertThat(n.getFullName()).as(charset.name()).isEqualTo("Trần Thị Bình");
            assertThat(n.getProposedPosts()).containsExactly(Post.SECRETARY);
        }
    }

    @Test
    void refusesALegacyEncodingAtTheLineOfTheFirstBadByte() {
        // "Trần" in Windows-1258 is not UTF-8; the first bad byte is on line 3.
        byte[] nominees = (HEADER + "\n" + ROW + "\nB,Tr").getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[nominees.length + 2];
        System.arraycopy(nominees, 0, bad, 0, nominees.length);
        bad[nominees.length] = (byte) 0xE2;
        bad[nominees.length + 1] = (byte) 'n';
        assertThat(errors(CONGRESS.getBytes(StandardCharsets.UTF_8), bad)).containsExactly(
                "nominees.csv:3:-: the file is not UTF-8 text (save it as “CSV UTF-8”)");
    }

    @Test
    void countsCrOnlyLineEndsForABadByte() {
        byte[] text = (HEADER + "\r" + ROW + "\r" + ROW.replace("A,", "B,") + "\rC,").getBytes(StandardCharsets.UTF_8);
        byte[] bad = java.util.Arrays.copyOf(text, text.length + 1);
        bad[text.length] = (byte) 0xFF;
        assertThat(errors(CONGRESS.getBytes(StandardCharsets.UTF_8), bad)).containsExactly(
                "nominees.csv:4:-: the file is not UTF-8 text (save it as “CSV UTF-8”)");
    }

    @Test
    void refusesUtf16WithoutItsByteOrderMark() {
        byte[] nominees = (HEADER + "\n" + ROW + "\n").getBytes(StandardCharsets.UTF_16LE);
        assertThat(errors(CONGRESS.getBytes(StandardCharsets.UTF_8), nominees)).singleElement().asString()
                .contains("save it as “CSV UTF-8”");
    }

    // --- physical lines ---

    @Test
    void reportsAnUnclosedQuoteAtItsPhysicalLineAfterBlankLines() {
        assertThat(errors(CONGRESS, HEADER + "\n\n\n" + ROW + "\n\n\"B,X,M,1970,OFFICIAL,true,COMMITTEE\n"
                + "C,X,M,1970,OFFICIAL,true,COMMITTEE\n")).containsExactly(
                        "nominees.csv:6:-: a quoted cell is opened but never closed");
    }

    @Test
    void reportsPhysicalLinesOfACrOnlyFile() {
        assertThat(errors(CONGRESS, HEADER + "\r\r" + ROW + "\rB,X,M,1970,OFFICIAL,maybe,COMMITTEE\r")).containsExactly(
                "nominees.csv:4:incumbent: “maybe” is not valid; use one of: true, false, có, không");
    }

    // --- warnings ---

    @Test
    void listsTheRulesOfAnAbsentColumnAsNotCheckedWithAWarning() {
        Intake.Result r = read(CONGRESS, HEADER + ",discipline_pending\n" + ROW + ",false\n");
        assertThat(r.notCheckedByColumn()).containsEntry("discipline_form", List.of("DIS-001", "DIS-002"))
                .doesNotContainKey("discipline_pending");
        assertThat(r.notChecked()).contains("DIS-001", "DIS-002").doesNotContain("DIS-003");
        assertThat(warnings(r)).contains("nominees.csv:1: column “discipline_form” is absent: Within a reprimand or "
                + "warning period (DIS-001); Within the period of a removal from post (DIS-002) not checked (add the "
                + "column to check them)");
        // Nobody passes the discipline rules silently: the screened list says they were not checked.
        ScreeningResult screened = Screening.screen(RuleSets.shipped("2025-2030"), r.lists().get(0).congress(),
                r.lists().get(0).nominees(), r.notChecked());
        assertThat(screened.notChecked()).contains("DIS-001", "DIS-002");
    }

    @Test
    void keepsAnEmptyCellApartFromAnAbsentColumn() {
        Intake.Result r = read(CONGRESS, HEADER + ",discipline_form\n" + ROW + ",\n");
        assertThat(only(r).getDisciplineForm()).isEqualTo(DisciplineForm.NONE);
        assertThat(r.notChecked()).doesNotContain("DIS-001", "DIS-002");
        assertThat(r.notCheckedByColumn()).doesNotContainKey("discipline_form");
    }

    @Test
    void warnsAboutACongressWithoutNomineesAndLeavesItOut() {
        String congresses = CONGRESS + "C2,Đảng bộ xã Mẫu,COMMUNE,2025-2030,PERSONNEL_PLAN,1,\n";
        Intake.Result r = read(congresses, "congress_id," + HEADER + "\nC1," + ROW + "\n");
        assertThat(r.lists()).extracting(l -> l.congress().getId()).containsExactly("C1");
        assertThat(warnings(r)).contains("congresses.csv:3: congress “C2” has no nominees in nominees.csv: not evaluated");
    }

    @Test
    void saysOnceThatTheFilesAreSwapped() {
        assertThat(errors(HEADER + "\n" + ROW + "\n", CONGRESS)).containsExactly(
                "congresses.csv:1:-: “congresses.csv” holds nominees and “nominees.csv” holds congresses: did you swap "
                        + "the files?");
    }

    // --- impossible values, each at its boundary ---

    @Test
    void refusesABirthDateAfterTheCongressDate() {
        assertThat(only(read(CONGRESS, HEADER + "\nA,X,M,2025-10-15,OFFICIAL,true,COMMITTEE\n")).getBirthDate())
                .isEqualTo(LocalDate.of(2025, 10, 15));
        assertThat(errors(CONGRESS, HEADER + "\nA,X,M,2025-10-16,OFFICIAL,true,COMMITTEE\n")).containsExactly(
                "nominees.csv:2:birth_date: birth date 2025-10-16 is after the congress date 2025-10-15");
    }

    @ParameterizedTest
    @CsvSource({"2025-2030,2024-06-14,true", "2025-2030,2026-12-31,true", "2025-2030,2024-06-13,false",
            "2025-2030,2027-01-01,false", "2020-2025,2019-01-01,true", "2020-2025,2021-12-31,true",
            "2020-2025,2018-12-31,false", "2020-2025,2022-01-01,false"})
    void refusesACongressDateOutsideItsTermsSeason(String term, String date, boolean ok) {
        // The congress gives its reference month (a 2025-2030 congress before 14/4/2025 must: docs/specification.md section 5), one
        // inside the season, so that only the date can be out of season.
        String congresses = "congress_id,organisation,level,term,list_kind,committee_seats,congress_date,"
                + "reference_month\n" + "C1,Đảng bộ tỉnh Mẫu,PROVINCE," + term + ",ELECTION_LIST,3," + date + ","
                + (term.equals("2025-2030") ? "2025-06" : "2020-06") + "\n";
        String nominees = HEADER + "\nA,X,M,1970,OFFICIAL,true,COMMITTEE\n";
        if (ok) {
            assertThat(read(congresses, nominees).lists().get(0).congress().getCongressDate())
                    .isEqualTo(LocalDate.parse(date));
        } else {
            assertThat(errors(congresses, nominees)).singleElement().asString()
                    .startsWith("congresses.csv:2:congress_date: congress date " + LocalDate.parse(date).format(
                            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                            + " lies outside the congress season of term " + term);
        }
    }

    @ParameterizedTest
    @CsvSource({"2024-06,true", "2026-12,true", "2024-05,false", "2027-01,false"})
    void refusesAReferenceMonthOutsideItsTermsSeason(String month, boolean ok) {
        String congresses = "congress_id,organisation,level,term,list_kind,committee_seats,reference_month\n"
                + "C1,Đảng bộ tỉnh Mẫu,PROVINCE,2025-2030,ELECTION_LIST,3," + month + "\n";
        String nominees = HEADER + "\nA,X,M,1970,OFFICIAL,true,COMMITTEE\n";
        if (ok) {
            assertThat(read(congresses, nominees).lists().get(0).congress().getReferenceMonth())
                    .isEqualTo(YearMonth.parse(month));
        } else {
            assertThat(errors(congresses, nominees)).containsExactly("congresses.csv:2:reference_month: "
                    + YearMonth.parse(month).format(java.time.format.DateTimeFormatter.ofPattern("MM/yyyy"))
                    + " lies outside the congress season of term 2025-2030 (14/06/2024 to 31/12/2026)");
        }
    }

    @Test
    void refusesARatingYearAfterTheCongressYear() {
        assertThat(only(withCell("quality_ratings", "2025:HTTNV")).getQualityRatings()).containsKey(2025);
        assertThat(errorsWithCell("quality_ratings", "2025:HTTNV;2026:HTNV")).containsExactly(
                "nominees.csv:2:quality_ratings: a rating for 2026 is after the congress year 2025");
    }

    @Test
    void refusesMoreStandingSeatsThanCommitteeSeatsAndMoreDeputiesThanStandingSeats() {
        String header = "congress_id,organisation,level,term,list_kind,committee_seats,standing_seats,"
                + "deputy_secretary_seats\n";
        String nominees = HEADER + "\nA,X,M,1970,OFFICIAL,true,COMMITTEE\n";
        assertThat(read(header + "C1,Đảng bộ,PROVINCE,2025-2030,ELECTION_LIST,3,3,3\n", nominees).lists()).hasSize(1);
        assertThat(errors(header + "C1,Đảng bộ,PROVINCE,2025-2030,ELECTION_LIST,3,4,3\n", nominees)).containsExactly(
                "congresses.csv:2:standing_seats: 4 standing committee seats are more than the 3 committee seats");
        assertThat(errors(header + "C1,Đảng bộ,PROVINCE,2025-2030,ELECTION_LIST,3,3,4\n", nominees)).containsExactly(
                "congresses.csv:2:deputy_secretary_seats: 4 deputy secretaries are more than the 3 standing committee "
                        + "seats");
    }

    @Test
    void refusesARetirementMonthBeforeThe18thBirthday() {
        assertThat(only(withCell("retirement_month_override", "1988-05")).getRetirementMonthOverride())
                .isEqualTo(YearMonth.of(1988, 5));
        assertThat(errorsWithCell("retirement_month_override", "1988-04")).containsExactly(
                "nominees.csv:2:retirement_month_override: retirement month 1988-04 is before the 18th birthday "
                        + "(born 1970-05-12)");
    }

    @Test
    void refusesACountAboveTenThousand() {
        assertThat(only(withCell("unresolved_complaints", "10000")).getUnresolvedComplaints()).isEqualTo(10_000);
        assertThat(errorsWithCell("unresolved_complaints", "10001")).containsExactly(
                "nominees.csv:2:unresolved_complaints: “10001” is more than 10000, which no list can have");
        assertThat(errorsWithCell("consecutive_terms", "10001")).singleElement().asString()
                .startsWith("nominees.csv:2:consecutive_terms: “10001” is more than 10000");
        String header = "congress_id,organisation,level,term,list_kind,committee_seats\n";
        String nominees = HEADER + "\nA,X,M,1970,OFFICIAL,true,COMMITTEE\n";
        assertThat(read(header + "C1,Đảng bộ,PROVINCE,2025-2030,ELECTION_LIST,10000\n", nominees).lists()).hasSize(1);
        assertThat(errors(header + "C1,Đảng bộ,PROVINCE,2025-2030,ELECTION_LIST,10001\n", nominees)).containsExactly(
                "congresses.csv:2:committee_seats: “10001” is more than 10000, which no list can have");
    }

    @Test
    void refusesMoreThanTenThousandRatingEntries() {
        InputLimits.use(new InputLimits(1_000_000, 100, 2_000, 10_000, 2_000_000));
        // 10,000 distinct entries (years 1000 to 9999 are only 9,000: the rest differ by spacing) read as far as the
        // count; 10,001 are refused by the count before anything else is said about them.
        String tenThousand = IntStream.range(0, 10_000).mapToObj(VietnameseIntakeTest::entry)
                .collect(Collectors.joining(";"));
        assertThat(errorsWithCell("quality_ratings", tenThousand)).noneMatch(e -> e.contains("more than 10000"));
        assertThat(errorsWithCell("quality_ratings", tenThousand + ";" + entry(10_000))).containsExactly(
                "nominees.csv:2:quality_ratings: “10001” is more than 10000, which no list can have");
    }

    private static String entry(int i) {
        return (1000 + i % 9000) + ":" + " ".repeat(i / 9000) + "HTNV";
    }

    @Test
    void refusesControlCharactersInIdsAndNames() {
        assertThat(errors(CONGRESS, HEADER + "\nA\u0000,X,M,1970,OFFICIAL,true,COMMITTEE\n")).containsExactly(
                "nominees.csv:2:nominee_id: the cell holds a control character (U+0000, at character 2); retype the "
                        + "text");
        assertThat(errors(CONGRESS, HEADER + "\nA,Nguyễn \u202EnA,M,1970,OFFICIAL,true,COMMITTEE\n")).containsExactly(
                "nominees.csv:2:full_name: the cell holds a control character (U+202E, at character 8); retype the "
                        + "text");
        assertThat(errors(CONGRESS, HEADER + "\nA,Nguyễn \u2066An,M,1970,OFFICIAL,true,COMMITTEE\n")).hasSize(1);
        String congresses = "congress_id,organisation,level,term,list_kind,committee_seats\n"
                + "C1\u001B,Đảng bộ,PROVINCE,2025-2030,ELECTION_LIST,3\n";
        assertThat(errors(congresses, HEADER + "\n" + ROW + "\n")).first().asString().startsWith(
                "congresses.csv:2:congress_id: the cell holds a control character (U+001B");
        // A tab or a line break inside a quoted name is layout, not a control character to refuse.
        assertThat(only(read(CONGRESS, HEADER + "\nA,\"Nguyễn\tVăn An\",M,1970,OFFICIAL,true,COMMITTEE\n"))
                .getFullName()).isEqualTo("Nguyễn\tVăn An");
    }
}
