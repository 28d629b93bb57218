package org.slatecheck.rules.election;

/** People deducted from the base: how many, why, and an optional note of the counting board. */
public final class Deduction {
    private final int count;
    private final DeductionReason reason;
    private final String note;

    public Deduction(int count, DeductionReason reason, String note) {
        this.count = count;
        this.reason = reason;
        this.note = note == null ? "" : note;
    }

    public int getCount() { return count; }
    public DeductionReason getReason() { return reason; }
    public String getNote() { return note; }
}
