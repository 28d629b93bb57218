package org.slatecheck.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.intake.InputException;
import org.slatecheck.rules.intake.Intake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * docs/specification.md section 2: the batch reports exactly the errors a check reports for the same files, also for a file that is not
 * UTF-8 (a Windows-1258 file stopped the batch with an exception while the check refused it in one line), for nominee
 * ids equal without case and invisible characters, and for relatives with a separator of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class BatchIntakeParityTest {
    static final Charset CP1258 = Charset.forName("windows-1258");
    static final String CONGRESSES = "congress_id,organisation,level,term,list_kind,committee_seats\n"
            + "C1,Đảng bộ tỉnh Một,PROVINCE,2025-2030,ELECTION_LIST,3\n";
    static final String HEADER = "congress_id,nominee_id,full_name,sex,birth_date,membership,incumbent,"
            + "proposed_posts,relatives\n";

    @Autowired
    BatchRunner runner;

    @TempDir
    Path dir;

    @Test
    void aWindows1258NomineesFileIsTheSameOneErrorEitherWay() throws Exception {
        String nominees = HEADER + "C1,A,Nguyen Van An,M,1970,OFFICIAL,true,COMMITTEE,\n"
                + "C1,B,Đinh Văn Bình,F,1971,OFFICIAL,true,COMMITTEE,\n";
        byte[] bytes = nominees.getBytes(CP1258);
        List<String> check = check(CONGRESSES.getBytes(StandardCharsets.UTF_8), bytes);
        assertThat(check).containsExactly("n.csv:3:-: the file is not UTF-8 text (save it as “CSV UTF-8”)");
        assertThat(batch(CONGRESSES.getBytes(StandardCharsets.UTF_8), bytes)).isEqualTo(check);
    }

    @Test
    void aWindows1258ByteFarIntoALargeFileIsReportedAtItsLine() throws Exception {
        StringBuilder b = new StringBuilder(HEADER);
        for (int i = 0; i < 3000; i++) {
            b.append("C1,N").append(i).append(",Nguyen Van An,M,1970,OFFICIAL,true,COMMITTEE,\r\n");
        }
        b.append("C1,X,Đinh Văn Bình,F,1971,OFFICIAL,true,COMMITTEE,\n");
        byte[] bytes = b.toString().getBytes(CP1258);
        assertThat(bytes.length).isGreaterThan(1 << 17);
        List<String> check = check(CONGRESSES.getBytes(StandardCharsets.UTF_8), bytes);
        assertThat(check).containsExactly("n.csv:3002:-: the file is not UTF-8 text (save it as “CSV UTF-8”)");
        assertThat(batch(CONGRESSES.getBytes(StandardCharsets.UTF_8), bytes)).isEqualTo(check);
    }

    @Test
    void aWindows1258CongressesFileIsTheSameErrorEitherWay() throws Exception {
        byte[] congresses = CONGRESSES.getBytes(CP1258);
        byte[] nominees = (HEADER + "C1,A,Nguyễn Văn An,M,1970,OFFICIAL,true,COMMITTEE,\n")
                .getBytes(StandardCharsets.UTF_8);
        List<String> check = check(congresses, nominees);
        assertThat(check).contains("c.csv:2:-: the file is not UTF-8 text (save it as “CSV UTF-8”)");
        assertThat(batch(congresses, nominees)).isEqualTo(check);
    }

    @Test
    void idsEqualWithoutCaseAndOtherSeparatorsAreTheSameErrorsEitherWay() throws Exception {
        byte[] nominees = (HEADER + "C1,NS01,Nguyễn Văn An,M,1970,OFFICIAL,true,SECRETARY,ns02/NS03\n"
                + "C1,NS02,Trần Thị Bình,F,1971,OFFICIAL,true,COMMITTEE,\n"
                + "C1,ns01,Lê Văn Cường,M,1972,OFFICIAL,true,COMMITTEE,\n").getBytes(StandardCharsets.UTF_8);
        byte[] congresses = CONGRESSES.getBytes(StandardCharsets.UTF_8);
        List<String> check = check(congresses, nominees);
        assertThat(check).containsExactly(
                "n.csv:2:relatives: relatives must be separated by “;” or “,”, not “/”",
                "n.csv:4:nominee_id: nominee id “ns01” is already used on line 2 for the same congress");
        assertThat(batch(congresses, nominees)).isEqualTo(check);
    }

    private List<String> check(byte[] congresses, byte[] nominees) {
        Throwable t = catchThrowable(() -> org.slatecheck.screening.Checker.check(new Intake.Input("c.csv",
                congresses), new Intake.Input("n.csv", nominees),
                org.slatecheck.rules.engine.RuleSetSnapshot.shipped()));
        return format(t);
    }

    private List<String> batch(byte[] congresses, byte[] nominees) throws Exception {
        Path c = Files.write(dir.resolve("c.csv"), congresses);
        Path n = Files.write(dir.resolve("n.csv"), nominees);
        Throwable t = catchThrowable(() -> runner.run("parity-" + System.nanoTime(), c, n, dir.resolve("work"), 2,
                p -> { }));
        return format(t);
    }

    private static List<String> format(Throwable t) {
        assertThat(t).isInstanceOf(InputException.class);
        return ((InputException) t).getErrors().stream().map(x -> x.format(Messages.of(Messages.EN))).toList();
    }
}
