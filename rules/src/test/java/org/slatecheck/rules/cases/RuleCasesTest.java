package org.slatecheck.rules.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.slatecheck.rules.engine.Finding;
import org.slatecheck.rules.engine.NomineeResult;
import org.slatecheck.rules.engine.RuleSet;
import org.slatecheck.rules.engine.RuleSetSource;
import org.slatecheck.rules.engine.RuleSets;
import org.slatecheck.rules.engine.Screening;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.explain.Explainer;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.intake.CongressReader;
import org.slatecheck.rules.intake.NomineeReader;
import org.slatecheck.rules.intake.Row;
import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Nominee;
import org.slatecheck.rules.params.Parameters;

/**
 * Runs every rule case file ({@code *.cases.yaml} beside the rule's mirrored path): one JUnit result per case. The
 * rows go through the real intake readers and the real shipped rule set (with the case's parameter overrides), and
 * the findings of the rules the file is about must be exactly the expected ones. Every finding's message must also
 * render in both languages.
 */
class RuleCasesTest {

    @TestFactory
    Stream<DynamicTest> ruleCases() {
        List<RuleCase> cases = RuleCases.all();
        assertThat(cases).isNotEmpty();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.displayName(), () -> run(c)));
    }

    /** What a case screens: its rule set (with the case's parameter overrides), congress and nominees. */
    record Inputs(RuleSet ruleSet, Congress congress, List<Nominee> nominees) {
    }

    static Inputs inputs(RuleCase c) {
        CaseRunner.Inputs in = CaseRunner.inputs(c, RuleSetSource.shipped(c.term()));
        return new Inputs(in.ruleSet(), in.congress(), in.nominees());
    }

    static ScreeningResult screen(RuleCase c) {
        Inputs in = inputs(c);
        return Screening.screen(in.ruleSet(), in.congress(), in.nominees());
    }

    private static void run(RuleCase c) {
        List<String> problems = CaseRunner.problems(c, RuleSetSource.shipped(c.term()));
        if (!problems.isEmpty()) {
            fail(c.displayName() + ":\n  " + String.join("\n  ", problems));
        }
    }
}
