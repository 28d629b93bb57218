package org.slatecheck.explanation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slatecheck.rules.explain.Messages;

/**
 * A printable PDF of a stored check (Apache PDFBox): per congress the summary, list findings, the viable list's status
 * and findings (RULES.md section 6) and every flagged nominee's findings with message and citation. Text is set in DejaVu Sans, shipped in the jar and embedded in the
 * PDF, so Vietnamese diacritics render and extract correctly.
 */
public final class PdfReport {
    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDDocument doc;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private PDPageContentStream out;
    private float y;

    private PdfReport(PDDocument doc) throws IOException {
        this.doc = doc;
        this.regular = font(doc, "fonts/DejaVuSans.ttf");
        this.bold = font(doc, "fonts/DejaVuSans-Bold.ttf");
    }

    /** @param results section 7 objects as stored; {@code messages} for the labels */
    public static byte[] write(JsonNode results, Messages messages, String checkId, String createdAt) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            PdfReport r = new PdfReport(doc);
            r.newPage();
            r.text(r.bold, 16, messages.raw("ui.result.title") + " · SlateCheck");
            r.text(r.regular, 9, checkId + " · " + createdAt);
            r.gap(8);
            for (JsonNode list : results) {
                r.congress(list, messages);
            }
            r.out.close();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A batch summary: per level the counts by outcome, the rules that fired most, the lists not compliant. */
    @SuppressWarnings("unchecked")
    public static byte[] batchSummary(String batchId, java.util.Map<String, Object> summary, Messages m) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            PdfReport r = new PdfReport(doc);
            r.newPage();
            r.text(r.bold, 16, m.raw("ui.batch.title") + " " + batchId + " · SlateCheck");
            r.gap(8);
            r.text(r.bold, 13, m.raw("ui.batch.summary"));
            for (java.util.Map<String, Object> row : (List<java.util.Map<String, Object>>) summary.get("byLevel")) {
                r.text(r.regular, 10, m.text("ui.batch.level_line", row.get("level"), row.get("lists"),
                        row.get("nominees"), row.get("eligible"), row.get("review"), row.get("ineligible"),
                        row.get("non_compliant")) + "; " + m.raw("ui.batch.viable_non_compliant") + ": "
                        + row.get("viable_non_compliant"));
            }
            r.gap(6);
            r.text(r.bold, 12, m.raw("ui.batch.top_rules"));
            for (java.util.Map<String, Object> row : (List<java.util.Map<String, Object>>) summary.get("topRules")) {
                r.text(r.regular, 10, row.get("rule_id") + " " + m.raw("title." + row.get("rule_id")) + ": "
                        + row.get("findings"));
            }
            r.gap(6);
            r.text(r.bold, 12, m.raw("ui.batch.non_compliant_lists"));
            for (java.util.Map<String, Object> row
                    : (List<java.util.Map<String, Object>>) summary.get("nonCompliantLists")) {
                r.text(r.regular, 9, row.get("congress_id") + " · " + row.get("organisation") + " · "
                        + row.get("level"));
            }
            r.gap(6);
            r.text(r.bold, 12, m.raw("ui.batch.viable_non_compliant_lists"));
            for (java.util.Map<String, Object> row
                    : (List<java.util.Map<String, Object>>) summary.get("viableNonCompliantLists")) {
                r.text(r.regular, 9, row.get("congress_id") + " · " + row.get("organisation") + " · "
                        + row.get("level"));
            }
            r.out.close();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void congress(JsonNode r, Messages m) throws IOException {
        JsonNode c = r.path("congress");
        JsonNode s = r.path("summary");
        text(bold, 13, c.path("organisation").asText() + " (" + c.path("id").asText() + ")");
        text(regular, 10, m.text("ui.result.congress", c.path("level").asText(), c.path("term").asText(),
                c.path("referenceMonth").asText(), c.path("congressDate").asText(),
                r.path("ruleSet").path("version").asText()));
        text(regular, 10, m.text("report.summary", s.path("nominees").asInt(), s.path("eligible").asInt(),
                s.path("review").asInt(), s.path("ineligible").asInt()));
        text(bold, 10, m.raw("list." + s.path("listStatus").asText()));
        for (JsonNode f : r.path("listFindings")) {
            finding(f, m, 10);
        }
        viable(r, m);
        gap(6);
        for (JsonNode n : r.path("nominees")) {
            if (n.path("findings").isEmpty()) {
                continue;
            }
            text(bold, 11, n.path("nomineeId").asText() + "  " + n.path("fullName").asText() + " — "
                    + m.raw("outcome." + n.path("outcome").asText()));
            for (JsonNode f : n.path("findings")) {
                finding(f, m, 10);
            }
            gap(3);
        }
        gap(12);
    }

    /**
     * The viable list (RULES.md section 6): one line when nobody is INELIGIBLE, else its status and findings. A check
     * stored before the viable list existed has none and prints none.
     */
    private void viable(JsonNode r, Messages m) throws IOException {
        JsonNode s = r.path("summary");
        if (!s.has("viableListStatus")) {
            return;
        }
        int excluded = s.path("ineligible").asInt();
        gap(3);
        if (excluded == 0) {
            text(regular, 10, m.raw("viable.same"));
            return;
        }
        text(bold, 10, m.text("viable." + s.path("viableListStatus").asText(), excluded,
                s.path("nominees").asInt() - excluded));
        for (JsonNode f : r.path("viableListFindings")) {
            finding(f, m, 10);
        }
    }

    private void finding(JsonNode f, Messages m, float indent) throws IOException {
        text(regular, 9.5f, indent, "• " + f.path("ruleId").asText() + " [" + m.raw("severity."
                + f.path("severity").asText()) + "] " + f.path("title").asText() + ": " + f.path("message").asText());
        if (!f.path("remedy").asText().isEmpty()) {
            text(regular, 8.5f, indent + 10, m.text("report.remedy", f.path("remedy").asText()));
        }
        if (!f.path("citation").asText().isEmpty()) {
            text(regular, 8.5f, indent + 10, m.text("report.citation", f.path("citation").asText()));
        }
    }

    private void text(PDType0Font font, float size, String text) throws IOException {
        text(font, size, 0, text);
    }

    private void text(PDType0Font font, float size, float indent, String text) throws IOException {
        for (String line : wrap(font, size, WIDTH - indent, text)) {
            if (y - size * 1.35f < MARGIN) {
                out.close();
                newPage();
            }
            y -= size * 1.35f;
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(MARGIN + indent, y);
            out.showText(line);
            out.endText();
        }
    }

    private void gap(float points) {
        y -= points;
    }

    private void newPage() throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private static List<String> wrap(PDType0Font font, float size, float width, String text) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.replace('\n', ' ').split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && font.getStringWidth(candidate) / 1000 * size > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private static PDType0Font font(PDDocument doc, String path) throws IOException {
        try (InputStream in = PdfReport.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("no font " + path);
            }
            return PDType0Font.load(doc, in);
        }
    }
}
