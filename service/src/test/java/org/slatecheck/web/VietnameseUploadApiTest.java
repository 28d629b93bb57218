package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.slatecheck.rules.intake.Sheets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * {@code POST /api/checks} with files as Vietnamese personnel offices write them (docs/specification.md section 2): a
 * CSV with Vietnamese headers and values, and an {@code .xlsx} spreadsheet; the response carries the top-level
 * {@code warnings} (docs/specification.md section 7).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VietnameseUploadApiTest {
    static final String CONGRESSES = "\uFEFFMã đại hội;Tên đảng bộ;Cấp;Nhiệm kỳ;Loại danh sách;Số ủy viên;Ngày đại hội\r\n"
            + "XA-01;Đảng bộ xã Yên Thành;Cấp xã;2025-2030;Đề án nhân sự;2;20.07.2025\r\n"
            + "XA-02;Đảng bộ xã Hoa Thành;Cấp xã;2025-2030;Đề án nhân sự;2;21.07.2025\r\n";

    TestRestTemplate http;

    @Autowired
    void signIn(TestRestTemplate anonymous) {
        http = anonymous.withBasicAuth("subcommittee", "subcommittee");
    }

    @Test
    void checksACsvWithVietnameseHeadersAndValuesAndReturnsItsWarnings() throws Exception {
        String nominees = "\uFEFFMã đại hội;Mã nhân sự;Họ và tên;Giới tính;Ngày sinh;Đảng viên;Tái cử;Chức vụ đề xuất;"
                + "Hình thức kỷ luật;Ngày kỷ luật;Ghi chú\r\n"
                + "XA-01;NS01;Trần Thị Bình;Nữ;12/05/1975;Chính thức;Có;Bí thư;;;\r\n"
                + "XA-01;NS02;Lò Văn Thắng;Nam;03-04-1962;Dự bị;Không;Ủy viên Ban Chấp hành;Cảnh cáo;01.03.2025;"
                + "đề nghị xem lại\r\n";
        ResponseEntity<String> r = http.postForEntity("/api/checks?lang=vi", CheckApiTest.upload("dai-hoi.csv",
                CONGRESSES.getBytes(StandardCharsets.UTF_8), "nhan-su.csv", nominees.getBytes(StandardCharsets.UTF_8)),
                String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = CheckApiTest.JSON.readTree(r.getBody());
        JsonNode list = body.get("results").get(0);
        assertThat(body.get("results")).hasSize(1); // XA-02 has no rows: not evaluated
        assertThat(list.get("congress").get("level").asText()).isEqualTo("COMMUNE");
        assertThat(list.get("nominees")).extracting(n -> n.get("fullName").asText())
                .containsExactly("Trần Thị Bình", "Lò Văn Thắng");
        // The probationary member with a warning in force is ineligible: the Vietnamese codes were read.
        JsonNode thang = list.get("nominees").get(1);
        assertThat(thang.get("outcome").asText()).isEqualTo("INELIGIBLE");
        assertThat(thang.get("findings")).extracting(f -> f.get("ruleId").asText()).contains("MEM-001", "DIS-001");
        // Absent columns leave their rules unchecked, named in the list and in the warnings.
        assertThat(list.get("notChecked")).extracting(JsonNode::asText).contains("DIS-003", "POL-001", "QUA-001");
        JsonNode warnings = body.get("warnings");
        assertThat(warnings).extracting(w -> w.get("code").asText()).contains("congress_empty", "unknown_columns",
                "column_absent");
        String messages = String.join("\n", warnings.findValuesAsText("message"));
        assertThat(messages).contains("XA-02", "Ghi chú", "Đang xem xét kỷ luật")
                .doesNotContain("discipline_pending"); // a Vietnamese text names the Vietnamese column

        String id = body.get("checkId").asText();
        JsonNode reopened = CheckApiTest.JSON.readTree(http.getForObject("/api/checks/" + id + "?lang=en",
                String.class));
        assertThat(reopened.get("warnings")).extracting(w -> w.get("code").asText()).contains("congress_empty");
        // The result page shows them too, in the page's language.
        ResponseEntity<String> page = http.getForEntity("/checks/" + id + "?lang=vi", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("id=\"warnings\"", "Cảnh báo về dữ liệu đầu vào",
                "đại hội “XA-02” không có nhân sự nào", "Đang xem xét kỷ luật").doesNotContain("discipline_pending");
        assertThat(reopened.get("warnings").findValuesAsText("message")).anySatisfy(
                m -> assertThat(m).startsWith("column “discipline_pending” is absent: Discipline under consideration (DIS-003) not checked"));
    }

    @Test
    void checksAnXlsxSpreadsheet() throws Exception {
        byte[] nominees = Sheets.xlsx("Danh sách", 0, List.of(
                List.of("Mã đại hội", "Mã nhân sự", "Họ và tên", "Giới tính", "Ngày sinh", "Đảng viên", "Tái cử",
                        "Chức vụ đề xuất"),
                Arrays.asList("XA-01", 1, "Trần Thị Bình", "Nữ", LocalDate.of(1975, 5, 12), "Chính thức", "Có", "Bí thư"),
                Arrays.asList("XA-02", 2, "Lò Văn Thắng", "Nam", LocalDate.of(1970, 4, 3), "Chính thức", "Không",
                        "Phó Bí thư")));
        ResponseEntity<String> r = http.postForEntity("/api/checks?lang=en", CheckApiTest.upload("dai-hoi.csv",
                CONGRESSES.getBytes(StandardCharsets.UTF_8), "danh-sach.xlsx", nominees), String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = CheckApiTest.JSON.readTree(r.getBody());
        assertThat(body.get("results")).hasSize(2);
        assertThat(body.get("results").get(0).get("nominees").get(0).get("nomineeId").asText()).isEqualTo("1");
        assertThat(body.get("results").get(1).get("nominees").get(0).get("fullName").asText())
                .isEqualTo("Lò Văn Thắng");

        byte[] bad = Sheets.xlsx("Danh sách", 0, List.of(
                List.of("Mã đại hội", "Mã nhân sự", "Họ và tên", "Giới tính", "Ngày sinh", "Đảng viên", "Tái cử",
                        "Chức vụ đề xuất"),
                Arrays.asList("XA-01", 1, "Trần Thị Bình", "Nữ", LocalDate.of(1975, 5, 12), "Chính thức", "Có",
                        "Bí thư chi bộ")));
        ResponseEntity<String> refused = http.postForEntity("/api/checks?lang=en", CheckApiTest.upload("dai-hoi.csv",
                CONGRESSES.getBytes(StandardCharsets.UTF_8), "danh-sach.xlsx", bad), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("danh-sach.xlsx:Danh sách!H2: post “Bí thư chi bộ” is not valid");
    }
}
