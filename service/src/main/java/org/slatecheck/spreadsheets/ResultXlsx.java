package org.slatecheck.spreadsheets;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.slatecheck.rules.text.Messages;

/**
 * The result as an {@code .xlsx} workbook, written from the docs/specification.md section 7 JSON (like the CSV, so a stored
 * check exports exactly what was shown): a summary sheet (one row per list), one sheet per list (one row per
 * finding of each nominee, a nominee without findings on one row) and a sheet of list findings. Every sheet has a
 * frozen header row and an auto filter; headers and code labels are in the chosen language (Vietnamese: no code
 * word but rule ids). Written with POI's streaming SXSSF (a window of rows in memory, the rest on disk), so a large
 * result does not sit in the heap. Every text is written as a text cell, never a formula; text that a spreadsheet
 * would take for a formula when edited ({@code = + - @}) is also marked quote-prefixed.
 */
public final class ResultXlsx {
    private static final int WINDOW = 200;

    private ResultXlsx() {
    }

    /** Writes {@code results} (a JSON array of section 7 objects) to {@code out}. */
    public static void write(JsonNode results, Messages m, OutputStream out) throws IOException {
        SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
        try {
            Styles styles = new Styles(book);
            SheetNames names = new SheetNames();
            SXSSFSheet summary = book.createSheet(names.next(m.raw("export.sheet.summary"), "Summary"));
            SXSSFSheet listFindings = book.createSheet(names.next(m.raw("export.sheet.list_findings"), "Lists"));

            List<String> summaryHeader = List.of(m.raw("export.summary.organisation"), m.raw("export.summary.congress"),
                    m.raw("export.summary.level"), m.raw("export.summary.term"),
                    m.raw("export.summary.reference_month"), m.raw("export.summary.congress_date"),
                    m.raw("export.summary.nominees"), m.raw("export.summary.eligible"), m.raw("export.summary.review"),
                    m.raw("export.summary.ineligible"), m.raw("export.summary.list_status"),
                    m.raw("export.summary.ruleset_version"), m.raw("export.summary.ruleset_checksum"),
                    m.raw("export.summary.sheet"));
            header(summary, summaryHeader, styles, new int[] {36, 18, 16, 12, 14, 14, 10, 12, 12, 14, 30, 22, 24, 24});
            List<String> findingColumns = List.of(m.raw("export.finding.rule"), m.raw("export.finding.severity"),
                    m.raw("export.finding.title"), m.raw("export.finding.message"), m.raw("export.finding.citation"),
                    m.raw("export.finding.remedy"));
            header(listFindings, concat(List.of(m.raw("export.summary.congress"),
                    m.raw("export.summary.organisation")), findingColumns), styles,
                    new int[] {18, 30, 10, 16, 40, 70, 40, 50});

            int summaryRow = 1;
            int listFindingRow = 1;
            int listNumber = 0;
            for (JsonNode r : results) {
                listNumber++;
                JsonNode congress = r.path("congress");
                JsonNode s = r.path("summary");
                String sheetName = names.next(congress.path("id").asText(),
                        m.raw("export.sheet.list") + " " + listNumber);
                Row row = summary.createRow(summaryRow++);
                int c = 0;
                text(row, c++, congress.path("organisation").asText(), styles);
                text(row, c++, congress.path("id").asText(), styles);
                text(row, c++, label(m, "columns.code.level.", congress.path("level").asText()), styles);
                text(row, c++, congress.path("term").asText(), styles);
                text(row, c++, month(congress.path("referenceMonth").asText(), m), styles);
                text(row, c++, date(congress.path("congressDate").asText(), m), styles);
                number(row, c++, s.path("nominees").asInt());
                number(row, c++, s.path("eligible").asInt());
                number(row, c++, s.path("review").asInt());
                number(row, c++, s.path("ineligible").asInt());
                text(row, c++, label(m, "list.", s.path("listStatus").asText()), styles);
                text(row, c++, r.path("ruleSet").path("version").asText(), styles);
                text(row, c++, r.path("ruleSet").path("checksum").asText(), styles);
                text(row, c, sheetName, styles);

                SXSSFSheet list = book.createSheet(sheetName);
                header(list, concat(List.of(m.raw("export.nominee.id"), m.raw("export.nominee.name"),
                        m.raw("export.nominee.outcome")), findingColumns), styles,
                        new int[] {14, 28, 20, 10, 16, 40, 70, 40, 50});
                int listRow = 1;
                for (JsonNode n : r.path("nominees")) {
                    String outcome = label(m, "outcome.", n.path("outcome").asText());
                    if (n.path("findings").isEmpty()) {
                        Row nr = list.createRow(listRow++);
                        text(nr, 0, n.path("nomineeId").asText(), styles);
                        text(nr, 1, n.path("fullName").asText(), styles);
                        text(nr, 2, outcome, styles);
                    }
                    for (JsonNode f : n.path("findings")) {
                        Row nr = list.createRow(listRow++);
                        text(nr, 0, n.path("nomineeId").asText(), styles);
                        text(nr, 1, n.path("fullName").asText(), styles);
                        text(nr, 2, outcome, styles);
                        finding(nr, 3, f, m, styles);
                    }
                }
                finish(list, listRow, 9);
                for (JsonNode f : r.path("listFindings")) {
                    Row lr = listFindings.createRow(listFindingRow++);
                    text(lr, 0, congress.path("id").asText(), styles);
                    text(lr, 1, congress.path("organisation").asText(), styles);
                    finding(lr, 2, f, m, styles);
                }
            }
            finish(summary, summaryRow, summaryHeader.size());
            finish(listFindings, listFindingRow, 2 + findingColumns.size());
            book.write(out);
        } finally {
            book.dispose();
            book.close();
        }
    }

