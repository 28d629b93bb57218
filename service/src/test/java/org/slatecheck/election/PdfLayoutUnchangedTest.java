package org.slatecheck.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.slatecheck.explanation.PdfReport;
import org.slatecheck.rules.text.Messages;

/**
 * The minutes of the count and the check report print as they did before their page, row, table and wrapping code
 * became one class ({@code explanation/PdfPages}): on fixed input, every text run of every page — its page, position,
 * size, font and text — is the same as recorded in {@code src/test/resources/pdf-layout/} from the PDFs as they were.
 * To record again after a wanted change of layout: run with {@code -Dpdf.layout.record=true} and review the diff.
 */
class PdfLayoutUnchangedTest {
    static final Path RECORDED = Path.of("src/test/resources/pdf-layout");

    @Test
    void theMinutesOfTheCountAreLaidOutAsBefore() throws Exception {
        for (Locale language : List.of(Messages.VI, Messages.EN)) {
            byte[] pdf = MinutesPdf.write(MinutesTest.decided(language.getLanguage()), "Đảng bộ tỉnh Ninh Bình",
                    Messages.of(language));
            same("minutes-" + language.getLanguage() + ".txt", layout(pdf));
        }
    }

    @Test
    void theCheckReportIsLaidOutAsBefore() throws Exception {
        for (Locale language : List.of(Messages.VI, Messages.EN)) {
            byte[] pdf = PdfReport.write(results(), List.of(structure()), Messages.of(language),
                    java.time.Instant.parse("2025-09-01T03:04:05Z"));
            same("report-" + language.getLanguage() + ".txt", layout(pdf));
        }
    }

    static void same(String name, String layout) throws IOException {
        Path file = RECORDED.resolve(name);
        if (Boolean.getBoolean("pdf.layout.record")) {
            Files.writeString(file, layout, StandardCharsets.UTF_8);
        }
        assertThat(layout).as(name).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** One line per text run: page, x, y, size, font (without its subset tag), text. */
    static String layout(byte[] pdf) throws IOException {
        StringBuilder out = new StringBuilder();
        try (var doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    TextPosition first = positions.get(0);
                    String font = first.getFont().getName();
                    out.append(String.format(Locale.ROOT, "%d %.2f %.2f %.1f %s %s%n", getCurrentPageNo(),
                            first.getXDirAdj(), first.getYDirAdj(), first.getFontSizeInPt(),
                            font.substring(font.indexOf('+') + 1), text));
                }
            };
            stripper.setSortByPosition(false);
            stripper.getText(doc);
            out.append("pages ").append(doc.getNumberOfPages()).append('\n');
        }
        return out.toString();
    }

    /** A check of one list long enough for several pages: wrapped findings, a table row cut with "…", a structure. */
    static JsonNode results() {
        ObjectMapper json = new ObjectMapper();
        ArrayNode results = json.createArrayNode();
        ObjectNode list = results.addObject();
        list.putObject("congress").put("id", "C1").put("organisation", "Đảng bộ tỉnh Ninh Bình").put("level", "PROVINCE")
                .put("term", "2025-2030").put("referenceMonth", "2025-09").put("congressDate", "2025-09-01");
        list.putObject("ruleSet").put("version", "1.0");
        list.putObject("summary").put("nominees", 60).put("eligible", 20).put("review", 20).put("ineligible", 20)
                .put("listStatus", "NON_COMPLIANT").put("viableListStatus", "NON_COMPLIANT");
        list.putArray("listFindings").addObject().put("ruleId", "STR-001").put("severity", "REVIEW")
                .put("title", "Tỷ lệ nữ").put("message", "Danh sách có 5/60 nữ, thấp hơn chỉ tiêu 15%.")
                .put("remedy", "Bổ sung nhân sự nữ.").put("citation", "Chỉ thị 45-CT/TW, mục 2");
        list.putArray("notChecked");
        ArrayNode nominees = list.putArray("nominees");
        for (int i = 1; i <= 60; i++) {
            String outcome = i % 3 == 0 ? "INELIGIBLE" : i % 3 == 1 ? "ELIGIBLE" : "REVIEW";
            ObjectNode n = nominees.addObject().put("nomineeId", "N" + i).put("outcome", outcome)
                    .put("fullName", i == 7 ? "Nguyễn Thị Hoàng Phương Thảo Quỳnh Như Ngọc Bích Diễm Kiều Trang Anh"
                            : "Nguyễn Văn Nhân Sự " + i);
            ArrayNode findings = n.putArray("findings");
            if (!outcome.equals("ELIGIBLE")) {
                findings.addObject().put("ruleId", "AGE-002").put("severity", outcome.equals("REVIEW") ? "REVIEW"
                        : "INELIGIBLE").put("title", "Tuổi tái cử")
                        .put("message", "Nhân sự " + i + " sinh tháng 3/1966, đến tháng 9/2025 đã quá tuổi tái cử "
                                + "theo quy định đối với cấp ủy cấp tỉnh, cần xem xét lại trước khi trình đại hội.")
                        .put("remedy", "Thay bằng nhân sự khác hoặc xin ý kiến cấp trên.")
                        .put("citation", "Quy định 190-QĐ/TW, Điều 4");
            }
        }
        return results;
    }

    static JsonNode structure() {
        ArrayNode bars = new ObjectMapper().createArrayNode();
        bars.addObject().put("key", "women").put("count", 5).put("total", 60).put("percent", 8.3).put("min", 15)
                .put("ok", false);
        bars.addObject().put("key", "under40").put("count", 12).put("total", 60).put("percent", 20).put("min", 10)
                .put("max", 25).put("ok", true);
        bars.addObject().put("key", "minority").put("count", 3).put("total", 60).put("percent", 5);
        bars.addObject().put("key", "size").put("count", 60).put("seats", 50).put("minCount", 55).put("maxCount", 60)
                .put("ok", true);
        return bars;
    }
}
