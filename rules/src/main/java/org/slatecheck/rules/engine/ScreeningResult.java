package org.slatecheck.rules.engine;

import java.util.List;

import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.ListStatus;
import org.slatecheck.rules.model.Outcome;
import org.slatecheck.rules.model.Severity;

/**
 * The result of screening one congress list (docs/specification.md section 7): nominees in input order, list findings, and the
 * list checks that could not be made because neither the rule set nor the congress gives their limit, and the
 * list composition the list rules counted (for displays such as a structure panel). The viable list (docs/specification.md
 * section 6) is the list without its INELIGIBLE nominees: {@code viableListFindings} and {@code viableComposition}
 * are the list rules' findings and counts on it, the same objects as those of the list as submitted when nobody is
 * INELIGIBLE.
 */
public record ScreeningResult(Congress congress, String ruleSetId, String ruleSetVersion, String ruleSetChecksum,
        List<NomineeResult> nominees, List<Finding> listFindings, List<String> notChecked,
        ListComposition composition, org.slatecheck.rules.params.Parameters parameters,
        List<Finding> viableListFindings, ListComposition viableComposition) {

    public ScreeningResult {
        nominees = List.copyOf(nominees);
        listFindings = List.copyOf(listFindings);
        notChecked = List.copyOf(notChecked);
        viableListFindings = List.copyOf(viableListFindings);
    }

    public long count(Outcome outcome) {
        return nominees.stream().filter(n -> n.outcome() == outcome).count();
    }

    public ListStatus listStatus() {
        return listFindings.stream().anyMatch(f -> f.getSeverity() == Severity.NON_COMPLIANT)
                ? ListStatus.NON_COMPLIANT : ListStatus.COMPLIANT;
    }

    /** The status of the viable list (the list without its INELIGIBLE nominees). */
    public ListStatus viableListStatus() {
        return viableListFindings.stream().anyMatch(f -> f.getSeverity() == Severity.NON_COMPLIANT)
                ? ListStatus.NON_COMPLIANT : ListStatus.COMPLIANT;
    }

    /** How many nominees the viable list leaves out (the INELIGIBLE ones); 0 when it is the list as submitted. */
    public int viableExcluded() {
        return (int) count(Outcome.INELIGIBLE);
    }
}
