package org.slatecheck.rules.election;

/** The ballots of one election as the counting board counted them. */
public final class Tally {
    private final int issued;
    private final int returned;
    private final int valid;
    private final int invalid;

    public Tally(int issued, int returned, int valid, int invalid) {
        this.issued = issued;
        this.returned = returned;
        this.valid = valid;
        this.invalid = invalid;
    }

    public int getIssued() { return issued; }
    public int getReturned() { return returned; }
    public int getValid() { return valid; }
    public int getInvalid() { return invalid; }
}
