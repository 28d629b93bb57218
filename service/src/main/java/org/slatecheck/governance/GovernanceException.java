package org.slatecheck.governance;

import java.util.List;

import org.slatecheck.rules.text.Messages;

/** A governance action refused, with every reason as a message key and its arguments (shown in vi or en). */
public class GovernanceException extends RuntimeException {
    /** One reason. */
    public record Problem(String key, List<Object> args, String field) {
        public static Problem of(String key, Object... args) {
            return new Problem(key, List.of(args), null);
        }

        /** A problem in a rule set's data, named by the reader's key and the field it concerns. */
        public static Problem data(org.slatecheck.rules.params.ParameterException e) {
            return new Problem("data.error." + e.key(), e.args(), e.field());
        }

        /** The same problem, about {@code name} (a parameter or form field). */
        public Problem on(String name) {
            return new Problem(key, args, name);
        }

        /** The text in {@code m}'s language, prefixed by the field it concerns. */
        public String text(Messages m) {
            String t = m.has(key) ? m.text(key, args.toArray()) : key;
            return field == null ? t : field + ": " + t;
        }
    }

    private final transient List<Problem> problems;
    private final boolean forbidden;
    private final boolean conflict;
    /** Seconds to wait before trying again, for a refusal because the server is busy (HTTP 429); 0 otherwise. */
    private final int retryAfter;

    public GovernanceException(List<Problem> problems) {
        this(problems, false);
    }

    public GovernanceException(List<Problem> problems, boolean forbidden) {
        this(problems, forbidden, false);
    }

    private GovernanceException(List<Problem> problems, boolean forbidden, boolean conflict) {
        this(problems, forbidden, conflict, 0);
    }

    private GovernanceException(List<Problem> problems, boolean forbidden, boolean conflict, int retryAfter) {
        super(problems.isEmpty() ? "refused" : problems.get(0).key());
        this.problems = List.copyOf(problems);
        this.forbidden = forbidden;
        this.conflict = conflict;
        this.retryAfter = retryAfter;
    }

    public static GovernanceException of(String key, Object... args) {
        return new GovernanceException(List.of(Problem.of(key, args)));
    }

    /** A refusal because of who asks (four eyes, not the author): HTTP 403. */
    public static GovernanceException forbidden(String key, Object... args) {
        return new GovernanceException(List.of(Problem.of(key, args)), true);
    }

    /**
     * A refusal because the request is about other content than the version has now (an approval naming a checksum
     * that is not the version's current one): HTTP 409.
     */
    public static GovernanceException conflict(String key, Object... args) {
        return new GovernanceException(List.of(Problem.of(key, args)), false, true);
    }

    /**
     * A refusal because too much of the same work runs now (edits of drafts being compiled): HTTP 429 with
     * Retry-After {@code retryAfterSeconds}; nothing was changed.
     */
    public static GovernanceException busy(int retryAfterSeconds, String key, Object... args) {
        return new GovernanceException(List.of(Problem.of(key, args)), false, false, Math.max(1, retryAfterSeconds));
    }

    /** Seconds after which to try again when {@link #isBusy()}. */
    public int retryAfterSeconds() {
        return retryAfter;
    }

    public boolean isBusy() {
        return retryAfter > 0;
    }

    public boolean isConflict() {
        return conflict;
    }

    public List<Problem> getProblems() {
        return problems;
    }

    public boolean isForbidden() {
        return forbidden;
    }

    public List<String> texts(Messages m) {
        return problems.stream().map(p -> p.text(m)).toList();
    }
}
