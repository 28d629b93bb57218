package org.slatecheck.rules.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slatecheck.rules.engine.RuleSets;

/**
 * A term's directives as {@code directive} rows of {@code term.csv} (issue 18: the board names the new term's
 * directive with a form): read and written back, a malformed or repeated id refused in words, a shipped term without
 * them unchanged, a new term made from another starting without any.
 */
class TermDirectivesTest {
    static final String FILE = String.join("\n", "entry,value,from,to,earlier_level,source",
            "term,2030-2035,,,,Nhiệm kỳ 2030-2035", "season,,2029-06-14,2031-12-31,,thời gian đại hội",
            "directive,CT-12-2029,,,,", "level,PROVINCE,,,,cả thời gian đại hội", "");

    @Test
    void directiveRowsAreReadAndWrittenBack() {
        Term t = Term.parse(FILE, "term.csv");
        assertThat(t.directives()).containsExactly("CT-12-2029");
        assertThat(Term.parse(t.text(), "term.csv").directives()).containsExactly("CT-12-2029");
        Term two = t.withDirectives(List.of("CT-12-2029", "KL-3-2030"), t.seasonFrom(), LocalDate.of(2032, 6, 30),
                "Nhiệm kỳ 2030-2035 (hai văn bản)");
        Term read = Term.parse(two.text(), "term.csv");
        assertThat(read.directives()).containsExactly("CT-12-2029", "KL-3-2030");
        assertThat(read.seasonTo()).isEqualTo(LocalDate.of(2032, 6, 30));
        assertThat(read.termSource()).isEqualTo("Nhiệm kỳ 2030-2035 (hai văn bản)");
        assertThat(read.next("2035-2040", LocalDate.of(2034, 6, 1), LocalDate.of(2036, 12, 31)).directives())
                .isEmpty();
    }

    @Test
    void aShippedTermHasNoDirectiveRowAndReadsTheSame() {
        Term shipped = RuleSets.term("2025-2030");
        assertThat(shipped.directives()).isEmpty();
        assertThat(shipped.text()).doesNotContain("directive");
    }

    @Test
    void aMalformedOrRepeatedDirectiveIsRefusedInWords() {
        assertThatThrownBy(() -> Term.parse(FILE.replace("CT-12-2029", "ct 12"), "term.csv"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("ct 12");
        assertThatThrownBy(() -> Term.parse(FILE.replace("directive,CT-12-2029,,,,",
                "directive,CT-12-2029,,,,\ndirective,CT-12-2029,,,,"), "term.csv"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("directive");
    }
}
