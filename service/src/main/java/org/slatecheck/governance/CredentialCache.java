package org.slatecheck.governance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The stateless API checks HTTP Basic credentials on every request; bcrypt on every request would cap its
 * throughput, so a successful check is remembered for 10 minutes, in this process's memory only: user name →
 * SHA-256(per-process random salt ‖ password) and the bcrypt hash it was checked against. A later request is
 * accepted without bcrypt only when the digest matches and the user's stored hash is still the same one (a changed
 * password, or a user removed, makes the entry useless at once); the user row is read on every request, so a
 * disabled user or changed roles count at once. Never written anywhere; at most {@link #MAX} entries.
 */
@Component
public class CredentialCache {
    static final Duration TTL = Duration.ofMinutes(10);
    static final int MAX = 10_000;

    private record Entry(byte[] digest, String storedHash, Instant expires) {
    }

    private final byte[] salt = new byte[32];
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    @Autowired
    public CredentialCache() {
        this(Clock.systemUTC());
    }

    CredentialCache(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    /** True when {@code password} was checked against {@code storedHash} less than 10 minutes ago. */
    public boolean matches(String username, String password, String storedHash) {
        Entry e = entries.get(username);
        if (e == null) {
            return false;
        }
        if (!e.expires().isAfter(clock.instant()) || !e.storedHash().equals(storedHash)) {
            entries.remove(username, e);
            return false;
        }
        return MessageDigest.isEqual(e.digest(), digest(password));
    }

    public void remember(String username, String password, String storedHash) {
        if (entries.size() >= MAX) {
            Instant now = clock.instant();
            entries.values().removeIf(x -> !x.expires().isAfter(now));
            if (entries.size() >= MAX) {
                entries.clear();
            }
        }
        entries.put(username, new Entry(digest(password), storedHash, clock.instant().plus(TTL)));
    }

    /** Forgets a user's entry (password set, user disabled). */
    public void forget(String username) {
        entries.remove(username);
    }

    private byte[] digest(String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
