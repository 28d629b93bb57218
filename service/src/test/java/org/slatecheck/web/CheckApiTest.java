package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.slatecheck.records.CheckRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The API over a real HTTP port against the embedded PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CheckApiTest {
    static final Path SAMPLES = Path.of("../data/samples");
    static final ObjectMapper JSON = new ObjectMapper();

    TestRestTemplate http;

    /** Every request as a personnel-subcommittee user of the demo configuration (HTTP Basic). */
    @Autowired
    void signIn(TestRestTemplate anonymous) {
        http = anonymous.withBasicAuth("subcommittee", "subcommittee");
    }
    @Autowired
    CheckRecords records;

    static HttpEntity<MultiValueMap<String, Object>> upload(String congressesName, byte[] congresses,
            String nomineesName, byte[] nominees) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("congresses", file(congressesName, congresses));
        form.add("nominees", file(nomineesName, nominees));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(form, headers);
    }

    static ByteArrayResource file(String name, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    static HttpEntity<MultiValueMap<String, Object>> sample() throws IOException {
        return upload("congresses.csv", Files.readAllBytes(SAMPLES.resolve("congresses.csv")), "nominees.csv",
                Files.readAllBytes(SAMPLES.resolve("nominees.csv")));
    }

    @Test
    void checksTheSampleRecordsItAndReopensExactlyWhatWasShown() throws IOException {
        long before = records.count();
        ResponseEntity<String> created = http.postForEntity("/api/checks?lang=en", sample(), String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = JSON.readTree(created.getBody());
        String id = body.get("checkId").asText();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/checks/" + id);
        // The API and the command line share one screening path: the same JSON as the checked-in CLI result.
        assertThat(body.get("results")).isEqualTo(JSON.readTree(SAMPLES.resolve("expected-result.en.json").toFile()));
        assertThat(records.count()).isEqualTo(before + 1);

        JsonNode reopened = JSON.readTree(http.getForObject("/api/checks/" + id + "?lang=en", String.class));
        assertThat(reopened.get("results")).isEqualTo(body.get("results"));
        JsonNode vi = JSON.readTree(http.getForObject("/api/checks/" + id, String.class));
        assertThat(vi.get("results")).isEqualTo(JSON.readTree(SAMPLES.resolve("expected-result.vi.json").toFile()));

        JsonNode list = JSON.readTree(http.getForObject("/api/checks", String.class));
        assertThat(list.get(0).get("id").asText()).isEqualTo(id);
        assertThat(list.get(0).get("nominees").asInt()).isEqualTo(82);
        assertThat(list.get(0).get("congresses").get(0).asText()).isEqualTo("TINH-NB-2025");
    }

    @Test
    void reproducesAStoredCheckIdentically() throws IOException {
        String id = JSON.readTree(http.postForEntity("/api/checks", sample(), String.class).getBody()).get("checkId")
                .asText();
        JsonNode again = JSON.readTree(http.postForEntity("/api/checks/" + id + "/reproduce", null, String.class)
                .getBody());
        assertThat(again.get("identical").asBoolean()).isTrue();
        assertThat(again.get("results").get(0).get("ruleSet").get("version").asText())
                .isEqualTo(org.slatecheck.rules.engine.RuleSets.shipped("2025-2030").getVersion());
    }

    @Test
    void aBadFileIsA400WithTheLineColumnErrorsAndNothingIsStored() throws IOException {
        long before = records.count();
        byte[] congresses = Files.readAllBytes(SAMPLES.resolve("congresses.csv"));
        byte[] nominees = ("congress_id,nominee_id,full_name,sex,birth_date,membership,incumbent,proposed_posts\n"
                + "TINH-NB-2025,A,Nguyễn Văn An,M,31/02/1970,OFFICIAL,true,COMMITTEE\n"
                + "XA-YT-2025,B,Trần Thị Bình,F,1971,OFFICIAL,maybe,COMMITTEE\n").getBytes(StandardCharsets.UTF_8);
        ResponseEntity<String> r = http.postForEntity("/api/checks?lang=en", upload("congresses.csv", congresses,
                "list.csv", nominees), String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(r.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        // HUYEN-KS-2020 has no rows: a warning of a successful check, not an error (docs/specification.md section 2.2).
        assertThat(problem.get("errors")).extracting(e -> e.get("text").asText()).containsExactly(
                "list.csv:2:birth_date: “31/02/1970” is not a valid date (YYYY-MM-DD, DD/MM/YYYY, YYYY-MM, MM/YYYY "
                        + "or YYYY; years 1900 to 2100)",
                "list.csv:3:incumbent: “maybe” is not valid; use one of: true, false, có, không");
        assertThat(problem.get("errors").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(problem.get("errors").get(0).get("column").asText()).isEqualTo("birth_date");
        assertThat(r.getBody()).doesNotContain("Exception", "\tat ");
        assertThat(records.count()).isEqualTo(before);
    }

    @Test
    void aListThatExceedsAnEvaluationLimitIsA422ProblemAndNothingIsStored() throws IOException {
        long before = records.count();
        // A cap of 1 + 1 per fact: far below what the shipped rules fire on the sample lists (about 1.5 per fact).
        System.setProperty(org.slatecheck.rules.engine.EvaluationLimits.BASE, "1");
        System.setProperty(org.slatecheck.rules.engine.EvaluationLimits.PER_FACT, "1");
        try {
            for (String lang : java.util.List.of("en", "vi")) {
                ResponseEntity<String> r = http.postForEntity("/api/checks?lang=" + lang, upload("congresses.csv",
                        Files.readAllBytes(SAMPLES.resolve("congresses.csv")), "nominees.csv",
                        Files.readAllBytes(SAMPLES.resolve("nominees.csv"))), String.class);
                assertThat(r.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
                assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
                JsonNode problem = JSON.readTree(r.getBody());
                assertThat(problem.get("status").asInt()).isEqualTo(422);
                assertThat(problem.get("limit").asText()).isEqualTo("FIRINGS");
                String congress = problem.get("congressId").asText();
                assertThat(problem.get("detail").asText()).contains(congress)
                        .contains(lang.equals("en") ? "could not be checked" : "Không kiểm tra được");
                assertThat(r.getBody()).doesNotContain("Exception", "\tat ");
            }
        } finally {
            System.clearProperty(org.slatecheck.rules.engine.EvaluationLimits.BASE);
            System.clearProperty(org.slatecheck.rules.engine.EvaluationLimits.PER_FACT);
        }
        assertThat(records.count()).isEqualTo(before);
    }

    @Test
    void printsAStoredCheckAsCsvAndAnswers404ForAnUnknownOne() throws IOException {
        String id = JSON.readTree(http.postForEntity("/api/checks", sample(), String.class).getBody()).get("checkId")
                .asText();
        ResponseEntity<byte[]> csv = http.getForEntity("/api/checks/" + id + "/report.csv?lang=en", byte[].class);
        String text = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFcongress_id,nominee_id,full_name,outcome,rule_id");
        assertThat(text).contains("TINH-NB-2025,T06,", ",AGE-001,INELIGIBLE,");
        assertThat(http.getForEntity("/api/checks/00000000-0000-0000-0000-000000000000", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void printsAPdfWhoseTextKeepsVietnameseDiacritics() throws IOException {
        String id = JSON.readTree(http.postForEntity("/api/checks", sample(), String.class).getBody()).get("checkId")
                .asText();
        ResponseEntity<byte[]> pdf = http.getForEntity("/api/checks/" + id + "/report.pdf", byte[].class);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.getBody())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("Đảng bộ tỉnh Ninh Bình", "Đảng bộ xã Yên Thành");
            assertThat(text.replaceAll("\\s+", " ")).contains(
                    "Đồng chí sinh 02/1967, nghỉ hưu 02/2029; tính từ thời điểm tính tuổi 09/2025 thời gian công tác còn lại 41 "
                            + "tháng, tái cử cần ít nhất 48 tháng.", "Hướng xử lý: Không giới thiệu tái cử");
        }
    }

    @Test
    void acceptsTheSameRowsAsAJsonBodyAndServesItsOpenApiDocument() throws IOException {
        String body = """
                {"congresses": [{"congress_id": "C1", "organisation": "Đảng bộ xã Mẫu", "level": "COMMUNE",
                  "term": "2025-2030", "list_kind": "PERSONNEL_PLAN", "committee_seats": 2}],
                 "nominees": [
                  {"nominee_id": "A", "full_name": "Nguyễn Văn An", "sex": "M", "birth_date": "1980-01-01",
                   "membership": "OFFICIAL", "incumbent": "false", "proposed_posts": "COMMITTEE"},
                  {"nominee_id": "B", "full_name": "Trần Thị Bình", "sex": "F", "birth_date": "1999-02-30",
                   "membership": "OFFICIAL", "incumbent": "false", "proposed_posts": "COMMITTEE"}]}""";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> bad = http.postForEntity("/api/checks?lang=en", new HttpEntity<>(body, headers),
                String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(JSON.readTree(bad.getBody()).get("errors").get(0).get("text").asText())
                .isEqualTo("nominees.json:3:birth_date: “1999-02-30” is not a valid date (YYYY-MM-DD, DD/MM/YYYY, "
                        + "YYYY-MM, MM/YYYY or YYYY; years 1900 to 2100)");
        ResponseEntity<String> ok = http.postForEntity("/api/checks", new HttpEntity<>(body.replace("1999-02-30",
                "1999-02-28"), headers), String.class);
        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode result = JSON.readTree(ok.getBody()).get("results").get(0);
        assertThat(result.get("summary").get("nominees").asInt()).isEqualTo(2);
        assertThat(result.get("congress").get("referenceMonth").asText()).isEqualTo("2025-07");
        assertThat(http.getForObject("/openapi.yaml", String.class)).contains("/api/checks/{id}/report.pdf");
    }
}
