package org.slatecheck.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slatecheck.records.CheckRecords;
import org.slatecheck.rules.engine.RuleSets;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.intake.InputError;
import org.slatecheck.rules.intake.InputException;
import org.slatecheck.rules.intake.InputLimits;
import org.slatecheck.rules.intake.Intake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Issue 11: a batch refuses too many nominees in one congress (as a check does) and too many rows; nothing stored. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class BatchLimitsTest {
    static final String CONGRESSES = "congress_id,organisation,level,term,list_kind,committee_seats\n"
            + "C1,Đảng bộ tỉnh Mẫu,PROVINCE,2025-2030,ELECTION_LIST,3\n"
            + "C2,Đảng bộ tỉnh Khác,PROVINCE,2025-2030,ELECTION_LIST,3\n";

    @Autowired
    BatchRunner runner;
    @Autowired
    CheckRecords records;

    @TempDir
    Path dir;

    Path nominees(int inC1) throws Exception {
        StringBuilder b = new StringBuilder("congress_id,nominee_id,full_name,sex,birth_date,membership,incumbent,"
                + "proposed_posts\n");
        for (int i = 0; i < inC1; i++) {
            b.append("C1,N").append(i).append(",Người ").append(i).append(",M,1970-05-12,OFFICIAL,true,COMMITTEE\n");
        }
        b.append("C2,N0,Người,F,1975-01-01,OFFICIAL,true,COMMITTEE\n");
        Files.writeString(dir.resolve("congresses.csv"), CONGRESSES);
        return Files.writeString(dir.resolve("nominees.csv"), b.toString());
    }

    @Test
    void tooManyNomineesInOneCongressIsTheErrorACheckReports() throws Exception {
        int max = InputLimits.current().maxNomineesPerCongress();
        Path n = nominees(max + 1);
        long before = records.count();
        InputException e = catchThrowableOfType(InputException.class, () -> runner.run("limit-" + System.nanoTime(),
                dir.resolve("congresses.csv"), n, dir.resolve("work"), 2, p -> { }));
        assertThat(e.getErrors()).extracting(x -> x.format(Messages.of(Messages.EN))).containsExactly(
                "congresses.csv:2:congress_id: congress C1 has " + (max + 1) + " nominees, more than the limit of "
                        + max + " for one list");
        InputException check = catchThrowableOfType(InputException.class, () -> Intake.read(
                new Intake.Input("congresses.csv", Files.readAllBytes(dir.resolve("congresses.csv"))),
                new Intake.Input("nominees.csv", Files.readAllBytes(n)), org.slatecheck.rules.engine.RuleSetSnapshot.shipped()));
        assertThat(check.getErrors()).isEqualTo(e.getErrors());
        assertThat(records.count()).isEqualTo(before);
    }

    @Test
    void tooManyRowsForOneBatchIsOneErrorAtTheFirstRowBeyond() throws Exception {
        InputLimits was = InputLimits.current();
        InputLimits.use(new InputLimits(was.maxCellChars(), was.maxIdChars(), was.maxNomineesPerCongress(),
                was.maxRowsPerCheck(), 5));
        try {
            Path n = nominees(9);
            long before = records.count();
            InputException e = catchThrowableOfType(InputException.class, () -> runner.run("rows-" + System.nanoTime(),
                    dir.resolve("congresses.csv"), n, dir.resolve("work"), 2, p -> { }));
            assertThat(e.getErrors()).extracting(InputError::line, InputError::key)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(7L, "too_many_batch_rows"));
            assertThat(records.count()).isEqualTo(before);
        } finally {
            InputLimits.use(was);
        }
        assertThat(List.of(InputLimits.current())).containsExactly(was);
    }
}
