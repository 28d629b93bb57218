package org.slatecheck.rules.intake;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read row by row, for files too large to hold in memory (batch runs). Same rules as {@link CsvTable}:
 * BOM, {@code ,} or {@code ;} (from the header line), LF or CRLF, header names, aliases and synonyms matched after
 * {@link Columns#normalise}, near-miss headers refused (UTF-16, spreadsheets and warnings are for checks only),
 * all-empty rows skipped, physical line numbers. Header problems are in {@link #errors()} before the first row;
 * row-shape problems are recorded on the row itself.
 */
public final class CsvStream implements Closeable, Iterable<Row> {
    private final String file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final Map<String, String> written = new LinkedHashMap<>();
    private final List<InputError> errors = new ArrayList<>();
    private final List<InputWarning> warnings = new ArrayList<>();
    private int headerSize;
    private long lastLine;

    public CsvStream(String file, InputStream in, Map<String, String> columns, List<String> required)
            throws IOException {
        this.file = file;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        reader.mark(1 << 16);
        char[] head = new char[(1 << 16) - 1];
        int n = reader.read(head);
        reader.reset();
        String start = n <= 0 ? "" : new String(head, 0, n);
        if (start.startsWith("\uFEFF")) {
            reader.skip(1);
            start = start.substring(1);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(CsvTable.delimiter(start))
                .setIgnoreEmptyLines(false).get();
        this.parser = CSVParser.parse(reader, format);
        this.records = parser.iterator();
        if (!records.hasNext()) {
            errors.add(InputError.of(file, 1, "-", "empty_file"));
            return;
        }
        CSVRecord header = records.next();
        lastLine = parser.getCurrentLineNumber();
        headerSize = header.size();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).replace("\uFEFF", "").strip();
            String canonical = Columns.canonical(name, columns);
            if (canonical == null) {
                unknown.add(name);
                continue;
            }
            if (index.containsKey(canonical)) {
                errors.add(InputError.of(file, 1, name, "header_duplicate", written.get(canonical)));
                continue;
            }
            index.put(canonical, i);
            written.put(canonical, name);
        }
        // A near-miss header is an error here too, as in CsvTable: the same file gives the same errors either way.
        Map<String, String> other = columns == Columns.NOMINEE ? Columns.CONGRESS : Columns.NOMINEE;
        List<String> ignored = new ArrayList<>();
        List<String> resembling = new ArrayList<>();
        for (String name : unknown) {
            String near = Columns.canonical(name, other) == null ? Columns.nearMiss(name, columns) : null;
            if (near != null && !index.containsKey(near)) {
                errors.add(InputError.of(file, 1, name, "header_near_miss", name, near, columns.get(near)));
            } else if (near != null) {
                resembling.add(name);
            } else if (!name.isEmpty()) {
                ignored.add(name);
            }
        }
        // The columns ignored, told as CsvTable tells them (a batch shows the warnings a check shows, docs/specification.md section 2).
        ignored.addAll(resembling);
        if (!ignored.isEmpty()) {
            warnings.add(InputWarning.of(file, 1, "-", "unknown_columns", String.join(", ", ignored)));
        }
        for (String column : required) {
            if (!index.containsKey(column)) {
                errors.add(InputError.of(file, 1, column, "header_missing", column, columns.get(column)));
            }
        }
    }

    /** Problems with the file itself or its header; rows should not be read when there are any. */
    public List<InputError> errors() {
        return errors;
    }

    /** The columns the header has that are no column of ours (ignored), as {@link CsvTable#warnings()} tells them. */
    public List<InputWarning> warnings() {
        return warnings;
    }

    public boolean hasColumn(String column) {
        return written.containsKey(column);
    }

    /** The canonical columns the header has. */
    public java.util.Set<String> columns() {
        return java.util.Collections.unmodifiableSet(written.keySet());
    }

    /** How the file's header writes {@code column} (its canonical name when the header does not have it). */
    public String columnName(String column) {
        return written.getOrDefault(column, column);
    }

    /** The rows in file order; a row may carry shape errors (too few cells, extra cells). */
    @Override
    public Iterator<Row> iterator() {
        return new Iterator<>() {
            private Row next = advance();

            private Row advance() {
                try {
                    while (records.hasNext()) {
                        CSVRecord r = records.next();
                        long line = lastLine + 1;
                        lastLine = parser.getCurrentLineNumber();
                        if (CsvTable.allBlank(r)) {
                            continue;
                        }
                        Map<String, String> values = new LinkedHashMap<>();
                        List<InputError> shape = new ArrayList<>();
                        for (int i = headerSize; i < r.size(); i++) {
                            if (!r.get(i).isBlank()) {
                                shape.add(InputError.of(file, line, "#" + (i + 1), "row_extra", r.get(i).strip(),
                                        headerSize));
                                break;
                            }
                        }
                        for (Map.Entry<String, Integer> e : index.entrySet()) {
                            if (e.getValue() < r.size()) {
                                values.put(e.getKey(), r.get(e.getValue()));
                            } else if (shape.isEmpty()) {
                                shape.add(InputError.of(file, line, written.get(e.getKey()), "row_short", r.size(),
                                        headerSize));
                            }
                        }
                        Row row = new Row(file, line, values, written);
                        shape.forEach(x -> row.error(x.column().equals(written.getOrDefault(x.column(), x.column()))
                                ? x.column() : x.column(), x.key(), x.args().toArray()));
                        return row;
                    }
                    return null;
                } catch (UncheckedIOException | IllegalStateException e) {
                    Row row = new Row(file, lastLine + 1, Map.of(), written);
                    row.error("-", e.getCause() instanceof java.nio.charset.CharacterCodingException ? "encoding"
                            : "csv_quote");
                    return row;
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Row next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Row r = next;
                boolean broken = r.hasErrors() && (r.errors().get(0).key().equals("encoding")
                        || r.errors().get(0).key().equals("csv_quote"));
                next = broken ? null : advance();
                return r;
            }
        };
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
