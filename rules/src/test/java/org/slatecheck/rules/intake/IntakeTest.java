package org.slatecheck.rules.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slatecheck.rules.engine.RuleSets;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.model.Membership;
import org.slatecheck.rules.model.Nominee;
import org.slatecheck.rules.model.Post;
import org.slatecheck.rules.model.Rating;
import org.slatecheck.rules.model.Sex;
import org.slatecheck.rules.params.Parameters;

/** Intake of docs/specification.md section 2: every accepted format variant, and each kind of bad input as a line/column error. */
class IntakeTest {
    static final String CONGRESS = "congress_id,organisation,level,term,list_kind,committee_seats\n"
            + "C1,Đảng bộ tỉnh Mẫu,PROVINCE,2025-2030,ELECTION_LIST,3\n";
    static final String HEADER = "nominee_id,full_name,sex,birth_date,membership,incumbent,proposed_posts";

    static List<CongressList> read(String congresses, String nominees) {
        return read(congresses.getBytes(StandardCharsets.UTF_8), nominees.getBytes(StandardCharsets.UTF_8));
    }

    static List<CongressList> read(byte[] congresses, byte[] nominees) {
        return Intake.read(new Intake.Input("congresses.csv", congresses), new Intake.Input("nominees.csv", nominees),
                org.slatecheck.rules.engine.RuleSetSnapshot.shipped()).lists();
    }

    /** The errors of reading, formatted in English as the command line prints them. */
    static List<String> errors(String congresses, String nominees) {
        try {
            read(congresses, nominees);
        } catch (InputException e) {
            return e.getErrors().stream().map(x -> x.format(Messages.of(Messages.EN))).toList();
        }
        throw new AssertionError("expected input errors");
    }

    @Test
    void readsEnglishHeadersWithCommas() {
        List<CongressList> lists = read(CONGRESS, HEADER + ",current_posts,quality_ratings\n"
                + "A,Nguyễn Văn An,M,1970-05-12,OFFICIAL,true,STANDING_COMMITTEE,COMMITTEE,2023:HTTNV;2024:HTNV\n");
        assertThat(lists).hasSize(1);
        Nominee a = lists.get(0).nominees().get(0);
        assertThat(a.getNomineeId()).isEqualTo("A");
        assertThat(a.getSex()).isEqualTo(Sex.M);
        assertThat(a.getBirthDate()).isEqualTo(LocalDate.of(1970, 5, 12));
        assertThat(a.isIncumbent()).isTrue();
        assertThat(a.getProposedPosts()).containsExactly(Post.STANDING_COMMITTEE);
        assertThat(a.getCurrentPosts()).containsExactly(Post.COMMITTEE);
        assertThat(a.getQualityRatings()).containsEntry(2023, Rating.HTTNV).containsEntry(2024, Rating.HTNV);
        assertThat(lists.get(0).congress().getReferenceMonth()).isEqualTo(YearMonth.of(2025, 9));
    }

