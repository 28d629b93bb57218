package org.slatecheck.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slatecheck.rules.text.Messages;

/**
 * Issue 17 item 17: wrong passwords from one client neither lock the right user out elsewhere nor everyone behind one
 * address, while spraying from one address and a distributed attack on one name are still slowed down; the wait in
 * words. The guard alone, on a clock the test moves (the HTTP side is in {@code web/SignInTest}).
 */
class SignInGuardTest {
    /** A clock the test moves by hand. */
    static final class Hand extends Clock {
        Instant now = Instant.parse("2025-06-01T08:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final Hand clock = new Hand();
    final List<String> rows = new ArrayList<>();
    final SignInGuard guard = new SignInGuard(new AuditLog(null, null) {
        @Override
        public void append(String actor, String action, String subject, String before, String after, String detail) {
            rows.add(actor + " " + action + " " + detail);
        }
    }, clock, counters());

    /** Where the guard under test counts (the database variant: {@code DatabaseSignInGuardTest}). */
    SignInCounters counters() {
        return new MemorySignInCounters();
    }

    @Test
    void fiveWrongPasswordsFromOneAddressDoNotBlockTheRightUserElsewhere() {
        for (int i = 0; i < 5; i++) {
            assertThat(guard.retryAfter("approver", "203.0.113.9")).isZero();
            guard.failed("approver", "203.0.113.9", "bad credentials");
        }
        // The attacker's address is blocked for that name (even with the right password: it is not checked) ...
        assertThat(guard.retryAfter("approver", "203.0.113.9")).isEqualTo(30);
        // ... the approver at the office is not, and neither is a colleague behind the attacker's address.
        assertThat(guard.retryAfter("approver", "198.51.100.7")).isZero();
        assertThat(guard.retryAfter("Approver", "198.51.100.7")).isZero();
        assertThat(guard.retryAfter("board", "203.0.113.9")).isZero();
        assertThat(rows).filteredOn(r -> r.contains("LOGIN_THROTTLED"))
                .containsExactly("approver LOGIN_THROTTLED user name and client address blocked for 30 s");

        // The block doubles with each further failure (after it ends) and ends by itself.
        clock.now = clock.now.plusSeconds(31);
        assertThat(guard.retryAfter("approver", "203.0.113.9")).isZero();
        guard.failed("approver", "203.0.113.9", "bad credentials");
        assertThat(guard.retryAfter("approver", "203.0.113.9")).isEqualTo(60);
        // A successful sign-in from the office forgets nothing of the attacker's address.
        guard.succeeded("approver", "198.51.100.7", true);
        assertThat(guard.retryAfter("approver", "203.0.113.9")).isEqualTo(60);
    }

    @Test
    void anAddressTryingManyNamesIsBlocked() {
        for (int i = 0; i < SignInGuard.ADDRESS_FREE - 1; i++) {
            guard.failed("user" + i, "203.0.113.9", "bad credentials");
        }
        assertThat(guard.retryAfter("someone-else", "203.0.113.9")).isZero();
        guard.failed("user-last", "203.0.113.9", "bad credentials");
        assertThat(guard.retryAfter("someone-else", "203.0.113.9")).isEqualTo(30);
        assertThat(guard.retryAfter(null, "203.0.113.9")).isEqualTo(30); // bearer tokens too
        assertThat(guard.retryAfter("someone-else", "198.51.100.7")).isZero();
        assertThat(rows).filteredOn(r -> r.contains("LOGIN_THROTTLED"))
                .containsExactly("user-last LOGIN_THROTTLED client address blocked for 30 s");
    }

    @Test
    void aNameAttackedFromManyAddressesReachesItsCeiling() {
        for (int i = 0; i < SignInGuard.NAME_FREE - 1; i++) {
            guard.failed("approver", "10.0.0." + i, "bad credentials");
        }
        assertThat(guard.retryAfter("approver", "198.51.100.7")).isZero();
        guard.failed("approver", "10.0.1.1", "bad credentials");
        assertThat(guard.retryAfter("approver", "198.51.100.7")).isEqualTo(30);
        assertThat(guard.retryAfter("board", "198.51.100.7")).isZero();
        assertThat(rows).filteredOn(r -> r.contains("LOGIN_THROTTLED"))
                .containsExactly("approver LOGIN_THROTTLED user name blocked for 30 s");
        // Forgotten 15 minutes after the block ends.
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        guard.failed("approver", "10.0.1.2", "bad credentials");
        assertThat(guard.retryAfter("approver", "198.51.100.7")).isZero();
    }

    @Test
    void theWaitIsSaidInWords() {
        Messages vi = Messages.of(Messages.VI);
        Messages en = Messages.of(java.util.Locale.ENGLISH);
        assertThat(SignInGuard.inWords(150, vi)).isEqualTo("2 phút 30 giây");
        assertThat(SignInGuard.inWords(150, en)).isEqualTo("2 min 30 s");
        assertThat(SignInGuard.inWords(30, vi)).isEqualTo("30 giây");
        assertThat(SignInGuard.inWords(30, en)).isEqualTo("30 s");
        assertThat(SignInGuard.inWords(900, vi)).isEqualTo("15 phút");
        assertThat(SignInGuard.inWords(900, en)).isEqualTo("15 min");
        assertThat(vi.text("signin.throttled", SignInGuard.inWords(150, vi)))
                .isEqualTo("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 2 phút 30 giây.");
        assertThat(en.text("signin.throttled", SignInGuard.inWords(150, en)))
                .isEqualTo("Too many failed sign-ins. Try again in 2 min 30 s.");
    }
}
