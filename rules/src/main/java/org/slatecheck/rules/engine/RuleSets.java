package org.slatecheck.rules.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slatecheck.rules.params.Parameters;

/**
 * The shipped rule sets, one per term, compiled on first use and then shared. Thread-safe. A run takes them as one
 * {@link RuleSetSnapshot#shipped()}.
 */
public final class RuleSets {
    /** The terms RULES.md defines, oldest first. */
    public static final List<String> TERMS = List.of("2020-2025", "2025-2030");

    private static final Map<String, RuleSet> SHIPPED = new ConcurrentHashMap<>();
    private static final Map<String, RuleSetSource> SOURCES = new ConcurrentHashMap<>();
    private static final Map<String, Parameters> PARAMETERS = new ConcurrentHashMap<>();

    private RuleSets() {
    }

    /** The shipped rule set of {@code term}; IllegalArgumentException for an unknown term. */
    public static RuleSet shipped(String term) {
        return SHIPPED.computeIfAbsent(known(term), t -> RuleSet.compile(shippedSource(t)));
    }

    /** The content of the shipped rule set of {@code term} (DRL, parameters, rule case files), read once. */
    public static RuleSetSource shippedSource(String term) {
        return SOURCES.computeIfAbsent(known(term), RuleSetSource::shipped);
    }

    /** The version and checksum of the shipped rule set of {@code term}, without compiling it. */
    public static RuleSetSnapshot.Version shippedVersion(String term) {
        return new RuleSetSnapshot.Version(term, parameters(known(term)).version(), shippedSource(term).checksum());
    }

    private static String known(String term) {
        if (!TERMS.contains(term)) {
            throw new IllegalArgumentException("unknown term " + term);
        }
        return term;
    }

    /** Whether {@code base} is the KieBase of a shipped rule set compiled so far (those are never released). */
    static boolean isShippedBase(org.kie.api.KieBase base) {
        return SHIPPED.values().stream().anyMatch(r -> r.kieBase() == base);
    }

    /**
     * The parameters of the shipped rule set of {@code term} without compiling its rules (the intake needs them to
     * read a congress row; the rules may still be compiling in the background). Null for an unknown term.
     */
    public static Parameters parameters(String term) {
        if (!TERMS.contains(term)) {
            return null;
        }
        RuleSet compiled = SHIPPED.get(term);
        if (compiled != null) {
            return compiled.getParameters();
        }
        return PARAMETERS.computeIfAbsent(term, t -> {
            RuleSetSource source = shippedSource(t);
            return org.slatecheck.rules.params.RuleSetParameters.parse(source.parameters(), source.id() + " parameters")
                    .at(null);
        });
    }
}
