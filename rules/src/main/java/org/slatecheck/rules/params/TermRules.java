package org.slatecheck.rules.params;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * What a congress row is read against: the terms that have a rule set (their seasons and levels by date, from each
 * rule set's {@code term.csv}) and each term's parameters (reference months). A run's
 * {@code RuleSetSnapshot} is one; the intake never lists terms itself.
 */
public interface TermRules {
    /** Every term with a rule set, oldest season first. */
    List<Term> allTerms();

    /** The parameters of {@code term}'s rule set (latest entries), or null when it has none. */
    Parameters parameters(String term);

    /** The term {@code id}, or null when no rule set has it. */
    default Term term(String id) {
        for (Term t : allTerms()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        return null;
    }

    /** These terms with these parameters (a rule case's single term, a test's). */
    static TermRules of(List<Term> terms, Function<String, Parameters> parameters) {
        List<Term> sorted = terms.stream().sorted(Comparator.comparing(Term::seasonFrom)).toList();
        return new TermRules() {
            @Override
            public List<Term> allTerms() {
                return sorted;
            }

            @Override
            public Parameters parameters(String term) {
                return term(term) == null ? null : parameters.apply(term);
            }
        };
    }
}
