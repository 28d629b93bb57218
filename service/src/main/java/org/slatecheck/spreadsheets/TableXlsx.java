package org.slatecheck.spreadsheets;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * One table as a one-sheet {@code .xlsx} (the batch's per-organisation table): frozen header row, auto filter,
 * numbers as numbers, text never a formula (quote-prefixed when it starts with {@code = + - @}); streamed (SXSSF),
 * so a national batch of tens of thousands of lists does not sit in the heap.
 */
public final class TableXlsx {
    private TableXlsx() {
    }

    /** Writes {@code header} and {@code rows} (cells: {@link Number}, text or null) to {@code out}. */
    public static void write(String sheetName, List<String> header, Iterable<List<Object>> rows, OutputStream out)
            throws IOException {
        SXSSFWorkbook book = new SXSSFWorkbook(200);
        try {
            CellStyle headerStyle = InputTemplates.headerStyle(book);
            CellStyle quoted = book.createCellStyle();
            quoted.setQuotePrefixed(true);
            SXSSFSheet sheet = book.createSheet(new SheetNames().next(sheetName, "Sheet1"));
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                Cell c = head.createCell(i);
                c.setCellValue(header.get(i));
                c.setCellStyle(headerStyle);
                sheet.setColumnWidth(i, Math.max(12, Math.min(40, header.get(i).length() + 4)) * 256);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (List<Object> values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else if (v != null && !v.toString().isEmpty()) {
                        String s = v.toString();
                        Cell c = row.createCell(i);
                        c.setCellValue(s);
                        if ("=+-@".indexOf(s.charAt(0)) >= 0) {
                            c.setCellStyle(quoted);
                        }
                    }
                }
            }
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, header.size() - 1));
            book.write(out);
        } finally {
            book.dispose();
            book.close();
        }
    }
}
