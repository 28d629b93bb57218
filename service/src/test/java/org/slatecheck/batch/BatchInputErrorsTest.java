package org.slatecheck.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slatecheck.cli.GenerateCommand;
import org.slatecheck.records.CheckRecords;
import org.slatecheck.rules.intake.InputError;
import org.slatecheck.rules.intake.InputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Pass 1 validates rows in parallel chunks: errors far apart in a large file (different chunks, found in any order)
 * must come back in file order with the right lines, duplicates across chunks must be found, the error list must be
 * capped at the first errors in file order, and nothing may be stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class BatchInputErrorsTest {
    @Autowired
    BatchRunner runner;
    @Autowired
    CheckRecords records;

    @TempDir
    Path dir;

    @Test
    void errorsInManyChunksComeBackInFileOrderAndNothingIsStored() throws Exception {
        GenerateCommand.generate(20_000, 200, 7, dir);
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("nominees.csv"), StandardCharsets.UTF_8));
        List<String> header = List.of(lines.get(0).split(","));
        int sex = header.indexOf("sex");
        int nomineeId = header.indexOf("nominee_id");
        int congressId = header.indexOf("congress_id");
        // Line numbers are 1-based with the header on line 1: list index i is line i + 1.
        for (int i : new int[] {17_000, 3, 9_001}) {
            lines.set(i, replace(lines.get(i), sex, "Q"));
        }
        // Line 15,001 becomes a second nominee of the congress of line 101 with the same id (another chunk of rows,
        // validated by another task).
        String[] earlier = lines.get(100).split(",", -1);
        int dup = 15_000;
        lines.set(dup, replace(replace(lines.get(dup), congressId, earlier[congressId]), nomineeId,
                earlier[nomineeId]));
        long dupLine = dup + 1L;
        Files.write(dir.resolve("nominees.csv"), lines, StandardCharsets.UTF_8);
        long before = records.count();

        InputException e = catchThrowableOfType(InputException.class, () -> runner.run("errors-" + System.nanoTime(),
                dir.resolve("congresses.csv"), dir.resolve("nominees.csv"), dir.resolve("work"), 2, p -> { }));

        assertThat(e.getErrors()).extracting(InputError::line, InputError::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, "sex"),
                        org.assertj.core.groups.Tuple.tuple(9_002L, "sex"),
                        org.assertj.core.groups.Tuple.tuple(17_001L, "sex"));
        // The duplicate is only looked for once every row reads; fix the bad cells and it is the one error left.
        for (int i : new int[] {17_000, 3, 9_001}) {
            lines.set(i, replace(lines.get(i), sex, "M"));
        }
        Files.write(dir.resolve("nominees.csv"), lines, StandardCharsets.UTF_8);
        InputException d = catchThrowableOfType(InputException.class, () -> runner.run("dup-" + System.nanoTime(),
                dir.resolve("congresses.csv"), dir.resolve("nominees.csv"), dir.resolve("work"), 2, p -> { }));
        assertThat(d.getErrors()).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(dupLine);
            assertThat(x.column()).isEqualTo("nominee_id");
            assertThat(x.key()).isEqualTo("nominee_twice");
        });
        assertThat(records.count()).isEqualTo(before);
    }

    @Test
    void theKeptErrorsAreTheFirstInFileOrderWhateverOrderTheyArrive() {
        Errors errors = new Errors(3, "c.csv");
        errors.addAll(List.of(InputError.of("n.csv", 90, "sex", "required")));
        errors.addAll(List.of(InputError.of("n.csv", 7, "sex", "required"), InputError.of("n.csv", 7, "birth_date",
                "required")));
        errors.addAll(List.of(InputError.of("c.csv", 400, "level", "required")));
        errors.addAll(List.of(InputError.of("n.csv", 2, "sex", "required")));
        assertThat(errors.count()).isEqualTo(5);
        assertThat(errors.sorted()).extracting(x -> x.file() + ":" + x.line() + ":" + x.column())
                .containsExactly("c.csv:400:level", "n.csv:2:sex", "n.csv:7:sex");
    }

    private static String replace(String line, int column, String value) {
        String[] cells = line.split(",", -1);
        cells[column] = value;
        return String.join(",", cells);
    }
}
