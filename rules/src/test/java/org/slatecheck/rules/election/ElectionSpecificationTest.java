package org.slatecheck.rules.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** docs/specification.md has the election section, and it names every ELE rule the rule base has. */
class ElectionSpecificationTest {
    @Test
    void theSpecificationHasTheElectionSectionWithEveryRule() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "specification.md"));
        int at = doc.indexOf("## 8. Elections");
        assertThat(at).as("election section").isPositive();
        String section = doc.substring(at);
        for (String id : ElectionRules.shipped().rules().keySet()) {
            assertThat(section).as(id).contains("| " + id + " |");
        }
        assertThat(section).contains("2·votes > base", "244-QĐ/TW", "190-QĐ/TW", "Điều 12");
    }
}