    @Test
    void readsVietnameseAliasesSemicolonsBomAndCrlf() {
        String nominees = "\uFEFFMa_Nhan_Su;HO_TEN;gioi_tinh;ngay_sinh;dang_vien;tai_cu;chuc_vu_de_xuat;ke_khai_tai_san\r\n"
                + "A;Trần Thị Bình;Nữ;12/05/1970;chính thức;có;\"SECRETARY;STANDING_COMMITTEE\";không\r\n"
                + "B;Lò Văn Thắng;nam;1980;Dự bị;KHÔNG;committee;TRUE\r\n";
        List<CongressList> lists = read(CONGRESS.getBytes(StandardCharsets.UTF_8),
                nominees.getBytes(StandardCharsets.UTF_8));
        List<Nominee> n = lists.get(0).nominees();
        assertThat(n).extracting(Nominee::getNomineeId).containsExactly("A", "B");
        assertThat(n.get(0).getSex()).isEqualTo(Sex.F);
        assertThat(n.get(0).getBirthDate()).isEqualTo(LocalDate.of(1970, 5, 12));
        assertThat(n.get(0).getProposedPosts()).containsExactlyInAnyOrder(Post.SECRETARY, Post.STANDING_COMMITTEE);
        assertThat(n.get(0).getAssetDeclaration()).isFalse();
        assertThat(n.get(1).getMembership()).isEqualTo(Membership.PROBATIONARY);
        assertThat(n.get(1).isIncumbent()).isFalse();
        assertThat(n.get(1).getBirthDate()).isEqualTo(LocalDate.of(1980, 1, 1));
        assertThat(n.get(1).getAssetDeclaration()).isTrue();
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource({
            "1967-05-20, 1967-05-20",
            "20/05/1967, 1967-05-20",
            "5/3/1967, 1967-03-05",
            "1967-05, 1967-05-01",
            "05/1967, 1967-05-01",
            "1967, 1967-01-01",
    })
    void acceptsEveryListedDateFormat(String written, String date) {
        Nominee n = read(CONGRESS, HEADER + "\nA,X,M," + written + ",OFFICIAL,false,COMMITTEE\n").get(0)
                .nominees().get(0);
        assertThat(n.getBirthDate()).isEqualTo(LocalDate.parse(date));
    }

    @Test
    void matchesCodesAfterTrimmingNfcAndCase() {
        String decomposed = Normalizer.normalize("Nữ", Normalizer.Form.NFD);
        Nominee n = read(CONGRESS, HEADER + ",political_theory\nA,X, " + decomposed + " ,1970, official ,Có, Committee ,cao_cap\n")
                .get(0).nominees().get(0);
        assertThat(n.getSex()).isEqualTo(Sex.F);
        assertThat(n.getMembership()).isEqualTo(Membership.OFFICIAL);
        assertThat(n.isIncumbent()).isTrue();
        assertThat(n.getProposedPosts()).containsExactly(Post.COMMITTEE);
    }

    @Test
    void skipsBlankAndDelimiterOnlyLinesButKeepsPhysicalLineNumbers() {
        List<String> errors = errors(CONGRESS, HEADER + "\n\nA,X,M,1970,OFFICIAL,false,COMMITTEE\n,,,,,,\n"
                + "B,\"Multi\nline\",M,1970-13-01,OFFICIAL,false,COMMITTEE\n");
        assertThat(errors).containsExactly("nominees.csv:5:birth_date: “1970-13-01” is not a valid date "
                + "(YYYY-MM-DD, DD/MM/YYYY, YYYY-MM, MM/YYYY or YYYY; years 1900 to 2100)");
    }

    @Test
    void reportsEveryBadCellWithLineColumnAndReason() {
        List<String> errors = errors(CONGRESS, HEADER + ",quality_ratings,discipline_form\n"
                + "A,X,Q,31/02/1967,OFFICIAL,maybe,CHAIRMAN,2024:GOOD,NONE\n"
                + "B,,M,1970,OFFICIAL,false,COMMITTEE,,CANH_CAO\n");
        assertThat(errors).containsExactly(
                "nominees.csv:2:sex: “Q” is not valid; use one of: M, F, Nam, Nữ",
                "nominees.csv:2:birth_date: “31/02/1967” is not a valid date (YYYY-MM-DD, DD/MM/YYYY, YYYY-MM, "
                        + "MM/YYYY or YYYY; years 1900 to 2100)",
                "nominees.csv:2:incumbent: “maybe” is not valid; use one of: true, false, có, không",
                "nominees.csv:2:proposed_posts: post “CHAIRMAN” is not valid; use one of: COMMITTEE, "
                        + "INSPECTION_MEMBER, STANDING_COMMITTEE, ORGANISATION_HEAD, INSPECTION_CHAIR, "
                        + "DEPUTY_SECRETARY, SECRETARY",
                "nominees.csv:2:quality_ratings: “2024:GOOD” is not a YEAR:RATING pair (e.g. 2024:HTTNV; ratings "
                        + "HTXSNV, HTTNV, HTNV, KHTNV)",
                "nominees.csv:3:full_name: required cell is empty",
                "nominees.csv:3:discipline_date: discipline form CANH_CAO needs the date of the decision");
    }

    @Test
    void namesTheColumnAsTheFileWritesIt() {
        List<String> errors = errors(CONGRESS, "ma_nhan_su;ho_ten;gioi_tinh;ngay_sinh;dang_vien;tai_cu;chuc_vu_de_xuat\n"
                + "A;X;M;1970;OFFICIAL;false;\n");
        assertThat(errors).containsExactly("nominees.csv:2:chuc_vu_de_xuat: required cell is empty");
    }

    @Test
    void rejectsDuplicateNomineeIdsWithinACongress() {
        assertThat(errors(CONGRESS, HEADER + "\nA,X,M,1970,OFFICIAL,false,COMMITTEE\nA,Y,F,1971,OFFICIAL,false,COMMITTEE\n"))
                .containsExactly("nominees.csv:3:nominee_id: nominee id “A” is already used on line 2 for the same congress");
    }

    @Test
    void allowsTheSameNomineeIdInTwoCongresses() {
        String congresses = CONGRESS + "C2,Đảng bộ xã Mẫu,COMMUNE,2025-2030,PERSONNEL_PLAN,1\n";
        List<CongressList> lists = read(congresses, "congress_id," + HEADER + "\nC1,A,X,M,1970,OFFICIAL,false,COMMITTEE\n"
                + "C2,A,X,M,1970,OFFICIAL,false,COMMITTEE\n");
        assertThat(lists).extracting(l -> l.congress().getId()).containsExactly("C1", "C2");
        assertThat(lists.get(1).congress().getReferenceMonth()).isEqualTo(YearMonth.of(2025, 7));
    }

    @Test
    void rejectsANomineeOfAnUnknownCongress() {
        // A congress without nominees (C2) is a warning since version 2, no longer an error.
        String congresses = CONGRESS + "C2,Đảng bộ xã Mẫu,COMMUNE,2025-2030,PERSONNEL_PLAN,1\n";
        assertThat(errors(congresses, "congress_id," + HEADER + "\nC1,A,X,M,1970,OFFICIAL,false,COMMITTEE\n"
                + "C9,B,X,M,1970,OFFICIAL,false,COMMITTEE\n")).containsExactly(
                        "nominees.csv:3:congress_id: congress id “C9” is not in congresses.csv");
    }

    @Test
    void needsTheCongressColumnWhenThereAreSeveralCongresses() {
        String congresses = CONGRESS + "C2,Đảng bộ xã Mẫu,COMMUNE,2025-2030,PERSONNEL_PLAN,1\n";
        assertThat(errors(congresses, HEADER + "\nA,X,M,1970,OFFICIAL,false,COMMITTEE\n"))
                .containsExactly("nominees.csv:1:congress_id: required column “congress_id” (or “ma_dai_hoi”) is missing");
    }

    @Test
    void rejectsMissingRequiredColumns() {
        assertThat(errors(CONGRESS, "nominee_id,full_name,sex,birth_date,membership,proposed_posts\nA,X,M,1970,OFFICIAL,COMMITTEE\n"))
                .containsExactly("nominees.csv:1:incumbent: required column “incumbent” (or “tai_cu”) is missing");
    }

    @Test
    void rejectsBadCongressRows() {
        String congresses = "congress_id,organisation,level,term,list_kind,committee_seats,reference_month,min_minority_share,congress_date\n"
                + "C1,X,DISTRICT,2025-2030,ELECTION_LIST,0,,1.5,2025-09\n"
                + "C2,X,REGION,2030-2035,LIST,3,2025-13,,\n"
                + "C1,X,COMMUNE,2025-2030,ELECTION_LIST,3,,,\n";
        assertThat(errors(congresses, "congress_id," + HEADER + "\nC1,A,X,M,1970,OFFICIAL,false,COMMITTEE\n"
                + "C2,A,X,M,1970,OFFICIAL,false,COMMITTEE\n")).containsExactly(
                        "congresses.csv:2:congress_date: “2025-09” is not a valid full date (YYYY-MM-DD or DD/MM/YYYY)",
                        "congresses.csv:2:committee_seats: “0” is not a whole number of at least 1",
                        "congresses.csv:2:min_minority_share: “1.5” is not a decimal from 0 to 1 (e.g. 0.15 or 15%)",
                        "congresses.csv:2:reference_month: the rule set of term 2025-2030 gives no reference month "
                                + "for district congresses; enter the column “Thời điểm tính tuổi” (reference_month)",
                        "congresses.csv:3:level: “REGION” is not valid; use one of: GRASSROOTS, ABOVE_GRASSROOTS, "
                                + "DISTRICT, COMMUNE, PROVINCE",
                        "congresses.csv:3:term: Term “2030-2035” has no rule set yet; the terms that have one: "
                                + "2020-2025 (01/01/2019 – 31/12/2021), 2025-2030 (14/06/2024 – 31/12/2026)",
                        "congresses.csv:3:reference_month: “2025-13” is not a valid month (YYYY-MM)",
                        "congresses.csv:3:list_kind: “LIST” is not valid; use one of: PERSONNEL_PLAN, ELECTION_LIST, "
                                + "INSPECTION_LIST",
                        "congresses.csv:4:congress_id: congress id “C1” is already used on line 2");
    }

    @Test
    void rejectsRowsOfTheWrongShape() {
        assertThat(errors(CONGRESS, HEADER + "\nA,X,M,1970,OFFICIAL,false\nB,X,M,1970,OFFICIAL,false,COMMITTEE,extra\n"))
                .containsExactly(
                        "nominees.csv:2:proposed_posts: the row has only 6 cells but the header has 7 columns; this "
                                + "column's cell is missing",
                        "nominees.csv:3:#8: extra cell “extra” beyond the 7 columns of the header");
    }

    @Test
    void rejectsAnUnterminatedQuoteAndNonUtf8Text() {
        assertThat(errors(CONGRESS, HEADER + "\nA,\"X,M,1970,OFFICIAL,false,COMMITTEE\n")).hasSize(1)
                .allMatch(e -> e.startsWith("nominees.csv:") && e.endsWith("a quoted cell is opened but never closed"));
        byte[] latin1 = (HEADER + "\nA,Nguy\u1ec5n,M,1970,OFFICIAL,false,COMMITTEE\nB,Tr\u00e2n,M,1970,OFFICIAL,false,COMMITTEE\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> read(CONGRESS.getBytes(StandardCharsets.UTF_8), latin1))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.getErrors())
                        .extracting(x -> x.format(Messages.of(Messages.EN)))
                        .containsExactly("nominees.csv:3:-: the file is not UTF-8 text (save it as “CSV UTF-8”)"));
    }

    @Test
    void rejectsAnEmptyFileAndTellsTheReasonInVietnamese() {
        InputException e = (InputException) org.assertj.core.api.Assertions.catchThrowable(() -> read(CONGRESS, ""));
        assertThat(e.getErrors()).extracting(x -> x.format(Messages.of(Messages.VI)))
                .containsExactly("nominees.csv:1:-: tệp trống, không có dòng tiêu đề");
    }

    @Test
    void rejectsAYearRatedTwice() {
        assertThat(errors(CONGRESS, HEADER + ",quality_ratings\nA,X,M,1970,OFFICIAL,true,COMMITTEE,2023:HTNV;2023:HTTNV\n"))
                .containsExactly("nominees.csv:2:quality_ratings: year 2023 is rated twice");
    }

    @Test
    void anUnclosedQuoteIsReportedWithTheErrorsOfTheRowsBeforeIt() {
        // issue 17 item 14: the quote used to hide every other error of the file.
        List<String> errors = errors(CONGRESS, HEADER + "\n"
                + "A,Nguyễn Văn An,M,1970-05-12,OFFICIAL,true,COMMITTEE\n"
                + "B,Trần Văn Bình,Q,1970-05-12,OFFICIAL,true,COMMITTEE\n"
                + "A,Lê Văn Cường,M,1971-01-01,OFFICIAL,true,COMMITTEE\n"
                + "D,\"Phạm Văn Dũng,M,1972-02-02,OFFICIAL,true,COMMITTEE\n"
                + "E,Hoàng Văn Em,X,1973-03-03,OFFICIAL,true,COMMITTEE\n");
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0)).startsWith("nominees.csv:3:sex: ");
        assertThat(errors.get(1)).startsWith("nominees.csv:4:nominee_id: ").contains("2");
        assertThat(errors.get(2)).isEqualTo("nominees.csv:5:-: a quoted cell is opened but never closed");
    }

    @Test
    void aCongressesFileCutByAnUnclosedQuoteStillHasItsRowsCheckedButNoNomineeIsCalledUnknown() {
        String congresses = "congress_id,organisation,level,term,list_kind,committee_seats\n"
                + "C1,Đảng bộ tỉnh Mẫu,PROVINCE,2025-2030,ELECTION_LIST,many\n"
                + "C2,\"Đảng bộ huyện Mẫu,DISTRICT,2025-2030,ELECTION_LIST,3\n";
        List<String> errors = errors(congresses, HEADER + ",congress_id\n"
                + "A,Nguyễn Văn An,M,1970-05-12,OFFICIAL,true,COMMITTEE,C2\n"
                + "B,Trần Văn Bình,M,1970-13-12,OFFICIAL,true,COMMITTEE,C2\n");
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0)).startsWith("congresses.csv:2:committee_seats: ");
        assertThat(errors.get(1)).isEqualTo("congresses.csv:3:-: a quoted cell is opened but never closed");
        assertThat(errors.get(2)).startsWith("nominees.csv:3:birth_date: ");
        assertThat(errors).noneMatch(e -> e.contains("C2") && e.startsWith("nominees.csv:2"));
    }
}
