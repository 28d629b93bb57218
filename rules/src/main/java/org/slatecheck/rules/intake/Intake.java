package org.slatecheck.rules.intake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Nominee;
import org.slatecheck.rules.params.TermRules;

/**
 * Reads a congresses file and a nominees file (docs/specification.md section 2), each CSV or {@code .xlsx}, into congress lists
 * and warnings. All-or-nothing: when either file has any error, {@link InputException} carries every error
 * (congresses file first, then by line) and no list is returned, so nothing half-read reaches the rules.
 */
public final class Intake {
    private Intake() {
    }

    /** The header a Vietnamese template gives nominee column {@code name} ("Dân tộc"), for messages in Vietnamese. */
    static String vietnameseHeader(String name) {
        return vietnameseHeader(name, ColumnGuide.NOMINEE_COLUMNS, Columns.NOMINEE);
    }

    private static String vietnameseHeader(String name, List<ColumnGuide.Column> guide, Map<String, String> columns) {
        for (ColumnGuide.Column c : guide) {
            if (c.name().equals(name)) {
                return c.header();
            }
        }
        return columns.get(name);
    }

    /**
     * A named input file: CSV text or an {@code .xlsx} spreadsheet, told apart by content (a spreadsheet is a zip
     * archive and starts with {@code PK}), never by the name.
     */
    public record Input(String name, byte[] content) {
        /** True when the content is a spreadsheet ({@code .xlsx}), read by {@link XlsxReader}. */
        public boolean isSpreadsheet() {
            return XlsxReader.isXlsx(content);
        }
    }

