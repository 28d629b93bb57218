package org.slatecheck.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slatecheck.bench.RatioGuard.Figure;
import org.slatecheck.bench.RatioGuard.Run;

/** The benchmark's regression guard: what counts as a fall of more than 20 %, and the file it keeps. */
class RatioGuardTest {

    private static Run run(String commit, long nominees, Map<Figure, Double> figures) {
        return new Run("2026-12-06", commit, nominees, 1000, figures);
    }

    @Test
    void aFallOfMoreThanTwentyPercentInAnyFigureFailsAndLessDoesNot() {
        Run before = run("a", 100_000, Map.of(Figure.DROOLS_BASELINE, 0.30, Figure.BATCH_FLOOR, 4.0,
                Figure.SERVICE_RULES, 0.10));
        // 0.30 → 0.25 is −17 %, 4.0 → 4.6 is +15 % time (lower is better), 0.10 → 0.085 is −15 %: all tolerated.
        assertThat(RatioGuard.falls(before, run("b", 100_000, Map.of(Figure.DROOLS_BASELINE, 0.25,
                Figure.BATCH_FLOOR, 4.6, Figure.SERVICE_RULES, 0.085)))).isEmpty();
        // 0.30 → 0.23 is −23 %: fails.
        assertThat(RatioGuard.falls(before, run("c", 100_000, Map.of(Figure.DROOLS_BASELINE, 0.23))))
                .singleElement().asString().startsWith("drools_baseline fell by 23 %");
        // batch/floor is better lower: 4.0 → 5.0 is a fall of 25 %; 4.0 → 2.0 is a gain.
        assertThat(RatioGuard.falls(before, run("d", 100_000, Map.of(Figure.BATCH_FLOOR, 5.0))))
                .singleElement().asString().startsWith("batch_floor fell by 25 %");
        assertThat(RatioGuard.falls(before, run("e", 100_000, Map.of(Figure.BATCH_FLOOR, 2.0)))).isEmpty();
        assertThat(RatioGuard.falls(before, run("f", 100_000, Map.of(Figure.SERVICE_RULES, 0.05))))
                .singleElement().asString().startsWith("service_rules fell by 50 %");
    }

    @Test
    void theFileKeepsEveryRunAndTheReferenceIsTheLastOfTheSameSize(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bench-ratios.csv");
        RatioGuard.record(file, run("a", 100_000, Map.of(Figure.DROOLS_BASELINE, 0.30)));
        RatioGuard.record(file, run("b", 300_000, Map.of(Figure.DROOLS_BASELINE, 0.40, Figure.BATCH_FLOOR, 6.4)));
        RatioGuard.record(file, run("c", 1_000_000, Map.of(Figure.DROOLS_BASELINE, 0.20)));
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo(RatioGuard.HEADER);
        assertThat(lines.get(2)).isEqualTo("2026-12-06,b,300000,1000,0.400,6.400,");
        List<Run> runs = RatioGuard.read(file);
        assertThat(runs).extracting(Run::commit).containsExactly("a", "b", "c");
        assertThat(runs.get(1).figures()).containsEntry(Figure.BATCH_FLOOR, 6.4).doesNotContainKey(Figure.SERVICE_RULES);
        Run now = run("d", 300_000, Map.of(Figure.DROOLS_BASELINE, 0.31));
        assertThat(RatioGuard.reference(runs, now).commit()).isEqualTo("b");
        assertThat(RatioGuard.falls(RatioGuard.reference(runs, now), now)).hasSize(1);
        // No run of the same size: the last run at all.
        assertThat(RatioGuard.reference(runs, run("e", 5, Map.of())).commit()).isEqualTo("c");
        assertThat(RatioGuard.reference(List.of(), now)).isNull();
    }
}
