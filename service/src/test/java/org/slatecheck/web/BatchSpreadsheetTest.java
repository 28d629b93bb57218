package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 12: a batch reads the spreadsheets a single check reads — the nominees as an Excel workbook or as UTF-16
 * text — and gives the same lists and outcomes as the sample's UTF-8 CSV; a damaged workbook is one clear input
 * error and nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BatchSpreadsheetTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path SAMPLES = Path.of("../data/samples");

    TestRestTemplate http;

    @Autowired
    void signIn(TestRestTemplate anonymous) {
        http = anonymous.withBasicAuth("subcommittee", "subcommittee");
    }

    @Test
    void aBatchOfAWorkbookOrUtf16TextEndsAsTheCsvBatchDoes() throws Exception {
        byte[] congresses = Files.readAllBytes(SAMPLES.resolve("congresses.csv"));
        String csv = Files.readString(SAMPLES.resolve("nominees.csv"), StandardCharsets.UTF_8).replace("\uFEFF", "");
        JsonNode plain = run("nominees.csv", csv.getBytes(StandardCharsets.UTF_8), congresses);
        assertThat(plain.get("status").asText()).as(plain.toString()).isEqualTo("DONE");

        ByteArrayOutputStream utf16 = new ByteArrayOutputStream();
        utf16.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        utf16.write(csv.getBytes(StandardCharsets.UTF_16LE));
        JsonNode fromUtf16 = run("nominees.csv", utf16.toByteArray(), congresses);

        JsonNode fromWorkbook = run("nominees.xlsx", workbook(csv), congresses);

        for (JsonNode state : new JsonNode[] {fromUtf16, fromWorkbook}) {
            assertThat(state.get("status").asText()).as(state.toString()).isEqualTo("DONE");
            for (String field : new String[] {"listsTotal", "listsDone", "nomineesTotal", "eligible", "review",
                "ineligible", "nonCompliantLists"}) {
                assertThat(state.path(field)).as(field).isEqualTo(plain.path(field));
            }
        }
        assertThat(fromWorkbook.get("nomineesTotal").asInt()).isEqualTo(82);
    }

    @Test
    void aDamagedWorkbookIsOneInputErrorAndNothingIsStored() throws Exception {
        byte[] congresses = Files.readAllBytes(SAMPLES.resolve("congresses.csv"));
        byte[] zip = {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0};
        String id = "xlsx-damaged-" + System.nanoTime();
        var started = http.postForEntity("/api/batches?id=" + id, CheckApiTest.upload("congresses.csv", congresses,
                "nominees.xlsx", zip), String.class);
        JsonNode state = started.getStatusCode() == HttpStatus.ACCEPTED ? waitForEnd(id) : JSON.readTree(started.getBody());
        assertThat(state.toString()).contains("cannot be read as one").doesNotContain("Exception");
        if (state.has("status")) {
            assertThat(state.get("status").asText()).isNotEqualTo("DONE");
            assertThat(state.path("listsDone").asInt()).isZero();
        }
    }

    private JsonNode run(String name, byte[] nominees, byte[] congresses) throws Exception {
        String id = "spreadsheet-" + System.nanoTime();
        assertThat(http.postForEntity("/api/batches?id=" + id, CheckApiTest.upload("congresses.csv", congresses,
                name, nominees), String.class).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        return waitForEnd(id);
    }

    /** The CSV's rows as the first sheet of a workbook, every cell as text (as a user types it). */
    static byte[] workbook(String csv) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("Nhân sự");
            int r = 0;
            for (CSVRecord record : CSVFormat.DEFAULT.parse(new StringReader(csv))) {
                var row = sheet.createRow(r++);
                for (int c = 0; c < record.size(); c++) {
                    if (!record.get(c).isEmpty()) {
                        row.createCell(c).setCellValue(record.get(c));
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private JsonNode waitForEnd(String id) throws Exception {
        for (int i = 0; i < 600; i++) {
            JsonNode state = JSON.readTree(http.getForObject("/api/batches/" + id + "?lang=en", String.class));
            String status = state.path("status").asText();
            if (!status.equals("VALIDATING") && !status.equals("RUNNING")) {
                return state;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("batch " + id + " did not end");
    }
}