    /**
     * What the two files read to: the lists (in the order of the congresses file; a congress without nominee rows
     * has none), what the user should know ({@link InputWarning}s: ignored columns, absent optional columns,
     * congresses not evaluated), and the rules that cannot be checked because an optional column is absent
     * (column → rule ids).
     */
    public record Result(List<CongressList> lists, List<InputWarning> warnings,
            Map<String, List<String>> notCheckedByColumn, Map<String, Map<String, List<String>>> byCongress) {
        public Result {
            lists = List.copyOf(lists);
            warnings = List.copyOf(warnings);
            notCheckedByColumn = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notCheckedByColumn));
            byCongress = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byCongress));
        }

        public Result(List<CongressList> lists, List<InputWarning> warnings,
                Map<String, List<String>> notCheckedByColumn) {
            this(lists, warnings, notCheckedByColumn, Map.of());
        }

        /**
         * The absent columns and their rules for the list of congress {@code congressId}: the nominees file's
         * ({@link #notCheckedByColumn}) and the congresses file's that matter to this congress (docs/specification.md section 2).
         */
        public Map<String, List<String>> notCheckedFor(String congressId) {
            Map<String, List<String>> own = byCongress.getOrDefault(congressId, Map.of());
            if (own.isEmpty()) {
                return notCheckedByColumn;
            }
            Map<String, List<String>> all = new LinkedHashMap<>(notCheckedByColumn);
            all.putAll(own);
            return all;
        }

        /** The rule ids not checked for every list of this input, each once. */
        public List<String> notChecked() {
            return ColumnRules.ruleIds(notCheckedByColumn);
        }
    }

    /**
     * @param ruleSets the terms with a rule set (seasons, levels by date) and their parameters
     * @return the lists in the order of the congresses file, with the warnings
     * @throws InputException when there is any input error
     */
    public static Result read(Input congresses, Input nominees, TermRules ruleSets) {
        List<InputError> errors = new ArrayList<>();
        List<InputWarning> warnings = new ArrayList<>();
        CsvTable congressTable = CsvTable.read(congresses.name(), congresses.content(), Columns.CONGRESS,
                Columns.CONGRESS_REQUIRED);
        CsvTable nomineeTable = CsvTable.read(nominees.name(), nominees.content(), Columns.NOMINEE,
                Columns.NOMINEE_REQUIRED);
        if (swapped(congressTable, nomineeTable)) {
            // One clear error instead of a missing-column error for every column of both files.
            throw new InputException(List.of(InputError.of(congresses.name(), congressTable.headerLine(), "-",
                    "files_swapped", congresses.name(), nominees.name())));
        }
        Congresses read = congresses(congressTable, congresses.name(), ruleSets);
        errors.addAll(read.errors());
        warnings.addAll(congressTable.warnings());
        Map<String, Congress> byId = read.byId();

        errors.addAll(nomineeTable.errors());
        warnings.addAll(nomineeTable.warnings());
        NomineeRows reader = new NomineeRows(read, congresses.name(), nominees.name(),
                nomineeTable.hasColumn("congress_id"));
        // A nominees file cut by an unclosed quote still has its rows before the quote checked (issue 17 item 14).
        boolean readable = nomineeTable.rowsReadable();
        int maxRows = InputLimits.current().maxRowsPerCheck();
        if (readable && nomineeTable.rows().size() > maxRows) {
            // Too many rows for one check: said once, at the first row beyond the limit; the rows are not read.
            errors.add(InputError.of(nominees.name(), nomineeTable.rows().get(maxRows).line(), "-", "too_many_rows",
                    nomineeTable.rows().size(), maxRows));
            throw new InputException(sorted(errors, congresses.name()));
        }
        if (readable) {
            List<InputError> header = reader.headerErrors();
            errors.addAll(header);
            readable = header.isEmpty();
        }
        Map<String, List<Nominee>> listed = new LinkedHashMap<>();
        Map<String, Map<String, Long>> seen = new HashMap<>();
        Map<String, Long> counts = new HashMap<>(); // rows per congress, also rows with errors (as the batch counts)
        Map<Nominee, Long> lines = new java.util.IdentityHashMap<>();
        for (Row row : readable ? nomineeTable.rows() : List.<Row>of()) {
            NomineeRows.Read r = reader.read(row);
            for (InputError e : row.errors()) {
                // A congresses file cut by an unclosed quote may have the congress after the quote: not judged.
                if (!(congressTable.cut() && e.key().equals("congress_unknown"))) {
                    errors.add(e);
                }
            }
            Long first = null;
            if (r.congressId() != null && r.nomineeId() != null) {
                // Ids equal without case and invisible characters are one id (docs/specification.md section 2).
                first = seen.computeIfAbsent(r.congressId(), k -> new HashMap<>())
                        .putIfAbsent(Texts.idKey(r.nomineeId()), row.line());
                if (first != null) {
                    errors.add(reader.duplicate(row.line(), row.columnName("nominee_id"), r.nomineeId(), first));
                }
            }
            if (r.congressId() != null) {
                counts.merge(r.congressId(), 1L, Long::sum);
                List<Nominee> list = listed.computeIfAbsent(r.congressId(), k -> new ArrayList<>());
                if (r.nominee() != null && first == null) {
                    list.add(r.nominee());
                    lines.put(r.nominee(), row.line());
                }
            }
        }
        Map<String, List<String>> notChecked = Map.of();
        Map<String, Map<String, List<String>>> byCongress = new LinkedHashMap<>();
        if (readable && read.errors().isEmpty()) {
            absentCongressColumns(congressTable, congresses.name(), byId, ruleSets, byCongress, warnings);
        }
        if (readable) {
            warnings.addAll(reader.emptyCongresses(listed::containsKey));
            errors.addAll(tooManyNominees(read, congresses.name(), counts));
            notChecked = ColumnRules.notChecked(nomineeTable.columns());
            for (Map.Entry<String, List<String>> e : notChecked.entrySet()) {
                warnings.add(InputWarning.of(nominees.name(), nomineeTable.headerLine(), e.getKey(),
                        "column_absent", e.getKey(), vietnameseHeader(e.getKey()), String.join(", ", e.getValue())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InputException(sorted(errors, congresses.name()));
        }
        List<CongressList> lists = new ArrayList<>();
        Relatives relatives = new Relatives(nominees.name(), nomineeTable.columnName("relatives"), warnings);
        for (Congress c : byId.values()) {
            if (listed.containsKey(c.getId())) {
                lists.add(new CongressList(c, relatives.resolve(listed.get(c.getId()), lines::get)));
            }
        }
        relatives.finish();
        return new Result(lists, warnings, notChecked, byCongress);
    }

    /**
     * The optional congress columns absent from the congresses file (docs/specification.md section 2, as for the nominees file): for
     * each congress, the rules they leave unchecked ({@link ColumnRules#notChecked(java.util.Set, Congress,
     * org.slatecheck.rules.params.Parameters)}), and one warning per column that leaves some rule unchecked.
     */
    private static void absentCongressColumns(CsvTable table, String file, Map<String, Congress> byId,
            TermRules ruleSets, Map<String, Map<String, List<String>>> byCongress, List<InputWarning> warnings) {
        Map<String, java.util.Set<String>> rulesByColumn = new LinkedHashMap<>();
        for (Congress c : byId.values()) {
            Map<String, List<String>> absent = ColumnRules.notChecked(table.columns(), c, dated(c, ruleSets));
            if (!absent.isEmpty()) {
                byCongress.put(c.getId(), absent);
                absent.forEach((column, rules) -> rulesByColumn
                        .computeIfAbsent(column, k -> new java.util.LinkedHashSet<>()).addAll(rules));
            }
        }
        for (Map.Entry<String, java.util.Set<String>> e : rulesByColumn.entrySet()) {
            warnings.add(InputWarning.of(file, table.headerLine(), e.getKey(), "column_absent", e.getKey(),
                    vietnameseHeader(e.getKey(), ColumnGuide.CONGRESS_COLUMNS, Columns.CONGRESS),
                    String.join(", ", e.getValue())));
        }
    }

    /**
     * True when the congresses file looks like a nominees file and the nominees file like a congresses file: both
     * miss required columns that the other file has.
     */
    static boolean swapped(CsvTable congressTable, CsvTable nomineeTable) {
        boolean congressesMissing = congressTable.errors().stream().anyMatch(e -> e.key().equals("header_missing"));
        boolean nomineesMissing = nomineeTable.errors().stream().anyMatch(e -> e.key().equals("header_missing"));
        return congressesMissing && nomineesMissing
                && congressTable.foreignColumns().containsAll(List.of("nominee_id", "full_name"))
                && nomineeTable.foreignColumns().containsAll(List.of("organisation", "committee_seats"));
    }

    /**
     * The congresses file read and checked: the congresses that read (by id, in file order), the line and header
     * name of every congress id seen (also of rows with errors, so their nominees are not reported as unknown), and
     * the errors. Shared by {@link #read} and the batch runner; the
     * nominee rows are read against it by {@link NomineeRows}.
     */
    public record Congresses(Map<String, Congress> byId, Map<String, Long> lines, Map<String, String> idColumns,
            List<InputError> errors, java.util.Set<String> columns, List<InputWarning> warnings, long headerLine) {
        public Congresses(Map<String, Congress> byId, Map<String, Long> lines, Map<String, String> idColumns,
                List<InputError> errors, java.util.Set<String> columns) {
            this(byId, lines, idColumns, errors, columns, List.of(), 1);
        }

        /**
         * The warnings a check gives for the congresses file's absent optional columns (docs/specification.md section 2): one per column
         * that leaves some rule unchecked for some congress, as {@link #read} gives them.
         */
        public List<InputWarning> absentColumns(String file, TermRules ruleSets) {
            List<InputWarning> out = new ArrayList<>();
            Map<String, java.util.Set<String>> rulesByColumn = new LinkedHashMap<>();
            for (Congress c : byId.values()) {
                notChecked(c, ruleSets).forEach((column, rules) -> rulesByColumn
                        .computeIfAbsent(column, k -> new java.util.LinkedHashSet<>()).addAll(rules));
            }
            for (Map.Entry<String, java.util.Set<String>> e : rulesByColumn.entrySet()) {
                out.add(InputWarning.of(file, headerLine, e.getKey(), "column_absent", e.getKey(),
                        vietnameseHeader(e.getKey(), ColumnGuide.CONGRESS_COLUMNS, Columns.CONGRESS),
                        String.join(", ", e.getValue())));
            }
            return out;
        }

        /** The warning a check gives for the nominees file's absent optional column {@code column}. */
        public static InputWarning nomineeColumnAbsent(String file, long headerLine, String column,
                List<String> rules) {
            return InputWarning.of(file, headerLine, column, "column_absent", column, vietnameseHeader(column),
                    String.join(", ", rules));
        }
        /**
         * The rules not checked for congress {@code c} because of the optional congress columns absent from the
         * file (docs/specification.md section 2), column by column, as {@link Result#notCheckedFor} has them for a check.
         */
        public Map<String, List<String>> notChecked(Congress c, TermRules ruleSets) {
            return ColumnRules.notChecked(columns, c, dated(c, ruleSets));
        }
    }

    /** The parameters of {@code c}'s rule set in force on its date, or null when its term has none. */
    private static org.slatecheck.rules.params.Parameters dated(Congress c, TermRules ruleSets) {
        org.slatecheck.rules.params.Parameters p = ruleSets.parameters(c.getTerm());
        return p == null ? null : p.file().at(c.getCongressDate());
    }

    /** Reads a congresses file (small: read whole; a workbook within a batch's limits). */
    public static Congresses congresses(Input congresses, TermRules ruleSets) {
        return congresses(CsvTable.read(congresses.name(), congresses.content(), Columns.CONGRESS,
                Columns.CONGRESS_REQUIRED, WorkbookLimits.batch(InputLimits.current())), congresses.name(),
                ruleSets);
    }

    private static Congresses congresses(CsvTable congressTable, String name, TermRules ruleSets) {
        List<InputError> errors = new ArrayList<>();
        errors.addAll(congressTable.errors());
        Map<String, Congress> byId = new LinkedHashMap<>();
        Map<String, Long> congressLines = new LinkedHashMap<>();
        Map<String, String> congressIdColumn = new HashMap<>();
        for (Row row : congressTable.rows()) {
            Congress c = CongressReader.read(row, ruleSets);
            if (c != null) {
                CongressReader.impossible(row, c, ruleSets);
            }
            String id = row.text("congress_id");
            if (id != null && congressLines.containsKey(id)) {
                row.error("congress_id", "congress_twice", id, congressLines.get(id));
            }
            errors.addAll(row.errors());
            if (id != null && !congressLines.containsKey(id)) {
                congressLines.put(id, row.line());
                congressIdColumn.put(id, row.columnName("congress_id"));
            }
            if (c != null && !row.hasErrors()) {
                byId.put(c.getId(), c);
            }
        }
        if (congressTable.errors().isEmpty() && congressTable.rows().isEmpty()) {
            errors.add(InputError.of(name, congressTable.headerLine() + 1, "-", "no_congress"));
        }
        return new Congresses(byId, congressLines, congressIdColumn, errors, congressTable.columns(),
                List.copyOf(congressTable.warnings()), congressTable.headerLine());
    }

    /**
     * One error per congress with more nominees than {@link InputLimits#maxNomineesPerCongress}, at the congress's
     * line of the congresses file; shared by {@link #read} and the batch runner (same files, same errors).
     */
    public static List<InputError> tooManyNominees(Congresses read, String congressesName, Map<String, Long> counts) {
        int max = InputLimits.current().maxNomineesPerCongress();
        List<InputError> out = new ArrayList<>();
        for (Map.Entry<String, Long> e : read.lines().entrySet()) {
            long n = counts.getOrDefault(e.getKey(), 0L);
            if (n > max) {
                out.add(InputError.of(congressesName, e.getValue(), read.idColumns().get(e.getKey()),
                        "too_many_nominees", e.getKey(), n, max));
            }
        }
        return out;
    }

    private static List<InputError> sorted(List<InputError> errors, String congressFile) {
        List<InputError> out = new ArrayList<>(errors);
        out.sort(Comparator.comparing((InputError e) -> !e.file().equals(congressFile))
                .thenComparingLong(InputError::line));
        return out;
    }

    /**
     * A batch's nominees file as the UTF-8 CSV it amounts to, which the batch streams: a workbook's first sheet (one
     * CSV line per non-empty row, written as it is read, within a batch's {@link WorkbookLimits}) or a UTF-16 file
     * converted, written to {@code target}. False when the content is neither (the stream then judges it as it is;
     * nothing is written).
     *
     * @throws InputException when the workbook cannot be read or exceeds the limits, or the UTF-16 text is malformed
     *                        ({@code target} is then of no use)
     */
    public static boolean batchCsv(String file, byte[] content, java.nio.file.Path target) throws java.io.IOException {
        List<InputError> errors = new ArrayList<>();
        if (XlsxReader.isXlsx(content)) {
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(target)) {
                if (!XlsxReader.toCsv(file, content, out, errors, WorkbookLimits.batch(InputLimits.current()))) {
                    throw new InputException(errors);
                }
            }
            return true;
        }
        return utf16(file, content, target, errors);
    }

    /**
     * As {@link #batchCsv(String, byte[], java.nio.file.Path)}, the nominees file in {@code source}: a workbook is
     * read where it lies, not into memory.
     */
    public static boolean batchCsv(String file, java.nio.file.Path source, java.nio.file.Path target)
            throws java.io.IOException {
        return batchCsv(file, source, target, new ArrayList<>());
    }

    /**
     * As {@link #batchCsv(String, java.nio.file.Path, java.nio.file.Path)}, telling in {@code warnings} what a check
     * of the workbook tells about the file as a whole (its hidden sheets skipped, docs/specification.md section 2).
     */
    public static boolean batchCsv(String file, java.nio.file.Path source, java.nio.file.Path target,
            List<InputWarning> warnings) throws java.io.IOException {
        byte[] head;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(source)) {
            head = in.readNBytes(4);
        }
        if (!XlsxReader.isXlsx(head)) {
            return batchCsv(file, java.nio.file.Files.readAllBytes(source), target);
        }
        List<InputError> errors = new ArrayList<>();
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(target)) {
            if (!XlsxReader.toCsv(file, source, out, errors, WorkbookLimits.batch(InputLimits.current()),
                    warnings)) {
                throw new InputException(errors);
            }
        }
        return true;
    }

    /**
     * The encoding error a check reports for a CSV file that is not UTF-8 ({@link CsvTable#decode}: the physical line
     * of the first bad byte, or line 1 for UTF-16 without its byte-order mark), found by reading {@code source} as a
     * stream, so a batch's large file reports exactly what a check of it reports (docs/specification.md section 2) instead of failing
     * in the middle of its rows. Empty when the file is UTF-8 (with or without a byte-order mark).
     */
    public static List<InputError> encodingErrors(String file, java.nio.file.Path source) throws java.io.IOException {
        java.nio.charset.CharsetDecoder decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        byte[] buf = new byte[1 << 16];
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(buf.length + 8);
        java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(buf.length + 8);
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(source)) {
            int n = in.readNBytes(buf, 0, buf.length);
            int off = n >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF ? 3 : 0;
            boolean nulStart = off == 0 && n >= 2 && (buf[0] == 0 || buf[1] == 0);
            long line = 1;
            boolean cr = false;
            while (true) {
                bytes.put(buf, off, n - off);
                off = 0;
                bytes.flip();
                boolean end = n < buf.length;
                java.nio.charset.CoderResult r = decoder.decode(bytes, chars, end);
                if (!r.isError() && end) {
                    r = decoder.flush(chars);
                }
                chars.flip();
                while (chars.hasRemaining()) {
                    char c = chars.get();
                    if (cr && c != '\n') {
                        line++;
                    }
                    cr = c == '\r';
                    if (c == '\n') {
                        line++;
                    }
                }
                chars.clear();
                if (r.isError()) {
                    // As CsvTable counts it: a CR just before the bad byte ends its line.
                    return List.of(InputError.of(file, cr ? line + 1 : line, "-", "encoding"));
                }
                bytes.compact();
                if (end) {
                    break;
                }
                n = in.readNBytes(buf, 0, buf.length);
            }
            return nulStart ? List.of(InputError.of(file, 1, "-", "encoding")) : List.of();
        }
    }

    private static boolean utf16(String file, byte[] content, java.nio.file.Path target, List<InputError> errors)
            throws java.io.IOException {
        if (content.length >= 2 && ((content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE
                || (content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF)) {
            String text = CsvTable.decode(file, content, errors);
            if (text == null) {
                throw new InputException(errors);
            }
            java.nio.file.Files.writeString(target, text, java.nio.charset.StandardCharsets.UTF_8);
            return true;
        }
        return false;
    }
}
