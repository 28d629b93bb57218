package org.slatecheck.spreadsheets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slatecheck.explanation.ExportCsv;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.intake.ColumnGuide;
import org.slatecheck.rules.intake.ColumnGuide.CodeSet;
import org.slatecheck.rules.intake.ColumnGuide.Column;
import org.slatecheck.rules.intake.ColumnGuide.File;

/**
 * The downloadable templates of the two input files, generated from {@link ColumnGuide} (so a template always has
 * the columns and code names the intake reads). The {@code .xlsx}: a data sheet with the Vietnamese headers, one
 * example row and a drop-down list on every code column; an instructions sheet (what each column means, whether it
 * is required, its format, its codes); a hidden sheet holding the drop-down lists (a list written into the
 * validation itself is limited to 255 characters, the post names are longer). The {@code .csv}: UTF-8 with a
 * byte-order mark (so Excel opens the Vietnamese text right), the same header and example row.
 */
public final class InputTemplates {
    /** Rows (after the header) that carry the drop-down lists. */
    static final int VALIDATED_ROWS = 5000;

    private InputTemplates() {
    }

    /**
     * The {@code .xlsx} template of {@code file}; instructions in {@code messages}' language; {@code terms}: the terms
     * that have an active rule set ({@link ColumnGuide#terms}), the term column's drop-down.
     */
    public static byte[] xlsx(File file, Messages messages, CodeSet terms) {
        Messages vi = Messages.of(Messages.VI);
        List<Column> columns = ColumnGuide.of(file);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = headerStyle(book);
            CellStyle text = book.createCellStyle();
            text.setDataFormat(book.createDataFormat().getFormat("@"));
            CellStyle example = book.createCellStyle();
            example.cloneStyleFrom(text);
            Font italic = book.createFont();
            italic.setItalic(true);
            example.setFont(italic);

            Sheet data = book.createSheet(messages.raw("template.sheet.data"));
            Sheet help = book.createSheet(messages.raw("template.sheet.instructions"));
            Sheet lists = book.createSheet(messages.raw("template.sheet.lists"));

            Row head = data.createRow(0);
            Row sample = data.createRow(1);
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                Cell h = head.createCell(i);
                h.setCellValue(c.header());
                h.setCellStyle(header);
                Cell e = sample.createCell(i);
                e.setCellValue(c.example());
                e.setCellStyle(example);
                // Text cells: a date typed as 02/11/1968 stays as written instead of becoming a locale-dependent date.
                data.setDefaultColumnStyle(i, text);
                data.setColumnWidth(i, Math.min(60, Math.max(14, c.header().length() + 4)) * 256);
            }
            data.createFreezePane(0, 1);

