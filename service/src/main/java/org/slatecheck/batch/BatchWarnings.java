package org.slatecheck.batch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

import org.slatecheck.rules.intake.InputWarning;

/**
 * The warnings a batch gives, as a check gives them for the same files (docs/specification.md section 2, issue 19 item 5): the files'
 * ignored columns, the absent optional columns (the rules left unchecked), the congresses without nominee rows and the
 * relative ids that name nobody on their list, in the check's order. The relatives of the lists are resolved in
 * parallel, so their warnings are kept by (list position, line) and the first {@link #MAX_RELATIVES} told, the rest
 * counted, as the check tells them; the whole is bounded by {@link #MAX} plus one warning giving the number left out.
 * Thread-safe. Only what a check shows the user is kept: files, lines, columns, ids and congress ids.
 */
final class BatchWarnings {
    /** Unknown relative ids told one by one, as a check tells them ({@code Relatives.MAX_TOLD}). */
    static final int MAX_RELATIVES = 100;
    /** Most warnings kept for one batch; beyond, one warning gives the number. */
    static final int MAX = 200;

    private final List<InputWarning> head = new ArrayList<>();
    private final TreeMap<long[], InputWarning> relatives = new TreeMap<>(
            Comparator.<long[]>comparingLong(k -> k[0]).thenComparingLong(k -> k[1]).thenComparingLong(k -> k[2]));
    private long relativesUnknown;
    private long sequence;
    private String relativesColumn = "relatives";
    private String nomineesFile = "";

    synchronized void addAll(List<InputWarning> warnings) {
        head.addAll(warnings);
    }

    synchronized void relativesIn(String file, String column) {
        this.nomineesFile = file;
        this.relativesColumn = column;
    }

    /** The unknown-relative warnings of the list at {@code position} of the congresses file. */
    synchronized void relatives(int position, List<InputWarning> warnings) {
        for (InputWarning w : warnings) {
            if (!w.key().equals("relative_unknown")) {
                continue;
            }
            relativesUnknown++;
            relatives.put(new long[] {position, w.line(), sequence++}, w);
            if (relatives.size() > MAX_RELATIVES) {
                relatives.pollLastEntry();
            }
        }
    }

    /** Every warning in the check's order, bounded. */
    synchronized List<InputWarning> all() {
        List<InputWarning> out = new ArrayList<>(head);
        out.addAll(relatives.values());
        if (relativesUnknown > MAX_RELATIVES) {
            out.add(InputWarning.of(nomineesFile, 0, relativesColumn, "relative_unknown_more",
                    relativesUnknown - MAX_RELATIVES));
        }
        if (out.size() > MAX) {
            int more = out.size() - MAX;
            out = new ArrayList<>(out.subList(0, MAX));
            out.add(InputWarning.of(nomineesFile, 0, "-", "batch_more", more));
        }
        return out;
    }
}
