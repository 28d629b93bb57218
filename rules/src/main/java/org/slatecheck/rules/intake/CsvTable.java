package org.slatecheck.rules.intake;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slatecheck.rules.model.Code;

/**
 * A CSV file (or a spreadsheet, {@link XlsxReader}) read into rows keyed by canonical column name (docs/specification.md
 * section 2): UTF-8 with or without a byte-order mark or UTF-16 with one, {@code ,} or {@code ;} as delimiter (whichever the
 * header line uses), LF, CRLF or CR line ends. The first row that is not empty is the header; its names are matched
 * to the columns after {@link Columns#normalise} against the canonical names, aliases and synonyms. A name within two
 * edits of a column is an error naming that column; other unknown columns are ignored with a warning. Rows whose
 * cells are all empty (as Excel writes after the data) are skipped. Problems become {@link InputError}s with the
 * physical line number; reading never throws on bad content.
 */
public final class CsvTable {
    private final String file;
    private final List<Row> rows;
    private final List<InputError> errors;
    private final List<InputWarning> warnings;
    private final Map<String, String> written;
    private final java.util.Set<String> foreign;
    private final long headerLine;
    private final boolean cut;

    private CsvTable(String file, List<Row> rows, List<InputError> errors, List<InputWarning> warnings,
            Map<String, String> written, java.util.Set<String> foreign, long headerLine) {
        this(file, rows, errors, warnings, written, foreign, headerLine, false);
    }

    private CsvTable(String file, List<Row> rows, List<InputError> errors, List<InputWarning> warnings,
            Map<String, String> written, java.util.Set<String> foreign, long headerLine, boolean cut) {
        this.cut = cut;
        this.file = file;
        this.rows = rows;
        this.errors = errors;
        this.warnings = warnings;
        this.written = written;
        this.foreign = foreign;
        this.headerLine = headerLine;
    }

    static CsvTable failed(String file, List<InputError> errors) {
        return new CsvTable(file, List.of(), errors, List.of(), Map.of(), java.util.Set.of(), 1);
    }

    /** One row of cells as the file has it: its physical line (spreadsheet row number) and its cells in order. */
    record Raw(long line, List<String> cells) {
    }

    /**
     * Reads {@code content} of the file called {@code file}: a spreadsheet when it starts like one ({@code PK}, a
     * zip archive: {@link XlsxReader}), otherwise CSV text. {@code columns} maps each canonical column to its alias
     * (or null); {@code required} lists the columns the header must have.
     */
    public static CsvTable read(String file, byte[] content, Map<String, String> columns, List<String> required) {
        return read(file, content, columns, required, WorkbookLimits.check(InputLimits.current()));
    }

    /** As {@link #read(String, byte[], Map, List)}, a spreadsheet within {@code limits} (a check's or a batch's). */
    static CsvTable read(String file, byte[] content, Map<String, String> columns, List<String> required,
            WorkbookLimits limits) {
        if (XlsxReader.isXlsx(content)) {
            return XlsxReader.read(file, content, columns, required, limits);
        }
        List<InputError> errors = new ArrayList<>();
        String text = decode(file, content, errors);
        if (text == null) {
            return failed(file, errors);
        }
        LineIndex lines = new LineIndex(text);
        char delimiter = delimiter(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        long unclosed = unclosedQuote(text, lines);
        // A quote opened and never closed makes the rest of the file one cell: the lines before the line that opens
        // it are still read and checked as usual, so their errors are reported with the quote's (issue 17 item 14).
        String readable = unclosed > 0 ? text.substring(0, (int) lines.startOf(unclosed)) : text;
        InputError quote = unclosed > 0 ? InputError.of(file, unclosed, "-", "csv_quote") : null;
        List<Raw> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(readable), format)) {
            for (CSVRecord r : parser) {
                records.add(new Raw(lines.lineOf(r.getCharacterPosition()), r.toList()));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // Commons CSV reports a quote followed by text other than a delimiter this way: the records before it
            // are whole and are read as above.
            long line = records.isEmpty() ? 1 : records.get(records.size() - 1).line() + 1;
            quote = InputError.of(file, quote != null ? Math.min(line, quote.line()) : line, "-", "csv_quote");
        }
        if (quote == null) {
            return build(file, null, records, columns, required);
        }
        if (records.stream().allMatch(r -> allBlank(r.cells()))) {
            return failed(file, List.of(quote)); // the header itself is in the part that cannot be read
        }
        CsvTable before = build(file, null, records, columns, required);
        List<InputError> all = new ArrayList<>(before.errors);
        all.add(quote);
        return new CsvTable(file, before.rows, all, before.warnings, before.written, before.foreign,
                before.headerLine, true);
    }

