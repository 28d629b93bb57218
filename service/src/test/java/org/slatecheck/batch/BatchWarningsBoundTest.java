package org.slatecheck.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slatecheck.rules.intake.InputWarning;

/**
 * A batch's warnings are bounded as a check's: the unknown relatives in list and line order whatever order the lists
 * were resolved in, the first 100 told and the rest counted; the whole at most {@link BatchWarnings#MAX} plus one.
 */
class BatchWarningsBoundTest {
    static InputWarning relative(long line, String id) {
        return InputWarning.of("n.csv", line, "Người thân", "relative_unknown", id);
    }

    @Test
    void unknownRelativesAreToldInListAndLineOrderTheFirstHundredThenCounted() {
        BatchWarnings w = new BatchWarnings();
        w.relativesIn("n.csv", "Người thân");
        // Lists resolved out of order (parallel partitions): list 2 first, then list 0, then list 1.
        List<InputWarning> two = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            two.add(relative(1000 + i, "X" + i));
        }
        w.relatives(2, two);
        List<InputWarning> zero = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            zero.add(relative(500 + i, "Z" + i));
        }
        w.relatives(0, zero);
        w.relatives(1, List.of(relative(9, "ONE")));

        List<InputWarning> all = w.all();
        assertThat(all).hasSize(101);
        assertThat(all.get(0).line()).isEqualTo(500);
        assertThat(all.get(69).line()).isEqualTo(569);
        assertThat(all.get(70).args()).containsExactly("ONE");
        assertThat(all.get(71).line()).isEqualTo(1000);
        assertThat(all.get(99).line()).isEqualTo(1028);
        assertThat(all.get(100).key()).isEqualTo("relative_unknown_more");
        assertThat(all.get(100).args()).containsExactly("31");
        assertThat(all.get(100).column()).isEqualTo("Người thân");
    }

    @Test
    void manyWarningsAreBoundedWithTheNumberLeftOut() {
        BatchWarnings w = new BatchWarnings();
        w.relativesIn("n.csv", "relatives");
        List<InputWarning> empty = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            empty.add(InputWarning.of("c.csv", i + 2, "congress_id", "congress_empty", "C" + i, "n.csv"));
        }
        w.addAll(empty);
        List<InputWarning> all = w.all();
        assertThat(all).hasSize(BatchWarnings.MAX + 1);
        assertThat(all.get(BatchWarnings.MAX - 1).args()).containsExactly("C199", "n.csv");
        assertThat(all.get(BatchWarnings.MAX).key()).isEqualTo("batch_more");
        assertThat(all.get(BatchWarnings.MAX).args()).containsExactly("50");
    }
}
