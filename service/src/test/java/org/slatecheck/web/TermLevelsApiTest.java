package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slatecheck.records.CheckRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Terms and levels as data through the API (docs/specification.md section 5): a check whose congress is at a level that does
 * not exist on its date, or in a term without a rule set, is a 400 problem naming the line, the column and the
 * reason in words, in Vietnamese and in English; nothing is stored. The command line reads through the same intake
 * and prints the same reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TermLevelsApiTest {
    static final String HEADER = "congress_id,organisation,level,term,list_kind,committee_seats,reference_month,"
            + "congress_date\n";
    static final String NOMINEES = "congress_id,nominee_id,full_name,sex,birth_date,membership,incumbent,"
            + "proposed_posts\nC1,A,Nguyễn Văn An,M,1970,OFFICIAL,true,COMMITTEE\n";

    TestRestTemplate http;
    @Autowired
    CheckRecords records;

    @Autowired
    void signIn(TestRestTemplate anonymous) {
        http = anonymous.withBasicAuth("subcommittee", "subcommittee");
    }

    private JsonNode refused(String congresses, String lang) throws IOException {
        long before = records.count();
        ResponseEntity<String> r = http.postForEntity("/api/checks?lang=" + lang, CheckApiTest.upload(
                "congresses.csv", congresses.getBytes(StandardCharsets.UTF_8), "nominees.csv",
                NOMINEES.getBytes(StandardCharsets.UTF_8)), String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(r.getBody()).doesNotContain("Exception", "\tat ");
        assertThat(records.count()).isEqualTo(before);
        JsonNode errors = CheckApiTest.JSON.readTree(r.getBody()).get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("line").asInt()).isEqualTo(2);
        return errors.get(0);
    }

    @Test
    void aDistrictCongressAfterTheThirtiethOfJuneIsA400InWords() throws IOException {
        String congresses = HEADER + "C1,Đảng bộ huyện Mẫu,DISTRICT,2025-2030,ELECTION_LIST,3,2025-08,15/08/2025\n";
        JsonNode vi = refused(congresses, "vi");
        assertThat(vi.get("column").asText()).isEqualTo("level");
        assertThat(vi.get("message").asText()).isEqualTo("Từ 01/07/2025 không còn cấp huyện; đại hội nhiệm kỳ "
                + "2025-2030 ngày 15/08/2025 không thể ở cấp huyện");
        assertThat(refused(congresses, "en").get("message").asText()).isEqualTo("From 01/07/2025 there is no district "
                + "level; a congress of term 2025-2030 on 15/08/2025 cannot be at the district level");
        // On the last day of the districts the same congress is checked.
        ResponseEntity<String> ok = http.postForEntity("/api/checks?lang=vi", CheckApiTest.upload("congresses.csv",
                congresses.replace("2025-08,15/08/2025", "2025-06,30/06/2025").getBytes(StandardCharsets.UTF_8),
                "nominees.csv", NOMINEES.getBytes(StandardCharsets.UTF_8)), String.class);
        assertThat(ok.getStatusCode()).as(ok.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aCommuneCongressBeforeTheFirstOfJulyIsA400SayingItIsAGrassrootsCongress() throws IOException {
        String congresses = HEADER + "C1,Đảng bộ xã Mẫu,COMMUNE,2025-2030,ELECTION_LIST,3,,10/05/2025\n";
        String vi = refused(congresses, "vi").get("message").asText();
        assertThat(vi).contains("trước khi sắp xếp, đại hội xã là đại hội cấp cơ sở").doesNotContain("COMMUNE",
                "GRASSROOTS");
        assertThat(refused(congresses, "en").get("message").asText())
                .contains("before the reorganisation a commune congress is a grassroots congress");
    }

    @Test
    void aCongressOfATermWithoutRulesIsA400NamingTheTermsThatExist(@TempDir Path dir) throws IOException {
        String congresses = HEADER + "C1,Đảng bộ tỉnh Mẫu,PROVINCE,2030-2035,ELECTION_LIST,3,,2030-10-01\n";
        JsonNode vi = refused(congresses, "vi");
        assertThat(vi.get("column").asText()).isEqualTo("term");
        assertThat(vi.get("message").asText()).isEqualTo("Nhiệm kỳ “2030-2035” chưa có bộ quy tắc; các nhiệm kỳ hiện "
                + "có: 2020-2025 (01/01/2019 – 31/12/2021), 2025-2030 (14/06/2024 – 31/12/2026)");
        assertThat(refused(congresses, "en").get("message").asText()).startsWith("Term “2030-2035” has no rule set "
                + "yet; the terms that have one: 2020-2025");
        // The command line reads through the same intake: the same reason, with file, line and column.
        Path c = Files.writeString(dir.resolve("congresses.csv"), congresses);
        Path n = Files.writeString(dir.resolve("nominees.csv"), NOMINEES);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = org.slatecheck.SlateCheck.run(new String[] {"check", "--congresses", c.toString(), "--nominees",
            n.toString(), "--lang", "vi"}, new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(c + ":2:term: Nhiệm kỳ “2030-2035” chưa có bộ quy tắc; các nhiệm kỳ hiện có: "
                + "2020-2025");
    }

    @Test
    void aMissingReferenceMonthBeforeTheFourteenthOfAprilNamesTheLevelInWords() throws IOException {
        String congresses = HEADER + "C1,Chi bộ Mẫu,GRASSROOTS,2025-2030,ELECTION_LIST,3,,13/04/2025\n";
        JsonNode vi = refused(congresses, "vi");
        assertThat(vi.get("column").asText()).isEqualTo("reference_month");
        assertThat(vi.get("message").asText()).contains("đại hội cấp cơ sở", "14/04/2025").doesNotContain(
                "GRASSROOTS", "reference_month");
        for (String date : List.of("14/04/2025")) {
            ResponseEntity<String> ok = http.postForEntity("/api/checks?lang=vi", CheckApiTest.upload(
                    "congresses.csv", congresses.replace("13/04/2025", date).getBytes(StandardCharsets.UTF_8),
                    "nominees.csv", NOMINEES.getBytes(StandardCharsets.UTF_8)), String.class);
            assertThat(ok.getStatusCode()).as(ok.getBody()).isEqualTo(HttpStatus.CREATED);
        }
    }
}
