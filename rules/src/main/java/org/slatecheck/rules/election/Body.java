package org.slatecheck.rules.election;

/**
 * The body an election fills (Điều lệ Đảng, Điều 12): the congress elects the committee and the delegates to the
 * higher congress; the committee at its first meeting elects the standing committee, the secretary, the deputy
 * secretaries, the inspection commission and its chair.
 */
public enum Body {
    COMMITTEE, HIGHER_CONGRESS_DELEGATES, STANDING_COMMITTEE, SECRETARY, DEPUTY_SECRETARY, INSPECTION_COMMISSION,
    INSPECTION_CHAIR;

    /** True when the committee elects it at its first meeting (the base is then the committee's members). */
    public boolean electedByCommittee() {
        return this != COMMITTEE && this != HIGHER_CONGRESS_DELEGATES;
    }
}
