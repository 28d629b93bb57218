package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.slatecheck.rules.intake.ColumnGuide;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The downloads over HTTP: the result as .xlsx (and the file names of PDF, CSV and XLSX), the templates at their
 * stable addresses, the "Cột và mã" page; a check of another unit is a 404 as for the PDF.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExportDownloadsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    TestRestTemplate anonymous;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, user);
    }

    String check(String user) throws Exception {
        ResponseEntity<String> r = as(user).postForEntity("/api/checks", CheckApiTest.sample(), String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return JSON.readTree(r.getBody()).get("checkId").asText();
    }

    @Test
    void reportsDownloadWithMeaningfulNamesAndTheWorkbookOpens() throws Exception {
        String id = check("subcommittee");
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();

        ResponseEntity<byte[]> xlsx = as("subcommittee").getForEntity("/api/checks/" + id + "/report.xlsx",
                byte[].class);
        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(xlsx.getHeaders().getContentType().toString()).isEqualTo(XLSX);
        assertThat(xlsx.getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("attachment; filename=\"kiem-tra-TINH-NB-2025-3-danh-sach-" + today + ".xlsx\"");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            assertThat(book.getSheetName(0)).isEqualTo("Tổng hợp");
            assertThat(book.getNumberOfSheets()).isEqualTo(2 + 3);
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(3);
        }
        ResponseEntity<byte[]> en = as("subcommittee").getForEntity("/api/checks/" + id + "/report.xlsx?lang=en",
                byte[].class);
        assertThat(en.getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("attachment; filename=\"check-TINH-NB-2025-3-lists-" + today + ".xlsx\"");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(en.getBody()))) {
            assertThat(book.getSheetName(0)).isEqualTo("Summary");
        }

        ResponseEntity<byte[]> pdf = as("subcommittee").getForEntity("/api/checks/" + id + "/report.pdf",
                byte[].class);
        assertThat(pdf.getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("inline; filename=\"kiem-tra-TINH-NB-2025-3-danh-sach-" + today + ".pdf\"");
        ResponseEntity<byte[]> pdfEn = as("subcommittee").getForEntity("/api/checks/" + id + "/report.pdf?lang=en",
                byte[].class);
        assertThat(pdfEn.getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("inline; filename=\"check-TINH-NB-2025-3-lists-" + today + ".pdf\"");
        ResponseEntity<byte[]> csv = as("subcommittee").getForEntity("/api/checks/" + id + "/report.csv",
                byte[].class);
        assertThat(csv.getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("attachment; filename=\"kiem-tra-TINH-NB-2025-3-danh-sach-" + today + ".csv\"");

        // The result page links the workbook, the CSV and the PDF at the pages' own addresses (the browser session
        // opens them; the stateless API does not take it), and they are the API's files.
        assertThat(as("subcommittee").getForObject("/checks/" + id, String.class))
                .contains("/checks/" + id + "/report.xlsx?lang=vi", "/checks/" + id + "/report.csv?lang=vi",
                        "/checks/" + id + "/report.pdf?lang=vi").doesNotContain("/api/");
        WebSession session = new WebSession(port, "subcommittee");
        var page = session.client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                + port + "/checks/" + id + "/report.csv?lang=vi")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(page.headers().firstValue("Content-Disposition")).contains(csv.getHeaders()
                .getFirst("Content-Disposition"));
        assertThat(page.body()).isEqualTo(csv.getBody());
        var pageXlsx = session.client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://localhost:" + port + "/checks/" + id + "/report.xlsx?lang=en")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pageXlsx.headers().firstValue("Content-Type")).contains(XLSX);
        assertThat(pageXlsx.headers().firstValue("Content-Disposition")).contains(en.getHeaders()
                .getFirst("Content-Disposition"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(pageXlsx.body()))) {
            assertThat(book.getSheetName(0)).isEqualTo("Summary");
        }
    }

    @Test
    void anotherUnitsCheckIsNotFoundInEveryFormat() throws Exception {
        String b = check("prov-b");
        for (String format : List.of("xlsx", "pdf", "csv")) {
            assertThat(as("prov-a").getForEntity("/api/checks/" + b + "/report." + format, byte[].class)
                    .getStatusCode()).as(format).isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(as("prov-b").getForEntity("/api/checks/" + b + "/report.xlsx", byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(anonymous.getForEntity("/api/checks/" + b + "/report.xlsx", byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void batchOrganisationsDownloadAsAWorkbookWithLabels() throws Exception {
        String id = "xlsx-" + System.nanoTime();
        assertThat(as("subcommittee").postForEntity("/api/batches?id=" + id, CheckApiTest.sample(), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        for (int i = 0; i < 300; i++) {
            String status = JSON.readTree(as("subcommittee").getForObject("/api/batches/" + id, String.class))
                    .get("status").asText();
            if (!status.equals("VALIDATING") && !status.equals("RUNNING")) {
                assertThat(status).isEqualTo("DONE");
                break;
            }
            Thread.sleep(100);
        }
        ResponseEntity<byte[]> x = as("subcommittee").getForEntity("/api/batches/" + id + "/organisations.xlsx",
                byte[].class);
        assertThat(x.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(x.getHeaders().getContentType().toString()).isEqualTo(XLSX);
        assertThat(x.getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("attachment; filename=\"kiem-tra-" + id + ".xlsx\"");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(x.getBody()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Theo tổ chức");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Mã đại hội");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            var tinh = sheet.getRow(1);
            assertThat(tinh.getCell(0).getStringCellValue()).isEqualTo("TINH-NB-2025");
            assertThat(tinh.getCell(2).getStringCellValue()).isEqualTo("Cấp tỉnh");
            assertThat(tinh.getCell(4).getStringCellValue()).isEqualTo("Danh sách bầu cử");
            assertThat(tinh.getCell(5).getNumericCellValue()).isEqualTo(40.0);
            assertThat(tinh.getCell(9).getStringCellValue()).isEqualTo("Danh sách chưa đạt yêu cầu");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:J4");
        }
        assertThat(as("prov-a").getForEntity("/api/batches/" + id + "/organisations.xlsx", byte[].class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("subcommittee").getForObject("/batches/" + id, String.class))
                .contains("/batches/" + id + "/organisations.xlsx?lang=vi").doesNotContain("/api/");
    }

    @Test
    void templatesAreAtStableAddresses() throws Exception {
        for (String file : List.of("nominees", "congresses")) {
            ResponseEntity<byte[]> x = as("subcommittee").getForEntity("/templates/" + file + ".xlsx", byte[].class);
            assertThat(x.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(x.getHeaders().getContentType().toString()).isEqualTo(XLSX);
            assertThat(x.getHeaders().getFirst("Content-Disposition"))
                    .isEqualTo("attachment; filename=\"mau-" + file + ".xlsx\"");
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(x.getBody()))) {
                assertThat(book.getSheetAt(0).getRow(0).getCell(1).getStringCellValue())
                        .isEqualTo(ColumnGuide.of(ColumnGuide.File.ofBaseName(file)).get(1).header());
            }
            ResponseEntity<byte[]> c = as("subcommittee").getForEntity("/templates/" + file + ".csv", byte[].class);
            assertThat(c.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(c.getHeaders().getContentType().toString()).startsWith("text/csv");
            assertThat(c.getBody()).startsWith(0xEF, 0xBB, 0xBF);
        }
        assertThat(as("subcommittee").getForEntity("/templates/other.xlsx", byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void columnsPageListsEveryColumnOfBothFilesAndEveryCode() {
        String vi = as("subcommittee").getForObject("/columns?lang=vi", String.class);
        String en = as("subcommittee").getForObject("/columns?lang=en", String.class);
        for (ColumnGuide.File f : ColumnGuide.File.values()) {
            for (ColumnGuide.Column c : ColumnGuide.of(f)) {
                assertThat(vi).contains("data-column=\"" + c.name() + "\"", c.header(), c.alias());
            }
        }
        for (ColumnGuide.CodeSet s : ColumnGuide.codeSets(
                ColumnGuide.terms(org.slatecheck.rules.engine.RuleSets.terms()))) {
            for (String name : s.vietnamese().values()) {
                assertThat(vi).contains(name);
                assertThat(en).contains(name);
            }
        }
        assertThat(vi).contains("<h1 id=\"columns-title\">Cột và mã của tệp nhập</h1>", "Bắt buộc", "Hoàn thành tốt nhiệm vụ")
                .doesNotContain("Required", "Whole number");
        assertThat(en).contains("Columns and codes of the input files", "Required", "Secretary", "Whole number");
        assertThat(as("subcommittee").getForObject("/?lang=vi", String.class)).contains("href=\"/columns\"",
                "/templates/nominees.xlsx?lang=vi", "/templates/congresses.csv", "Tải mẫu");
    }
}
