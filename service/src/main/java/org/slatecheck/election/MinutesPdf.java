package org.slatecheck.election;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slatecheck.explanation.PdfReport;
import org.slatecheck.rules.text.Messages;

/**
 * The minutes of the count (biên bản kiểm phiếu) as PDF, from a stored decision: the party-document heading (the
 * organisation and the counting board on the left, "ĐẢNG CỘNG SẢN VIỆT NAM" underlined and the place and date on the
 * right), the counts (convened, each deduction, the base, the ballots), every candidate's votes and percentage of the
 * base with the outcome, those elected in order, the tie and the next round's list, the elected committee's
 * structure, the grounds, and the signatures of the counting board; "Trang x/y". DejaVu Sans, as the check report.
 */
public final class MinutesPdf {
    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDDocument doc;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private PDPageContentStream out;
    private float y;

    private MinutesPdf(PDDocument doc) throws IOException {
        this.doc = doc;
        this.regular = font("fonts/DejaVuSans.ttf");
        this.bold = font("fonts/DejaVuSans-Bold.ttf");
    }

    /** The minutes of {@code result} (an {@link ElectionJson} tree) for {@code organisation}, in {@code m}'s language. */
    @SuppressWarnings("unchecked")
    public static byte[] write(Map<String, Object> result, String organisation, Messages m) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            MinutesPdf p = new MinutesPdf(doc);
            p.newPage();
            p.header(organisation, m);
            Map<String, Object> e = (Map<String, Object>) result.get("election");
            Map<String, Object> ballots = (Map<String, Object>) result.get("ballots");
            p.centred(p.bold, 15, m.raw("election.pdf.title"));
            p.centred(p.regular, 11, m.text("election.pdf.subtitle", e.get("bodyLabel"), e.get("round"),
                    e.get("seats")));
            p.gap(8);
            p.text(p.bold, 11, m.raw("election.pdf.counts"));
            p.text(p.regular, 10, m.text("election.pdf.kind", e.get("kindLabel"), e.get("convened")));
            for (Map<String, Object> d : (List<Map<String, Object>>) e.get("deductions")) {
                p.text(p.regular, 10, "  − " + d.get("reasonLabel") + ": " + d.get("count")
                        + (String.valueOf(d.get("note")).isBlank() ? "" : " (" + d.get("note") + ")"));
            }
            p.text(p.regular, 10, m.text("election.pdf.base", e.get("base"), e.get("needsMoreThan")));
            p.text(p.regular, 10, m.text("election.pdf.ballots", ballots.get("issued"), ballots.get("returned"),
                    ballots.get("valid"), ballots.get("invalid")));
            p.gap(6);
            p.text(p.bold, 11, m.text("election.pdf.status", result.get("statusLabel")));
            for (Map<String, Object> err : (List<Map<String, Object>>) result.get("errors")) {
                p.text(p.regular, 10, "  ! " + err.get("message"));
            }
            p.gap(4);
            float[] cols = {0, 28, 220, 275, 345};
            p.row(p.bold, 9.5f, cols, m.raw("election.pdf.no"), m.raw("election.pdf.name"),
                    m.raw("election.pdf.votes"), m.raw("election.pdf.percent"), m.raw("election.pdf.outcome"));
            int i = 0;
            List<Map<String, Object>> candidates = (List<Map<String, Object>>) result.get("candidates");
            for (Map<String, Object> c : candidates) {
                p.row(p.regular, 9.5f, cols, String.valueOf(++i), String.valueOf(c.get("name")),
                        String.valueOf(c.get("votes")), String.valueOf(c.get("percentOfBase")),
                        String.valueOf(c.get("outcomeLabel")));
            }
            p.gap(6);
            p.text(p.bold, 11, m.text("election.pdf.elected", ((List<?>) result.get("elected")).size()));
            int n = 0;
            for (Object id : (List<?>) result.get("elected")) {
                p.text(p.regular, 10, "  " + (++n) + ". " + name(candidates, id));
            }
            List<?> tied = (List<?>) result.get("tied");
            if (!tied.isEmpty()) {
                p.gap(4);
                p.text(p.bold, 11, m.text("election.pdf.tied", result.get("seatsLeft")));
                for (Object id : tied) {
                    p.text(p.regular, 10, "  − " + name(candidates, id));
                }
            }
            List<?> next = (List<?>) result.get("nextRound");
            if (!next.isEmpty()) {
                p.gap(4);
                p.text(p.bold, 11, m.raw("election.pdf.next_round"));
                int k = 0;
                for (Object id : next) {
                    p.text(p.regular, 10, "  " + (++k) + ". " + name(candidates, id));
                }
            }
            if (result.get("decision") != null) {
                p.text(p.regular, 10, String.valueOf(result.get("decision")));
            }
            Map<String, Object> body = (Map<String, Object>) result.get("electedBody");
            if (body != null) {
                p.gap(4);
                p.text(p.bold, 11, m.raw("election.pdf.body"));
                p.text(p.regular, 10, m.text("election.text.body", body.get("members"), body.get("women"),
                        body.get("under40"), body.get("minority")));
                for (Map<String, Object> f : (List<Map<String, Object>>) body.get("findings")) {
                    p.text(p.regular, 10, "  − " + f.get("message"));
                }
            }
            p.gap(4);
            p.text(p.bold, 10, m.raw("election.text.citation"));
            for (Object c : (List<?>) result.get("citations")) {
                p.text(p.regular, 9, "  " + c);
            }
            p.signatures(m);
            p.out.close();
            p.pageNumbers(m);
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(List<Map<String, Object>> candidates, Object id) {
        return candidates.stream().filter(c -> c.get("id").equals(id)).map(c -> c.get("name") + " (" + c.get("votes")
                + ")").findFirst().orElse(String.valueOf(id));
    }