    private static void finding(Row row, int first, JsonNode f, Messages m, Styles styles) {
        text(row, first, f.path("ruleId").asText(), styles);
        text(row, first + 1, label(m, "severity.", f.path("severity").asText()), styles);
        text(row, first + 2, f.path("title").asText(), styles);
        text(row, first + 3, f.path("message").asText(), styles);
        text(row, first + 4, f.path("citation").asText(), styles);
        text(row, first + 5, f.path("remedy").asText(""), styles);
    }

    private static void header(Sheet sheet, List<String> titles, Styles styles, int[] widths) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < titles.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(titles.get(i));
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    /** The auto filter over the header and every written row. */
    private static void finish(Sheet sheet, int rows, int columns) {
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rows - 1), 0, columns - 1));
    }

    private static void text(Row row, int column, String value, Styles styles) {
        if (value == null || value.isEmpty()) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@') {
            cell.setCellStyle(styles.quoted);
        }
    }

    private static void number(Row row, int column, int value) {
        row.createCell(column).setCellValue(value);
    }

    /** The label of {@code code} under {@code prefix}, or the code itself when the bundle has none. */
    static String label(Messages m, String prefix, String code) {
        return code.isEmpty() || !m.has(prefix + code) ? code : m.raw(prefix + code);
    }

    /** {@code 2025-09} as {@code 09/2025} in Vietnamese; as it is in English. */
    static String month(String iso, Messages m) {
        if (!"vi".equals(m.locale().getLanguage()) || !iso.matches("\\d{4}-\\d{2}")) {
            return iso;
        }
        return iso.substring(5) + "/" + iso.substring(0, 4);
    }

    /** {@code 2025-09-01} as {@code 01/09/2025} in Vietnamese; as it is in English. */
    static String date(String iso, Messages m) {
        if (!"vi".equals(m.locale().getLanguage()) || !iso.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return iso;
        }
        return iso.substring(8) + "/" + iso.substring(5, 7) + "/" + iso.substring(0, 4);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle quoted;

        Styles(SXSSFWorkbook book) {
            header = InputTemplates.headerStyle(book);
            quoted = book.createCellStyle();
            quoted.setQuotePrefixed(true);
        }
    }
}
