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
 * capped at the first errors in file order, and nothing may be stored. The errors are those an interactive check of
 * the same files reports.
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

        // As an interactive check reports them: every bad cell and the duplicate (found across chunks), in file order.
        assertThat(e.getErrors()).extracting(InputError::line, InputError::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, "sex"),
                        org.assertj.core.groups.Tuple.tuple(9_002L, "sex"),
                        org.assertj.core.groups.Tuple.tuple(dupLine, "nominee_id"),
                        org.assertj.core.groups.Tuple.tuple(17_001L, "sex"));
        // Fix the bad cells and the duplicate is the one error left.
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

    static final String CONGRESSES = "congress_id,organisation,level,term,list_kind,committee_seats\n"
            + "C1,Đảng bộ tỉnh Một,PROVINCE,2025-2030,ELECTION_LIST,3\n"
            + "C2,Đảng bộ tỉnh Hai,PROVINCE,2025-2030,ELECTION_LIST,3\n"
            + "C3,Đảng bộ tỉnh Ba,PROVINCE,2025-2030,ELECTION_LIST,3\n"
            + "C4,Đảng bộ tỉnh Bốn,XX,2025-2030,ELECTION_LIST,3\n";
    /** Vietnamese headers, so error columns are named as the file writes them. */
    static final String NOMINEES = "ma_dai_hoi,ma_nhan_su,ho_ten,gioi_tinh,ngay_sinh,dang_vien,tai_cu,chuc_vu_de_xuat\n"
            + "C1,A,Người Một,M,1970,OFFICIAL,true,COMMITTEE\n"
            + "C1,B,Người Hai,Q,1971,OFFICIAL,false,COMMITTEE\n"
            + "C9,C,Người Ba,M,1972,OFFICIAL,false,COMMITTEE\n"
            + ",D,Người Bốn,M,1972,OFFICIAL,false,COMMITTEE\n"
            + "C1,B,Người Năm,M,1973,OFFICIAL,false,COMMITTEE\n"
            + "C1,A,Người Sáu,M,1974-13-01,OFFICIAL,false,COMMITTEE\n"
            + "C2,A,Người Bảy,M,1975,OFFICIAL,false,COMMITTEE\n"
            + "C4,E,Người Tám,M,1975,OFFICIAL,false,\n";

    /** The batch reads rows with the intake's code: the same file gives exactly the errors of an interactive check. */
    @Test
    void invalidRowsGiveExactlyTheErrorsOfAnInteractiveCheck() throws Exception {
        List<String> interactive = interactive(CONGRESSES, NOMINEES);
        // C3 has no rows: a warning, not an error, either way (docs/specification.md section 2.2).
        assertThat(interactive).hasSize(8).noneMatch(x -> x.contains("has no nominees"));
        assertThat(batch(CONGRESSES, NOMINEES)).isEqualTo(interactive);
        // A row of the wrong shape: the file is not read further, either way.
        String shape = NOMINEES + "C2,F,Người Chín\n";
        assertThat(interactive(CONGRESSES, shape)).hasSize(2);
        assertThat(batch(CONGRESSES, shape)).isEqualTo(interactive(CONGRESSES, shape));
        // Several congresses and no congress column.
        String noColumn = NOMINEES.lines().map(l -> l.substring(l.indexOf(',') + 1)).reduce("", (a, b) -> a + b + "\n");
        assertThat(batch(CONGRESSES, noColumn)).isEqualTo(interactive(CONGRESSES, noColumn)).hasSize(2);
        // A header within two edits of a column is the same error either way.
        String nearMiss = NOMINEES.replaceFirst("\n", ",ngay_ky_luatt\n");
        assertThat(batch(CONGRESSES, nearMiss)).isEqualTo(interactive(CONGRESSES, nearMiss))
                .anyMatch(x -> x.startsWith("n.csv:1:ngay_ky_luatt: “ngay_ky_luatt” is no known column: did you mean"));
    }

    private List<String> interactive(String congresses, String nominees) {
        InputException e = catchThrowableOfType(InputException.class, () -> org.slatecheck.screening.Checker.check(
                new org.slatecheck.rules.intake.Intake.Input("c.csv", congresses.getBytes(StandardCharsets.UTF_8)),
                new org.slatecheck.rules.intake.Intake.Input("n.csv", nominees.getBytes(StandardCharsets.UTF_8)),
                org.slatecheck.rules.engine.RuleSetSnapshot.shipped()));
        return format(e);
    }

    private List<String> batch(String congresses, String nominees) throws Exception {
        Path c = Files.writeString(dir.resolve("c.csv"), congresses, StandardCharsets.UTF_8);
        Path n = Files.writeString(dir.resolve("n.csv"), nominees, StandardCharsets.UTF_8);
        InputException e = catchThrowableOfType(InputException.class, () -> runner.run("same-" + System.nanoTime(),
                c, n, dir.resolve("work"), 2, p -> { }));
        return format(e);
    }

    private static List<String> format(InputException e) {
        assertThat(e).isNotNull();
        return e.getErrors().stream().map(x -> x.format(org.slatecheck.rules.text.Messages.of(
                org.slatecheck.rules.text.Messages.EN))).toList();
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
