package org.slatecheck.screening;

import java.util.ArrayList;
import java.util.List;

import org.slatecheck.rules.engine.RuleSet;
import org.slatecheck.rules.engine.RuleSetSnapshot;
import org.slatecheck.rules.engine.Screening;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.intake.CongressList;
import org.slatecheck.rules.intake.InputException;
import org.slatecheck.rules.intake.InputWarning;
import org.slatecheck.rules.intake.Intake;
import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Nominee;

/**
 * The one screening path of the application: read the two files, pick each congress's rule set by its term from one
 * {@link RuleSetSnapshot} taken when the run starts, screen every list. The command line (shipped sets, or the
 * database's active versions), the pages and API and batches (the registry's active versions), reproduction, impact
 * analysis and the benchmark all come through here, so one run never mixes two versions of a term.
 */
public final class Checker {
    private Checker() {
    }

    /**
     * @return one result per congress, in the order of the congresses file
     * @throws InputException when either file has input errors (nothing is evaluated then)
     */
    public static List<ScreeningResult> check(Intake.Input congresses, Intake.Input nominees,
            RuleSetSnapshot ruleSets) {
        return run(congresses, nominees, ruleSets).results();
    }

    /**
     * The results of a run and what the intake warns about (columns ignored or absent, congresses without nominees
     * and therefore without a result).
     */
    public record Checked(List<ScreeningResult> results, List<InputWarning> warnings) {
        public Checked {
            results = List.copyOf(results);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Like {@link #check}, with the intake's warnings.
     *
     * @throws InputException when either file has input errors (nothing is evaluated then)
     */
    public static Checked run(Intake.Input congresses, Intake.Input nominees, RuleSetSnapshot ruleSets) {
        Intake.Result read = Intake.read(congresses, nominees, ruleSets);
        List<ScreeningResult> results = new ArrayList<>(read.lists().size());
        for (CongressList list : read.lists()) {
            results.add(screen(ruleSets, list.congress(), list.nominees(), read.notCheckedFor(list.congress().getId())));
        }
        return new Checked(results, read.warnings());
    }

    /**
     * Screens one list already read (the batch reads its lists itself, streamed) under the rule set of its
     * congress's term in {@code ruleSets}.
     */
    public static ScreeningResult screen(RuleSetSnapshot ruleSets, Congress congress, List<Nominee> nominees) {
        return screen(ruleSets, congress, nominees, java.util.Map.of());
    }

    /**
     * {@link #screen} with the rules the input cannot support ({@code absent}: each absent column and the rules
     * that need it) listed as not checked and their findings left out.
     */
    public static ScreeningResult screen(RuleSetSnapshot ruleSets, Congress congress, List<Nominee> nominees,
            java.util.Map<String, List<String>> absent) {
        RuleSet ruleSet = ruleSets.ruleSet(congress.getTerm());
        if (ruleSet == null) {
            // The intake refuses a congress whose term has no rule set, so this is a caller's mistake.
            throw new IllegalStateException("no rule set for term " + congress.getTerm() + " in " + ruleSets);
        }
        return Screening.screen(ruleSet, congress, nominees, absent);
    }
}
