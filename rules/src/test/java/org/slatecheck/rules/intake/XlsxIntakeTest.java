package org.slatecheck.rules.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Nominee;

/** {@code .xlsx} files read like CSV files (docs/specification.md section 2), errors addressed by cell, zip bombs refused. */
class XlsxIntakeTest {
    static final List<Object> CONGRESS_HEADER = List.of("Mã đại hội", "Tên đảng bộ", "Cấp", "Nhiệm kỳ",
            "Loại danh sách", "Số ủy viên", "Số ủy viên ban thường vụ", "Ngày đại hội", "Tháng tính tuổi");
    static final List<Object> NOMINEE_HEADER = List.of("Mã nhân sự", "Họ và tên", "Giới tính", "Ngày sinh",
            "Đảng viên", "Tái cử", "Chức vụ đề xuất", "Hình thức kỷ luật", "Ngày kỷ luật", "Xếp loại chất lượng",
            "Tỷ lệ tín nhiệm thấp", "Số nhiệm kỳ liên tiếp");

    static Intake.Result read(String congressName, byte[] congresses, String nomineeName, byte[] nominees) {
        return Intake.read(new Intake.Input(congressName, congresses), new Intake.Input(nomineeName, nominees),
                org.slatecheck.rules.engine.RuleSetSnapshot.shipped());
    }

    static List<String> errors(String nomineeName, byte[] nominees) {
        try {
            read("congresses.csv", VietnameseIntakeTest.CONGRESS.getBytes(StandardCharsets.UTF_8), nomineeName,
                    nominees);
        } catch (InputException e) {
            return e.getErrors().stream().map(x -> x.format(Messages.of(Messages.EN))).toList();
        }
        throw new AssertionError("expected input errors");
    }

    @Test
    void readsASpreadsheetWithVietnameseHeadersAndDateCellsEqualToTheSameCsv() throws IOException {
        byte[] congressXlsx = Sheets.xlsx("Đại hội", 0, List.of(CONGRESS_HEADER,
                List.of("C1", "Đảng bộ tỉnh Mẫu", "Cấp tỉnh", "2025-2030", "Danh sách bầu cử", 3, 2,
                        LocalDate.of(2025, 10, 15), YearMonth.of(2025, 9))));
        byte[] nomineeXlsx = Sheets.xlsx("Nhân sự", 0, List.of(NOMINEE_HEADER,
                Arrays.asList(101, "Trần Thị Bình", "Nữ", LocalDate.of(1970, 5, 12), "Chính thức", "Có",
                        "Phó Bí thư; Ủy viên Ban Thường vụ", "Khiển trách", LocalDate.of(2025, 2, 1),
                        "2023:HTTNV, 2024: Hoàn thành xuất sắc nhiệm vụ", 0.15, 1),
                Arrays.asList("B2", "Lò Văn Thắng", "Nam", LocalDate.of(1980, 1, 31), "Dự bị", "Không",
                        "Ủy viên BCH", null, null, null, null, null)));
        String congressCsv = "Mã đại hội,Tên đảng bộ,Cấp,Nhiệm kỳ,Loại danh sách,Số ủy viên,Số ủy viên ban thường vụ,"
                + "Ngày đại hội,Tháng tính tuổi\nC1,Đảng bộ tỉnh Mẫu,Cấp tỉnh,2025-2030,Danh sách bầu cử,3,2,15/10/2025,"
                + "2025-09\n";
        String nomineeCsv = String.join(",", NOMINEE_HEADER.stream().map(Object::toString).toList()) + "\n"
                + "101,Trần Thị Bình,Nữ,12/05/1970,Chính thức,Có,Phó Bí thư; Ủy viên Ban Thường vụ,Khiển trách,"
                + "01/02/2025,\"2023:HTTNV, 2024: Hoàn thành xuất sắc nhiệm vụ\",\"0,15\",1\n"
                + "B2,Lò Văn Thắng,Nam,31/01/1980,Dự bị,Không,Ủy viên BCH,,,,,\n";

        Intake.Result fromXlsx = read("congresses.xlsx", congressXlsx, "nominees.xlsx", nomineeXlsx);
        Intake.Result fromCsv = read("congresses.csv", congressCsv.getBytes(StandardCharsets.UTF_8), "nominees.csv",
                nomineeCsv.getBytes(StandardCharsets.UTF_8));

        assertThat(fromXlsx.lists()).hasSize(1);
        Congress x = fromXlsx.lists().get(0).congress();
        Congress c = fromCsv.lists().get(0).congress();
        assertThat(List.of(x.getId(), x.getOrganisation(), x.getLevel(), x.getListKind(), x.getCommitteeSeats(),
                x.getStandingSeats(), x.getCongressDate(), x.getReferenceMonth())).isEqualTo(List.of(c.getId(),
                        c.getOrganisation(), c.getLevel(), c.getListKind(), c.getCommitteeSeats(), c.getStandingSeats(),
                        c.getCongressDate(), c.getReferenceMonth()));
        assertThat(x.getReferenceMonth()).isEqualTo(YearMonth.of(2025, 9));
        List<Nominee> xn = fromXlsx.lists().get(0).nominees();
        List<Nominee> cn = fromCsv.lists().get(0).nominees();
        assertThat(xn).hasSize(2);
        assertThat(xn.get(0).getNomineeId()).isEqualTo("101"); // a number cell, without ".0"
        assertThat(xn.get(0).getBirthDate()).isEqualTo(LocalDate.of(1970, 5, 12));
        for (int i = 0; i < cn.size(); i++) {
            assertThat(encoded(xn.get(i))).as("nominee " + i).isEqualTo(encoded(cn.get(i)));
        }
        assertThat(fromXlsx.notChecked()).isEqualTo(fromCsv.notChecked());
    }

