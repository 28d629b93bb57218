package org.slatecheck.explanation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.slatecheck.rules.text.Messages;

/**
 * The PDF renders whatever text is stored: a finding whose wording holds a NUL, escape, bell or text-direction
 * character (stored before boards were refused them) or a character the font has no glyph for made every PDF with
 * it fail (500); it now prints without them.
 */
class PdfReportTextTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode results(String dirty) {
        ArrayNode results = JSON.createArrayNode();
        ObjectNode list = results.addObject();
        list.putObject("congress").put("id", "C1").put("organisation", "Đảng bộ " + dirty).put("level", "PROVINCE")
                .put("term", "2025-2030").put("referenceMonth", "2025-09").put("congressDate", "2025-09-01");
        list.putObject("ruleSet").put("version", "1.0");
        list.putObject("summary").put("nominees", 1).put("eligible", 0).put("review", 1).put("ineligible", 0)
                .put("listStatus", "COMPLIANT");
        list.putArray("listFindings");
        ObjectNode nominee = list.putArray("nominees").addObject().put("nomineeId", "A")
                .put("fullName", "Nguyễn Văn " + dirty).put("outcome", "REVIEW");
        nominee.putArray("findings").addObject().put("ruleId", "POS-901").put("severity", "REVIEW")
                .put("title", "Bí thư chưa có cử nhân " + dirty).put("message", "Trình độ: " + dirty)
                .put("remedy", "Cử đi học " + dirty).put("citation", "Quy định 214 " + dirty);
        return results;
    }

    @Test
    void aFindingWithControlCharactersInItsStoredTextStillPrints() throws Exception {
        String dirty = "đầu\u0000 \u0007giữa\u001b[31m\u202e\u2066\t\r\ncuối\u0085\ud800 \ue000";
        for (java.util.Locale language : java.util.List.of(Messages.VI, Messages.EN)) {
            byte[] pdf = PdfReport.write(results(dirty), Messages.of(language), java.time.Instant.now());
            assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(doc);
                assertThat(text).contains("POS-901").contains("Bí thư chưa có cử nhân").contains("giữa[31m")
                        .contains("cuối").doesNotContain("\u0000").doesNotContain("\u202e");
            }
        }
    }
}
