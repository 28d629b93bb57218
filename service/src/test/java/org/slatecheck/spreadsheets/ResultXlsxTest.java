package org.slatecheck.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slatecheck.explanation.ResultJson;
import org.slatecheck.rules.engine.RuleSetSnapshot;
import org.slatecheck.rules.explain.Explainer;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.intake.Intake;
import org.slatecheck.screening.Checker;

/** The result workbook, opened with POI: sheets, headers, labels, frozen header rows, filters, no formulas. */
class ResultXlsxTest {
    static final Path SAMPLES = Path.of("../data/samples");
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern CODE_WORD = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b|\\b[A-Z]{4,}\\b");
    static final Pattern RULE_ID = Pattern.compile("\\b[A-Z]{3}-\\d{3}\\b");
    /** The rating abbreviations are Vietnamese (Vietnamese documents write them so), not code words. */
    static final Set<String> VIETNAMESE_ABBREVIATIONS = Set.of("HTXSNV", "HTTNV", "HTNV", "KHTNV");
    static ArrayNode sampleVi;
    static ArrayNode sampleEn;

    @BeforeAll
    static void screenTheSample() throws Exception {
        var results = Checker.check(new Intake.Input("congresses.csv", Files.readAllBytes(SAMPLES.resolve(
                "congresses.csv"))), new Intake.Input("nominees.csv", Files.readAllBytes(SAMPLES.resolve(
                "nominees.csv"))), RuleSetSnapshot.shipped());
        sampleVi = ResultJson.of(results, new Explainer(Messages.of(Messages.VI)));
        sampleEn = ResultJson.of(results, new Explainer(Messages.of(Messages.EN)));
    }

    static XSSFWorkbook export(JsonNode results, Locale locale) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultXlsx.write(results, Messages.of(locale), out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void hasASummaryASheetPerListAndTheListFindingsEachWithFrozenHeaderAndFilter() throws Exception {
        try (XSSFWorkbook book = export(sampleVi, Messages.VI)) {
            List<String> names = new ArrayList<>();
            book.forEach(s -> names.add(s.getSheetName()));
            List<String> ids = new ArrayList<>();
            sampleVi.forEach(r -> ids.add(r.path("congress").path("id").asText()));
            List<String> expected = new ArrayList<>(List.of("Tổng hợp", "Kết quả danh sách"));
            expected.addAll(ids);
            assertThat(names).containsExactlyElementsOf(expected);
            for (Sheet sheet : book) {
                XSSFSheet s = (XSSFSheet) sheet;
                assertThat(s.getPaneInformation().isFreezePane()).as(s.getSheetName()).isTrue();
                assertThat(s.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
                assertThat(s.getCTWorksheet().isSetAutoFilter()).as(s.getSheetName()).isTrue();
                String ref = s.getCTWorksheet().getAutoFilter().getRef();
                assertThat(ref).startsWith("A1:").endsWith(String.valueOf(Math.max(1, s.getLastRowNum() + 1)));
            }

            Sheet summary = book.getSheet("Tổng hợp");
            assertThat(InputTemplatesTest.row(summary, 0)).startsWith("Tổ chức đảng", "Mã đại hội", "Cấp",
                    "Nhiệm kỳ").contains("Trạng thái danh sách", "Phiên bản bộ quy tắc", "Mã kiểm bộ quy tắc");
            assertThat(summary.getLastRowNum()).isEqualTo(sampleVi.size());
            for (int i = 0; i < sampleVi.size(); i++) {
                JsonNode r = sampleVi.get(i);
                Row row = summary.getRow(i + 1);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(r.path("congress").path("organisation")
                        .asText());
                assertThat(row.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat((int) row.getCell(6).getNumericCellValue()).isEqualTo(r.path("summary").path("nominees")
                        .asInt());
                assertThat((int) row.getCell(9).getNumericCellValue()).isEqualTo(r.path("summary")
                        .path("ineligible").asInt());
                assertThat(row.getCell(10).getStringCellValue()).isEqualTo(Messages.of(Messages.VI).raw("list."
                        + r.path("summary").path("listStatus").asText()));
                assertThat(row.getCell(12).getStringCellValue()).isEqualTo(r.path("ruleSet").path("checksum")
                        .asText());
                assertThat(row.getCell(13).getStringCellValue()).isEqualTo(names.get(i + 2));
            }
            assertThat(summary.getRow(1).getCell(2).getStringCellValue()).isEqualTo("Cấp tỉnh");

            // A list sheet: one row per finding, a nominee without findings on one row of its own.
            JsonNode first = sampleVi.get(0);
            Sheet list = book.getSheet(names.get(2));
            assertThat(InputTemplatesTest.row(list, 0)).containsExactly("Mã nhân sự", "Họ và tên", "Kết quả",
                    "Quy tắc", "Mức độ", "Nội dung", "Giải thích", "Căn cứ", "Cách khắc phục");
            int rows = 0;
            for (JsonNode n : first.path("nominees")) {
                rows += Math.max(1, n.path("findings").size());
            }
            assertThat(list.getLastRowNum()).isEqualTo(rows);
            int listFindings = 0;
            for (JsonNode r : sampleVi) {
                listFindings += r.path("listFindings").size();
            }
            assertThat(book.getSheet("Kết quả danh sách").getLastRowNum()).isEqualTo(listFindings);
            assertThat(listFindings).isPositive();
        }
    }

    @Test
    void vietnameseExportShowsLabelsAndNoCodeWordButRuleIds() throws Exception {
        Set<String> seen = new HashSet<>();
        try (XSSFWorkbook book = export(sampleVi, Messages.VI)) {
            for (Sheet sheet : book) {
                List<String> header = InputTemplatesTest.row(sheet, 0);
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() != CellType.STRING) {
                            continue;
                        }
                        String column = header.get(cell.getColumnIndex());
                        // User data and citations (titles of documents) are written as given.
                        if (Set.of("Tổ chức đảng", "Mã đại hội", "Mã nhân sự", "Họ và tên", "Căn cứ", "Trang chi tiết",
                                "Mã kiểm bộ quy tắc", "Phiên bản bộ quy tắc").contains(column)) {
                            continue;
                        }
                        String text = RULE_ID.matcher(cell.getStringCellValue()).replaceAll("");
                        Matcher m = CODE_WORD.matcher(text);
                        while (m.find()) {
                            if (VIETNAMESE_ABBREVIATIONS.contains(m.group())) {
                                continue;
                            }
                            seen.add(column + ": " + m.group() + " in “" + cell.getStringCellValue() + "”");
                        }
                    }
                }
            }
            assertThat(seen).isEmpty();
            assertThat(InputTemplatesTest.row(book.getSheetAt(2), 1).get(3)).matches("([A-Z]{3}-\\d{3})?");
        }
    }

