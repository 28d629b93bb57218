package org.slatecheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slatecheck.cli.CheckCommandTest.Run;

/**
 * Issue 17 item 10: the command line's messages in Vietnamese name a missing column by the header the templates
 * give it ("Ngày sinh"), not by {@code birth_date}/{@code ngay_sinh}; an unknown post lists the posts by their
 * Vietnamese names; the checks not made are named by their titles. English keeps the column and code names.
 */
class CodeWordsCommandLineTest {
    static final String CONGRESSES = "congress_id,organisation,level,term,list_kind,committee_seats\n"
            + "C1,Đảng bộ tỉnh Mẫu,PROVINCE,2025-2030,ELECTION_LIST,3\n";

    @Test
    void aMissingColumnIsNamedByItsVietnameseHeader(@TempDir Path dir) throws IOException {
        Path congresses = Files.writeString(dir.resolve("c.csv"), CONGRESSES);
        Path nominees = Files.writeString(dir.resolve("n.csv"),
                "nominee_id,full_name,sex,membership,incumbent,proposed_posts\n"
                        + "A,Nguyễn Văn An,Nam,Chính thức,Có,Ủy viên Ban Chấp hành\n");
        Run vi = CheckCommandTest.run("check", "--congresses", congresses.toString(), "--nominees",
                nominees.toString());
        assertThat(vi.code()).isEqualTo(2);
        assertThat(vi.err().strip()).isEqualTo(nominees + ":1: thiếu cột bắt buộc “Ngày sinh”");
        Run en = CheckCommandTest.run("check", "--congresses", congresses.toString(), "--nominees",
                nominees.toString(), "--lang", "en");
        assertThat(en.err().strip()).isEqualTo(nominees + ":1:birth_date: required column “birth_date” (or "
                + "“ngay_sinh”) is missing");
    }

    @Test
    void anUnknownPostListsTheVietnameseNames(@TempDir Path dir) throws IOException {
        Path congresses = Files.writeString(dir.resolve("c.csv"), CONGRESSES);
        Path nominees = Files.writeString(dir.resolve("n.csv"),
                "nominee_id,full_name,sex,birth_date,membership,incumbent,proposed_posts\n"
                        + "A,Nguyễn Văn An,Nam,12/05/1970,Chính thức,Có,Trưởng phòng\n");
        Run vi = CheckCommandTest.run("check", "--congresses", congresses.toString(), "--nominees",
                nominees.toString());
        assertThat(vi.code()).isEqualTo(2);
        assertThat(vi.err()).contains("chức vụ “Trưởng phòng” không hợp lệ; dùng một trong: Ủy viên Ban Chấp hành, "
                + "Ủy viên Ban Thường vụ, Phó Bí thư, Bí thư").doesNotContain("COMMITTEE", "SECRETARY");
    }

    @Test
    void theChecksNotMadeAreNamedByTheirTitles() {
        // The sample's congresses give no committee maximum: NUM-001 is not checked.
        Run vi = CheckCommandTest.run("check", "--congresses", CheckCommandTest.CONGRESSES, "--nominees",
                CheckCommandTest.NOMINEES);
        assertThat(vi.out()).contains("Chưa kiểm tra vì bộ quy tắc và tệp đại hội không ghi mức quy định: Số ủy viên vượt mức tối đa (NUM-001)");
    }
}
