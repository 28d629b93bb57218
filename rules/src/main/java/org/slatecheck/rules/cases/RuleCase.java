package org.slatecheck.rules.cases;

import java.util.List;
import java.util.Map;

/**
 * One rule case from a {@code *.cases.yaml} file: a sentence name, the congress row and nominee rows (CSV column
 * names, merged over clean defaults), optional rule-set parameter overrides, and the expected findings of the rules
 * the file is about; optionally ({@code expectViable}) the expected list findings of the viable list (docs/specification.md
 * section 6: the list without its INELIGIBLE nominees), null when the case does not say; {@code boundary}: the rules
 * whose edge the case sits on (a value exactly at a threshold, the last day before a date — its name says which), so
 * the convention test can require one per rule (empty when it is not a boundary case).
 */
public record RuleCase(String file, List<String> scope, String name, Map<String, String> congress,
        List<Map<String, String>> nominees, Map<String, String> parameters, List<Expected> expected,
        Map<String, String> outcomes, List<String> notChecked, List<Expected> viableExpected,
        List<String> boundary) {

    /** An expected finding: nominee id (null for a list finding), rule, optional severity, evidence subset. */
    public record Expected(String nominee, String rule, String severity, Map<String, Object> evidence) {
    }

    public String displayName() {
        return file.replaceAll(".*/", "") + " › " + name;
    }

    /** The term the case's congress row names (the defaults' 2025-2030 unless the case sets it). */
    public String term() {
        return congress.getOrDefault("term", CaseRunner.DEFAULT_TERM);
    }
}