    private void header(String organisation, Messages m) throws IOException {
        float half = WIDTH / 2;
        float left = MARGIN + half / 2;
        float right = MARGIN + half + half / 2;
        float top = y - 12;
        centredAt(regular, 10.5f, left, top, organisation == null || organisation.isBlank()
                ? m.raw("pdf.header.issuer_blank") : organisation);
        centredAt(bold, 10.5f, left, top - 14, m.raw("election.pdf.board"));
        centredAt(regular, 10.5f, left, top - 26, "*");
        String party = m.raw("pdf.header.party");
        float width = centredAt(bold, 11, right, top, party);
        out.moveTo(right - width / 2, top - 3);
        out.lineTo(right + width / 2, top - 3);
        out.setLineWidth(0.6f);
        out.stroke();
        centredAt(regular, 10, right, top - 40, m.raw("pdf.signature.place"));
        y = top - 40 - 24;
    }

    private void signatures(Messages m) throws IOException {
        if (y - 130 < MARGIN) {
            out.close();
            newPage();
        }
        y -= 24;
        float left = MARGIN + WIDTH / 4;
        float right = MARGIN + 3 * WIDTH / 4;
        centredAt(bold, 10.5f, left, y, m.raw("election.pdf.members"));
        centredAt(bold, 10.5f, right, y, m.raw("election.pdf.head"));
        centredAt(regular, 9, left, y - 13, m.raw("pdf.signature.sign"));
        centredAt(regular, 9, right, y - 13, m.raw("pdf.signature.sign"));
        y -= 100;
    }

    private void pageNumbers(Messages m) throws IOException {
        int total = doc.getNumberOfPages();
        int n = 0;
        for (PDPage page : doc.getPages()) {
            n++;
            try (PDPageContentStream s = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND,
                    true)) {
                String t = m.text("election.pdf.page", n, total);
                float w = regular.getStringWidth(t) / 1000 * 8;
                s.beginText();
                s.setFont(regular, 8);
                s.newLineAtOffset(MARGIN + WIDTH / 2 - w / 2, MARGIN / 2);
                s.showText(t);
                s.endText();
            }
        }
    }

    private void newPage() throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void gap(float h) {
        y -= h;
    }

    private void text(PDType0Font font, float size, String text) throws IOException {
        for (String line : wrap(font, size, WIDTH, printable(font, text))) {
            if (y - size * 1.35f < MARGIN) {
                out.close();
                newPage();
            }
            y -= size * 1.35f;
            at(font, size, MARGIN, y, line);
        }
    }

    private void centred(PDType0Font font, float size, String text) throws IOException {
        for (String line : wrap(font, size, WIDTH, printable(font, text))) {
            y -= size * 1.35f;
            centredAt(font, size, MARGIN + WIDTH / 2, y, line);
        }
    }

    private void row(PDType0Font font, float size, float[] columns, String... cells) throws IOException {
        if (y - size * 1.5f < MARGIN) {
            out.close();
            newPage();
        }
        y -= size * 1.5f;
        for (int i = 0; i < cells.length; i++) {
            float width = (i + 1 < columns.length ? columns[i + 1] : WIDTH) - columns[i] - 6;
            at(font, size, MARGIN + columns[i], y, PdfReport.fit(font, size, width, printable(font, cells[i])));
        }
    }

    private float centredAt(PDType0Font font, float size, float x, float atY, String text) throws IOException {
        String t = printable(font, text);
        float width = font.getStringWidth(t) / 1000 * size;
        at(font, size, x - width / 2, atY, t);
        return width;
    }

    private void at(PDType0Font font, float size, float x, float atY, String text) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, atY);
        out.showText(text);
        out.endText();
    }

    private static List<String> wrap(PDType0Font font, float size, float width, String text) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
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

    /** {@code text} as the font can print it: control characters out, a character without a glyph as "?". */
    private static String printable(PDType0Font font, String text) throws IOException {
        String t = org.slatecheck.rules.params.BoardText.printable(text == null ? "" : text);
        try {
            font.encode(t);
            return t;
        } catch (IllegalArgumentException noGlyph) {
            StringBuilder b = new StringBuilder();
            t.codePoints().forEach(cp -> {
                String c = new String(Character.toChars(cp));
                try {
                    font.encode(c);
                    b.append(c);
                } catch (IllegalArgumentException | IOException e) {
                    b.append('?');
                }
            });
            return b.toString();
        }
    }

    private PDType0Font font(String path) throws IOException {
        try (InputStream in = MinutesPdf.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("no font " + path);
            }
            return PDType0Font.load(doc, in);
        }
    }
}
