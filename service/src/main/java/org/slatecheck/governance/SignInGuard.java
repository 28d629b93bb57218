package org.slatecheck.governance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Sign-in throttling and the audit rows of sign-ins, in memory (one application instance).
 *
 * <ul>
 * <li>Throttle: failures are counted per user name and, separately, per client address. From the 5th failure of a
 * key on, that key is blocked for 30 s, doubling with every further failure up to 15 minutes; while blocked every
 * attempt (even with the right password) is answered 429 with Retry-After, and is not checked nor counted. A key
 * without failures for 15 minutes after its block is forgotten; a successful sign-in forgets its user name.</li>
 * <li>Audit, bounded so that unauthenticated clients cannot flood the append-only table: one LOGIN_THROTTLED row
 * when a block starts (one per burst, not per attempt); at most one LOGIN_FAILED row per user name and address per
 * minute; LOGIN once per page session (form or HTTP Basic on pages, which keep their session) and, for the
 * stateless API, at most once per user per 10 minutes. Addresses are never written to the audit log.</li>
 * </ul>
 * The maps are bounded: above {@link #MAX_KEYS} keys the idle ones are dropped; failures beyond that are still
 * throttled per user name once the map has room again, and never write more audit rows than the bound above.
 */
@Component
public class SignInGuard {
    static final int FREE_FAILURES = 5;
    static final Duration FIRST_BLOCK = Duration.ofSeconds(30);
    static final Duration MAX_BLOCK = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    static final Duration FAILED_AUDIT_EVERY = Duration.ofMinutes(1);
    static final Duration API_LOGIN_AUDIT_EVERY = Duration.ofMinutes(10);
    static final int MAX_KEYS = 100_000;
    /** Longer user names are refused before any lookup, and keyed and audited cut to this length. */
    public static final int MAX_NAME = 100;

    private record State(int failures, Instant blockedUntil, Instant last) {
    }

    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Map<String, Instant> failedAudited = new ConcurrentHashMap<>();
    private final Map<String, Instant> apiLoginAudited = new ConcurrentHashMap<>();

    @Autowired
    public SignInGuard(AuditLog audit) {
        this(audit, Clock.systemUTC());
    }

    SignInGuard(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** Seconds the client must wait before it may try again (0: it may try now). */
    public long retryAfter(String username, String address) {
        Instant now = clock.instant();
        return Math.max(wait(userKey(username), now), wait(addressKey(address), now));
    }

    /** A failed sign-in: counted for both keys; a block that starts now writes one LOGIN_THROTTLED row. */
    public void failed(String username, String address, String reason) {
        Instant now = clock.instant();
        boolean userBlocked = count(userKey(username), now);
        boolean addressBlocked = count(addressKey(address), now);
        String actor = actor(username);
        String minute = actor + "|" + (address == null ? "" : address);
        if (failedAudited.size() > MAX_KEYS) {
            failedAudited.values().removeIf(t -> t.isBefore(now.minus(FAILED_AUDIT_EVERY)));
        }
        if (failedAudited.size() <= MAX_KEYS) {
            Instant before = failedAudited.get(minute);
            if (before == null || !before.isAfter(now.minus(FAILED_AUDIT_EVERY))) {
                failedAudited.put(minute, now);
                audit.append(actor, "LOGIN_FAILED", null, null, null, reason);
            }
        }
        if (userBlocked || addressBlocked) {
            audit.append(actor, "LOGIN_THROTTLED", null, null, null, (userBlocked ? "user name" : "")
                    + (userBlocked && addressBlocked ? " and " : "") + (addressBlocked ? "client address" : "")
                    + " blocked for " + retryAfter(username, address) + " s");
        }
    }

    /** A successful sign-in: forgets the user name's failures and writes the LOGIN row (bounded for the API). */
    public void succeeded(String username, boolean api) {
        states.remove(userKey(username));
        if (!api) {
            audit.append(username, "LOGIN", null, null, null, "page");
            return;
        }
        Instant now = clock.instant();
        Instant before = apiLoginAudited.get(username);
        if (before == null || !before.isAfter(now.minus(API_LOGIN_AUDIT_EVERY))) {
            if (apiLoginAudited.size() > MAX_KEYS) {
                apiLoginAudited.clear();
            }
            apiLoginAudited.put(username, now);
            audit.append(username, "LOGIN", null, null, null, "api");
        }
    }

    /** Forgets every counter (operators after an incident; tests between cases). */
    public void clear() {
        states.clear();
        failedAudited.clear();
        apiLoginAudited.clear();
    }

    private long wait(String key, Instant now) {
        State s = key == null ? null : states.get(key);
        if (s == null || s.blockedUntil() == null || !s.blockedUntil().isAfter(now)) {
            return 0;
        }
        return Math.max(1, (Duration.between(now, s.blockedUntil()).toMillis() + 999) / 1000);
    }

    /** Counts a failure of {@code key}; true when a block starts with it. */
    private boolean count(String key, Instant now) {
        if (key == null) {
            return false;
        }
        if (states.size() > MAX_KEYS) {
            states.values().removeIf(s -> forgotten(s, now));
        }
        if (states.size() > MAX_KEYS && !states.containsKey(key)) {
            return false;
        }
        State s = states.compute(key, (k, old) -> {
            State base = old == null || forgotten(old, now) ? new State(0, null, now) : old;
            int failures = base.failures() + 1;
            Instant until = base.blockedUntil();
            if (failures >= FREE_FAILURES) {
                long factor = 1L << Math.min(20, failures - FREE_FAILURES);
                Duration block = FIRST_BLOCK.multipliedBy(factor);
                until = now.plus(block.compareTo(MAX_BLOCK) > 0 ? MAX_BLOCK : block);
            }
            return new State(failures, until, now);
        });
        return s.failures() >= FREE_FAILURES;
    }

    private static boolean forgotten(State s, Instant now) {
        Instant from = s.blockedUntil() != null && s.blockedUntil().isAfter(s.last()) ? s.blockedUntil() : s.last();
        return from.plus(FORGET_AFTER).isBefore(now);
    }

    private static String userKey(String username) {
        return username == null || username.isBlank() ? null
                : "u:" + AuditLog.cut(username, MAX_NAME).toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return address == null || address.isBlank() ? null : "a:" + address;
    }

    private static String actor(String username) {
        return username == null || username.isBlank() ? "anonymous" : AuditLog.cut(username, MAX_NAME);
    }
}
