package org.slatecheck.rules.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.slatecheck.rules.engine.RuleSetSource;
import org.slatecheck.rules.text.Messages;

/**
 * Board wording in the data files (citations, switch reasons and sources, parameter values, sources and labels)
 * holds no control or text-direction character: each is refused by the field, named in words in both languages.
 */
class BoardTextTest {
    static final RuleSetSource SHIPPED = RuleSetSource.shipped("2025-2030");
    static final Documents DOCUMENTS = Documents.parse(SHIPPED.documents(), "documents.csv");

    static void refusedInWords(ParameterException e, String field, String vi, String en) {
        assertThat(e).isNotNull();
        assertThat(e.key()).isEqualTo("control_character");
        assertThat(e.field()).isEqualTo(field);
        assertThat(Messages.of(Messages.VI).text("data.error.control_character", e.args().toArray()))
                .startsWith(vi + " chứa một ký tự điều khiển");
        assertThat(Messages.of(Messages.EN).text("data.error.control_character", e.args().toArray()))
                .startsWith("The " + en + " contains");
    }

    @Test
    void citationsRefuseControlAndDirectionCharacters() {
        for (String bad : List.of("\u0000", "\u0007", "\u001b[2J", "\u007f", "\u0085", "\u202e", "\u2067",
            "\ud800")) {
            String csv = SHIPPED.citations() + "HLT-001,,QD-365-2025,1,,\"Quy định " + bad + " số 1\",x\n";
            refusedInWords(catchThrowableOfType(() -> Citations.parse(csv, "citations.csv", DOCUMENTS),
                    ParameterException.class), "HLT-001", "Văn bản căn cứ", "citation");
        }
        String tabbed = SHIPPED.citations() + "HLT-001,,QD-365-2025,1,,\"Quy định\tsố 1\nĐiều 2\",x\n";
        assertThat(Citations.parse(tabbed, "citations.csv", DOCUMENTS).citation("HLT-001", null,
                java.time.LocalDate.of(2026, 2, 1))).contains("Quy định\tsố 1\nĐiều 2");
    }

    @Test
    void switchReasonsAndSourcesRefuseThem() {
        String header = "rule,enabled,severity,reason,source\n";
        refusedInWords(catchThrowableOfType(() -> RuleSwitches.parse(header + "INT-002,yes,NOTICE,\"Lý do\u202e\","
                + "Nghị quyết 1\n", "switches.csv"), ParameterException.class), "INT-002", "Lý do", "reason");
        refusedInWords(catchThrowableOfType(() -> RuleSwitches.parse(header + "INT-002,yes,NOTICE,Lý do,"
                + "\"Nghị\u0000 quyết 1\"\n", "switches.csv"), ParameterException.class), "INT-002",
                "Nguồn (văn bản căn cứ)", "source");
    }

    @Test
    void parameterSourcesAndLabelsRefuseThem() {
        String source = SHIPPED.values().replaceFirst("(?m)^(discipline\\.period_months,.*)$",
                "$1\ndiscipline.period_months,2026-07-01,24,,,,\"Quy định\u0008 mới\"");
        refusedInWords(catchThrowableOfType(() -> RuleSetParameters.parse(SHIPPED.declarations(), source,
                "values.csv"), ParameterException.class), "discipline.period_months", "Nguồn (văn bản căn cứ)",
                "source");
        String label = SHIPPED.declarations() + "x.new,text,,,,board,congress,\"Nhãn\u2066\",Label\n";
        refusedInWords(catchThrowableOfType(() -> RuleSetParameters.parse(label, SHIPPED.values(), "values.csv"),
                ParameterException.class), "x.new", "Nhãn tiếng Việt", "Vietnamese label");
    }

    @Test
    void whatIsStoredAlreadyPrintsWithoutThem() {
        assertThat(BoardText.printable("Bí\u0000 thư\u202e\tmới\r\nxong\u0007")).isEqualTo("Bí thư mới  xong");
        assertThat(BoardText.printable("Bình thường")).isEqualTo("Bình thường");
        assertThat(BoardText.printable(null)).isNull();
    }
}
