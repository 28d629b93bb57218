package org.slatecheck.rules.engine;

import java.util.List;

import org.slatecheck.rules.model.Nominee;
import org.slatecheck.rules.model.Post;

/**
 * Derived fact: how many nominees of the list are proposed for each post the number rules count (NUM-007, NUM-008,
 * NUM-009, NUM-011), counted once per list from the {@link NomineeList} (issue 20: before, each rule accumulated the
 * inserted nominees itself, and the viable list needed them all inserted again).
 */
public final class ProposalCounts {
    private final int secretaries;
    private final int inspectionChairs;
    private final int deputySecretaries;
    private final int standingOrAbove;

    private ProposalCounts(int secretaries, int inspectionChairs, int deputySecretaries, int standingOrAbove) {
        this.secretaries = secretaries;
        this.inspectionChairs = inspectionChairs;
        this.deputySecretaries = deputySecretaries;
        this.standingOrAbove = standingOrAbove;
    }

    /** Counts {@code nominees} in one pass. */
    public static ProposalCounts of(List<Nominee> nominees) {
        int secretaries = 0;
        int chairs = 0;
        int deputies = 0;
        int standing = 0;
        for (Nominee n : nominees) {
            if (n.proposes(Post.SECRETARY)) {
                secretaries++;
            }
            if (n.proposes(Post.INSPECTION_CHAIR)) {
                chairs++;
            }
            if (n.proposes(Post.DEPUTY_SECRETARY)) {
                deputies++;
            }
            if (n.isStandingOrAbove()) {
                standing++;
            }
        }
        return new ProposalCounts(secretaries, chairs, deputies, standing);
    }

    /** Nominees proposed for secretary. */
    public int getSecretaries() { return secretaries; }
    /** Nominees proposed for chair of the inspection commission. */
    public int getInspectionChairs() { return inspectionChairs; }
    /** Nominees proposed for deputy secretary. */
    public int getDeputySecretaries() { return deputySecretaries; }
    /** Nominees proposed for the standing committee or above (rank ≥ 2). */
    public int getStandingOrAbove() { return standingOrAbove; }
}
