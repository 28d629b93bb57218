package org.slatecheck.rules.election;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an ELE rule concluded: an error of the tally or the base (nothing is decided while one stands), a candidate's
 * outcome, or a matter the congress must decide (a tie across the last seat, seats left unfilled). The evidence is
 * name → whole number, filled into the rule's message in either language by {@link ElectionExplainer}.
 */
public final class ElectionFinding {
    /** Errors block the decision; outcomes say who is elected; decisions are for the congress to take. */
    public enum Kind { ERROR, OUTCOME, DECISION }

    private final String ruleId;
    private final Kind kind;
    private final String candidateId;
    private final String variant;
    private final Map<String, Integer> evidence;

    private ElectionFinding(String ruleId, Kind kind, String candidateId, String variant, Map<String, Integer> evidence) {
        this.ruleId = ruleId;
        this.kind = kind;
        this.candidateId = candidateId;
        this.variant = variant;
        this.evidence = Collections.unmodifiableMap(evidence);
    }

    /** A finding of {@code ruleId}; {@code pairs} alternate evidence names and numbers. */
    public static ElectionFinding of(String ruleId, String kind, String candidateId, Object... pairs) {
        return variant(ruleId, kind, candidateId, null, pairs);
    }

    /** A finding with a message variant ({@code election.message.ELE-006.issued}). */
    public static ElectionFinding variant(String ruleId, String kind, String candidateId, String variant,
            Object... pairs) {
        Map<String, Integer> evidence = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            evidence.put((String) pairs[i], ((Number) pairs[i + 1]).intValue());
        }
        return new ElectionFinding(ruleId, Kind.valueOf(kind), candidateId, variant, evidence);
    }

    public String getRuleId() { return ruleId; }
    public Kind getKind() { return kind; }
    /** The candidate it is about; null for the election as a whole. */
    public String getCandidateId() { return candidateId; }
    public String getVariant() { return variant; }
    public Map<String, Integer> getEvidence() { return evidence; }
    public boolean isError() { return kind == Kind.ERROR; }

    /** The message key: {@code election.message.RULE} or {@code election.message.RULE.variant}. */
    public String messageKey() {
        return "election.message." + ruleId + (variant == null ? "" : "." + variant);
    }

    @Override
    public String toString() {
        return ruleId + (candidateId == null ? "" : "[" + candidateId + "]") + (variant == null ? "" : "." + variant)
                + evidence;
    }
}
