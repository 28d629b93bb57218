package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import org.junit.jupiter.api.Test;
import org.slatecheck.explanation.ResultJson;
import org.slatecheck.records.CheckRecords;
import org.slatecheck.rules.engine.RuleSetSnapshot;
import org.slatecheck.rules.explain.Explainer;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.intake.Intake;
import org.slatecheck.screening.CheckService;
import org.slatecheck.screening.Checker;

/**
 * Issue 20: an API check answers with the result JSON rendered for storage in its language (the result was rendered
 * three times per request: Vietnamese and English for the records, then once more for the answer). The answer stays
 * the checked-in sample result.
 */
class ApiAnswerTest {
    private static final Path SAMPLES = Path.of("../data/samples");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theAnswerIsTheResultStoredInItsLanguageAndTheSameAsRenderingIt() throws Exception {
        var results = Checker.check(
                new Intake.Input("congresses.csv", Files.readAllBytes(SAMPLES.resolve("congresses.csv"))),
                new Intake.Input("nominees.csv", Files.readAllBytes(SAMPLES.resolve("nominees.csv"))),
                RuleSetSnapshot.shipped());
        CheckRecords.Rendered rendered = new CheckRecords.Rendered();
        results.forEach(r -> {
            rendered.vi().add(ResultJson.of(r, new Explainer(Messages.of(Messages.VI))));
            rendered.en().add(ResultJson.of(r, new Explainer(Messages.of(Messages.EN))));
        });
        var recorded = new CheckService.Recorded(UUID.randomUUID(), results, List.of(), rendered);
        ArrayNode vi = CheckApiController.results(recorded, Messages.VI);
        ArrayNode en = CheckApiController.results(recorded, Messages.EN);
        assertThat(vi.get(0)).isSameAs(rendered.vi().get(0));
        assertThat(en.get(2)).isSameAs(rendered.en().get(2));
        // As the client reads it (numbers typed as JSON text gives them).
        assertThat(JSON.readTree(JSON.writeValueAsString(vi)))
                .isEqualTo(JSON.readTree(SAMPLES.resolve("expected-result.vi.json").toFile()));
        assertThat(JSON.readTree(JSON.writeValueAsString(en)))
                .isEqualTo(JSON.readTree(SAMPLES.resolve("expected-result.en.json").toFile()));
        // Nothing stored to reuse (or not for every list): rendered as before, the same JSON.
        var bare = new CheckService.Recorded(recorded.id(), results, List.of());
        assertThat(CheckApiController.results(bare, Messages.EN)).isEqualTo(en).isNotSameAs(en);
        var partial = new CheckService.Recorded(recorded.id(), results, List.of(),
                new CheckRecords.Rendered(List.of(rendered.vi().get(0)), List.of(rendered.en().get(0))));
        assertThat(CheckApiController.results(partial, Messages.VI)).isEqualTo(vi);
    }
}
