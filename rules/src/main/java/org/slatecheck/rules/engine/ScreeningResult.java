package org.slatecheck.rules.engine;

import java.util.List;

import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.ListStatus;
import org.slatecheck.rules.model.Outcome;
import org.slatecheck.rules.model.Severity;

/**
 * The result of screening one congress list (RULES.md section 7): nominees in input order, list findings, and the
 * list checks that could not be made because neither the rule set nor the congress gives their limit, and the
 * list composition the list rules counted (for displays such as a structure panel).
 */
public record ScreeningResult(Congress congress, String ruleSetId, String ruleSetVersion, String ruleSetChecksum,
        List<NomineeResult> nominees, List<Finding> listFindings, List<String> notChecked,
        ListComposition composition, org.slatecheck.rules.params.Parameters parameters) {

    public ScreeningResult {
        nominees = List.copyOf(nominees);
        listFindings = List.copyOf(listFindings);
        notChecked = List.copyOf(notChecked);
    }

    public long count(Outcome outcome) {
        return nominees.stream().filter(n -> n.outcome() == outcome).count();
    }

    public ListStatus listStatus() {
        return listFindings.stream().anyMatch(f -> f.getSeverity() == Severity.NON_COMPLIANT)
                ? ListStatus.NON_COMPLIANT : ListStatus.COMPLIANT;
    }
}
