package org.slatecheck.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slatecheck.SlateCheck;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * docs/specification.md section 2, issue 19 item 5: a batch tells the warnings a check tells for the same files — a congresses file
 * without {@code standing_seats}, a relative id that names nobody on the list — with the same file, line and text,
 * on the command line's stderr, in the API's batch state and on the batch page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BatchWarningsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CONGRESSES = "congress_id,organisation,level,term,list_kind,committee_seats\n"
            + "C1,Đảng bộ tỉnh Một,PROVINCE,2025-2030,ELECTION_LIST,3\n"
            + "C2,Đảng bộ tỉnh Hai,PROVINCE,2025-2030,ELECTION_LIST,3\n";
    static final String NOMINEES = "congress_id,nominee_id,full_name,sex,birth_date,membership,incumbent,"
            + "proposed_posts,relatives\n"
            + "C1,A,Nguyễn Văn An,M,1970,OFFICIAL,true,COMMITTEE,ZZ9\n"
            + "C1,B,Trần Thị Bình,F,1971,OFFICIAL,true,COMMITTEE,a\n";

    @Autowired
    DataSource dataSource;

    TestRestTemplate http;

    @Autowired
    void signIn(TestRestTemplate anonymous) {
        http = anonymous.withBasicAuth("subcommittee", "subcommittee");
    }

    record Run(int code, String out, String err) {
        /** The warnings printed on stderr, without the "Warnings:" word. */
        List<String> warnings(String word) {
            List<String> out = new ArrayList<>();
            for (String line : err.split("\\R")) {
                int at = line.indexOf(word + " ");
                if (at >= 0) {
                    out.add(line.substring(at + word.length() + 1));
                }
            }
            return out;
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SlateCheck.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theBatchTellsTheWarningsTheCheckTellsOnTheCommandLineTheApiAndThePage(@TempDir Path dir) throws Exception {
        Path congresses = Files.writeString(dir.resolve("congresses.csv"), CONGRESSES);
        Path nominees = Files.writeString(dir.resolve("nominees.csv"), NOMINEES);

        Run check = run("check", "--congresses", congresses.toString(), "--nominees", nominees.toString(), "--lang",
                "en");
        assertThat(check.code()).as(check.err()).isZero();
        List<String> expected = check.warnings("Warnings:");
        assertThat(expected).as(check.err()).anySatisfy(w -> assertThat(w).startsWith(congresses + ":1: ")
                .contains("standing_seats")).anySatisfy(w -> assertThat(w).isEqualTo(nominees
                        + ":2: relative “ZZ9” is not on the congress's list of nominees: this relation is not checked"))
                .anySatisfy(w -> assertThat(w).contains("“C2”", "not evaluated"));

        // The command line's batch, on the test's database.
        String jdbc = ((com.zaxxer.hikari.HikariDataSource) dataSource).getJdbcUrl();
        String id = "warnings-" + System.nanoTime();
        System.setProperty("slatecheck.db-url", jdbc);
        System.setProperty("slatecheck.db-user", "postgres");
        Run batch;
        try {
            batch = run("batch", "--congresses", congresses.toString(), "--nominees", nominees.toString(), "--id", id,
                    "--threads", "2", "--lang", "en");
        } finally {
            System.clearProperty("slatecheck.db-url");
            System.clearProperty("slatecheck.db-user");
        }
        assertThat(batch.code()).as(batch.err()).isZero();
        assertThat(batch.warnings("Warnings:")).isEqualTo(expected);

        // The API's batch of the same files (uploaded under the same names): the same warnings, in its language.
        String apiId = "api-warnings-" + System.nanoTime();
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("congresses", file("congresses.csv", CONGRESSES));
        form.add("nominees", file("nominees.csv", NOMINEES));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        assertThat(http.postForEntity("/api/batches?id=" + apiId, new HttpEntity<>(form, headers), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode state = waitForEnd(apiId);
        assertThat(state.get("status").asText()).isEqualTo("DONE");
        String key = state.get("id").asText();
        List<String> api = new ArrayList<>();
        for (JsonNode w : state.get("warnings")) {
            api.add(w.get("file").asText() + (w.get("line").asLong() > 0 ? ":" + w.get("line").asLong() : "") + ": "
                    + w.get("text").asText());
        }
        // The check names the files by the paths it was given; the upload by the names it was sent with.
        String folder = dir + java.io.File.separator;
        assertThat(api).isEqualTo(expected.stream().map(w -> w.replace(folder, "")).toList());
        List<String> columns = new ArrayList<>();
        state.get("warnings").forEach(w -> columns.add(w.get("column").asText()));
        assertThat(columns).contains("standing_seats", "relatives");

        // The batch page: a "Notes" card in English, "Lưu ý" in Vietnamese, with the same texts.
        String en = http.getForObject("/batches/" + key + "?lang=en", String.class);
        assertThat(en).contains("id=\"batch-warnings\"", "Notes", "nominees.csv:2: relative “ZZ9” is not on the "
                + "congress&#39;s list of nominees");
        String vi = http.getForObject("/batches/" + key + "?lang=vi", String.class);
        assertThat(vi).contains("id=\"batch-warnings\"", "Lưu ý", "ZZ9").doesNotContain("Notes");
        JsonNode viState = JSON.readTree(http.getForObject("/api/batches/" + key, String.class));
        assertThat(viState.get("warnings").toString()).contains("ZZ9").doesNotContain("is not on the");
    }

    @Autowired
    BatchRunner runner;

    @Test
    void aWorkbookWithAHiddenSheetAndAnIgnoredColumnGivesTheCheckWarnings(@TempDir Path dir) throws Exception {
        byte[] workbook;
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            wb.createSheet("Cũ").createRow(0).createCell(0).setCellValue("bản cũ");
            org.apache.poi.ss.usermodel.Sheet sheet = wb.createSheet("Nhân sự");
            String[][] rows = {{"congress_id", "nominee_id", "full_name", "sex", "birth_date", "membership",
                "incumbent", "proposed_posts", "relatives", "Ghi chú"},
                {"C1", "A", "Nguyễn Văn An", "M", "1970", "OFFICIAL", "true", "COMMITTEE", "Q7", "x"},
                {"C2", "B", "Trần Thị Bình", "F", "1971", "OFFICIAL", "true", "COMMITTEE", "", ""}};
            for (int r = 0; r < rows.length; r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.setActiveSheet(1);
            wb.setFirstVisibleTab(1);
            wb.setSheetHidden(0, true);
            wb.write(bytes);
            workbook = bytes.toByteArray();
        }
        byte[] congresses = CONGRESSES.getBytes(StandardCharsets.UTF_8);
        org.slatecheck.rules.text.Messages en = org.slatecheck.rules.text.Messages.of(
                org.slatecheck.rules.text.Messages.EN);
        List<String> check = org.slatecheck.rules.intake.Intake.read(
                new org.slatecheck.rules.intake.Intake.Input("c.csv", congresses),
                new org.slatecheck.rules.intake.Intake.Input("n.xlsx", workbook),
                org.slatecheck.rules.engine.RuleSetSnapshot.shipped()).warnings().stream()
                .map(w -> w.format(en)).toList();
        assertThat(check).anySatisfy(w -> assertThat(w).startsWith("n.xlsx: hidden sheets skipped: Cũ"))
                .anySatisfy(w -> assertThat(w).contains("Ghi chú"))
                .anySatisfy(w -> assertThat(w).startsWith("n.xlsx:2: relative “Q7”"));

        Path c = Files.write(dir.resolve("c.csv"), congresses);
        Path n = Files.write(dir.resolve("n.xlsx"), workbook);
        String id = "xlsx-warnings-" + System.nanoTime();
        runner.run(id, c, n, dir.resolve("work"), 2, p -> { });
        assertThat(runner.warnings(id).stream().map(w -> w.format(en)).toList()).isEqualTo(check);
    }

    JsonNode waitForEnd(String id) throws Exception {
        for (int i = 0; i < 600; i++) {
            JsonNode state = JSON.readTree(http.getForObject("/api/batches/" + id + "?lang=en", String.class));
            String status = state.get("status").asText();
            if (!status.equals("VALIDATING") && !status.equals("RUNNING")) {
                return state;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("batch " + id + " did not end");
    }

    static ByteArrayResource file(String name, String content) {
        return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }
}
