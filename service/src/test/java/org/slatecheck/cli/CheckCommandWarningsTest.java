package org.slatecheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slatecheck.rules.intake.Sheets;

/** {@code check} reads Vietnamese files and spreadsheets and tells the intake's warnings (docs/specification.md section 2). */
class CheckCommandWarningsTest {
    @Test
    void printsTheWarningsOnStderrAndAtTheHeadOfTheTextReport(@TempDir Path dir) throws IOException {
        Path congresses = dir.resolve("dai-hoi.csv");
        Files.writeString(congresses, "Mã đại hội,Tên đảng bộ,Cấp,Nhiệm kỳ,Loại danh sách,Số ủy viên\n"
                + "XA-01,Đảng bộ xã Yên Thành,Cấp xã,2025-2030,Đề án nhân sự,1\n"
                + "XA-02,Đảng bộ xã Hoa Thành,Cấp xã,2025-2030,Đề án nhân sự,1\n", StandardCharsets.UTF_8);
        // A spreadsheet saved under a .csv name: recognised by its content.
        Path nominees = dir.resolve("nhan-su.csv");
        Files.write(nominees, Sheets.xlsx("Nhân sự", 0, List.of(
                List.of("Mã đại hội", "Mã nhân sự", "Họ và tên", "Giới tính", "Ngày sinh", "Đảng viên", "Tái cử",
                        "Chức vụ đề xuất", "Hình thức kỷ luật"),
                Arrays.asList("XA-01", "NS01", "Trần Thị Bình", "Nữ", LocalDate.of(1975, 5, 12), "Chính thức", "Có",
                        "Bí thư", "Không"))));

        CheckCommandTest.Run text = CheckCommandTest.run("check", "--congresses", congresses.toString(), "--nominees",
                nominees.toString(), "--lang", "en");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).startsWith("Warnings:\n").contains("congress “XA-02” has no nominees in "
                + nominees + ": not evaluated", "column “discipline_pending” is absent: Discipline under consideration (DIS-003) not checked",
                "Đảng bộ xã Yên Thành (XA-01)").doesNotContain("(XA-02)");
        assertThat(text.err()).contains("Warnings: " + congresses + ":3: congress “XA-02” has no nominees");

        CheckCommandTest.Run json = CheckCommandTest.run("check", "--congresses", congresses.toString(), "--nominees",
                nominees.toString(), "--lang", "vi", "--format", "json");
        assertThat(json.code()).isZero();
        // stdout stays one clean JSON document; the warnings are on stderr, in Vietnamese.
        assertThat(new ObjectMapper().readTree(json.out()).get(0).get("notChecked").toString()).contains("DIS-003");
        assertThat(json.err()).contains("Cảnh báo:", "không có nhân sự nào");
    }
}
