package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Batches over HTTP: start, follow to the end, read the summary and the page; bad input stores nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BatchApiTest {
    static final ObjectMapper JSON = new ObjectMapper();

    TestRestTemplate http;

    /** Every request as a personnel-subcommittee user of the demo configuration (HTTP Basic). */
    @Autowired
    void signIn(TestRestTemplate anonymous) {
        http = anonymous.withBasicAuth("subcommittee", "subcommittee");
    }

    JsonNode waitForEnd(String id) throws Exception {
        for (int i = 0; i < 300; i++) {
            JsonNode state = JSON.readTree(http.getForObject("/api/batches/" + id + "?lang=en", String.class));
            String status = state.get("status").asText();
            if (!status.equals("VALIDATING") && !status.equals("RUNNING")) {
                return state;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("batch " + id + " did not end");
    }

    @Test
    void runsTheSampleAsABatchAndSummarisesIt() throws Exception {
        String id = "sample-" + System.nanoTime();
        ResponseEntity<String> started = http.postForEntity("/api/batches?id=" + id, CheckApiTest.sample(),
                String.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode state = waitForEnd(id);
        assertThat(state.get("status").asText()).isEqualTo("DONE");
        assertThat(state.get("listsDone").asInt()).isEqualTo(3);
        assertThat(state.get("eligible").asInt()).isEqualTo(57);
        assertThat(state.get("nonCompliantLists").asInt()).isEqualTo(3);

        JsonNode summary = JSON.readTree(http.getForObject("/api/batches/" + id + "/summary", String.class));
        assertThat(summary.get("byLevel")).hasSize(3);
        assertThat(summary.get("topRules").get(0).get("rule_id").asText()).isNotBlank();
        // The English files keep the codes scripts read; the Vietnamese ones (the default) are worded.
        String csv = new String(http.getForObject("/api/batches/" + id + "/summary.csv?lang=en", byte[].class),
                StandardCharsets.UTF_8);
        assertThat(csv).contains("PROVINCE,1,40,27,7,6,1");
        assertThat(new String(http.getForObject("/api/batches/" + id + "/summary.csv", byte[].class),
                StandardCharsets.UTF_8)).startsWith("\uFEFFCấp,Số danh sách,").contains("tỉnh,1,40,27,7,6,1");
        assertThat(new String(http.getForObject("/api/batches/" + id + "/organisations.csv", byte[].class),
                StandardCharsets.UTF_8)).contains("TINH-NB-2025,Đảng bộ tỉnh Ninh Bình,tỉnh,2025-2030,"
                        + "danh sách bầu cử,40,27,7,6,Danh sách chưa đạt yêu cầu");
        String orgs = new String(http.getForObject("/api/batches/" + id + "/organisations.csv?lang=en",
                byte[].class), StandardCharsets.UTF_8);
        assertThat(orgs.lines()).hasSize(4);
        assertThat(orgs).contains("TINH-NB-2025,Đảng bộ tỉnh Ninh Bình,PROVINCE,2025-2030,ELECTION_LIST,40,27,7,6,"
                + "NON_COMPLIANT");
        assertThat(http.getForObject("/batches/" + id + "?lang=en", String.class)).contains("Summary", "DONE",
                "The lists of the batch", "Đảng bộ tỉnh Ninh Bình");

        ResponseEntity<byte[]> pdf = http.getForEntity("/api/batches/" + id + "/summary.pdf?lang=vi", byte[].class);
        assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.getBody())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("Tổng hợp", "tỉnh: 1 danh sách, 40 nhân sự — 27 đủ điều kiện",
                    "Đảng bộ tỉnh Ninh Bình", "Quy tắc vi phạm nhiều nhất");
        }
        assertThat(http.getForEntity("/api/batches/no-such-batch/summary.pdf", byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void reportsInputErrorsAndStoresNothing() throws Exception {
        String id = "broken-" + System.nanoTime();
        byte[] congresses = Files.readAllBytes(CheckApiTest.SAMPLES.resolve("congresses.csv"));
        byte[] nominees = "congress_id,nominee_id,full_name,sex,birth_date,membership,incumbent,proposed_posts\nTINH-NB-2025,A,X,Q,1970,OFFICIAL,true,COMMITTEE\n"
                .getBytes(StandardCharsets.UTF_8);
        http.postForEntity("/api/batches?id=" + id, CheckApiTest.upload("c.csv", congresses, "n.csv", nominees),
                String.class);
        JsonNode state = waitForEnd(id);
        assertThat(state.get("status").asText()).isEqualTo("INPUT_ERRORS");
        // Congresses without nominee rows are not evaluated and no error (docs/specification.md section 2.2).
        assertThat(state.get("errors").toString()).doesNotContain("has no nominees");
        assertThat(state.get("errors").toString()).contains("nominees.csv:2:sex:");
        assertThat(state.has("checkId")).isFalse();
    }
}
