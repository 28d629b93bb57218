package org.slatecheck.rules.intake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Nominee;
import org.slatecheck.rules.params.Parameters;

/**
 * Reads a congresses file and a nominees file (RULES.md section 2) into congress lists. All-or-nothing: when
 * either file has any error, {@link InputException} carries every error (congresses file first, then by line) and
 * no list is returned, so nothing half-read reaches the rules.
 */
public final class Intake {
    private Intake() {
    }

    /** A named input file. */
    public record Input(String name, byte[] content) {
    }

    /**
     * @param ruleSets the parameters of each term's rule set, or null for a term without one
     * @return the lists in the order of the congresses file
     * @throws InputException when there is any input error
     */
    public static List<CongressList> read(Input congresses, Input nominees, Function<String, Parameters> ruleSets) {
        List<InputError> errors = new ArrayList<>();
        Congresses read = congresses(congresses, ruleSets);
        errors.addAll(read.errors());
        Map<String, Congress> byId = read.byId();

        CsvTable nomineeTable = CsvTable.read(nominees.name(), nominees.content(), Columns.NOMINEE,
                Columns.NOMINEE_REQUIRED);
        errors.addAll(nomineeTable.errors());
        NomineeRows reader = new NomineeRows(read, congresses.name(), nominees.name(),
                nomineeTable.hasColumn("congress_id"));
        boolean readable = nomineeTable.errors().isEmpty();
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
        for (Row row : readable ? nomineeTable.rows() : List.<Row>of()) {
            NomineeRows.Read r = reader.read(row);
            errors.addAll(row.errors());
            Long first = null;
            if (r.congressId() != null && r.nomineeId() != null) {
                first = seen.computeIfAbsent(r.congressId(), k -> new HashMap<>()).putIfAbsent(r.nomineeId(),
                        row.line());
                if (first != null) {
                    errors.add(reader.duplicate(row.line(), row.columnName("nominee_id"), r.nomineeId(), first));
                }
            }
            if (r.congressId() != null) {
                counts.merge(r.congressId(), 1L, Long::sum);
                List<Nominee> list = listed.computeIfAbsent(r.congressId(), k -> new ArrayList<>());
                if (r.nominee() != null && first == null) {
                    list.add(r.nominee());
                }
            }
        }
        if (readable) {
            errors.addAll(reader.emptyCongresses(listed::containsKey));
            errors.addAll(tooManyNominees(read, congresses.name(), counts));
        }
        if (!errors.isEmpty()) {
            throw new InputException(sorted(errors, congresses.name()));
        }
        List<CongressList> lists = new ArrayList<>();
        for (Congress c : byId.values()) {
            lists.add(new CongressList(c, listed.get(c.getId())));
        }
        return lists;
    }

    /**
     * The congresses file read and checked: the congresses that read (by id, in file order), the line and header
     * name of every congress id seen (also of rows with errors, so their nominees are not reported as unknown), and
     * the errors. Shared by {@link #read} and the batch runner; the
     * nominee rows are read against it by {@link NomineeRows}.
     */
    public record Congresses(Map<String, Congress> byId, Map<String, Long> lines, Map<String, String> idColumns,
            List<InputError> errors) {
    }

    /** Reads a congresses file (small: read whole). */
    public static Congresses congresses(Input congresses, Function<String, Parameters> ruleSets) {
        List<InputError> errors = new ArrayList<>();
        CsvTable congressTable = CsvTable.read(congresses.name(), congresses.content(), Columns.CONGRESS,
                Columns.CONGRESS_REQUIRED);
        errors.addAll(congressTable.errors());
        Map<String, Congress> byId = new LinkedHashMap<>();
        Map<String, Long> congressLines = new LinkedHashMap<>();
        Map<String, String> congressIdColumn = new HashMap<>();
        for (Row row : congressTable.rows()) {
            Congress c = CongressReader.read(row, ruleSets);
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
            errors.add(InputError.of(congresses.name(), 2, "-", "no_congress"));
        }
        return new Congresses(byId, congressLines, congressIdColumn, errors);
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
}