    /**
     * The table of {@code records} (header first, leading empty rows skipped). {@code sheet} is the spreadsheet's
     * sheet name (errors then name cells, {@code Sheet1!B7}), null for CSV.
     */
    static CsvTable build(String file, String sheet, List<Raw> records, Map<String, String> columns,
            List<String> required) {
        List<InputError> errors = new ArrayList<>();
        List<InputWarning> warnings = new ArrayList<>();
        int first = 0;
        while (first < records.size() && allBlank(records.get(first).cells())) {
            first++;
        }
        if (first == records.size()) {
            errors.add(InputError.of(file, 1, "-", "empty_file"));
            return failed(file, errors);
        }
        Raw header = records.get(first);
        long headerLine = header.line();
        Map<String, String> other = columns == Columns.NOMINEE ? Columns.CONGRESS : Columns.NOMINEE;
        Map<String, Integer> index = new LinkedHashMap<>();
        Map<String, String> written = new LinkedHashMap<>();
        java.util.Set<String> foreign = new java.util.LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        Map<Integer, String> nearMisses = new LinkedHashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cells().get(i).replace("\uFEFF", "").strip();
            if (name.isEmpty()) {
                continue;
            }
            String canonical = Columns.canonical(name, columns);
            if (canonical == null) {
                String theirs = Columns.canonical(name, other);
                if (theirs != null) {
                    foreign.add(theirs);
                    unknown.add(name);
                } else if (Columns.nearMiss(name, columns) != null) {
                    nearMisses.put(i, Columns.nearMiss(name, columns));
                } else {
                    unknown.add(name);
                }
                continue;
            }
            if (index.containsKey(canonical)) {
                errors.add(headerError(file, sheet, headerLine, i, name, "header_duplicate", written.get(canonical)));
                continue;
            }
            index.put(canonical, i);
            written.put(canonical, name);
        }
        for (Map.Entry<Integer, String> miss : nearMisses.entrySet()) {
            String name = header.cells().get(miss.getKey()).replace("\uFEFF", "").strip();
            if (index.containsKey(miss.getValue())) {
                unknown.add(name); // the column it resembles is there under its own name: this one is something else
            } else {
                errors.add(headerError(file, sheet, headerLine, miss.getKey(), name, "header_near_miss", name,
                        miss.getValue(), columns.get(miss.getValue())));
            }
        }
        if (!unknown.isEmpty()) {
            warnings.add(InputWarning.of(file, headerLine, "-", "unknown_columns", String.join(", ", unknown)));
        }
        for (String column : required) {
            if (!index.containsKey(column)) {
                errors.add(sheet == null ? InputError.of(file, headerLine, column, "header_missing", column,
                        columns.get(column)) : InputError.at(file, sheet + "!" + headerLine, headerLine, column,
                        "header_missing", column, columns.get(column)));
            }
        }
        if (!errors.isEmpty()) {
            // A header without its required columns: the rows cannot be read meaningfully, one error per column.
            return new CsvTable(file, List.of(), errors, warnings, written, foreign, headerLine);
        }
        List<Row> rows = new ArrayList<>();
        int width = header.cells().size();
        for (Raw r : records.subList(first + 1, records.size())) {
            long line = r.line();
            if (allBlank(r.cells())) {
                continue;
            }
            boolean ok = true;
            for (int i = width; i < r.cells().size(); i++) {
                if (!r.cells().get(i).isBlank()) {
                    errors.add(sheet == null
                            ? InputError.of(file, line, "#" + (i + 1), "row_extra", r.cells().get(i).strip(), width)
                            : InputError.at(file, sheet + "!" + XlsxReader.column(i) + line, line,
                                    "#" + (i + 1), "row_extra", r.cells().get(i).strip(), width));
                    ok = false;
                    break;
                }
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> e : index.entrySet()) {
                if (e.getValue() < r.cells().size()) {
                    values.put(e.getKey(), r.cells().get(e.getValue()));
                } else if (sheet != null) {
                    values.put(e.getKey(), ""); // a spreadsheet does not store empty cells at the end of a row
                } else if (ok) {
                    errors.add(InputError.of(file, line, written.get(e.getKey()), "row_short", r.cells().size(),
                            width));
                    ok = false;
                }
            }
            if (ok) {
                rows.add(new Row(file, line, values, written, sheet, index));
            }
        }
        return new CsvTable(file, rows, errors, warnings, written, foreign, headerLine);
    }

    private static InputError headerError(String file, String sheet, long line, int index, String name, String key,
            Object... args) {
        return sheet == null ? InputError.of(file, line, name, key, args)
                : InputError.at(file, sheet + "!" + XlsxReader.column(index) + line, line, name, key, args);
    }

    /**
     * The physical line of the quote that opens a quoted cell never closed, or 0. A doubled quote inside a quoted
     * cell toggles twice, so counting toggles is enough; only a quote at the start of a cell opens one (a quote
     * inside unquoted text is text, as Commons CSV reads it).
     */
    static long unclosedQuote(String text, LineIndex lines) {
        boolean quoted = false;
        int opened = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '"') {
                continue;
            }
            if (quoted) {
                quoted = false;
            } else {
                char before = i == 0 ? '\n' : text.charAt(i - 1);
                if (before == ',' || before == ';' || before == '\n' || before == '\r' || before == '"'
                        || before == '\uFEFF') {
                    quoted = true;
                    opened = i;
                }
            }
        }
        return quoted ? lines.lineOf(opened) : 0;
    }

    static boolean allBlank(CSVRecord r) {
        return allBlank(r.toList());
    }

    static boolean allBlank(List<String> cells) {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The file's text: UTF-8 (a byte-order mark is dropped), or UTF-16 LE/BE when it starts with that byte-order mark
     * (Excel's "Unicode text"). Anything else that is not UTF-8 (a legacy code page such as Windows-1258 or TCVN3, or
     * UTF-16 without its mark) is one error at the physical line of the first bad byte.
     */
    static String decode(String file, byte[] content, List<InputError> errors) {
        java.nio.charset.Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF) {
            skip = 3;
        } else if (content.length >= 2 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (content.length >= 2 && (content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content, skip, content.length - skip);
        CharBuffer out = CharBuffer.allocate(content.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            out.flip();
            errors.add(InputError.of(file, lineAt(out, out.length()), "-", "encoding"));
            return null;
        }
        out.flip();
        if (skip == 0 && content.length >= 2 && (content[0] == 0 || content[1] == 0)) {
            // UTF-16 without its byte-order mark: every other byte of the header is NUL. (A NUL inside a cell is
            // refused on its cell, as a control character in an id or a name.)
            errors.add(InputError.of(file, 1, "-", "encoding"));
            return null;
        }
        return out.toString();
    }

    /** The physical line of character {@code end} of {@code text} (LF, CRLF and lone CR end lines). */
    private static long lineAt(CharSequence text, int end) {
        long line = 1;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }

    /** {@code ;} when the header line has more semicolons than commas outside quotes, else {@code ,}. */
    static char delimiter(String text) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (commas + semicolons > 0) {
                    break;
                }
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    public String file() {
        return file;
    }

    /** The readable rows, in file order. */
    public List<Row> rows() {
        return rows;
    }

    /** Problems with the file itself, its header or the shape of its rows. */
    public List<InputError> errors() {
        return errors;
    }

    /** What the reader noticed but did not refuse: unknown columns ignored. */
    public List<InputWarning> warnings() {
        return warnings;
    }

    /** The columns of the other kind of file (congresses in a nominees file, or the reverse) that the header has. */
    public java.util.Set<String> foreignColumns() {
        return foreign;
    }

    /**
     * True when the file was read only up to a quote opened and never closed ({@code csv_quote}, one of
     * {@link #errors()}): the rows are those before it, and what needs the whole file (ids used later, the rows
     * after it) cannot be judged.
     */
    public boolean cut() {
        return cut;
    }

    /**
     * True when the rows can be read: no error of the file, its header or a row's shape — except the unclosed
     * quote that cut it ({@link #cut()}), which leaves the rows before it readable.
     */
    public boolean rowsReadable() {
        return errors.stream().allMatch(e -> e.key().equals("csv_quote"));
    }

    /** The physical line of the header (1 unless empty lines come first). */
    public long headerLine() {
        return headerLine;
    }

    /** The canonical columns the header has. */
    public java.util.Set<String> columns() {
        return java.util.Collections.unmodifiableSet(written.keySet());
    }

    /** Adds a warning about the file as a whole (a spreadsheet's hidden sheets skipped). */
    void warn(InputWarning warning) {
        warnings.add(0, warning);
    }

    /** The name the file's header gives {@code column}, or {@code column} when it has none. */
    public String columnName(String column) {
        return written.getOrDefault(column, column);
    }

    /** True when the header has {@code column} (under its canonical name or alias). */
    public boolean hasColumn(String column) {
        return written.containsKey(column);
    }

    /** Physical line numbers of character positions, counting LF, CRLF and lone CR as line ends. */
    static final class LineIndex {
        private final long[] starts;

        LineIndex(String text) {
            long[] s = new long[16];
            int n = 0;
            s[n++] = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean end = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
                if (end) {
                    if (n == s.length) {
                        s = Arrays.copyOf(s, n * 2);
                    }
                    s[n++] = i + 1;
                }
            }
            starts = Arrays.copyOf(s, n);
        }

        /** The position of the first character of 1-based line {@code line}. */
        long startOf(long line) {
            return starts[(int) line - 1];
        }

        /** 1-based line of the character at {@code position}. */
        long lineOf(long position) {
            int i = Arrays.binarySearch(starts, position);
            return (i >= 0 ? i : -i - 2) + 1;
        }
    }
}