    @Test
    void englishExportHasEnglishHeadersAndLabels() throws Exception {
        try (XSSFWorkbook book = export(sampleEn, Messages.EN)) {
            assertThat(book.getSheetName(0)).isEqualTo("Summary");
            assertThat(book.getSheetName(1)).isEqualTo("List findings");
            assertThat(InputTemplatesTest.row(book.getSheetAt(0), 0)).startsWith("Organisation", "Congress", "Level");
            assertThat(book.getSheetAt(0).getRow(1).getCell(2).getStringCellValue()).isEqualTo("Province");
            assertThat(InputTemplatesTest.row(book.getSheetAt(2), 0)).startsWith("Nominee id", "Full name",
                    "Outcome", "Rule");
            Set<String> outcomes = new HashSet<>();
            for (Row row : book.getSheetAt(2)) {
                if (row.getRowNum() > 0) {
                    outcomes.add(row.getCell(2).getStringCellValue());
                }
            }
            Messages en = Messages.of(Messages.EN);
            assertThat(outcomes).isNotEmpty().isSubsetOf(en.raw("outcome.ELIGIBLE"), en.raw("outcome.REVIEW"),
                    en.raw("outcome.INELIGIBLE")).contains(en.raw("outcome.INELIGIBLE"));
        }
    }

    @Test
    void textThatLooksLikeAFormulaIsStoredAsTextAndSheetNamesAreSafeAndUnique() throws Exception {
        ArrayNode results = JSON.createArrayNode();
        String longId = "Đảng bộ [A]: x*y?/z\\w rất dài, vượt quá ba mươi mốt ký tự";
        List<String> formulas = List.of("=HYPERLINK(\"http://example.invalid\",\"x\")", "+1+2", "-2+3", "@SUM(A1)",
                "=1+1");
        results.add(list(longId, formulas));
        results.add(list(longId, List.of("A")));
        results.add(list("tinh-nb", List.of("B")));
        results.add(list("TINH-NB", List.of("C")));
        results.add(list("Tổng hợp", List.of("D")));
        results.add(list("'", List.of("E")));
        try (XSSFWorkbook book = export(results, Messages.VI)) {
            Set<String> lower = new HashSet<>();
            for (Sheet s : book) {
                String n = s.getSheetName();
                assertThat(n.length()).as(n).isBetween(1, 31);
                assertThat(n).doesNotContain("[", "]", ":", "*", "?", "/", "\\").doesNotStartWith("'");
                assertThat(lower.add(n.toLowerCase(Locale.ROOT))).as("unique " + n).isTrue();
            }
            assertThat(book.getNumberOfSheets()).isEqualTo(2 + 6);
            Sheet first = book.getSheetAt(2);
            for (int i = 0; i < formulas.size(); i++) {
                Cell name = first.getRow(i + 1).getCell(1);
                assertThat(name.getCellType()).isEqualTo(CellType.STRING);
                assertThat(name.getStringCellValue()).isEqualTo(formulas.get(i));
                assertThat(name.getCellStyle().getQuotePrefixed()).isTrue();
                Cell message = first.getRow(i + 1).getCell(6);
                assertThat(message.getCellType()).isEqualTo(CellType.STRING);
                assertThat(message.getStringCellValue()).isEqualTo(formulas.get(i));
            }
            for (Sheet s : book) {
                for (Row row : s) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
        }
    }

    /** A list whose nominees are named {@code names}, each with one finding whose message is its name. */
    private static ObjectNode list(String congressId, List<String> names) {
        ObjectNode r = JSON.createObjectNode();
        r.putObject("congress").put("id", congressId).put("organisation", "Đảng bộ thử").put("level", "COMMUNE")
                .put("term", "2025-2030").put("referenceMonth", "2025-09").put("congressDate", "2025-09-01");
        r.putObject("ruleSet").put("id", "2025-2030").put("version", "1").put("checksum", "abc");
        r.putObject("summary").put("nominees", names.size()).put("eligible", 0).put("review", names.size())
                .put("ineligible", 0).put("listStatus", "COMPLIANT");
        ArrayNode nominees = r.putArray("nominees");
        int i = 0;
        for (String name : names) {
            ObjectNode n = nominees.addObject().put("nomineeId", "N" + i++).put("fullName", name).put("outcome",
                    "REVIEW");
            n.putArray("findings").addObject().put("ruleId", "AGE-002").put("severity", "REVIEW").put("title", "t")
                    .put("message", name).put("citation", "c");
        }
        r.putArray("listFindings");
        r.putArray("notChecked");
        return r;
    }
}
