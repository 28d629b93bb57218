package org.slatecheck.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's regression guard (issue 20): the ratio figures of one run — each measured side by side in that
 * run, so the machine's speed of the day cancels out — recorded in a CSV file the project keeps
 * ({@code docs/bench-ratios.csv}: date, commit, data size, one column per figure), and a new run compared with the
 * last recorded run of the same data size. A figure that fell by more than {@link #TOLERANCE} fails the comparison;
 * "fell" follows the figure's direction ({@link Figure#higherIsBetter}). A figure one of the two runs did not measure
 * (its phase not run) is not compared.
 */
public final class RatioGuard {
    /** The largest fall tolerated: 20 %. */
    public static final double TOLERANCE = 0.20;

    /** The figures, in the file's column order. */
    public enum Figure {
        /** Rules alone: Drools throughput / hand-written baseline throughput (goal ≥ 0.5). */
        DROOLS_BASELINE("drools_baseline", true),
        /** Batch end to end time / (parse-only time + baseline rules-alone time) of the same data (goal ≤ 2). */
        BATCH_FLOOR("batch_floor", false),
        /** Service nominees/s over HTTP / Drools rules-alone nominees/s (goal ≥ 0.5). */
        SERVICE_RULES("service_rules", true);

        public final String column;
        public final boolean higherIsBetter;

        Figure(String column, boolean higherIsBetter) {
            this.column = column;
            this.higherIsBetter = higherIsBetter;
        }
    }

    static final String HEADER = "date,commit,nominees,congresses,drools_baseline,batch_floor,service_rules";

    private RatioGuard() {
    }

    /** One recorded run. */
    public record Run(String date, String commit, long nominees, int congresses, Map<Figure, Double> figures) {
        String line() {
            StringBuilder b = new StringBuilder(date + "," + commit + "," + nominees + "," + congresses);
            for (Figure f : Figure.values()) {
                Double v = figures.get(f);
                b.append(',').append(v == null ? "" : String.format(Locale.ROOT, "%.3f", v));
            }
            return b.toString();
        }

        static Run parse(String line) {
            String[] c = line.split(",", -1);
            if (c.length != 4 + Figure.values().length) {
                throw new IllegalArgumentException("not a line of the ratios file: " + line);
            }
            Map<Figure, Double> figures = new LinkedHashMap<>();
            for (Figure f : Figure.values()) {
                String v = c[4 + f.ordinal()].strip();
                if (!v.isEmpty()) {
                    figures.put(f, Double.parseDouble(v));
                }
            }
            return new Run(c[0], c[1], Long.parseLong(c[2].strip()), Integer.parseInt(c[3].strip()), figures);
        }
    }

    /** Every run of {@code file}, oldest first (none when the file does not exist). */
    public static List<Run> read(Path file) throws IOException {
        List<Run> runs = new ArrayList<>();
        if (!Files.exists(file)) {
            return runs;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("date,") && !line.startsWith("#")) {
                runs.add(Run.parse(line));
            }
        }
        return runs;
    }

    /** Appends {@code run} to {@code file} (written with its header when new). */
    public static void record(Path file, Run run) throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            lines.add(HEADER);
        }
        lines.add(run.line());
        Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The last run of {@code runs} on the same data size as {@code run}, else the last run at all; null if none. */
    public static Run reference(List<Run> runs, Run run) {
        for (int i = runs.size() - 1; i >= 0; i--) {
            if (runs.get(i).nominees() == run.nominees() && runs.get(i).congresses() == run.congresses()) {
                return runs.get(i);
            }
        }
        return runs.isEmpty() ? null : runs.get(runs.size() - 1);
    }

    /**
     * The figures of {@code now} that fell by more than {@link #TOLERANCE} from {@code before}, one sentence each;
     * empty when none did.
     */
    public static List<String> falls(Run before, Run now) {
        List<String> out = new ArrayList<>();
        for (Figure f : Figure.values()) {
            Double a = before.figures().get(f);
            Double b = now.figures().get(f);
            if (a == null || b == null || a <= 0) {
                continue;
            }
            // Relative worsening in the figure's own direction: 0.30 → 0.20 is a fall of 33 % for a "higher is
            // better" figure; 2.0 → 2.6 a fall of 30 % for a "lower is better" one.
            double fall = f.higherIsBetter ? (a - b) / a : (b - a) / a;
            if (fall > TOLERANCE) {
                out.add(String.format(Locale.ROOT, "%s fell by %.0f %%: %.3f (%s, %s) -> %.3f (%s)", f.column,
                        fall * 100, a, before.commit(), before.date(), b, now.commit()));
            }
        }
        return out;
    }
}
