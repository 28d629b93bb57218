package org.slatecheck.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.intake.ColumnGuide;
import org.slatecheck.rules.intake.ColumnGuide.Column;
import org.slatecheck.rules.intake.ColumnGuide.File;
import org.slatecheck.rules.intake.Columns;

/**
 * The templates, opened as a spreadsheet program would (POI): every header and every drop-down value is one the
 * intake's column and code tables know, the example row is there, the header row is frozen, the instructions are
 * in Vietnamese.
 */
class InputTemplatesTest {
    /** The terms' code set of the shipped rule data (the page takes the active versions'). */
    static final ColumnGuide.CodeSet SHIPPED_TERMS = ColumnGuide.terms(org.slatecheck.rules.engine.RuleSets.terms());

    static final DataFormatter CELLS = new DataFormatter();

    @ParameterizedTest
    @EnumSource(File.class)
    void headersAreTheVietnameseNamesOfEveryIntakeColumnInOrder(File file) throws Exception {
        try (XSSFWorkbook book = open(file, Messages.VI)) {
            Sheet data = book.getSheetAt(0);
            assertThat(data.getSheetName()).isEqualTo("Dữ liệu");
            List<String> headers = row(data, 0);
            Map<String, String> intake = file == File.CONGRESSES ? Columns.CONGRESS : Columns.NOMINEE;
            List<String> canonical = new ArrayList<>();
            for (String h : headers) {
                Column c = ColumnGuide.byHeader(file, h);
                assertThat(c).as(h).isNotNull();
                assertThat(intake).as(h).containsKey(c.name());
                canonical.add(c.name());
            }
            assertThat(canonical).containsExactlyElementsOf(intake.keySet());
            assertThat(headers).allMatch(h -> !h.contains("_"), "written as people write them, not snake_case");
            if (file == File.NOMINEES) {
                assertThat(headers).contains("Mã nhân sự", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ đề xuất");
            }
            // One example row, written as a Vietnamese spreadsheet would.
            List<String> example = row(data, 1);
            assertThat(example).hasSize(headers.size());
            assertThat(data.getLastRowNum()).isEqualTo(1);
            if (file == File.NOMINEES) {
                assertThat(example.get(headers.indexOf("Ngày sinh"))).matches("\\d{2}/\\d{2}/\\d{4}");
                assertThat(example.get(headers.indexOf("Giới tính"))).isEqualTo("Nam");
            }
            // The header row stays in view.
            assertThat(data.getPaneInformation().isFreezePane()).isTrue();
            assertThat(data.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(book.getSheetName(1)).isEqualTo("Hướng dẫn");
            assertThat(book.isSheetHidden(2)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(File.class)
    void everyCodeColumnHasADropDownWhoseValuesTheIntakeKnows(File file) throws Exception {
        try (XSSFWorkbook book = open(file, Messages.VI)) {
            XSSFSheet data = book.getSheetAt(0);
            List<String> headers = row(data, 0);
            Map<String, List<String>> lists = new LinkedHashMap<>();
            for (DataValidation v : data.getDataValidations()) {
                var region = v.getRegions().getCellRangeAddress(0);
                assertThat(region.getFirstRow()).isEqualTo(1);
                assertThat(region.getLastRow()).isGreaterThanOrEqualTo(1000);
                assertThat(v.getValidationConstraint().getValidationType())
                        .isEqualTo(org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType.LIST);
                String header = headers.get(region.getFirstColumn());
                boolean several = ColumnGuide.byHeader(file, header).format() == ColumnGuide.Format.CODE_LIST;
                // One code: anything else is refused with a Vietnamese message; several posts: the list only helps.
                assertThat(v.getShowErrorBox()).as(header).isEqualTo(!several);
                if (!several) {
                    assertThat(v.getErrorBoxTitle()).isEqualTo("Giá trị không có trong danh mục");
                } else {
                    assertThat(v.getShowPromptBox()).isTrue();
                }
                lists.put(headers.get(region.getFirstColumn()), values(book,
                        v.getValidationConstraint().getFormula1()));
            }
            for (Column c : ColumnGuide.of(file)) {
                if (!c.hasDropDown()) {
                    assertThat(lists).doesNotContainKey(c.header());
                    continue;
                }
                List<String> values = lists.get(c.header());
                assertThat(values).as(c.name()).isNotNull().isNotEmpty();
                // Each value is the Vietnamese name of a code of the column's code set (tied to the model's enums by
                // ColumnGuideTest), and every code is offered.
                assertThat(values).containsExactlyElementsOf(c.dropDown(SHIPPED_TERMS).vietnamese().values());
            }
            // The arrow shows: OOXML's showDropDown="1" would hide it (the attribute means the opposite of its name).
            for (var raw : data.getCTWorksheet().getDataValidations().getDataValidationArray()) {
                assertThat(raw.getShowDropDown()).as(raw.getSqref().toString()).isFalse();
            }
            long codeColumns = ColumnGuide.of(file).stream().filter(Column::hasDropDown).count();
            assertThat(lists).hasSize((int) codeColumns);
            if (file == File.NOMINEES) {
                assertThat(lists.get("Chức vụ đề xuất")).contains("Bí thư", "Phó Bí thư", "Ủy viên Ban Chấp hành");
                assertThat(lists.get("Lý luận chính trị")).contains("Cao cấp");
                assertThat(lists.get("Trình độ chuyên môn")).contains("Đại học");
                assertThat(lists.get("Hình thức kỷ luật")).contains("Khiển trách");
                assertThat(lists.get("Tái cử")).containsExactly("Có", "Không");
            } else {
                assertThat(lists.get("Cấp")).contains("Cấp tỉnh", "Cấp xã");
                assertThat(lists.get("Nhiệm kỳ")).containsExactly("2025-2030", "2020-2025");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(File.class)
    void instructionsSayInVietnameseWhatEachColumnMeansWhetherItIsRequiredAndItsFormat(File file)
            throws Exception {
        try (XSSFWorkbook book = open(file, Messages.VI)) {
            Sheet help = book.getSheet("Hướng dẫn");
            assertThat(row(help, 3)).startsWith("Tiêu đề tiếng Việt", "Tên cột (tiếng Anh)", "Bắt buộc", "Cách ghi");
            List<Column> columns = ColumnGuide.of(file);
            for (int i = 0; i < columns.size(); i++) {
                List<String> r = row(help, 4 + i);
                assertThat(r.get(0)).isEqualTo(columns.get(i).header());
                assertThat(r.get(1)).isEqualTo(columns.get(i).name());
                assertThat(r.get(2)).isNotBlank();
                assertThat(r.get(3)).isNotBlank();
                assertThat(r.get(4)).isNotBlank();
            }
            if (file == File.NOMINEES) {
                List<String> birth = row(help, 4 + 4);
                assertThat(birth).startsWith("Ngày sinh", "birth_date", "Bắt buộc");
                assertThat(birth.get(3)).contains("DD/MM/YYYY");
            }
        }
        try (XSSFWorkbook en = open(file, Messages.EN)) {
            assertThat(en.getSheetName(1)).isEqualTo("Instructions");
            // Headers stay Vietnamese: they are what the intake and the personnel officer read.
            assertThat(row(en.getSheetAt(0), 0).get(1)).isEqualTo(ColumnGuide.of(file).get(1).header());
        }
    }

    @ParameterizedTest
    @EnumSource(File.class)
    void csvTemplateIsUtf8WithBomAndTheSameHeaderAndExampleAsTheWorkbook(File file) throws Exception {
        byte[] csv = InputTemplates.csv(file);
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
        assertThat(records).hasSize(2);
        try (XSSFWorkbook book = open(file, Messages.VI)) {
            assertThat(records.get(0).toList()).isEqualTo(row(book.getSheetAt(0), 0));
            assertThat(records.get(1).toList()).isEqualTo(row(book.getSheetAt(0), 1));
        }
    }

    static XSSFWorkbook open(File file, java.util.Locale locale) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(InputTemplates.xlsx(file, Messages.of(locale), SHIPPED_TERMS)));
    }

    static List<String> row(Sheet sheet, int index) {
        Row r = sheet.getRow(index);
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < r.getLastCellNum(); i++) {
            cells.add(r.getCell(i) == null ? "" : CELLS.formatCellValue(r.getCell(i)));
        }
        return cells;
    }

    /** The values of a list validation: a workbook name → its range on the lists sheet. */
    private static List<String> values(XSSFWorkbook book, String formula) {
        Name name = book.getName(formula);
        assertThat(name).as(formula).isNotNull();
        AreaReference area = new AreaReference(name.getRefersToFormula(), book.getSpreadsheetVersion());
        Sheet sheet = book.getSheet(area.getFirstCell().getSheetName());
        List<String> values = new ArrayList<>();
        for (CellReference ref : area.getAllReferencedCells()) {
            values.add(CELLS.formatCellValue(sheet.getRow(ref.getRow()).getCell(ref.getCol())));
        }
        return values;
    }
}
