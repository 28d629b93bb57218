package org.slatecheck.governance;

import java.time.Instant;

/**
 * Where {@link SignInGuard} keeps its failure counters: one counter per key (a user name from one client address, a
 * client address, a user name). {@link MemorySignInCounters} keeps them in this application instance; a shared
 * store (a database table) can implement the same four operations so that several instances throttle together
 * (issue 22) without changing the policy, which stays in {@link SignInGuard}.
 */
public interface SignInCounters {
    /** A key's count: failures so far, blocked until (null: not blocked), time of the last failure. */
    record Count(int failures, Instant blockedUntil, Instant last) {
    }

    /** The count of {@code key}, or null when it has none (or it was forgotten). */
    Count get(String key, Instant now);

    /**
     * Adds one failure to {@code key} at {@code now} and stores the block that {@code block} gives for the new number
     * of failures (null: none yet); returns the new count, or null when the store is full and the key is new.
     */
    Count fail(String key, Instant now, java.util.function.IntFunction<java.time.Duration> block);

    /** Forgets {@code key}. */
    void forget(String key);

    /** Forgets every key. */
    void clear();
}
