package org.slatecheck.rules.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The shipped rule sets, one per term, compiled on first use and then shared. Thread-safe. */
public final class RuleSets {
    /** The terms RULES.md defines, oldest first. */
    public static final List<String> TERMS = List.of("2020-2025", "2025-2030");

    private static final Map<String, RuleSet> SHIPPED = new ConcurrentHashMap<>();

    private RuleSets() {
    }

    /** The shipped rule set of {@code term}; IllegalArgumentException for an unknown term. */
    public static RuleSet shipped(String term) {
        if (!TERMS.contains(term)) {
            throw new IllegalArgumentException("unknown term " + term);
        }
        return SHIPPED.computeIfAbsent(term, t -> RuleSet.compile(RuleSetSource.shipped(t)));
    }
}
