package org.slatecheck.rules.cases;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Read-only view of the rule case files for other tests (the convention test). */
public final class CaseFiles {
    private CaseFiles() {
    }

    /** A case's scope and the rules it expects to fire. */
    public record Summary(List<String> scope, Set<String> expectedRules, List<String> boundary) {
    }

    public static List<Summary> all() {
        return RuleCases.all().stream().map(c -> new Summary(c.scope(),
                c.expected().stream().map(RuleCase.Expected::rule).collect(Collectors.toSet()), c.boundary())).toList();
    }
}
