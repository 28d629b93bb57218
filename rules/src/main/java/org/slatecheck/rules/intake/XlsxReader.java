package org.slatecheck.rules.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * An {@code .xlsx} spreadsheet read like a CSV file (docs/specification.md section 2): the first sheet, the first
 * non-empty row as header, date cells as dates ({@code YYYY-MM-DD}; {@code YYYY-MM} when the cell's format shows no
 * day), numbers as written without a trailing {@code .0}, formulas by their saved value. Errors name their cell
 * ({@code file:Sheet1!B7: reason}). Read with fastexcel-reader, a streaming reader (chosen by measurement:
 * docs/performance.md, "Spreadsheet intake").
 *
 * <p>A spreadsheet is a zip archive that may expand to far more than it weighs, so what it may expand to is bounded
 * ({@link WorkbookLimits}, per check or batch; docs/decisions.md, "Workbook limits"): before it is opened
 * ({@link WorkbookGuard}: unpacked size, compression ratio, shared strings, lengths, kept elements), and while its rows
 * are read: at most the limit of data rows (the reading stops at the first row beyond), no data beyond column
 * {@link #MAX_COLUMNS} (empty cells there are dropped, a filled one is an error naming its cell), and for a sheet read
 * whole at most {@link WorkbookLimits#maxTableBytes} of cells. Each limit is one input error, never an out-of-memory
 * failure.
 */
public final class XlsxReader {
    /**
     * Columns read: a filled cell further right is an error naming the cell (a nominees sheet has 28 columns, and a
     * user's own columns after them are ignored with a warning); empty cells there (formatting) are dropped, as long
     * as the cells visited stay within the row limit times this width (then the row reaching furthest is an error).
     */
    static final int MAX_COLUMNS = 200;

    private XlsxReader() {
    }

    /** True when {@code content} is a zip archive ({@code PK\3\4}), as every {@code .xlsx} file is. */
    public static boolean isXlsx(byte[] content) {
        return content != null && content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3
                && content[3] == 4;
    }

    /** The spreadsheet letters of 0-based column {@code index}: 0 → A, 25 → Z, 26 → AA. */
    public static String column(int index) {
        StringBuilder b = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            b.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return b.toString();
    }

    /** Reads the first sheet of {@code content} as {@link CsvTable#read} reads CSV text, within {@code limits}. */
    static CsvTable read(String file, byte[] content, Map<String, String> columns, List<String> required,
            WorkbookLimits limits) {
        List<InputError> errors = new ArrayList<>();
        List<CsvTable.Raw> records = new ArrayList<>();
        long[] weight = {0};
        SheetRead sheet = rows(file, Source.of(content), limits, errors, (name, line, cells) -> {
            for (String cell : cells) {
                weight[0] += 40 + 2L * cell.length();
            }
            if (weight[0] > limits.maxTableBytes()) {
                errors.add(InputError.at(file, name + "!" + line, line, "-", "xlsx_too_much_data",
                        WorkbookLimits.mb(limits.maxTableBytes())));
                return false;
            }
            records.add(new CsvTable.Raw(line, cells));
            return true;
        });
        if (sheet == null || !errors.isEmpty()) {
            return CsvTable.failed(file, errors);
        }
        List<String> header = records.isEmpty() ? List.of() : records.get(0).cells();
        long headerLine = records.isEmpty() ? 1 : records.get(0).line();
        List<InputError> merged = mergedErrors(file, sheet, headerLine, header, columns);
        if (!merged.isEmpty()) {
            return CsvTable.failed(file, merged);
        }
        CsvTable table = CsvTable.build(file, sheet.name(), records, columns, required);
        if (!sheet.hidden().isEmpty()) {
            table.warn(InputWarning.of(file, 0, "-", "xlsx_hidden_sheets", String.join(", ", sheet.hidden()),
                    sheet.name()));
        }
        return table;
    }

    /**
     * The sheet read: its name, the hidden sheets before it (skipped: docs/specification.md section 2) and its merged cell ranges
     * ({@code B5:B7}).
     */
    record SheetRead(String name, List<String> hidden, List<String> merges) {
    }

    /**
     * One error per merged cell range that covers a data column below the header (docs/specification.md section 2): a merged range
     * keeps its value in its first cell only, so the rows under it would read as empty (a congress id merged over
     * three rows names only the first). Ranges in the header row or in columns that are no input column are
     * formatting and pass.
     */
    static List<InputError> mergedErrors(String file, SheetRead sheet, long headerLine, List<String> header,
            Map<String, String> columns) {
        List<InputError> out = new ArrayList<>();
        for (String ref : sheet.merges()) {
            org.dhatim.fastexcel.reader.CellRangeAddress range;
            try {
                range = org.dhatim.fastexcel.reader.CellRangeAddress.valueOf(ref);
            } catch (RuntimeException e) {
                continue;
            }
            if (range.getLastRow() + 1 <= headerLine) {
                continue; // above the header or in it
            }
            for (int c = range.getFirstColumn(); c <= range.getLastColumn() && c < header.size(); c++) {
                if (Columns.canonical(header.get(c).replace("\uFEFF", "").strip(), columns) != null) {
                    long line = Math.max(range.getFirstRow() + 1, headerLine + 1);
                    out.add(InputError.at(file, sheet.name() + "!" + ref, line, header.get(c).strip(),
                            "xlsx_merged", sheet.name() + "!" + ref));
                    break;
                }
            }
        }
        return out;
    }

    /**
     * A small workbook (a vote tally as counting software exports it) as UTF-8 CSV text of its first visible sheet,
     * within a check's limits; null after adding the reason to {@code errors} when it cannot be read.
     */
    public static byte[] csvOf(String file, byte[] content, List<InputError> errors) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            return toCsv(file, content, out, errors, WorkbookLimits.check(InputLimits.DEFAULTS)) ? out.toByteArray()
                    : null;
        } catch (IOException e) {
            errors.add(InputError.of(file, 0, null, "error.xlsx_unreadable"));
            return null;
        }
    }

    /**
     * Writes the first sheet of {@code content} to {@code out} as UTF-8 CSV text, one line per non-empty row (a batch
     * streams CSV), within {@code limits}; false after adding the reason to {@code errors} when the workbook cannot
     * be read or exceeds them (what was written is then of no use).
     */
    static boolean toCsv(String file, byte[] content, java.io.OutputStream out, List<InputError> errors,
            WorkbookLimits limits) throws IOException {
        return toCsv(file, Source.of(content), out, errors, limits);
    }

    /** As {@link #toCsv(String, byte[], java.io.OutputStream, List, WorkbookLimits)}, the workbook in a file. */
    static boolean toCsv(String file, java.nio.file.Path content, java.io.OutputStream out, List<InputError> errors,
            WorkbookLimits limits) throws IOException {
        return toCsv(file, Source.of(content), out, errors, limits, null);
    }

    /**
     * As {@link #toCsv(String, java.nio.file.Path, java.io.OutputStream, List, WorkbookLimits)}, telling in
     * {@code warnings} the hidden sheets skipped, as {@link #read} tells them for a check.
     */
    static boolean toCsv(String file, java.nio.file.Path content, java.io.OutputStream out, List<InputError> errors,
            WorkbookLimits limits, List<InputWarning> warnings) throws IOException {
        return toCsv(file, Source.of(content), out, errors, limits, warnings);
    }

    private static boolean toCsv(String file, Source content, java.io.OutputStream out, List<InputError> errors,
            WorkbookLimits limits) throws IOException {
        return toCsv(file, content, out, errors, limits, null);
    }

    private static boolean toCsv(String file, Source content, java.io.OutputStream out, List<InputError> errors,
            WorkbookLimits limits, List<InputWarning> warnings) throws IOException {
        java.io.Writer text = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out,
                java.nio.charset.StandardCharsets.UTF_8), 1 << 16);
        org.apache.commons.csv.CSVPrinter p = new org.apache.commons.csv.CSVPrinter(text,
                org.apache.commons.csv.CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
        // A sheet leaves out a row's empty trailing cells: each row is padded to the header's width (the first
        // non-empty row), so the CSV has the shape a spreadsheet saved as CSV has.
        int[] width = {-1};
        java.io.IOException[] failed = {null};
        List<String> header = new ArrayList<>();
        long[] headerLine = {1};
        SheetRead sheet = rows(file, content, limits, errors, (name, line, cells) -> {
            if (width[0] < 0) {
                width[0] = cells.size();
                header.addAll(cells);
                headerLine[0] = line;
            }
            List<String> padded = cells;
            if (cells.size() < width[0]) {
                padded = new ArrayList<>(cells);
                while (padded.size() < width[0]) {
                    padded.add("");
                }
            }
            try {
                p.printRecord(padded);
            } catch (IOException e) {
                failed[0] = e;
                return false;
            }
            return true;
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        p.flush();
        if (sheet != null && errors.isEmpty()) {
            // The same merged ranges a check refuses (a batch's workbook is its nominees file).
            errors.addAll(mergedErrors(file, sheet, headerLine[0], header, Columns.NOMINEE));
        }
        if (sheet != null && warnings != null && !sheet.hidden().isEmpty()) {
            warnings.add(InputWarning.of(file, 0, "-", "xlsx_hidden_sheets", String.join(", ", sheet.hidden()),
                    sheet.name()));
        }
        return sheet != null && errors.isEmpty();
    }

    /** Where the non-empty rows of a sheet go, one at a time (trailing empty cells dropped); false stops reading. */
    private interface Sink {
        boolean row(String sheet, long line, List<String> cells);
    }

    /**
     * Reads the non-empty rows of the first sheet of {@code content} into {@code sink}, within {@code limits}: the
     * sheet's name, or null after adding the reason to {@code errors}.
     */
    /**
     * A workbook in memory or in a file: a file is opened where it lies (the reader would copy a stream into memory
     * whole, once more than the bytes given — a batch's workbook of 100 MB would take 300 MB of heap).
     */
    private interface Source {
        WorkbookGuard.Refusal check(WorkbookLimits limits);

        ReadableWorkbook open(ReadingOptions options) throws IOException;

        /** The zip entries whose names {@code wanted} accepts, each given to {@code reader} as a stream. */
        void entries(java.util.function.Predicate<String> wanted, EntryReader reader) throws IOException;

        static Source of(byte[] content) {
            return new Source() {
                public void entries(java.util.function.Predicate<String> wanted, EntryReader reader)
                        throws IOException {
                    try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(
                            new ByteArrayInputStream(content))) {
                        for (java.util.zip.ZipEntry e; (e = zip.getNextEntry()) != null;) {
                            if (wanted.test(e.getName())) {
                                reader.read(e.getName(), zip);
                            }
                        }
                    }
                }

                public WorkbookGuard.Refusal check(WorkbookLimits limits) {
                    return WorkbookGuard.check(content, limits);
                }

                public ReadableWorkbook open(ReadingOptions options) throws IOException {
                    return new ReadableWorkbook(new ByteArrayInputStream(content), options);
                }
            };
        }

        static Source of(java.nio.file.Path content) {
            return new Source() {
                public void entries(java.util.function.Predicate<String> wanted, EntryReader reader)
                        throws IOException {
                    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(content.toFile())) {
                        for (var it = zip.entries(); it.hasMoreElements();) {
                            java.util.zip.ZipEntry e = it.nextElement();
                            if (wanted.test(e.getName())) {
                                try (java.io.InputStream in = zip.getInputStream(e)) {
                                    reader.read(e.getName(), in);
                                }
                            }
                        }
                    }
                }

                public WorkbookGuard.Refusal check(WorkbookLimits limits) {
                    return WorkbookGuard.check(content, limits);
                }

                public ReadableWorkbook open(ReadingOptions options) throws IOException {
                    return new ReadableWorkbook(content.toFile(), options);
                }
            };
        }
    }

    private interface EntryReader {
        void read(String name, java.io.InputStream in) throws IOException;
    }

    /** Most merged ranges read from a sheet (each one found in a data column is an error; the first ones suffice). */
    static final int MAX_MERGES = 1000;

    /**
     * The merged ranges ({@code mergeCell ref}) of the sheet with relationship id {@code relationId}: the workbook's
     * relationships name its part, whose markup is streamed (the guard has bounded its size before).
     */
    private static List<String> merges(Source content, String relationId) throws IOException {
        Map<String, String> targets = new java.util.HashMap<>();
        content.entries(n -> n.equals("xl/_rels/workbook.xml.rels"), (name, in) -> forEachElement(in, "Relationship",
                r -> targets.put(r.getAttributeValue(null, "Id"), r.getAttributeValue(null, "Target"))));
        String target = targets.get(relationId);
        if (target == null) {
            return List.of();
        }
        String part = target.startsWith("/") ? target.substring(1) : "xl/" + target;
        List<String> refs = new ArrayList<>();
        content.entries(part::equals, (name, in) -> forEachElement(in, "mergeCell", r -> {
            String ref = r.getAttributeValue(null, "ref");
            if (ref != null && refs.size() < MAX_MERGES) {
                refs.add(ref);
            }
        }));
        return refs;
    }

    /** Calls {@code each} at every start of element {@code local} in the markup {@code in} (no DTD, no entities). */
    private static void forEachElement(java.io.InputStream in, String local,
            java.util.function.Consumer<javax.xml.stream.XMLStreamReader> each) throws IOException {
        javax.xml.stream.XMLInputFactory f = javax.xml.stream.XMLInputFactory.newFactory();
        f.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            javax.xml.stream.XMLStreamReader r = f.createXMLStreamReader(new java.io.FilterInputStream(in) {
                @Override
                public void close() {
                    // the zip stream stays open for its next entry
                }
            });
            while (r.hasNext()) {
                if (r.next() == javax.xml.stream.XMLStreamConstants.START_ELEMENT && r.getLocalName().equals(local)) {
                    each.accept(r);
                }
            }
            r.close();
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private static SheetRead rows(String file, Source content, WorkbookLimits limits, List<InputError> errors,
            Sink sink) {
        WorkbookGuard.Refusal refusal = content.check(limits);
        if (refusal != null) {
            errors.add(InputError.of(file, 1, "-", refusal.key(), refusal.args().toArray()));
            return null;
        }
        String sheetName;
        List<String> hidden = new ArrayList<>();
        List<String> merges;
        try (ReadableWorkbook workbook = content.open(new ReadingOptions(true, false))) {
            // Hidden sheets are skipped: the first visible sheet is read (docs/specification.md section 2); the hidden ones before it
            // are named in a warning. (A hidden sheet after it, as the template's drop-down lists, is not in the way.)
            Sheet sheet = null;
            for (Sheet s : (Iterable<Sheet>) workbook.getSheets()::iterator) {
                if (s.getVisibility() == org.dhatim.fastexcel.reader.SheetVisibility.VISIBLE) {
                    sheet = s;
                    break;
                }
                hidden.add(s.getName());
            }
            if (sheet == null) {
                errors.add(InputError.of(file, 1, "-", "xlsx_no_visible_sheet"));
                return null;
            }
            sheetName = sheet.getName();
            merges = merges(content, sheet.getId());
            boolean date1904 = workbook.isDate1904();
            long nonEmpty = 0;
            // The reader gives a row as many cells as its last column (XFD: 16,384), empty ones included; the cells
            // visited are bounded by a table of the row limit at full width, so that rows of empty cells far to the
            // right cost no more than that and are then refused.
            long slots = 0;
            long maxSlots = (limits.maxRows() + 1) * MAX_COLUMNS;
            try (Stream<org.dhatim.fastexcel.reader.Row> rows = sheet.openStream()) {
                for (var it = rows.iterator(); it.hasNext();) {
                    org.dhatim.fastexcel.reader.Row r = it.next();
                    long line = r.getRowNum();
                    int count = r.getCellCount();
                    slots += count;
                    if (slots > maxSlots && count > MAX_COLUMNS) {
                        errors.add(InputError.at(file, sheetName + "!" + column(count - 1) + line, line, "-",
                                "xlsx_too_wide_rows", column(count - 1), column(count - 1) + line, MAX_COLUMNS));
                        return null;
                    }
                    String[] texts = new String[Math.min(count, MAX_COLUMNS)];
                    int filled = 0; // cells up to the last one with text
                    for (int i = 0; i < count; i++) {
                        Cell cell = r.getCell(i);
                        if (cell == null) {
                            continue;
                        }
                        if (cell.getType() == org.dhatim.fastexcel.reader.CellType.FORMULA
                                && cell.getRawValue() == null && i < MAX_COLUMNS) {
                            // A formula the file keeps without its value (written by a program, never opened in
                            // Excel): reading it as empty would change the outcome (docs/specification.md section 2).
                            String at = column(i) + line;
                            errors.add(InputError.at(file, sheetName + "!" + at, line, "-",
                                    "xlsx_formula_no_value", sheetName + "!" + at));
                            return null;
                        }
                        String t = text(cell, date1904);
                        if (t.isBlank()) {
                            if (i < texts.length) {
                                texts[i] = t;
                            }
                            continue;
                        }
                        if (i >= MAX_COLUMNS) {
                            errors.add(InputError.at(file, sheetName + "!" + column(i) + line, line, "-",
                                    "xlsx_too_wide", column(i) + line, column(MAX_COLUMNS - 1), MAX_COLUMNS));
                            return null;
                        }
                        texts[i] = t;
                        filled = i + 1;
                    }
                    if (filled == 0) {
                        continue; // an empty row (also one of formatted empty cells): skipped as CSV skips it
                    }
                    if (++nonEmpty > limits.maxRows() + 1) { // the header and the limit of data rows
                        errors.add(InputError.at(file, sheetName + "!" + line, line, "-", limits.rowsKey(),
                                limits.maxRows()));
                        return null;
                    }
                    List<String> cells = new ArrayList<>(filled);
                    for (int i = 0; i < filled; i++) {
                        cells.add(texts[i] == null ? "" : texts[i]);
                    }
                    if (!sink.row(sheetName, line, cells)) {
                        return null;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not a workbook (another zip file, a damaged or encrypted one): one error, no stack trace to the user.
            errors.add(InputError.of(file, 1, "-", "xlsx_unreadable"));
            return null;
        }
        return new SheetRead(sheetName, hidden, merges);
    }

    /** A cell as CSV text (dates in the 1900 date system). */
    static String text(Cell cell) {
        return text(cell, false);
    }

    /** A cell as CSV text; {@code date1904}: the workbook counts dates from 1 January 1904 (docs/specification.md section 2). */
    static String text(Cell cell, boolean date1904) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> number(cell, date1904);
            case BOOLEAN -> "1".equals(cell.getRawValue()) || "true".equalsIgnoreCase(cell.getRawValue()) ? "true"
                    : "false";
            case FORMULA -> formula(cell, date1904);
            case STRING -> cell.asString() == null ? "" : cell.asString();
            case ERROR -> cell.getRawValue() == null ? "#ERROR" : cell.getRawValue();
            default -> cell.getRawValue() == null ? "" : cell.getRawValue();
        };
    }

    private static String formula(Cell cell, boolean date1904) {
        String raw = cell.getRawValue();
        if (raw == null) {
            return "";
        }
        try {
            new BigDecimal(raw);
            return number(cell, date1904);
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    private static String number(Cell cell, boolean date1904) {
        String raw = cell.getRawValue();
        if (raw == null || raw.isBlank()) {
            return "";
        }
        BigDecimal value;
        try {
            value = new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            return raw;
        }
        if (isDateFormat(cell.getDataFormatId(), cell.getDataFormatString())) {
            LocalDate date = date1904 ? date1904(value) : date(value);
            if (date != null) {
                String format = cell.getDataFormatString();
                boolean noDay = format != null && !shown(format).contains("d")
                        && !(cell.getDataFormatId() != null && builtInDate(cell.getDataFormatId()));
                return noDay ? date.toString().substring(0, 7) : date.toString();
            }
        }
        BigDecimal plain = value.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
    }

    /** The day of an Excel serial date (1900 system, 60 being the phantom 29 February 1900); null when none. */
    static LocalDate date(BigDecimal serial) {
        long days = serial.longValue();
        if (days < 1 || days > 2_958_465) {
            return null;
        }
        LocalDateTime epoch = LocalDateTime.of(1899, 12, 31, 0, 0);
        return epoch.plusDays(days > 59 ? days - 1 : days).toLocalDate();
    }

    /** The day of an Excel serial date in the 1904 system (0 = 1 January 1904, no phantom day); null when none. */
    static LocalDate date1904(BigDecimal serial) {
        long days = serial.longValue();
        if (days < 0 || days > 2_957_003) {
            return null;
        }
        return LocalDate.of(1904, 1, 1).plusDays(days);
    }

    private static boolean builtInDate(int id) {
        return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
    }

    /**
     * True when the number format shows a date: a built-in date format, or a custom one with day, month or year
     * placeholders outside quoted text, escapes and brackets (colours, locales, elapsed time).
     */
    static boolean isDateFormat(Integer id, String format) {
        if (id != null && builtInDate(id)) {
            return true;
        }
        if (format == null) {
            return false;
        }
        String shown = shown(format);
        return shown.contains("d") || shown.contains("y") || (shown.contains("m") && !shown.contains("h")
                && !shown.contains("s"));
    }

    /** The placeholders of {@code format} (first section), lower case, without quoted text, escapes, brackets. */
    private static String shown(String format) {
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        boolean bracket = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (quoted) {
                continue;
            } else if (c == '[') {
                bracket = true;
            } else if (c == ']') {
                bracket = false;
            } else if (bracket) {
                continue;
            } else if (c == '\\' || c == '_' || c == '*') {
                i++;
            } else if (c == ';') {
                break;
            } else {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }
}
