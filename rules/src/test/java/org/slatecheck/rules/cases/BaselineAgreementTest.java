package org.slatecheck.rules.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.slatecheck.bench.Baseline;
import org.slatecheck.bench.BaselineComparison;
import org.slatecheck.rules.engine.RuleSets;
import org.slatecheck.rules.engine.Screening;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.intake.CongressList;
import org.slatecheck.rules.intake.Intake;

/**
 * The benchmark's hand-written baseline must give exactly the Drools facade's result — every finding with its
 * evidence and citation, outcomes, list findings, not-checked list and composition — on every rule case (which sit
 * on the boundaries) and on the shipped sample. The benchmark checks it once more on its whole data set.
 */
class BaselineAgreementTest {

    @TestFactory
    Stream<DynamicTest> everyRuleCase() {
        return RuleCases.all().stream().map(c -> DynamicTest.dynamicTest(c.displayName(), () -> {
            RuleCasesTest.Inputs in = RuleCasesTest.inputs(c);
            ScreeningResult drools = Screening.screen(in.ruleSet(), in.congress(), in.nominees());
            ScreeningResult baseline = Baseline.screen(in.ruleSet(), in.congress(), in.nominees());
            assertThat(BaselineComparison.difference(drools, baseline)).as(c.displayName()).isNull();
        }));
    }

    static List<CongressList> sample() throws Exception {
        Path samples = Path.of("..", "data", "samples");
        return Intake.read(new Intake.Input("congresses.csv", Files.readAllBytes(samples.resolve("congresses.csv"))),
                new Intake.Input("nominees.csv", Files.readAllBytes(samples.resolve("nominees.csv"))),
                org.slatecheck.rules.engine.RuleSetSnapshot.shipped()).lists();
    }

    @Test
    void theShippedSample() throws Exception {
        List<CongressList> lists = sample();
        assertThat(lists).hasSize(3);
        for (CongressList l : lists) {
            var ruleSet = RuleSets.shipped(l.congress().getTerm());
            ScreeningResult drools = Screening.screen(ruleSet, l.congress(), l.nominees());
            assertThat(BaselineComparison.difference(drools, Baseline.screen(ruleSet, l.congress(), l.nominees())))
                    .as(l.congress().getId()).isNull();
        }
    }

    @Test
    void aDifferenceIsReported() throws Exception {
        CongressList l = sample().get(0);
        var ruleSet = RuleSets.shipped(l.congress().getTerm());
        ScreeningResult whole = Screening.screen(ruleSet, l.congress(), l.nominees());
        ScreeningResult shorter = Baseline.screen(ruleSet, l.congress(), l.nominees().subList(1, l.nominees().size()));
        assertThat(BaselineComparison.difference(whole, shorter)).contains("nominee count");
    }
}