    static byte[] encoded(Nominee n) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        NomineeCodec.write(new DataOutputStream(bytes), n);
        return bytes.toByteArray();
    }

    @Test
    void namesTheSheetAndCellOfAnError() {
        // The header on row 3 after two empty rows; the second nominee's sex (column C) on row 5 is wrong.
        byte[] nominees = Sheets.xlsx("Danh sách", 2, List.of(NOMINEE_HEADER.subList(0, 7),
                List.of("A", "Nguyễn Văn An", "Nam", LocalDate.of(1970, 5, 12), "Chính thức", "Có", "Bí thư"),
                List.of("B", "Lê Văn Bình", "X", LocalDate.of(1971, 5, 12), "Chính thức", "Có", "Ủy viên BCH")));
        assertThat(errors("nominees.xlsx", nominees)).containsExactly(
                "nominees.xlsx:Danh sách!C5: “X” is not valid; use one of: M, F, Nam, Nữ");
    }

    @Test
    void namesTheHeaderCellOfANearMiss() {
        byte[] nominees = Sheets.xlsx("Sheet1", 0, List.of(List.of("nominee_id", "full_name", "sex", "birth_date",
                "membership", "incumbent", "proposed_posts", "discipline_from"),
                List.of("A", "X", "M", LocalDate.of(1970, 5, 12), "OFFICIAL", "true", "COMMITTEE", "")));
        assertThat(errors("nominees.xlsx", nominees)).containsExactly(
                "nominees.xlsx:Sheet1!H1: “discipline_from” is no known column: did you mean “discipline_form”?");
    }

    @Test
    void tellsASpreadsheetByItsContentNotItsName() {
        byte[] nominees = Sheets.xlsx("Sheet1", 0, List.of(NOMINEE_HEADER.subList(0, 7),
                List.of("A", "Nguyễn Văn An", "Nam", LocalDate.of(1970, 5, 12), "Chính thức", "Có", "Bí thư")));
        Intake.Result r = read("congresses.csv", VietnameseIntakeTest.CONGRESS.getBytes(StandardCharsets.UTF_8),
                "nominees.csv", nominees);
        assertThat(r.lists().get(0).nominees().get(0).getFullName()).isEqualTo("Nguyễn Văn An");
        assertThat(new Intake.Input("nominees.csv", nominees).isSpreadsheet()).isTrue();
        assertThat(new Intake.Input("nominees.xlsx", "PK,x\n".getBytes(StandardCharsets.UTF_8)).isSpreadsheet())
                .isFalse();
    }

    @Test
    void refusesAZipBombWithoutUnpackingIt() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 4; i++) {
                zip.write(zeros); // 4 MB of zeros pack into a few kB: a ratio no sheet has
            }
            zip.closeEntry();
        }
        assertThat(bytes.size()).isLessThan(64 * 1024);
        assertThat(errors("nominees.xlsx", bytes.toByteArray())).containsExactly(
                "nominees.xlsx:1:-: part “xl/worksheets/sheet1.xml” of the spreadsheet unpacks to more than 200 times "
                        + "its packed size, which no spreadsheet does; it was not opened");
    }

    @Test
    void refusesAZipThatIsNoWorkbook() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("not a workbook".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThat(errors("nominees.xlsx", bytes.toByteArray())).singleElement().asString()
                .startsWith("nominees.xlsx:1:-: the file starts like a spreadsheet (.xlsx) but cannot be read");
    }

    @Test
    void namesSpreadsheetColumnsByLetters() {
        assertThat(List.of(XlsxReader.column(0), XlsxReader.column(25), XlsxReader.column(26),
                XlsxReader.column(701), XlsxReader.column(702))).containsExactly("A", "Z", "AA", "ZZ", "AAA");
    }
}
