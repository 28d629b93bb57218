package org.slatecheck.rules.election;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The decision of one election, assembled from the ELE findings: the status, each candidate's outcome with the
 * finding that explains it, those elected in order of votes, the tie across the last seat (never broken), the next
 * round's list and the errors of the tally. Immutable.
 */
public final class ElectionResult {
    /** INCONSISTENT: the tally or base has errors, nothing decided; TIE / UNFILLED: the congress must decide. */
    public enum Status { DECIDED, TIE, UNFILLED, INCONSISTENT }

    /** A candidate's outcome. UNDECIDED only while the tally has errors. */
    public enum Outcome { ELECTED, TIED, OUTRANKED, NOT_ELECTED, UNDECIDED }

    /** One candidate: votes, outcome, position among the elected (1 = most votes; 0 when not elected). */
    public record CandidateResult(CandidateVotes candidate, Outcome outcome, int rank, ElectionFinding finding) {
    }

    private final Election election;
    private final Tally tally;
    private final List<CandidateResult> candidates;
    private final List<ElectionFinding> findings;
    private final List<ElectionFinding> errors;
    private final Status status;
    private final ElectionRules rules;

    ElectionResult(Election election, Tally tally, List<CandidateVotes> votes, List<ElectionFinding> findings,
            ElectionRules rules) {
        this.election = election;
        this.tally = tally;
        this.rules = rules;
        List<ElectionFinding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing(ElectionFinding::getRuleId)
                .thenComparing(f -> f.getCandidateId() == null ? "" : f.getCandidateId()));
        this.findings = List.copyOf(sorted);
        this.errors = sorted.stream().filter(ElectionFinding::isError).toList();
        Map<String, ElectionFinding> byCandidate = sorted.stream()
                .filter(f -> f.getCandidateId() != null && !f.isError())
                .collect(Collectors.toMap(ElectionFinding::getCandidateId, f -> f, (a, b) -> a));
        List<CandidateResult> out = new ArrayList<>();
        for (CandidateVotes c : votes) {
            ElectionFinding f = byCandidate.get(c.getCandidateId());
            Outcome o = f == null ? Outcome.UNDECIDED : switch (f.getRuleId()) {
                case "ELE-007" -> Outcome.ELECTED;
                case "ELE-008" -> Outcome.TIED;
                case "ELE-009" -> Outcome.OUTRANKED;
                default -> Outcome.NOT_ELECTED;
            };
            int rank = o == Outcome.ELECTED ? f.getEvidence().get("rank") : 0;
            out.add(new CandidateResult(c, o, rank, f));
        }
        this.candidates = List.copyOf(out);
        if (!errors.isEmpty()) {
            status = Status.INCONSISTENT;
        } else if (out.stream().anyMatch(r -> r.outcome() == Outcome.TIED)) {
            status = Status.TIE;
        } else if (sorted.stream().anyMatch(f -> f.getRuleId().equals("ELE-011"))) {
            status = Status.UNFILLED;
        } else {
            status = Status.DECIDED;
        }
    }

    public Election election() { return election; }
    public Tally tally() { return tally; }
    public Status status() { return status; }
    /** Every candidate in the order of the ballot. */
    public List<CandidateResult> candidates() { return candidates; }
    /** Every finding, by rule id then candidate. */
    public List<ElectionFinding> findings() { return findings; }
    /** The errors of the tally or the base (empty when it adds up). */
    public List<ElectionFinding> errors() { return errors; }
    public ElectionRules rules() { return rules; }

    private static final Comparator<CandidateResult> BY_VOTES = Comparator
            .comparingInt((CandidateResult r) -> -r.candidate().getVotes());

    /** Those elected, most votes first (ballot order among equal votes). */
    public List<CandidateResult> elected() {
        return candidates.stream().filter(r -> r.outcome() == Outcome.ELECTED).sorted(BY_VOTES).toList();
    }

    /** The candidates tied across the last seat (empty when there is no tie). */
    public List<CandidateResult> tied() {
        return candidates.stream().filter(r -> r.outcome() == Outcome.TIED).toList();
    }

    /** Seats not filled by this round: the seats of the tie, or those nobody over half took. */
    public int seatsLeft() {
        return election.getSeats() - elected().size();
    }

    /**
     * The next round's list, for the congress to decide on: after a tie, the tied candidates (a further round among
     * them for the seats left); after seats left unfilled, everyone not elected in order of votes; else empty.
     */
    public List<CandidateResult> nextRound() {
        return switch (status) {
            case TIE -> tied();
            case UNFILLED -> candidates.stream().filter(r -> r.outcome() != Outcome.ELECTED).sorted(BY_VOTES).toList();
            default -> List.of();
        };
    }

    /** The finding about the election as a whole (ELE-011), or null. */
    public ElectionFinding unfilled() {
        return findings.stream().filter(f -> f.getRuleId().equals("ELE-011")).findFirst().orElse(null);
    }

    /** {@code votes} as a percentage of the base, two decimals (null when the base is not positive). */
    public BigDecimal percentOfBase(int votes) {
        int base = election.getBase();
        return base <= 0 ? null : BigDecimal.valueOf(votes * 100L).divide(BigDecimal.valueOf(base), 2,
                RoundingMode.HALF_UP);
    }
}
