package org.slatecheck.rules.engine;

import java.util.List;

import org.slatecheck.rules.model.Nominee;
import org.slatecheck.rules.model.Outcome;
import org.slatecheck.rules.model.Severity;

/** One nominee's outcome and findings (sorted with {@link Finding#ORDER}). */
public record NomineeResult(Nominee nominee, Outcome outcome, List<Finding> findings) {
    public NomineeResult {
        findings = List.copyOf(findings);
    }

    /** The outcome docs/specification.md section 1 gives to a set of findings. */
    public static Outcome outcomeOf(List<Finding> findings) {
        boolean review = false;
        for (Finding f : findings) {
            if (f.getSeverity() == Severity.INELIGIBLE) {
                return Outcome.INELIGIBLE;
            }
            review |= f.getSeverity() == Severity.REVIEW;
        }
        return review ? Outcome.REVIEW : Outcome.ELIGIBLE;
    }
}
