package org.slatecheck.rules.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.intake.ColumnGuide.CodeSet;
import org.slatecheck.rules.intake.ColumnGuide.Column;
import org.slatecheck.rules.intake.ColumnGuide.File;
import org.slatecheck.rules.model.Code;
import org.slatecheck.rules.model.Conclusion;
import org.slatecheck.rules.model.DisciplineForm;
import org.slatecheck.rules.model.Education;
import org.slatecheck.rules.model.Level;
import org.slatecheck.rules.model.ListKind;
import org.slatecheck.rules.model.Membership;
import org.slatecheck.rules.model.PoliticalTheory;
import org.slatecheck.rules.model.Post;
import org.slatecheck.rules.model.Rating;
import org.slatecheck.rules.model.Sex;

/** The column guide (templates, "Cột và mã") says exactly what the intake reads: same columns, same codes. */
class ColumnGuideTest {
    /** The terms' code set as the shipped rule data gives it. */
    static final CodeSet TERMS = ColumnGuide.terms(org.slatecheck.rules.engine.RuleSets.terms());


    @Test
    void listsEveryIntakeColumnOnceInTheIntakeOrder() {
        assertThat(ColumnGuide.CONGRESS_COLUMNS).extracting(Column::name)
                .containsExactlyElementsOf(Columns.CONGRESS.keySet());
        assertThat(ColumnGuide.NOMINEE_COLUMNS).extracting(Column::name)
                .containsExactlyElementsOf(Columns.NOMINEE.keySet());
    }

    @Test
    void marksExactlyTheIntakesRequiredColumnsAsRequired() {
        assertThat(ColumnGuide.CONGRESS_COLUMNS.stream().filter(c -> c.need() == ColumnGuide.Need.REQUIRED)
                .map(Column::name)).containsExactlyInAnyOrderElementsOf(Columns.CONGRESS_REQUIRED);
        assertThat(ColumnGuide.NOMINEE_COLUMNS.stream().filter(c -> c.need() == ColumnGuide.Need.REQUIRED)
                .map(Column::name)).containsExactlyInAnyOrderElementsOf(Columns.NOMINEE_REQUIRED);
    }

    @Test
    void vietnameseHeadersAreDistinctAndFindTheirColumn() {
        for (File f : File.values()) {
            Set<String> keys = new HashSet<>();
            for (Column c : ColumnGuide.of(f)) {
                assertThat(keys.add(ColumnGuide.headerKey(c.header()))).as(c.header()).isTrue();
                assertThat(ColumnGuide.byHeader(f, c.header())).isEqualTo(c);
                assertThat(ColumnGuide.byHeader(f, c.header().toUpperCase())).isEqualTo(c);
                assertThat(ColumnGuide.byHeader(f, c.alias())).isEqualTo(c);
                assertThat(ColumnGuide.byHeader(f, c.name())).isEqualTo(c);
            }
        }
        assertThat(ColumnGuide.headerKey("Mã nhân sự")).isEqualTo(ColumnGuide.headerKey("ma_nhan_su"))
                .isEqualTo(ColumnGuide.headerKey("MA NHAN SU"));
        assertThat(ColumnGuide.byHeader(File.NOMINEES, "Họ và tên").name()).isEqualTo("full_name");
        assertThat(ColumnGuide.byHeader(File.NOMINEES, "Ngày sinh").name()).isEqualTo("birth_date");
        assertThat(ColumnGuide.byHeader(File.NOMINEES, "Đảng viên").name()).isEqualTo("membership");
        assertThat(ColumnGuide.byHeader(File.NOMINEES, "Ngày đại hội")).isNull();
    }

    @Test
    void everyCodeOfEveryCodeSetIsACodeTheModelReadsAndEveryModelCodeIsListed() {
        assertCovers(ColumnGuide.LEVEL, Level.class);
        assertCovers(ColumnGuide.LIST_KIND, ListKind.class);
        assertCovers(ColumnGuide.POST, Post.class);
        assertCovers(ColumnGuide.THEORY, PoliticalTheory.class);
        assertCovers(ColumnGuide.EDUCATION, Education.class);
        assertCovers(ColumnGuide.DISCIPLINE, DisciplineForm.class);
        assertCovers(ColumnGuide.CONCLUSION, Conclusion.class);
        assertCovers(ColumnGuide.RATING, Rating.class);
        assertParses(ColumnGuide.SEX, Sex::parse, Sex.values().length);
        assertParses(ColumnGuide.MEMBERSHIP, Membership::parse, Membership.values().length);
        assertParses(ColumnGuide.YES_NO, Row::parseBoolean, 2);
    }

    @Test
    void codeNamesAreTheSpreadsheetFormsAndNoNameHidesAnother() {
        Map<String, String> posts = ColumnGuide.POST.vietnamese();
        assertThat(posts).containsEntry("SECRETARY", "Bí thư").containsEntry("DEPUTY_SECRETARY", "Phó Bí thư")
                .containsEntry("COMMITTEE", "Ủy viên Ban Chấp hành");
        assertThat(ColumnGuide.THEORY.vietnamese()).containsEntry("CAO_CAP", "Cao cấp");
        assertThat(ColumnGuide.EDUCATION.vietnamese()).containsEntry("BACHELOR", "Đại học");
        assertThat(ColumnGuide.DISCIPLINE.vietnamese()).containsEntry("KHIEN_TRACH", "Khiển trách");
        assertThat(ColumnGuide.RATING.vietnamese()).containsEntry("HTTNV", "Hoàn thành tốt nhiệm vụ")
                .containsEntry("KHTNV", "Không hoàn thành nhiệm vụ");
        for (CodeSet set : ColumnGuide.codeSets(TERMS)) {
            List<String> folded = set.vietnamese().values().stream().map(ColumnGuide::headerKey).toList();
            assertThat(folded).as(set.key()).doesNotHaveDuplicates();
        }
    }

    @Test
    void everyCodeColumnHasItsCodesAndEveryExampleOfACodeColumnIsACodeName() {
        for (File f : File.values()) {
            for (Column c : ColumnGuide.of(f)) {
                if (c.hasDropDown()) {
                    assertThat(c.dropDown(TERMS)).as(c.name()).isNotNull();
                    if (!c.example().isEmpty()) {
                        for (String part : c.example().split(";")) {
                            assertThat(c.dropDown(TERMS).vietnamese().values()).as(c.name()).contains(part.strip());
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyTextTheGuideUsesExistsInBothLanguages() {
        for (var locale : List.of(Messages.VI, Messages.EN)) {
            Messages m = Messages.of(locale);
            for (String key : ColumnGuide.bundleKeys()) {
                assertThat(m.has(key)).as(locale + " " + key).isTrue();
            }
        }
    }

    private static <E extends Enum<E>> void assertCovers(CodeSet set, Class<E> type) {
        assertThat(set.codes()).as(set.key()).hasSize(type.getEnumConstants().length);
        for (String code : set.codes()) {
            assertThat(Code.parse(type, code)).as(set.key() + " " + code).isNotNull();
        }
    }

    private static void assertParses(CodeSet set, Function<String, Object> parser, int size) {
        assertThat(set.codes()).hasSize(size);
        for (String code : set.codes()) {
            assertThat(parser.apply(code)).as(set.key() + " " + code).isNotNull();
        }
        assertThat(set.codes().stream().map(parser).distinct()).hasSize(size);
    }
}
