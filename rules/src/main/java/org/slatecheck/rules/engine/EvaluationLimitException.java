package org.slatecheck.rules.engine;

/**
 * A list's evaluation was stopped by a guard of {@link EvaluationLimits}: the rules fired more often than the list's
 * facts can justify, or the evaluation took longer than its time budget. The message names the list by its congress
 * id (never a person); the session it ran in was discarded, nothing of the list was kept.
 */
public final class EvaluationLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Which guard stopped the evaluation. */
    public enum Limit {
        /** More rule firings than {@link EvaluationLimits#maxFirings(int)} allows for the list. */
        FIRINGS,
        /** Longer than the time budget. */
        TIME
    }

    private final String congressId;
    private final Limit limit;
    private final long value;

    EvaluationLimitException(String congressId, Limit limit, long value, Throwable cause) {
        super(message(congressId, limit, value), cause);
        this.congressId = congressId;
        this.limit = limit;
        this.value = value;
    }

    private static String message(String congressId, Limit limit, long value) {
        return switch (limit) {
            case FIRINGS -> "list " + congressId + ": evaluation stopped, the rules fired more than " + value
                    + " times (the limit for this list's size); the rule set loops";
            case TIME -> "list " + congressId + ": evaluation stopped, it took longer than its time budget of "
                    + value + " ms";
        };
    }

    /** The congress id of the list (its only identification; no personal data). */
    public String getCongressId() { return congressId; }

    public Limit getLimit() { return limit; }

    /** The limit that was exceeded: the number of firings, or the budget in milliseconds. */
    public long getValue() { return value; }

    /** The message key of this error in {@code messages_*.properties}; its arguments are congress id and value. */
    public String messageKey() {
        return limit == Limit.FIRINGS ? "evaluation.limit_firings" : "evaluation.limit_time";
    }

    /** The arguments of {@link #messageKey()}: congress id, limit. */
    public Object[] messageArgs() {
        return new Object[] {congressId, String.valueOf(value)};
    }
}
