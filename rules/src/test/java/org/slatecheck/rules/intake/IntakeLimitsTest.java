package org.slatecheck.rules.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slatecheck.rules.intake.IntakeTest.CONGRESS;
import static org.slatecheck.rules.intake.IntakeTest.HEADER;
import static org.slatecheck.rules.intake.IntakeTest.errors;
import static org.slatecheck.rules.intake.IntakeTest.read;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The intake's limits (issue 11): each refused as an input error with line, column and reason, nothing read. */
class IntakeLimitsTest {
    static final String ROW = ",M,1970-05-12,OFFICIAL,true,COMMITTEE\n";

    @AfterEach
    void restore() {
        InputLimits.use(InputLimits.DEFAULTS);
    }

    @Test
    void aCellLongerThanTheLimitIsAnErrorAtItsLineAndColumnAndIsNotQuoted() {
        String name = "Zzyzx ".repeat(200); // 1,200 characters
        List<String> e = errors(CONGRESS, HEADER + "\nA,Nguyễn Văn An" + ROW + "B," + name + ROW);
        assertThat(e).containsExactly("nominees.csv:3:full_name: the cell has 1200 characters, more than the limit "
                + "of 1000; shorten it");
        // exactly at the limit is read
        assertThat(read(CONGRESS, HEADER + "\nB," + "x".repeat(1_000) + ROW).get(0).nominees().get(0).getFullName())
                .hasSize(1_000);
    }

    @Test
    void anIdLongerThanTheLimitIsAnErrorOnlyOnce() {
        String id = "N".repeat(101);
        assertThat(errors(CONGRESS, HEADER + "\nA,An" + ROW + id + ",An" + ROW)).containsExactly(
                "nominees.csv:3:nominee_id: the id has 101 characters, more than the limit of 100");
    }

    @Test
    void anOversizedUnknownCodeIsNotQuotedWhole() {
        String sex = "F".repeat(500);
        List<String> e = errors(CONGRESS, HEADER + "\nA,An," + sex + ",1970-05-12,OFFICIAL,true,COMMITTEE\n");
        assertThat(e).hasSize(1);
        assertThat(e.get(0)).startsWith("nominees.csv:2:sex:").hasSizeLessThan(600);
    }

    @Test
    void moreRowsThanOneCheckAllowsIsOneErrorAtTheFirstRowBeyond() {
        InputLimits.use(new InputLimits(1_000, 100, 2_000, 3, 10));
        StringBuilder b = new StringBuilder(HEADER + "\n");
        for (int i = 0; i < 5; i++) {
            b.append("N").append(i).append(",An").append(ROW);
        }
        assertThat(errors(CONGRESS, b.toString())).containsExactly(
                "nominees.csv:5:-: the file has 5 nominee rows, more than the limit of 3 for one check; split the "
                        + "file or run a batch");
    }

    @Test
    void moreNomineesInOneCongressThanAllowedIsAnErrorOnTheCongress() {
        InputLimits.use(new InputLimits(1_000, 100, 2, 10, 10));
        StringBuilder b = new StringBuilder(HEADER + "\n");
        for (int i = 0; i < 3; i++) {
            b.append("N").append(i).append(",An").append(ROW);
        }
        assertThat(errors(CONGRESS, b.toString())).containsExactly(
                "congresses.csv:2:congress_id: congress C1 has 3 nominees, more than the limit of 2 for one list");
    }
}
