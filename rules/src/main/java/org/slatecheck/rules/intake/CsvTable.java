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
 * A CSV file read into rows keyed by canonical column name (RULES.md section 2): UTF-8 with or without a byte-order
 * mark, {@code ,} or {@code ;} as delimiter (whichever the header line uses), LF or CRLF line ends. Header names
 * are matched case-insensitively against the canonical names and their aliases; unknown columns are ignored. Rows
 * whose cells are all empty (as Excel writes after the data) are skipped. Problems become {@link InputError}s
 * with the physical line number; reading never throws on bad content.
 */
public final class CsvTable {
    private final String file;
    private final List<Row> rows;
    private final List<InputError> errors;
    private final Map<String, String> written;

    private CsvTable(String file, List<Row> rows, List<InputError> errors, Map<String, String> written) {
        this.file = file;
        this.rows = rows;
        this.errors = errors;
        this.written = written;
    }

    /**
     * Reads {@code content} of the file called {@code file}. {@code columns} maps each canonical column to its
     * alias (or null); {@code required} lists the columns the header must have.
     */
    public static CsvTable read(String file, byte[] content, Map<String, String> columns, List<String> required) {
        List<InputError> errors = new ArrayList<>();
        String text = decode(file, content, errors);
        if (text == null) {
            return new CsvTable(file, List.of(), errors, Map.of());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        LineIndex lines = new LineIndex(text);
        char delimiter = delimiter(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        List<CSVRecord> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord r : parser) {
                records.add(r);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // Commons CSV reports an unterminated quoted cell this way; the line is where the parser stopped.
            long line = records.isEmpty() ? 1 : lines.lineOf(records.get(records.size() - 1).getCharacterPosition()) + 1;
            errors.add(InputError.of(file, line, "-", "csv_quote"));
            return new CsvTable(file, List.of(), errors, Map.of());
        }
        if (records.isEmpty()) {
            errors.add(InputError.of(file, 1, "-", "empty_file"));
            return new CsvTable(file, List.of(), errors, Map.of());
        }
        CSVRecord header = records.get(0);
        long headerLine = lines.lineOf(header.getCharacterPosition());
        Map<String, Integer> index = new LinkedHashMap<>();
        Map<String, String> written = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            String canonical = canonical(name, columns);
            if (canonical == null) {
                continue;
            }
            if (index.containsKey(canonical)) {
                errors.add(InputError.of(file, headerLine, name, "header_duplicate", written.get(canonical)));
                continue;
            }
            index.put(canonical, i);
            written.put(canonical, name);
        }
        for (String column : required) {
            if (!index.containsKey(column)) {
                errors.add(InputError.of(file, headerLine, column, "header_missing", column, columns.get(column)));
            }
        }
        if (!errors.isEmpty()) {
            // A header without its required columns: the rows cannot be read meaningfully, one error per column.
            return new CsvTable(file, List.of(), errors, written);
        }
        List<Row> rows = new ArrayList<>();
        for (CSVRecord r : records.subList(1, records.size())) {
            long line = lines.lineOf(r.getCharacterPosition());
            if (allBlank(r)) {
                continue;
            }
            boolean ok = true;
            for (int i = header.size(); i < r.size(); i++) {
                if (!r.get(i).isBlank()) {
                    errors.add(InputError.of(file, line, "#" + (i + 1), "row_extra", r.get(i).strip(), header.size()));
                    ok = false;
                    break;
                }
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> e : index.entrySet()) {
                if (e.getValue() < r.size()) {
                    values.put(e.getKey(), r.get(e.getValue()));
                } else if (ok) {
                    errors.add(InputError.of(file, line, written.get(e.getKey()), "row_short", r.size(), header.size()));
                    ok = false;
                }
            }
            if (ok) {
                rows.add(new Row(file, line, values, written));
            }
        }
        return new CsvTable(file, rows, errors, written);
    }

    static String canonical(String header, Map<String, String> columns) {
        String folded = Code.fold(header);
        for (Map.Entry<String, String> e : columns.entrySet()) {
            if (Code.fold(e.getKey()).equals(folded) || (e.getValue() != null && Code.fold(e.getValue()).equals(folded))) {
                return e.getKey();
            }
        }
        return null;
    }

    static boolean allBlank(CSVRecord r) {
        for (String cell : r) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Strict UTF-8: a file saved in another encoding is an error at the line of its first bad byte. */
    private static String decode(String file, byte[] content, List<InputError> errors) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            long line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (content[i] == '\n') {
                    line++;
                }
            }
            errors.add(InputError.of(file, line, "-", "encoding"));
            return null;
        }
        try {
            result = decoder.flush(out);
            if (result.isError()) {
                result.throwException();
            }
        } catch (CharacterCodingException e) {
            errors.add(InputError.of(file, 1, "-", "encoding"));
            return null;
        }
        out.flip();
        return out.toString();
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

        /** 1-based line of the character at {@code position}. */
        long lineOf(long position) {
            int i = Arrays.binarySearch(starts, position);
            return (i >= 0 ? i : -i - 2) + 1;
        }
    }
}