            Map<String, String> rangeNames = writeLists(book, lists, columns, vi, terms);
            book.setSheetHidden(book.getSheetIndex(lists), true);
            DataValidationHelper helper = data.getDataValidationHelper();
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                if (!c.hasDropDown()) {
                    continue;
                }
                DataValidationConstraint constraint = helper.createFormulaListConstraint(
                        rangeNames.get(c.dropDown(terms).key()));
                DataValidation v = helper.createValidation(constraint,
                        new CellRangeAddressList(1, VALIDATED_ROWS, i, i));
                v.setSuppressDropDownArrow(true);
                if (c.format() == ColumnGuide.Format.CODE_LIST) {
                    // Several posts go in one cell ("Bí thư; Ủy viên Ban Thường vụ"): the list helps, it cannot refuse.
                    v.setShowErrorBox(false);
                    v.createPromptBox(messages.raw("template.multi_prompt_title"),
                            messages.raw("template.multi_prompt_text"));
                    v.setShowPromptBox(true);
                } else {
                    v.setErrorStyle(DataValidation.ErrorStyle.STOP);
                    v.createErrorBox(messages.raw("template.invalid_title"), messages.raw("template.invalid_text"));
                    v.setShowErrorBox(true);
                }
                data.addValidationData(v);
            }

            writeInstructions(help, header, columns, file, messages, terms);
            book.setActiveSheet(0);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code .csv} template of {@code file}: BOM, the Vietnamese headers and the example row. */
    public static byte[] csv(File file) {
        List<Column> columns = ColumnGuide.of(file);
        StringWriter out = new StringWriter();
        try (ExportCsv p = ExportCsv.to(out)) {
            p.record(columns.stream().map(Column::header).toList());
            p.record(columns.stream().map(Column::example).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ("\uFEFF" + out).getBytes(StandardCharsets.UTF_8);
    }

    /** One column per code set used, its Vietnamese names below a title; a workbook name per list. */
    private static Map<String, String> writeLists(XSSFWorkbook book, Sheet lists, List<Column> columns,
            Messages vi, CodeSet terms) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, CodeSet> sets = new LinkedHashMap<>();
        columns.stream().filter(Column::hasDropDown)
                .forEach(c -> sets.putIfAbsent(c.dropDown(terms).key(), c.dropDown(terms)));
        int col = 0;
        for (CodeSet set : sets.values()) {
            List<String> values = set.names(vi);
            row(lists, 0).createCell(col).setCellValue(vi.raw("columns.codeset." + set.key()));
            for (int r = 0; r < values.size(); r++) {
                row(lists, r + 1).createCell(col).setCellValue(values.get(r));
            }
            String letter = org.apache.poi.ss.util.CellReference.convertNumToColString(col);
            Name name = book.createName();
            String rangeName = "list_" + set.key();
            name.setNameName(rangeName);
            name.setRefersToFormula("'" + lists.getSheetName() + "'!$" + letter + "$2:$" + letter + "$"
                    + (values.size() + 1));
            names.put(set.key(), rangeName);
            col++;
        }
        return names;
    }

    private static void writeInstructions(Sheet help, CellStyle header, List<Column> columns, File file,
            Messages m, CodeSet terms) {
        Messages vi = Messages.of(Messages.VI);
        help.createRow(0).createCell(0).setCellValue(m.raw("template.instructions.title") + ": "
                + m.raw("ui.columns.file." + file.name()));
        help.getRow(0).getCell(0).setCellStyle(header);
        help.createRow(1).createCell(0).setCellValue(m.raw("template.instructions.intro"));
        String[] titles = {m.raw("ui.columns.header"), m.raw("ui.columns.name"), m.raw("ui.columns.need"),
            m.raw("ui.columns.format"), m.raw("ui.columns.meaning"), m.raw("ui.columns.codes")};
        Row head = help.createRow(3);
        for (int i = 0; i < titles.length; i++) {
            Cell cell = head.createCell(i);
            cell.setCellValue(titles[i]);
            cell.setCellStyle(header);
        }
        int r = 4;
        for (Column c : columns) {
            Row row = help.createRow(r++);
            row.createCell(0).setCellValue(c.header());
            row.createCell(1).setCellValue(c.name());
            row.createCell(2).setCellValue(need(c, m));
            row.createCell(3).setCellValue(m.raw("columns.format." + c.format().name()));
            row.createCell(4).setCellValue(m.raw(c.meaningKey()));
            CodeSet codes = c.dropDown(terms) != null ? c.dropDown(terms) : c.codes();
            row.createCell(5).setCellValue(codes == null ? "" : String.join("; ", codes.names(vi)));
        }
        int[] widths = {28, 26, 22, 40, 60, 60};
        for (int i = 0; i < widths.length; i++) {
            help.setColumnWidth(i, widths[i] * 256);
        }
        help.createFreezePane(0, 4);
    }

    /** "Bắt buộc", "Không bắt buộc" or the condition. */
    public static String need(Column c, Messages m) {
        return switch (c.need()) {
            case REQUIRED -> m.raw("columns.need.REQUIRED");
            case OPTIONAL -> m.raw("columns.need.OPTIONAL");
            case CONDITIONAL -> m.raw(c.conditionKey());
        };
    }

    static CellStyle headerStyle(org.apache.poi.ss.usermodel.Workbook book) {
        CellStyle style = book.createCellStyle();
        Font bold = book.createFont();
        bold.setBold(true);
        style.setFont(bold);
        style.setWrapText(true);
        style.setFillForegroundColor(org.apache.poi.ss.usermodel.IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND);
        return style;
    }

    private static Row row(Sheet sheet, int index) {
        Row r = sheet.getRow(index);
        return r != null ? r : sheet.createRow(index);
    }
}
