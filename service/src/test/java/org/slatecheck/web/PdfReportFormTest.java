package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * Issue 17 item 13: the PDF of a check in the form of a party document — the heading ("ĐẢNG CỘNG SẢN VIỆT NAM", the
 * issuing body, "Số: ……", the place and date line), every nominee with the outcome (not only those with findings),
 * the structure table, numbered pages and the signature block; the English PDF the same in English.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PdfReportFormTest {
    TestRestTemplate http;

    @Autowired
    void signIn(TestRestTemplate anonymous) {
        http = anonymous.withBasicAuth("subcommittee", "subcommittee");
    }

    String text(String path) throws Exception {
        var r = http.getForEntity(path, byte[].class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (var doc = Loader.loadPDF(r.getBody())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void theReportIsAPartyDocumentWithEveryNomineeAndTheStructureTable() throws Exception {
        var created = http.postForEntity("/api/checks", CheckApiTest.sample(), String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(created.getBody());
        String id = body.get("checkId").asText();
        JsonNode results = body.get("results");

        String vi = text("/api/checks/" + id + "/report.pdf?lang=vi");
        List<String> lines = vi.lines().map(String::strip).toList();
        assertThat(lines.subList(0, 8)).as("the heading comes first").anyMatch(l -> l.contains("ĐẢNG CỘNG SẢN VIỆT NAM"))
                .anyMatch(l -> l.contains("Số: ……-BC/TBNS")).anyMatch(l -> l.contains("TIỂU BAN NHÂN SỰ"))
                .anyMatch(l -> l.contains("……, ngày …… tháng …… năm ……"));
        assertThat(vi.indexOf("ĐẢNG CỘNG SẢN VIỆT NAM")).isLessThan(vi.indexOf("Báo cáo kết quả kiểm tra danh sách"));
        int nominees = 0;
        for (JsonNode list : results) {
            for (JsonNode n : list.get("nominees")) {
                String outcome = switch (n.get("outcome").asText()) {
                    case "ELIGIBLE" -> "Đủ điều kiện";
                    case "REVIEW" -> "Cần xem xét";
                    default -> "Không đủ điều kiện";
                };
                String row = n.get("nomineeId").asText() + " " + n.get("fullName").asText() + " " + outcome + " "
                        + n.get("findings").size();
                assertThat(lines).as(row).contains(row);
                nominees++;
            }
        }
        assertThat(nominees).isEqualTo(82);
        assertThat(vi).contains("Danh sách nhân sự và kết quả kiểm tra", "Tỷ lệ Số người Chỉ tiêu Đánh giá",
                "Nữ ", "Dưới 40 tuổi ", "Từ 40 đến 50 tuổi ", "Dân tộc thiểu số ", "không có chỉ tiêu",
                "Các vấn đề của từng nhân sự", "Người lập biểu", "TM. Tiểu ban nhân sự", "(Ký, ghi rõ họ tên)");
        assertThat(vi).containsPattern("Trang 1/\\d+");
        int pages = Integer.parseInt(vi.replaceAll("(?s).*Trang 1/(\\d+).*", "$1"));
        assertThat(vi).contains("Trang " + pages + "/" + pages);

        String en = text("/api/checks/" + id + "/report.pdf?lang=en");
        assertThat(en).contains("COMMUNIST PARTY OF VIETNAM", "PERSONNEL SUBCOMMITTEE", "Nominees and outcomes",
                "Share Count Target Assessment", "T01 Nguyễn Văn An ", "Page 1 of ", "Prepared by")
                .doesNotContain("ĐẢNG CỘNG SẢN");
    }
}
