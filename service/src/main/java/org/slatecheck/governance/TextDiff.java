package org.slatecheck.governance;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts, for reviewers: which lines were removed from the old text and which were added in the
 * new one, with their line numbers. The common beginning and end are set aside first; what is left between them is
 * matched by a longest common subsequence of lines. Beyond {@link #MAX_CELLS} the middle is shown as removed then
 * added as a whole (still correct, only less precise). A line is compared with its line end, so a missing newline at
 * the end of a file is a difference, shown as such.
 */
public final class TextDiff {
    /** The largest table the line matching builds (old lines × new lines between the common beginning and end). */
    static final long MAX_CELLS = 4_000_000L;

    private TextDiff() {
    }

    /** What happened to a line. */
    public enum Op {
        SAME, REMOVED, ADDED
    }

    /**
     * One line: its old line number (REMOVED, SAME) and new line number (ADDED, SAME), 0 where it has none; its text
     * without the line end, and whether the file ends on it without a newline.
     */
    public record Line(Op op, int oldNumber, int newNumber, String text, boolean noNewlineAtEnd) {
        public boolean removed() {
            return op == Op.REMOVED;
        }

        public boolean added() {
            return op == Op.ADDED;
        }

        /** "- " for a removed line, "+ " for an added one, "  " for an unchanged one: how the pages mark them. */
        public String marker() {
            return op == Op.REMOVED ? "- " : op == Op.ADDED ? "+ " : "  ";
        }
    }

    /** A run of changed lines with a few unchanged lines around them. */
    public record Hunk(List<Line> lines) {
        /** The old line numbers it covers, e.g. "12–14" (or the position before which lines were added). */
        public String oldRange() {
            return range(lines.stream().mapToInt(Line::oldNumber).filter(n -> n > 0).toArray());
        }

        public String newRange() {
            return range(lines.stream().mapToInt(Line::newNumber).filter(n -> n > 0).toArray());
        }

        private static String range(int[] numbers) {
            if (numbers.length == 0) {
                return "—";
            }
            int first = numbers[0];
            int last = numbers[numbers.length - 1];
            return first == last ? String.valueOf(first) : first + "–" + last;
        }
    }

    /** The lines of {@code text}, each with its line end ("\n"), the last one without when the text has none. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return lines;
        }
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** Every line of both texts in order: unchanged, removed and added ({@code null} is an empty text). */
    public static List<Line> diff(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < prefix; i++) {
            out.add(line(Op.SAME, i, i, a.get(i)));
        }
        middle(a, b, prefix, a.size() - suffix, prefix, b.size() - suffix, out);
        for (int k = suffix; k > 0; k--) {
            int i = a.size() - k;
            int j = b.size() - k;
            out.add(line(Op.SAME, i, j, a.get(i)));
        }
        return out;
    }

    /** Lines a[a0, a1) against b[b0, b1) by a longest common subsequence (or all removed, then all added). */
    private static void middle(List<String> a, List<String> b, int a0, int a1, int b0, int b1, List<Line> out) {
        int n = a1 - a0;
        int m = b1 - b0;
        if ((long) n * m > MAX_CELLS || n == 0 || m == 0) {
            for (int i = a0; i < a1; i++) {
                out.add(line(Op.REMOVED, i, -1, a.get(i)));
            }
            for (int j = b0; j < b1; j++) {
                out.add(line(Op.ADDED, -1, j, b.get(j)));
            }
            return;
        }
        // lcs[i][j]: the longest common subsequence of a[a0 + i ..] and b[b0 + j ..].
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(a0 + i).equals(b.get(b0 + j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(a0 + i).equals(b.get(b0 + j))) {
                out.add(line(Op.SAME, a0 + i, b0 + j, a.get(a0 + i)));
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] > lcs[i + 1][j])) {
                out.add(line(Op.ADDED, -1, b0 + j, b.get(b0 + j)));
                j++;
            } else {
                out.add(line(Op.REMOVED, a0 + i, -1, a.get(a0 + i)));
                i++;
            }
        }
    }

    private static Line line(Op op, int oldIndex, int newIndex, String raw) {
        boolean newline = raw.endsWith("\n");
        String text = newline ? raw.substring(0, raw.length() - 1) : raw;
        return new Line(op, oldIndex + 1, newIndex + 1, text, !newline);
    }

    /** Only the removed and added lines. */
    public static List<Line> changes(String before, String after) {
        return diff(before, after).stream().filter(l -> l.op() != Op.SAME).toList();
    }

    /** The changes in runs, each with up to {@code context} unchanged lines before and after it. */
    public static List<Hunk> hunks(String before, String after, int context) {
        List<Line> all = diff(before, after);
        List<Hunk> hunks = new ArrayList<>();
        int i = 0;
        while (i < all.size()) {
            if (all.get(i).op() == Op.SAME) {
                i++;
                continue;
            }
            // A run goes on while the next change is at most 2 × context unchanged lines away (their context would
            // touch); so hunks never share a line.
            int start = Math.max(0, i - context);
            int lastChange = i;
            for (int k = i; k < all.size(); k++) {
                if (all.get(k).op() != Op.SAME) {
                    lastChange = k;
                } else if (k - lastChange > 2 * context) {
                    break;
                }
            }
            int end = Math.min(all.size(), lastChange + 1 + context);
            List<Line> lines = all.subList(start, end);
            hunks.add(new Hunk(List.copyOf(lines)));
            i = end;
        }
        return hunks;
    }
}
