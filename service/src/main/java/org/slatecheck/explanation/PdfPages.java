package org.slatecheck.explanation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slatecheck.rules.params.BoardText;
import org.slatecheck.rules.text.Messages;

/**
 * The drawing the PDFs of SlateCheck share (the check report {@link PdfReport}, the minutes of the count
 * {@code election/MinutesPdf}): A4 pages with a 50-point margin, DejaVu Sans regular and bold (shipped in the jar,
 * embedded, so Vietnamese diacritics render and extract), the party-document heading, paragraphs wrapped at word
 * boundaries, centred lines, table rows cut with "…" to their columns, the page numbers once the pages are counted,
 * and text made printable whatever was stored. A document's own parts (its sections, its signature block) are in its
 * class; this one draws.
 */
public abstract class PdfPages {
    protected static final float MARGIN = 50;
    protected static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    protected final PDDocument doc;
    protected final PDType0Font regular;
    protected final PDType0Font bold;
    /** Whether a paragraph that fits on a page starts a new page rather than being split (the report's rule). */
    private final boolean keepParagraphs;
    protected PDPageContentStream out;
    protected float y;

    protected PdfPages(PDDocument doc, boolean keepParagraphs) throws IOException {
        this.doc = doc;
        this.regular = font(doc, "fonts/DejaVuSans.ttf");
        this.bold = font(doc, "fonts/DejaVuSans-Bold.ttf");
        this.keepParagraphs = keepParagraphs;
    }

    /**
     * The heading of a party document (Quy định 66-QĐ/TW on the form of party documents): on the left the issuing
     * body, {@code body} in bold under it, "*" and — when not null — the number line; on the right "ĐẢNG CỘNG SẢN
     * VIỆT NAM" underlined and the place and date line.
     */
    protected void partyHeader(String issuer, String body, String number, Messages m) throws IOException {
        float half = WIDTH / 2;
        float left = MARGIN + half / 2;
        float right = MARGIN + half + half / 2;
        float top = y - 12;
        centredAt(regular, 10.5f, left, top, issuer);
        centredAt(bold, 10.5f, left, top - 14, body);
        centredAt(regular, 10.5f, left, top - 26, "*");
        if (number != null) {
            centredAt(regular, 10, left, top - 40, number);
        }
        String party = m.raw("pdf.header.party");
        float width = centredAt(bold, 11, right, top, party);
        out.moveTo(right - width / 2, top - 3);
        out.lineTo(right + width / 2, top - 3);
        out.setLineWidth(0.6f);
        out.stroke();
        centredAt(regular, 10, right, top - 40, m.raw("pdf.signature.place"));
        y = top - 40 - 24;
    }

    /** {@code text} centred on {@code x}; returns its width. */
    protected float centredAt(PDType0Font font, float size, float x, float atY, String text) throws IOException {
        String t = printable(font, text);
        float width = font.getStringWidth(t) / 1000 * size;
        at(font, size, x - width / 2, atY, t);
        return width;
    }

    /** A line (wrapped when longer) centred on the page. */
    protected void centred(PDType0Font font, float size, String text) throws IOException {
        for (String line : wrap(font, size, WIDTH, printable(font, text))) {
            y -= size * 1.35f;
            centredAt(font, size, MARGIN + WIDTH / 2, y, line);
        }
    }

    /**
     * One row of a table: each cell at its column's left edge, cut with "…" to its column's width (a long name
     * stays on its row); a new page when the row does not fit.
     */
    protected void row(PDType0Font font, float size, float[] columns, String... cells) throws IOException {
        room(size * 1.5f);
        y -= size * 1.5f;
        for (int i = 0; i < cells.length; i++) {
            float width = (i + 1 < columns.length ? columns[i + 1] : WIDTH) - columns[i] - 6;
            at(font, size, MARGIN + columns[i], y, fit(font, size, width, printable(font, cells[i])));
        }
    }

