package org.slatecheck.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.slatecheck.rules.engine.RuleSetSnapshot;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.intake.ColumnGuide.File;
import org.slatecheck.rules.intake.Intake;
import org.slatecheck.screening.Checker;

/**
 * The templates as the intake reads them: a personnel officer who downloads both templates and uploads them as they
 * are (example rows included) gets one list with the example nominee, from the CSV and from the workbook alike.
 * The intake reads their Vietnamese headers, code names and {@code .xlsx} (issue 12 item 1).
 */
class TemplateIntakeTest {

    @Test
    void theCsvTemplatesWithTheirExampleRowsReadAndScreen() {
        List<ScreeningResult> results = Checker.check(
                new Intake.Input("congresses.csv", InputTemplates.csv(File.CONGRESSES)),
                new Intake.Input("nominees.csv", InputTemplates.csv(File.NOMINEES)), RuleSetSnapshot.shipped());
        assertExampleList(results);
    }

    @Test
    void theXlsxTemplatesWithTheirExampleRowsReadAndScreen() {
        Messages vi = Messages.of(Messages.VI);
        List<ScreeningResult> results = Checker.check(
                new Intake.Input("congresses.xlsx", InputTemplates.xlsx(File.CONGRESSES, vi, InputTemplatesTest.SHIPPED_TERMS)),
                new Intake.Input("nominees.xlsx", InputTemplates.xlsx(File.NOMINEES, vi, InputTemplatesTest.SHIPPED_TERMS)), RuleSetSnapshot.shipped());
        assertExampleList(results);
    }

    private static void assertExampleList(List<ScreeningResult> results) {
        assertThat(results).hasSize(1);
        ScreeningResult r = results.get(0);
        assertThat(r.congress().getId()).isEqualTo("TINH-NB-2025");
        assertThat(r.congress().getOrganisation()).isEqualTo("Đảng bộ tỉnh Ninh Bình");
        assertThat(r.nominees()).hasSize(1);
        var n = r.nominees().get(0).nominee();
        assertThat(n.getNomineeId()).isEqualTo("T01");
        assertThat(n.getFullName()).isEqualTo("Nguyễn Văn An");
        assertThat(n.getBirthDate()).hasToString("1968-11-02");
    }
}
