package org.slatecheck.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.slatecheck.rules.engine.RuleSet;
import org.slatecheck.rules.engine.RuleSets;
import org.slatecheck.rules.engine.Screening;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.intake.CongressList;
import org.slatecheck.rules.intake.Intake;
import org.slatecheck.rules.intake.InputException;
import org.slatecheck.rules.params.Parameters;

/**
 * The one screening path of the application: read the two files, pick each congress's rule set by its term,
 * screen every list. The command line uses it now; the API and pages will too.
 */
public final class Checker {
    private Checker() {
    }

    /**
     * @return one result per congress, in the order of the congresses file
     * @throws InputException when either file has input errors (nothing is evaluated then)
     */
    public static List<ScreeningResult> check(Intake.Input congresses, Intake.Input nominees) {
        List<CongressList> lists = Intake.read(congresses, nominees, Checker::parameters);
        return screen(lists, Checker::shipped);
    }

    /**
     * The same with the rule sets {@code ruleSets} gives per term (null for a term it does not know): the service
     * passes a snapshot of the active versions, taken once, so one check never mixes two versions of a term.
     */
    public static List<ScreeningResult> check(Intake.Input congresses, Intake.Input nominees,
            Function<String, RuleSet> ruleSets) {
        List<CongressList> lists = Intake.read(congresses, nominees, term -> {
            RuleSet r = ruleSets.apply(term);
            return r == null ? null : r.getParameters();
        });
        return screen(lists, ruleSets);
    }

    private static List<ScreeningResult> screen(List<CongressList> lists, Function<String, RuleSet> ruleSets) {
        List<ScreeningResult> results = new ArrayList<>(lists.size());
        for (CongressList list : lists) {
            RuleSet ruleSet = ruleSets.apply(list.congress().getTerm());
            results.add(Screening.screen(ruleSet, list.congress(), list.nominees()));
        }
        return results;
    }

    /** The shipped rule set of {@code term} (the command line's rule sets), null for an unknown term. */
    public static RuleSet shipped(String term) {
        return RuleSets.TERMS.contains(term) ? RuleSets.shipped(term) : null;
    }

    /** The parameters of the shipped rule set of {@code term}, or null when there is none. */
    public static Parameters parameters(String term) {
        return RuleSets.parameters(term);
    }
}
