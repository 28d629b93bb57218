package org.slatecheck.governance;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * The sign-in counters in memory (one application instance). Bounded: above {@link #MAX_KEYS} keys the forgotten
 * ones are dropped, and a new key finds no room until some are (its failures are then not counted here; the other
 * keys of the same attempt still are). A key is forgotten {@link #FORGET_AFTER} after its last failure or the end
 * of its block, whichever is later.
 */
final class MemorySignInCounters implements SignInCounters {
    static final int MAX_KEYS = 100_000;
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);

    private final Map<String, Count> counts = new ConcurrentHashMap<>();

    @Override
    public Count get(String key, Instant now) {
        Count c = counts.get(key);
        return c == null || forgotten(c, now) ? null : c;
    }

    @Override
    public Count fail(String key, Instant now, IntFunction<Duration> block) {
        if (counts.size() > MAX_KEYS) {
            counts.values().removeIf(c -> forgotten(c, now));
        }
        if (counts.size() > MAX_KEYS && !counts.containsKey(key)) {
            return null;
        }
        return counts.compute(key, (k, old) -> {
            Count base = old == null || forgotten(old, now) ? new Count(0, null, now) : old;
            int failures = base.failures() + 1;
            Duration d = block.apply(failures);
            return new Count(failures, d == null ? base.blockedUntil() : now.plus(d), now);
        });
    }

    @Override
    public void forget(String key) {
        counts.remove(key);
    }

    @Override
    public void clear() {
        counts.clear();
    }

    private static boolean forgotten(Count c, Instant now) {
        Instant from = c.blockedUntil() != null && c.blockedUntil().isAfter(c.last()) ? c.blockedUntil() : c.last();
        return from.plus(FORGET_AFTER).isBefore(now);
    }
}
