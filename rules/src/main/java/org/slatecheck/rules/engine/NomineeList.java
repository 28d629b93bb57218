package org.slatecheck.rules.engine;

import java.util.List;

/**
 * Fact: the nominees of the list being judged, as one fact (issue 20, "one pass"). The list rules only count; the
 * derivations of what they count ({@link ListComposition}, {@link ProposalCounts}) read this fact once per list
 * instead of accumulating every inserted nominee, so the viable-list pass (docs/specification.md section 6) inserts
 * this fact of the viable nominees and no nominee at all. The nominee rules still match the nominees inserted one
 * by one in the first pass.
 */
public final class NomineeList {
    private final List<org.slatecheck.rules.model.Nominee> nominees;

    public NomineeList(List<org.slatecheck.rules.model.Nominee> nominees) {
        this.nominees = List.copyOf(nominees);
    }

    /** The nominees, in the order of the list. */
    public List<org.slatecheck.rules.model.Nominee> getNominees() {
        return nominees;
    }

    /** How many nominees the list has. */
    public int getSize() {
        return nominees.size();
    }
}
