package org.slatecheck.rules.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Workbooks that expand to far more than they weigh (issue 17 item 4), written part by part with a
 * {@link ZipOutputStream} (no POI: the sheet XML is streamed, so millions of rows take seconds and no memory):
 *
 * <ul>
 * <li>{@link #sharedStringsBomb}: a shared-strings table of a million 200-character texts (about 220 MB) that packs
 * at a ratio under 200, with a cell that refers to the last text (a reader that loads the table up to it loads all);
 * <li>{@link #wide}: nominee rows each reaching column XFD, the last one (empty or filled);
 * <li>{@link #tall}: millions of short nominee rows.
 * </ul>
 *
 * The nominees sheet has the columns of {@link VietnameseIntakeTest#HEADER} (one congress, {@code C1}, as in
 * {@link VietnameseIntakeTest#CONGRESS}).
 */
public final class HostileWorkbooks {
    static final String[] HEADER = VietnameseIntakeTest.HEADER.split(",");

    private HostileWorkbooks() {
    }

    /**
     * A workbook whose shared-strings part holds {@code count} texts of 200 characters; a new text begins every
     * {@code distinctEvery} entries (the others repeat it), which sets how well the part packs.
     */
    public static byte[] sharedStringsBomb(int count, int distinctEvery) {
        return bytes(out -> {
            try (ZipOutputStream zip = start(out, true)) {
                zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
                zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"" + MAIN
                        + "\" count=\"" + count + "\" uniqueCount=\"" + count + "\">").getBytes(StandardCharsets.UTF_8));
                String filler = "Nguyen Van An, Dang bo tinh Mau, Uy vien Ban Chap hanh ".repeat(4);
                for (int i = 0; i < count; i += distinctEvery) {
                    String number = String.format("%09d", i / distinctEvery);
                    byte[] entry = ("<si><t>" + (number + filler).substring(0, 200) + "</t></si>")
                            .getBytes(StandardCharsets.UTF_8);
                    for (int j = i; j < Math.min(count, i + distinctEvery); j++) {
                        zip.write(entry);
                    }
                }
                zip.write("</sst>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                sheet(zip, w2 -> {
                    row(w2, 1, HEADER);
                    w2.write("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>A</t></is></c><c r=\"B2\" t=\"s\"><v>"
                            + (count - 1) + "</v></c></row>");
                });
            }
        });
    }

    /**
     * A nominees sheet of {@code rows} rows (header included) whose every row has a cell at XFD, the sheet's last
     * column: empty (formatting only) or, when {@code filled}, with text.
     */
    public static byte[] wide(int rows, boolean filled) {
        return wide(rows, rows, filled);
    }

    /** As {@link #wide(int, boolean)}, only the first {@code reaching} rows with a cell at XFD. */
    public static byte[] wide(int rows, int reaching, boolean filled) {
        return bytes(out -> {
            try (ZipOutputStream zip = start(out, false)) {
                sheet(zip, w -> {
                    for (int r = 1; r <= rows; r++) {
                        String[] cells = r == 1 ? HEADER : nominee(r);
                        w.write("<row r=\"" + r + "\">");
                        cells(w, r, cells);
                        if (r <= reaching) {
                            w.write(filled ? "<c r=\"XFD" + r + "\" t=\"inlineStr\"><is><t>x</t></is></c>"
                                    : "<c r=\"XFD" + r + "\" s=\"0\"/>");
                        }
                        w.write("</row>");
                    }
                });
            }
        });
    }

    /** Writes a nominees workbook of {@code rows} data rows (after the header) to {@code out}, as it goes. */
    public static void tall(long rows, OutputStream out) throws IOException {
        try (ZipOutputStream zip = start(out, false)) {
            sheet(zip, w -> {
                row(w, 1, HEADER);
                for (long r = 2; r <= rows + 1; r++) {
                    row(w, r, nominee(r));
                }
            });
        }
    }

    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static String[] nominee(long r) {
        return new String[] {"N" + r, "Nguyễn Văn An", "M", "1970-05-12", "OFFICIAL", "true", "COMMITTEE"};
    }

    private static void row(Writer w, long r, String[] cells) throws IOException {
        w.write("<row r=\"" + r + "\">");
        cells(w, r, cells);
        w.write("</row>");
    }

    private static void cells(Writer w, long r, String[] cells) throws IOException {
        for (int c = 0; c < cells.length; c++) {
            w.write("<c r=\"" + XlsxReader.column(c) + r + "\" t=\"inlineStr\"><is><t>" + cells[c] + "</t></is></c>");
        }
    }

    private interface Part {
        void write(Writer w) throws IOException;
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static byte[] bytes(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Writer writer(OutputStream out) {
        return new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    /** The parts every workbook has (content types, relationships, the workbook naming one sheet). */
    private static ZipOutputStream start(OutputStream out, boolean sharedStrings) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                + ".spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-"
                + "officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                + ".spreadsheetml.styles+xml\"/>"
                + (sharedStrings ? "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd."
                        + "openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>" : "")
                + "</Types>");
        put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        put(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/styles\" Target=\"styles.xml\"/>"
                + (sharedStrings ? "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
                        + "2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>" : "")
                + "</Relationships>");
        put(zip, "xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<styleSheet xmlns=\"" + MAIN + "\"><cellXfs count=\"1\"><xf numFmtId=\"0\"/></cellXfs></styleSheet>");
        return zip;
    }

    private static void sheet(ZipOutputStream zip, Part rows) throws IOException {
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
        Writer w = writer(zip);
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN
                + "\"><sheetData>");
        rows.write(w);
        w.write("</sheetData></worksheet>");
        w.flush();
        zip.closeEntry();
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
