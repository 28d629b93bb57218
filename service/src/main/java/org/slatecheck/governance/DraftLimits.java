package org.slatecheck.governance;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.slatecheck.config.SlateCheckProperties;
import org.springframework.stereotype.Component;

/**
 * What board members' drafts may take of the server (issue 17 item 5): how many edits of drafts are checked
 * (compiled) at once — per user ({@code slatecheck.limits.max-compiles-per-user}, default 1) and in all
 * ({@code slatecheck.limits.max-compiles}, default 2) — and how many open drafts one user may have per term
 * ({@code slatecheck.limits.max-open-drafts}, default 3). An edit beyond a compile limit is refused at once (never
 * queued: a queued request would hold a server thread), as "busy" with the seconds after which to try again.
 */
@Component
public class DraftLimits {
    private final int perUser;
    private final int overall;
    private volatile int maxOpenDrafts;
    private final Map<String, Integer> running = new HashMap<>();
    private int total;
    /** How long the last edit took from its start to its end: the wait a refused user is advised. */
    private volatile long lastMillis = 5_000;

    @org.springframework.beans.factory.annotation.Autowired
    public DraftLimits(SlateCheckProperties props) {
        this(props.limits().maxCompilesPerUser(), props.limits().maxCompiles(), props.limits().maxOpenDrafts());
    }

    DraftLimits(int perUser, int overall, int maxOpenDrafts) {
        this.perUser = Math.max(1, perUser);
        this.overall = Math.max(1, overall);
        this.maxOpenDrafts = Math.max(1, maxOpenDrafts);
    }

    /** How many drafts of one term one user may have open (DRAFT) at once. */
    public int maxOpenDrafts() {
        return maxOpenDrafts;
    }

    /** Sets {@link #maxOpenDrafts()} until the returned handle is closed (tests of the limit). */
    AutoCloseable maxOpenDraftsForTests(int n) {
        int before = maxOpenDrafts;
        maxOpenDrafts = n;
        return () -> maxOpenDrafts = before;
    }

    /** The seconds a refused user is told to wait: the duration of the last edit, at least 1 s. */
    int retryAfterSeconds() {
        return (int) Math.max(1, Math.min(60, (lastMillis + 999) / 1000));
    }

    /**
     * Runs {@code work} (an edit of a draft that compiles it) as one of the edits allowed at once; refused with a
     * {@link GovernanceException#busy busy} refusal (HTTP 429) when {@code user} already has
     * {@code max-compiles-per-user} running or the server {@code max-compiles}.
     */
    public <T> T compiling(String user, Supplier<T> work) {
        enter(user);
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            lastMillis = (System.nanoTime() - start) / 1_000_000;
            leave(user);
        }
    }

    private synchronized void enter(String user) {
        if (running.getOrDefault(user, 0) >= perUser) {
            throw GovernanceException.busy(retryAfterSeconds(), "governance.busy_user", retryAfterSeconds());
        }
        if (total >= overall) {
            throw GovernanceException.busy(retryAfterSeconds(), "governance.busy", total, retryAfterSeconds());
        }
        running.merge(user, 1, Integer::sum);
        total++;
    }

    private synchronized void leave(String user) {
        running.computeIfPresent(user, (k, n) -> n <= 1 ? null : n - 1);
        total--;
    }
}
