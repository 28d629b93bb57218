package org.slatecheck.rules.engine;

/**
 * Derived fact: the committee maximum that binds this congress, decided by the NUM classification rules, with the
 * parameter it comes from (null when it is the congress row's {@code max_committee_seats}).
 */
public final class CommitteeMaximum {
    private final int seats;
    private final String parameter;

    public CommitteeMaximum(int seats, String parameter) {
        this.seats = seats;
        this.parameter = parameter;
    }

    public int getSeats() { return seats; }
    public String getParameter() { return parameter; }
}
