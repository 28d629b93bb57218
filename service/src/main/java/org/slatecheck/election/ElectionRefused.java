package org.slatecheck.election;

import java.util.List;

/**
 * An election action refused, in words ({@code election.refused.*} in the message bundles): 409 for the state of
 * the election (confirmed, entries missing or not matching, the same member twice), 400 for a bad request.
 */
public final class ElectionRefused extends RuntimeException {
    private final String key;
    private final List<Object> args;
    private final boolean conflict;
    private final transient List<Elections.Mismatch> mismatches;

    public ElectionRefused(String key, boolean conflict, List<Elections.Mismatch> mismatches, Object... args) {
        super(key);
        this.key = "election.refused." + key;
        this.args = List.of(args);
        this.conflict = conflict;
        this.mismatches = List.copyOf(mismatches);
    }

    public static ElectionRefused conflict(String key, Object... args) {
        return new ElectionRefused(key, true, List.of(), args);
    }

    public String key() { return key; }
    public List<Object> args() { return args; }
    public boolean conflict() { return conflict; }
    public List<Elections.Mismatch> mismatches() { return mismatches; }
}
