package org.slatecheck.rules.election;

import java.util.Set;

/**
 * Why people are deducted from the base (the election regulation): at a members' congress the official members
 * temporarily attached elsewhere, exempted from activity and absent, suspended, prosecuted or detained, and absent
 * all congress with an approved reason; at a delegates' congress only the delegates absent for the whole congress.
 * The committee's first meeting counts all its members (no deduction).
 */
public enum DeductionReason {
    ATTACHED_ELSEWHERE(Set.of(VoterKind.MEMBERS)),
    EXEMPT_AND_ABSENT(Set.of(VoterKind.MEMBERS)),
    SUSPENDED(Set.of(VoterKind.MEMBERS)),
    PROSECUTED_OR_DETAINED(Set.of(VoterKind.MEMBERS)),
    ABSENT_WHOLE_CONGRESS(Set.of(VoterKind.MEMBERS, VoterKind.DELEGATES));

    private final Set<VoterKind> kinds;

    DeductionReason(Set<VoterKind> kinds) {
        this.kinds = kinds;
    }

    /** True when a congress of {@code kind} deducts people for this reason. */
    public boolean allowedFor(VoterKind kind) {
        return kinds.contains(kind);
    }
}
