package org.slatecheck.rules.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Nominee;

/**
 * The nominee rows of a nominees file read against the congresses file: which congress a row belongs to, the
 * nominee it reads to, the values impossible for its congress, and the file-level problems (a missing
 * {@code congress_id} column, nominee ids used twice in a congress; congresses without nominees are warnings). The one implementation of these rules: {@link Intake#read} uses it on a
 * file held in memory, the batch on a file streamed row by row ({@link CsvStream}) in parallel chunks. Immutable and
 * thread-safe.
 *
 * <p>A row that already carries errors when it arrives (wrong number of cells, a broken quote or encoding) is not
 * read further. A file with such rows, or with header errors, is not read further either: only those errors are
 * reported for it (its cells may be shifted, so their errors would mislead).
 */
public final class NomineeRows {
    private final Intake.Congresses congresses;
    private final String congressesFile;
    private final String nomineesFile;
    private final boolean congressIdColumn;
    private final String only;

    /**
     * @param congressIdColumn whether the nominees file's header has {@code congress_id} (or its alias)
     */
    public NomineeRows(Intake.Congresses congresses, String congressesFile, String nomineesFile,
            boolean congressIdColumn) {
        this.congresses = congresses;
        this.congressesFile = congressesFile;
        this.nomineesFile = nomineesFile;
        this.congressIdColumn = congressIdColumn;
        this.only = congresses.lines().size() == 1 ? congresses.lines().keySet().iterator().next() : null;
    }

    /**
     * Errors of the nominees file's header in relation to the congresses file: {@code congress_id} is required when
     * there are several congresses. Rows are read only when this is empty (and the header itself had no errors).
     */
    public List<InputError> headerErrors() {
        if (congresses.lines().size() > 1 && !congressIdColumn) {
            return List.of(InputError.of(nomineesFile, 1, "congress_id", "header_missing", "congress_id",
                    Columns.NOMINEE.get("congress_id")));
        }
        return List.of();
    }

    /**
     * One row read.
     *
     * @param congressId the congress the row belongs to, null when it names none, or one the congresses file does
     *                   not have (the row has an error then), or when the row's shape is wrong
     * @param nomineeId  the row's nominee id cell, null when empty or the shape is wrong
     * @param nominee    the nominee, null when the row has errors
     * @param shape      true when the row arrived with errors of its shape (not read further)
     */
    public record Read(String congressId, String nomineeId, Nominee nominee, boolean shape) {
    }

    /**
     * Reads {@code row}: resolves its congress and reads its cells ({@link NomineeReader}). Errors are recorded on
     * the row. The duplicate-id check is separate ({@link #duplicate}), because the batch makes it per partition.
     */
    public Read read(Row row) {
        if (row.hasErrors()) {
            return new Read(null, null, null, true);
        }
        String congressId = row.text("congress_id");
        if (congressId == null && only != null) {
            congressId = only;
        } else if (congressId == null && congressIdColumn) {
            row.error("congress_id", "required");
        } else if (congressId != null && !congresses.lines().containsKey(congressId)) {
            row.error("congress_id", "congress_unknown", congressId, congressesFile);
            congressId = null;
        }
        Nominee n = NomineeReader.read(row, congressId);
        Congress congress = congressId == null ? null : congresses.byId().get(congressId);
        if (n != null && congress != null) {
            impossible(row, n, congress);
        }
        return new Read(congressId, row.text("nominee_id"), row.hasErrors() ? null : n, false);
    }

    /**
     * Values no real list has, against the nominee's congress (docs/specification.md section 2): a birth date after the
     * congress date (the same day is possible, if odd), a quality rating for a year after the congress year.
     */
    private static void impossible(Row row, Nominee n, Congress congress) {
        if (n.getBirthDate().isAfter(congress.getCongressDate())) {
            row.error("birth_date", "birth_after_congress", n.getBirthDate(), congress.getCongressDate());
        }
        for (Integer year : n.getQualityRatings().keySet()) {
            if (year > congress.getCongressDate().getYear()) {
                row.error("quality_ratings", "rating_after_congress", year, congress.getCongressDate().getYear());
                break;
            }
        }
    }

    /**
     * The error for a nominee id used a second time in one congress: on line {@code line}, the id first used on
     * {@code firstLine}. Rows with other errors count too (their id cell is what the file says). {@code column} is
     * how the file's header writes {@code nominee_id}.
     */
    public InputError duplicate(long line, String column, String nomineeId, long firstLine) {
        return InputError.of(nomineesFile, line, column, "nominee_twice", nomineeId, firstLine);
    }

    /**
     * The warnings for congresses that no row of the nominees file names, in the order of the congresses file: such
     * a congress is not evaluated, and not an error (docs/specification.md section 2.2).
     */
    public List<InputWarning> emptyCongresses(Predicate<String> listed) {
        List<InputWarning> warnings = new ArrayList<>();
        for (Map.Entry<String, Long> e : congresses.lines().entrySet()) {
            if (!listed.test(e.getKey())) {
                warnings.add(InputWarning.of(congressesFile, e.getValue(), congresses.idColumns().get(e.getKey()),
                        "congress_empty", e.getKey(), nomineesFile));
            }
        }
        return warnings;
    }
}
