package org.slatecheck.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slatecheck.SlateCheck;

/**
 * {@code slatecheck.jar elect}: the sample's provincial list (34 seats) with a tally where three candidates tie at
 * the last two seats and one has exactly half of the base — the text in Vietnamese, the JSON, and a tally that does
 * not add up said in words with exit code 2.
 */
public class ElectCommandTest {
    public static final Path SAMPLES = Path.of("..", "data", "samples");
    public static final Path TALLY = Path.of("src", "test", "resources", "election", "tally-TINH-NB-2025.csv");

    public record Run(int code, String out, String err) {
    }

    public static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SlateCheck.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public static String[] args(Path tally, String... more) {
        String[] base = {"elect", "--candidates", SAMPLES.resolve("nominees.csv").toString(), "--congresses",
                SAMPLES.resolve("congresses.csv").toString(), "--tally", tally.toString(), "--congress",
                "TINH-NB-2025"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void theProvincialListWithATieAndOneAtExactlyHalf() throws Exception {
        Run text = run(args(TALLY));
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("Bằng phiếu ở chỗ cuối cùng: đại hội quyết định",
                "Trúng cử (32, theo thứ tự số phiếu)", "Bằng phiếu cho 2 chỗ còn lại",
                "174 phiếu / cơ sở 348: không trúng cử (cần trên 174).",
                "319 phiếu / cơ sở 348: trúng cử (cần trên 174).",
                "Cấp ủy được bầu: 32 người, 3 nữ", "Quy định 190-QĐ/TW ngày 10/10/2024")
                .doesNotContain("COMMITTEE", "DELEGATES", "ELE-0");

        Run json = run(args(TALLY, "--format", "json", "--lang", "en"));
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertThat(j.get("status").asText()).isEqualTo("TIE");
        assertThat(j.get("election").get("base").asInt()).isEqualTo(348);
        assertThat(j.get("elected")).hasSize(32);
        assertThat(j.get("tied").toString()).isEqualTo("[\"T33\",\"T34\",\"T35\"]");
        assertThat(j.get("nextRound").toString()).isEqualTo("[\"T33\",\"T34\",\"T35\"]");
        assertThat(j.get("electedBody").get("women").asInt()).isEqualTo(3);
        assertThat(j.get("electedBody").get("findings").toString()).contains("STR-001");
    }

    /** The tally as the counting software exports it, an .xlsx workbook: the same decision as its CSV. */
    @Test
    void aTallyWorkbookIsDecidedAsItsCsv(@TempDir Path dir) throws Exception {
        Path xlsx = dir.resolve("kiem-phieu.xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                java.io.OutputStream out = Files.newOutputStream(xlsx)) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.createSheet("Kiểm phiếu");
            int r = 0;
            for (String line : Files.readAllLines(TALLY)) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(cells[0]);
                if (cells.length > 1 && cells[1].matches("\\d+")) {
                    row.createCell(1).setCellValue(Integer.parseInt(cells[1]));
                } else if (cells.length > 1) {
                    row.createCell(1).setCellValue(cells[1]);
                }
            }
            wb.write(out);
        }
        Run fromCsv = run(args(TALLY, "--format", "json", "--lang", "en"));
        Run fromXlsx = run(args(xlsx, "--format", "json", "--lang", "en"));
        assertThat(fromXlsx.code()).as(fromXlsx.err()).isZero();
        assertThat(new ObjectMapper().readTree(fromXlsx.out())).isEqualTo(new ObjectMapper().readTree(fromCsv.out()));
    }

    @Test
    void aTallyThatDoesNotAddUpIsDecidedAsInconsistentAndAnUnknownCandidateIsAnInputError(@TempDir Path dir)
            throws Exception {
        String tally = Files.readString(TALLY);
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, tally.replace("Phiếu không hợp lệ,2", "Phiếu không hợp lệ,3"));
        Run r = run(args(bad));
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Số liệu kiểm phiếu không khớp",
                "Phiếu hợp lệ (340) cộng phiếu không hợp lệ (3) phải bằng số phiếu thu vào (342).");

        Path unknown = dir.resolve("unknown.csv");
        Files.writeString(unknown, tally + "Người Lạ,5\n");
        Run u = run(args(unknown));
        assertThat(u.code()).isEqualTo(2);
        assertThat(u.err()).contains("unknown.csv:50: “Người Lạ” không có trong danh sách bầu cử.");
    }
}
