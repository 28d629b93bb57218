package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.slatecheck.batch.BatchRunner;
import org.slatecheck.cli.GenerateCommand;
import org.slatecheck.records.CheckRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * Issue 11: a list of a batch that exceeds an evaluation limit fails alone, with a clear error, and the batch goes on:
 * under a tiny firing cap the biggest lists of a small generated batch fail, the others are stored, the batch ends
 * DONE and its state, summary (vi, en) and page name the failed lists and the reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BatchListFailureTest {
    static final ObjectMapper JSON = new ObjectMapper();

    TestRestTemplate http;

    @Autowired
    CheckRecords records;

    @Autowired
    void signIn(TestRestTemplate anonymous) {
        http = anonymous.withBasicAuth("subcommittee", "subcommittee");
    }

    @Test
    void aListOverItsFiringCapFailsAloneAndTheBatchGoesOn() throws Exception {
        Path input = Path.of("target/batch-list-failure");
        // 7 lists of 5 to 70 nominees; with 1 firing per fact, lists of about 50 nominees or more need more than a
        // base of 85 firings (measured on the shipped rule sets), the small ones far less.
        GenerateCommand.generate(300, 11, input);
        byte[] congresses = Files.readAllBytes(input.resolve("congresses.csv"));
        byte[] nominees = Files.readAllBytes(input.resolve("nominees.csv"));
        String id = "limits-" + System.nanoTime();
        JsonNode state;
        String base = System.getProperty("slatecheck.maxFiringsBase");
        String perFact = System.getProperty("slatecheck.maxFiringsPerFact");
        try {
            System.setProperty("slatecheck.maxFiringsBase", "85");
            System.setProperty("slatecheck.maxFiringsPerFact", "1");
            assertThat(http.postForEntity("/api/batches?id=" + id, CheckApiTest.upload("congresses.csv", congresses,
                    "nominees.csv", nominees), String.class).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            state = waitForEnd(id);
        } finally {
            restore("slatecheck.maxFiringsBase", base);
            restore("slatecheck.maxFiringsPerFact", perFact);
        }
        assertThat(state.get("status").asText()).isEqualTo("DONE");
        int total = state.get("listsTotal").asInt();
        int failed = state.get("failedLists").asInt();
        int stored = state.get("listsDone").asInt();
        assertThat(total).isEqualTo(7);
        assertThat(failed).as("lists stopped by the cap").isPositive();
        assertThat(stored).as("lists stored").isPositive();
        assertThat(stored + failed).isEqualTo(total);

        JsonNode en = JSON.readTree(http.getForObject("/api/batches/" + id + "/summary?lang=en", String.class));
        JsonNode vi = JSON.readTree(http.getForObject("/api/batches/" + id + "/summary", String.class));
        assertThat(en.get("failedListsCount").asInt()).isEqualTo(failed);
        assertThat(en.get("failedLists")).hasSize(failed);
        Set<String> failedIds = new HashSet<>();
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < failed; i++) {
            JsonNode f = en.get("failedLists").get(i);
            String congress = f.get("congress_id").asText();
            failedIds.add(congress);
            messages.add(f.get("message").asText());
            assertThat(f.get("reason_key").asText()).isEqualTo("evaluation.limit_firings");
            assertThat(f.get("message").asText()).startsWith("List " + congress + " could not be checked: the rules "
                    + "fired more than");
            assertThat(vi.get("failedLists").get(i).get("message").asText())
                    .startsWith("Không kiểm tra được danh sách " + congress);
        }
        // Nothing of a failed list is stored; every other list is, whole.
        Set<String> storedIds = records.storedCongresses(BatchRunner.checkId(id));
        assertThat(storedIds).hasSize(stored).doesNotContainAnyElementsOf(failedIds);
        // The biggest list (DH000007, 70 nominees) is over the cap; the smallest (DH000003, 5) is stored.
        assertThat(failedIds).contains("DH000007");
        assertThat(storedIds).contains("DH000003");
        // The check run counts only the stored lists.
        assertThat(state.get("eligible").asInt() + state.get("review").asInt() + state.get("ineligible").asInt())
                .isEqualTo(records.jdbc().queryForObject("select coalesce(sum(nominees), 0) from list_result "
                        + "where check_id = ?", Integer.class, BatchRunner.checkId(id)));

        String page = http.getForObject("/batches/" + id + "?lang=en", String.class);
        assertThat(page).contains("id=\"batch-status\" data-status=\"DONE\">Done</span>", "Lists that could not be checked (" + failed + ")",
                org.springframework.web.util.HtmlUtils.htmlEscape(messages.get(0)));
        assertThat(http.getForObject("/batches/" + id + "?lang=vi", String.class))
                .contains("Danh sách không kiểm tra được (" + failed + ")");
    }

    private JsonNode waitForEnd(String id) throws Exception {
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

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }
}
