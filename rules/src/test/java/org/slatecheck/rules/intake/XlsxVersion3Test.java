package org.slatecheck.rules.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slatecheck.rules.text.Messages;

/**
 * docs/specification.md section 2, {@code .xlsx}: the 1904 date system, merged ranges in data columns, hidden sheets, formulas without a
 * stored value.
 */
class XlsxVersion3Test {
    static final List<String> HEADER = List.of("Mã nhân sự", "Họ và tên", "Giới tính", "Ngày sinh", "Đảng viên",
            "Tái cử", "Chức vụ đề xuất");

    /** What to do to the workbook before it is written. */
    interface Shape {
        void apply(XSSFWorkbook wb, Sheet data);
    }

    /**
     * A nominees workbook with a data sheet "Nhân sự" of two nominees, birth dates as date cells in the workbook's
     * date system ({@code date1904}).
     */
    static byte[] workbook(boolean date1904, Shape shape) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (date1904) {
                wb.getCTWorkbook().addNewWorkbookPr().setDate1904(true);
            }
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Sheet sheet = wb.createSheet("Nhân sự");
            Row h = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                h.createCell(i).setCellValue(HEADER.get(i));
            }
            Object[][] rows = {{"A", "Nguyễn Văn An", "Nam", LocalDate.of(1970, 5, 12), "Chính thức", "Có",
                    "Ủy viên BCH"}, {"B", "Trần Thị Bình", "Nữ", LocalDate.of(1975, 1, 31), "Chính thức", "Không",
                    "Ủy viên BCH"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof LocalDate d) {
                        // The serial number as the workbook's date system counts it.
                        long serial = date1904 ? ChronoUnit.DAYS.between(LocalDate.of(1904, 1, 1), d)
                                : ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), d);
                        row.createCell(c).setCellValue(serial);
                        row.getCell(c).setCellStyle(date);
                    } else {
                        row.createCell(c).setCellValue(rows[r][c].toString());
                    }
                }
            }
            shape.apply(wb, sheet);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Intake.Result read(byte[] nominees) {
        return XlsxIntakeTest.read("congresses.csv",
                VietnameseIntakeTest.CONGRESS.getBytes(StandardCharsets.UTF_8), "nominees.xlsx", nominees);
    }

    @Test
    void readsDatesOfThe1904DateSystemAsSuch() {
        Intake.Result r = read(workbook(true, (wb, s) -> { }));
        assertThat(r.lists().get(0).nominees()).extracting(n -> n.getBirthDate())
                .containsExactly(LocalDate.of(1970, 5, 12), LocalDate.of(1975, 1, 31));
        // The 1900 system still reads as before.
        assertThat(read(workbook(false, (wb, s) -> { })).lists().get(0).nominees().get(0).getBirthDate())
                .isEqualTo(LocalDate.of(1970, 5, 12));
    }

    @Test
    void refusesAMergedRangeInADataColumnNamingTheRange() {
        byte[] merged = workbook(false, (wb, s) -> s.addMergedRegion(new CellRangeAddress(1, 2, 5, 5)));
        assertThat(XlsxIntakeTest.errors("nominees.xlsx", merged)).containsExactly(
                "nominees.xlsx:Nhân sự!F2:F3: cells Nhân sự!F2:F3 are merged in a data column: each row needs its "
                        + "own value; unmerge them and fill in every row");
    }

    @Test
    void letsAMergedRangeOutsideTheDataColumnsPass() {
        // A note column of the user's own (ignored) merged over two rows, as lists are often written.
        byte[] merged = workbook(false, (wb, s) -> {
            s.getRow(0).createCell(7).setCellValue("Ghi chú");
            s.getRow(1).createCell(7).setCellValue("cùng đơn vị");
            s.addMergedRegion(new CellRangeAddress(1, 2, 7, 7));
        });
        assertThat(read(merged).lists().get(0).nominees()).hasSize(2);
    }

    @Test
    void skipsHiddenSheetsAndNamesThemInAWarning() {
        byte[] hidden = workbook(false, (wb, s) -> {
            Sheet old = wb.createSheet("Danh sách cũ");
            old.createRow(0).createCell(0).setCellValue("không phải dữ liệu");
            wb.setSheetOrder("Danh sách cũ", 0);
            wb.setSheetHidden(0, true);
            wb.setActiveSheet(1);
            wb.setSelectedTab(1);
        });
        Intake.Result r = read(hidden);
        assertThat(r.lists().get(0).nominees()).hasSize(2);
        assertThat(VietnameseIntakeTest.warnings(r)).contains(
                "nominees.xlsx: hidden sheets skipped: Danh sách cũ; sheet “Nhân sự” read");
        assertThat(r.warnings().stream().map(w -> w.format(Messages.of(Messages.VI)))).contains(
                "nominees.xlsx: đã bỏ qua các trang bị ẩn Danh sách cũ; đọc trang “Nhân sự”");
    }

    @Test
    void aHiddenSheetAfterTheDataSheetNeedsNoWarning() {
        byte[] lists = workbook(false, (wb, s) -> {
            wb.createSheet("Danh mục").createRow(0).createCell(0).setCellValue("Nam");
            wb.setSheetHidden(1, true);
        });
        assertThat(VietnameseIntakeTest.warnings(read(lists))).noneMatch(w -> w.contains("hidden"));
    }

    @Test
    void refusesAFormulaWithoutAStoredValueNamingTheCell() {
        byte[] formula = workbook(false, (wb, s) -> s.getRow(2).createCell(2).setCellFormula("IF(1=1,\"Nữ\",\"Nam\")"));
        assertThat(XlsxIntakeTest.errors("nominees.xlsx", formula)).containsExactly(
                "nominees.xlsx:Nhân sự!C3: cell Nhân sự!C3 holds a formula whose value the file does not keep; open "
                        + "the file in Excel and save it again");
    }

    @Test
    void aBatchConvertsThe1904SystemAndRefusesTheSameMergedRange(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("n.csv");
        assertThat(Intake.batchCsv("nominees.xlsx", workbook(true, (wb, s) -> { }), csv)).isTrue();
        assertThat(Files.readString(csv)).contains("1970-05-12", "1975-01-31");
        byte[] merged = workbook(false, (wb, s) -> s.addMergedRegion(new CellRangeAddress(1, 2, 5, 5)));
        try {
            Intake.batchCsv("nominees.xlsx", merged, csv);
            throw new AssertionError("expected the merged range refused");
        } catch (InputException e) {
            assertThat(e.getErrors()).extracting(x -> x.format(Messages.of(Messages.EN))).containsExactly(
                    "nominees.xlsx:Nhân sự!F2:F3: cells Nhân sự!F2:F3 are merged in a data column: each row needs "
                            + "its own value; unmerge them and fill in every row");
        }
    }
}
