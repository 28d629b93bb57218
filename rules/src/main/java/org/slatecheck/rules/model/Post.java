package org.slatecheck.rules.model;

/**
 * Posts and their ranks (docs/specification.md section 2.2). "Standing committee or above" means rank 2 or more.
 */
public enum Post {
    COMMITTEE(1), INSPECTION_MEMBER(1), STANDING_COMMITTEE(2), ORGANISATION_HEAD(2), INSPECTION_CHAIR(2),
    DEPUTY_SECRETARY(3), SECRETARY(4);

    private final int rank;

    Post(int rank) {
        this.rank = rank;
    }

    public int getRank() {
        return rank;
    }
}
