package org.slatecheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.intake.Intake;
import org.slatecheck.rules.model.Outcome;
import org.slatecheck.screening.Checker;

/** The synthetic data set: deterministic per seed, readable without errors, and with every outcome present. */
class GenerateCommandTest {

    @Test
    void writesAReadableDeterministicDataSet(@TempDir Path dir) throws Exception {
        long written = GenerateCommand.generate(3000, 42, dir.resolve("a"));
        GenerateCommand.generate(3000, 42, dir.resolve("b"));
        assertThat(written).isEqualTo(3000);
        assertThat(Files.readAllBytes(dir.resolve("a/nominees.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("b/nominees.csv")));
        assertThat(Files.readAllBytes(dir.resolve("a/congresses.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("b/congresses.csv")));

        List<ScreeningResult> results = Checker.check(
                new Intake.Input("congresses.csv", Files.readAllBytes(dir.resolve("a/congresses.csv"))),
                new Intake.Input("nominees.csv", Files.readAllBytes(dir.resolve("a/nominees.csv"))),
                org.slatecheck.rules.engine.RuleSetSnapshot.shipped());
        assertThat(results.stream().mapToInt(r -> r.nominees().size()).sum()).isEqualTo(3000);
        for (Outcome o : Outcome.values()) {
            assertThat(results.stream().mapToLong(r -> r.count(o)).sum()).as(o.name()).isPositive();
        }
        assertThat(results.stream().mapToLong(r -> r.count(Outcome.ELIGIBLE)).sum()).isGreaterThan(1000);
    }

    /**
     * Scaled to many small congresses (the benchmark's {@code --congresses}), every congress still reads: before,
     * about one in ten had a standing committee larger than its committee or a maximum of 0, input errors since
     * version 3, so a benchmark or a comparison silently lost those lists.
     */
    @Test
    void manySmallCongressesAreAllValidInput(@TempDir Path dir) throws Exception {
        GenerateCommand.generate(9000, 450, 11, dir);
        List<ScreeningResult> results = Checker.check(
                new Intake.Input("congresses.csv", Files.readAllBytes(dir.resolve("congresses.csv"))),
                new Intake.Input("nominees.csv", Files.readAllBytes(dir.resolve("nominees.csv"))),
                org.slatecheck.rules.engine.RuleSetSnapshot.shipped());
        assertThat(results).hasSize(450);
    }
}
