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
 * Sign-in throttling and the audit rows of sign-ins. The counters live behind {@link SignInCounters}: in the
 * database ({@link DatabaseSignInCounters}) whenever the service has one, so that every instance on one PostgreSQL
 * throttles together (issue 22); in memory ({@link MemorySignInCounters}) otherwise. The policy stays here.
 *
 * <ul>
 * <li>Throttle, on three keys, so that wrong passwords from one client neither lock out the right user elsewhere nor
 * everyone behind one address, while guessing stays slow:
 * <ol>
 * <li>a user name from one client address: blocked from its {@value #PAIR_FREE}th failure on;</li>
 * <li>a client address, whatever names it tries (password spraying): blocked from its {@value #ADDRESS_FREE}th
 * failure on;</li>
 * <li>a user name, from whatever addresses (a distributed attack on one account): blocked from its
 * {@value #NAME_FREE}th failure on.</li>
 * </ol>
 * A block lasts 30 s and doubles with every further failure up to 15 minutes. While any key of an attempt is
 * blocked, the attempt (even with the right password) is answered 429 with Retry-After and is neither checked nor
 * counted; so the right password from a client that has not failed still gets through until the name's own ceiling
 * is reached. A key without failures for 15 minutes after its block is forgotten; a successful sign-in forgets its
 * name-and-address key (not the address's nor the name's, which count other clients).</li>
 * <li>Audit, bounded so that unauthenticated clients cannot flood the append-only table: one LOGIN_THROTTLED row
 * when a block starts (one per burst, not per attempt); at most one LOGIN_FAILED row per user name and address per
 * minute; LOGIN once per page session (form or HTTP Basic on pages, which keep their session) and, for the
 * stateless API, at most once per user per 10 minutes. Addresses are never written to the audit log.</li>
 * </ul>
 * The client address is the connection's ({@code getRemoteAddr}); behind a proxy it is the proxy's unless the server
 * is told to trust forwarded headers ({@code server.forward-headers-strategy}).
 */
@Component
public class SignInGuard {
    /** Failures of one user name from one client address before it is blocked. */
    public static final int PAIR_FREE = 5;
    /** Failures from one client address (any names) before the address is blocked. */
    public static final int ADDRESS_FREE = 20;
    /** Failures of one user name (any addresses) before the name is blocked everywhere. */
    public static final int NAME_FREE = 50;
    static final Duration FIRST_BLOCK = Duration.ofSeconds(30);
    static final Duration MAX_BLOCK = Duration.ofMinutes(15);
    static final Duration FAILED_AUDIT_EVERY = Duration.ofMinutes(1);
    static final Duration API_LOGIN_AUDIT_EVERY = Duration.ofMinutes(10);
    static final int MAX_KEYS = MemorySignInCounters.MAX_KEYS;
    /** Longer user names are refused before any lookup, and keyed and audited cut to this length. */
    public static final int MAX_NAME = 100;

    private final AuditLog audit;
    private final Clock clock;
    private final SignInCounters counters;
    private final Map<String, Instant> failedAudited = new ConcurrentHashMap<>();
    private final Map<String, Instant> apiLoginAudited = new ConcurrentHashMap<>();

    @Autowired
    public SignInGuard(AuditLog audit, org.springframework.beans.factory.ObjectProvider<javax.sql.DataSource> db) {
        this(audit, Clock.systemUTC(), db.getIfAvailable() == null ? new MemorySignInCounters()
                : new DatabaseSignInCounters(db.getIfAvailable()));
    }

    /** Counters in this instance's memory only. */
    public SignInGuard(AuditLog audit) {
        this(audit, Clock.systemUTC(), new MemorySignInCounters());
    }

    SignInGuard(AuditLog audit, Clock clock, SignInCounters counters) {
        this.audit = audit;
        this.clock = clock;
        this.counters = counters;
    }

    /** Seconds the client must wait before it may try again (0: it may try now). */
    public long retryAfter(String username, String address) {
        Instant now = clock.instant();
        return Math.max(wait(pairKey(username, address), now), Math.max(wait(addressKey(address), now),
                wait(nameKey(username), now)));
    }

    /** A failed sign-in: counted for its keys; a block that starts now writes one LOGIN_THROTTLED row. */
    public void failed(String username, String address, String reason) {
        Instant now = clock.instant();
        boolean pairBlocked = count(pairKey(username, address), PAIR_FREE, now);
        boolean addressBlocked = count(addressKey(address), ADDRESS_FREE, now);
        boolean nameBlocked = count(nameKey(username), NAME_FREE, now);
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
        if (pairBlocked || addressBlocked || nameBlocked) {
            // The widest block that starts now names it (the wording the audit page translates).
            audit.append(actor, "LOGIN_THROTTLED", null, null, null, (nameBlocked ? "user name"
                    : addressBlocked ? "client address" : "user name and client address") + " blocked for "
                    + retryAfter(username, address) + " s");
        }
    }

    /**
     * A successful sign-in from {@code address}: forgets the failures of that user name from that address and
     * writes the LOGIN row (bounded for the API).
     */
    public void succeeded(String username, String address, boolean api) {
        String pair = pairKey(username, address);
        if (pair != null) {
            counters.forget(pair);
        }
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

    /**
     * A wait in words in the language of {@code m}: "2 phút 30 giây" / "2 min 30 s", "45 giây" / "45 s", "15 phút" /
     * "15 min".
     */
    public static String inWords(long seconds, org.slatecheck.rules.text.Messages m) {
        long s = Math.max(1, seconds);
        long minutes = s / 60;
        long rest = s % 60;
        if (minutes == 0) {
            return m.text("signin.wait_seconds", String.valueOf(rest));
        }
        return rest == 0 ? m.text("signin.wait_minutes", String.valueOf(minutes))
                : m.text("signin.wait_minutes_seconds", String.valueOf(minutes), String.valueOf(rest));
    }

    /** Forgets every counter (operators after an incident; tests between cases). */
    public void clear() {
        counters.clear();
        failedAudited.clear();
        apiLoginAudited.clear();
    }

    private long wait(String key, Instant now) {
        SignInCounters.Count c = key == null ? null : counters.get(key, now);
        if (c == null || c.blockedUntil() == null || !c.blockedUntil().isAfter(now)) {
            return 0;
        }
        return Math.max(1, (Duration.between(now, c.blockedUntil()).toMillis() + 999) / 1000);
    }

    /** Counts a failure of {@code key}, blocked from its {@code free}th failure on; true when a block starts. */
    private boolean count(String key, int free, Instant now) {
        if (key == null) {
            return false;
        }
        SignInCounters.Count c = counters.fail(key, now, failures -> block(failures, free));
        return c != null && c.failures() >= free;
    }

    /** The block after {@code failures} failures of a key blocked from its {@code free}th on (null: none yet). */
    static Duration block(int failures, int free) {
        if (failures < free) {
            return null;
        }
        Duration block = FIRST_BLOCK.multipliedBy(1L << Math.min(20, failures - free));
        return block.compareTo(MAX_BLOCK) > 0 ? MAX_BLOCK : block;
    }

    private static String name(String username) {
        return AuditLog.cut(username, MAX_NAME).toLowerCase(Locale.ROOT);
    }

    private static String pairKey(String username, String address) {
        // No address known: the name alone, as strictly as one address would be.
        return username == null || username.isBlank() ? null
                : "p:" + (address == null ? "" : address.strip()) + "|" + name(username);
    }

    private static String nameKey(String username) {
        return username == null || username.isBlank() ? null : "u:" + name(username);
    }

    private static String addressKey(String address) {
        return address == null || address.isBlank() ? null : "a:" + address;
    }

    private static String actor(String username) {
        return username == null || username.isBlank() ? "anonymous" : AuditLog.cut(username, MAX_NAME);
    }
}
