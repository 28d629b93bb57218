package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.slatecheck.rules.intake.HostileWorkbooks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 17 item 4: a 1.2 MB workbook whose shared strings unpack to 216 MB (ratio 183, under the zip-bomb ratio)
 * took the server down. Posted as a check (API and page) it is a 400 in words naming the limit, and the server
 * answers a normal check right after; in a batch it is the batch's input error and nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkbookBombTest {
    static final byte[] BOMB = HostileWorkbooks.sharedStringsBomb(1_000_000, 8);
    static final String VI_LIMIT = "bảng văn bản dùng chung của bảng tính có hơn 280000 mục hoặc 16 MB, giới hạn cho "
            + "tệp tối đa 10000 dòng";

    TestRestTemplate http;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    void signIn(TestRestTemplate anonymous) {
        http = anonymous.withBasicAuth("subcommittee", "subcommittee");
    }

    @Test
    void theBombPostedAsACheckIsA400InWordsAndTheServerAnswersTheNextCheck() throws Exception {
        byte[] congresses = VietnameseUploadApiTest.CONGRESSES.getBytes(StandardCharsets.UTF_8);
        long runs = runs();
        ResponseEntity<String> en = http.postForEntity("/api/checks?lang=en", CheckApiTest.upload("dai-hoi.csv",
                congresses, "bom.xlsx", BOMB), String.class);
        assertThat(en.getStatusCode()).as(en.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(en.getBody()).contains("bom.xlsx:1:-: the spreadsheet’s table of texts has more than 280000 texts "
                + "or 16 MB, the limit for a file of at most 10000 rows").doesNotContain("Exception");
        ResponseEntity<String> vi = http.postForEntity("/api/checks?lang=vi", CheckApiTest.upload("dai-hoi.csv",
                congresses, "bom.xlsx", BOMB), String.class);
        assertThat(vi.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(vi.getBody()).contains(VI_LIMIT);

        // The page's upload form: the same refusal on the page, in Vietnamese.
        WebSession page = new WebSession(port, "subcommittee");
        HttpResponse<String> shown = page.send(upload(page, congresses, BOMB));
        assertThat(shown.statusCode()).isEqualTo(400);
        assertThat(shown.body()).contains(VI_LIMIT).doesNotContain("Exception");
        assertThat(runs()).as("nothing stored").isEqualTo(runs);

        // The server still answers, and a normal check goes through.
        ResponseEntity<String> normal = http.postForEntity("/api/checks?lang=en", CheckApiTest.upload("dai-hoi.csv",
                congresses, "danh-sach.xlsx", BatchSpreadsheetTest.workbook(
                        "Mã đại hội,Mã nhân sự,Họ và tên,Giới tính,Ngày sinh,Đảng viên,Tái cử,Chức vụ đề xuất\n"
                                + "XA-01,1,Trần Thị Bình,Nữ,1975-05-12,Chính thức,Có,Bí thư\n")), String.class);
        assertThat(normal.getStatusCode()).as(normal.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void theBombInABatchIsTheBatchsInputErrorAndNothingIsStored() throws Exception {
        byte[] congresses = Files.readAllBytes(BatchSpreadsheetTest.SAMPLES.resolve("congresses.csv"));
        String id = "xlsx-bomb-" + System.nanoTime();
        ResponseEntity<String> started = http.postForEntity("/api/batches?id=" + id, CheckApiTest.upload(
                "congresses.csv", congresses, "nominees.xlsx", BOMB), String.class);
        JsonNode state = started.getStatusCode() == HttpStatus.ACCEPTED ? waitForEnd(id)
                : BatchSpreadsheetTest.JSON.readTree(started.getBody());
        assertThat(state.toString()).contains("the spreadsheet’s table of texts has more than 2000000 texts or 64 MB, "
                + "the limit for a file of at most 2000000 rows").doesNotContain("Exception");
        assertThat(state.path("status").asText()).isEqualTo("INPUT_ERRORS");
        assertThat(state.path("listsDone").asInt()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from batch_run where id = ?", Long.class, id)).isZero();
    }

    private long runs() {
        return jdbc.queryForObject("select count(*) from check_run", Long.class);
    }

    /** The upload page's form (CSRF token from the page) with the two files. */
    private HttpRequest upload(WebSession page, byte[] congresses, byte[] nominees) throws Exception {
        String boundary = "bomb-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                + WebSession.csrf(page.get("/")) + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (String[] f : new String[][] {{"congresses", "dai-hoi.csv"}, {"nominees", "bom.xlsx"}}) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f[0] + "\"; filename=\""
                    + f[1] + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(f[0].equals("congresses") ? congresses : nominees);
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/checks?lang=vi"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    private JsonNode waitForEnd(String id) throws Exception {
        for (int i = 0; i < 1200; i++) {
            JsonNode state = BatchSpreadsheetTest.JSON.readTree(http.getForObject("/api/batches/" + id + "?lang=en",
                    String.class));
            String status = state.path("status").asText();
            if (!status.equals("VALIDATING") && !status.equals("RUNNING")) {
                return state;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("batch " + id + " did not end");
    }
}
