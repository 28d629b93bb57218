package org.slatecheck.rules.election;

import java.time.LocalDate;
import java.util.List;

/**
 * One election (one body, one round) as the rules see it: what is elected, how many seats, who votes and the base —
 * the official members (or delegates convened, or committee members) less the deductions, each a number with a
 * reason. Immutable.
 */
public final class Election {
    private final Body body;
    private final int round;
    private final int seats;
    private final VoterKind kind;
    private final LocalDate congressDate;
    private final int convened;
    private final List<Deduction> deductions;

    public Election(Body body, int round, int seats, VoterKind kind, LocalDate congressDate, int convened,
            List<Deduction> deductions) {
        this.body = body;
        this.round = round;
        this.seats = seats;
        this.kind = kind;
        this.congressDate = congressDate;
        this.convened = convened;
        this.deductions = List.copyOf(deductions);
    }

    public Body getBody() { return body; }
    public int getRound() { return round; }
    public int getSeats() { return seats; }
    public VoterKind getKind() { return kind; }
    public LocalDate getCongressDate() { return congressDate; }
    /** Official members of the organisation, official delegates convened, or the committee's members. */
    public int getConvened() { return convened; }
    public List<Deduction> getDeductions() { return deductions; }

    /** How many are deducted in all. */
    public int getDeducted() {
        return deductions.stream().mapToInt(Deduction::getCount).sum();
    }

    /** The base a candidate needs more than half of: convened less the deductions. */
    public int getBase() {
        return convened - getDeducted();
    }
}