    /** {@code text} as it fits in {@code width} points at {@code size}, cut with "…" when it is wider. */
    public static String fit(PDType0Font font, float size, float width, String text) throws IOException {
        if (font.getStringWidth(text) / 1000 * size <= width) {
            return text;
        }
        // Widths add up glyph by glyph (no kerning here), so one pass finds the longest start that fits with "…":
        // cutting one character at a time and measuring the whole rest each time took minutes for a list of 10,000
        // nominees with names at the cell limit.
        float limit = width * 1000 / size - font.getStringWidth("…");
        float used = 0;
        int cut = 0;
        for (int i = 0; i < text.length(); ) {
            int n = Character.charCount(text.codePointAt(i));
            float w = font.getStringWidth(text.substring(i, i + n));
            if (used + w > limit) {
                break;
            }
            used += w;
            i += n;
            cut = i;
        }
        return text.substring(0, cut) + "…";
    }

    /** {@code text} at ({@code x}, {@code atY}) on the current page. */
    protected void at(PDType0Font font, float size, float x, float atY, String text) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, atY);
        out.showText(printable(font, text));
        out.endText();
    }

    /** A paragraph at the left margin. */
    protected void text(PDType0Font font, float size, String text) throws IOException {
        text(font, size, 0, text);
    }

    /** A paragraph indented by {@code indent} points, wrapped to the width, on a new page when the page is full. */
    protected void text(PDType0Font font, float size, float indent, String text) throws IOException {
        List<String> lines = wrap(font, size, WIDTH - indent, printable(font, text));
        float height = lines.size() * size * 1.35f;
        if (keepParagraphs && y - height < MARGIN && height < PDRectangle.A4.getHeight() - 2 * MARGIN) {
            out.close();
            newPage();
        }
        for (String line : lines) {
            room(size * 1.35f);
            y -= size * 1.35f;
            at(font, size, MARGIN + indent, y, line);
        }
    }

    /** A new page unless {@code height} points are left above the bottom margin. */
    protected void room(float height) throws IOException {
        if (y - height < MARGIN) {
            out.close();
            newPage();
        }
    }

    protected void gap(float points) {
        y -= points;
    }

    protected void newPage() throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    /**
     * The finished document: the last page closed, {@code label}(page, pages) centred at the foot of every page at
     * {@code size} points once the number of pages is known, saved.
     */
    protected byte[] finish(float size, BiFunction<Integer, Integer, String> label) throws IOException {
        out.close();
        int total = doc.getNumberOfPages();
        int n = 0;
        for (PDPage page : doc.getPages()) {
            n++;
            String t = printable(regular, label.apply(n, total));
            float width = regular.getStringWidth(t) / 1000 * size;
            try (PDPageContentStream foot = new PDPageContentStream(doc, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                foot.beginText();
                foot.setFont(regular, size);
                foot.newLineAtOffset(MARGIN + WIDTH / 2 - width / 2, MARGIN / 2);
                foot.showText(t);
                foot.endText();
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        doc.save(bytes);
        return bytes.toByteArray();
    }

    /** {@code text} cut into lines no wider than {@code width}, at spaces (a word wider than a line stays whole). */
    protected static List<String> wrap(PDType0Font font, float size, float width, String text) throws IOException {
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

    /**
     * {@code text} as {@code font} can print it, whatever was stored: tabs and line breaks as spaces, control and
     * text-direction characters left out ({@link BoardText#printable}; boards can no longer type them, but wording
     * stored before, or a name in an uploaded file, may hold one), a character the font has no glyph for as "?".
     * A PDF never fails on its text.
     */
    static String printable(PDType0Font font, String text) throws IOException {
        String t = BoardText.printable(text == null ? "" : text);
        try {
            font.encode(t);
            return t;
        } catch (IllegalArgumentException noGlyph) {
            StringBuilder b = new StringBuilder(t.length());
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

    private static PDType0Font font(PDDocument doc, String path) throws IOException {
        try (InputStream in = PdfPages.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("no font " + path);
            }
            return PDType0Font.load(doc, in);
        }
    }
}
