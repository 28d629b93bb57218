package org.slatecheck.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 22: the lockout rules of {@link SignInGuardTest} (every case of it runs here again) with the counters in the
 * database, and two guards — two application instances — on one database counting the same failures.
 */
@SpringBootTest
class DatabaseSignInGuardTest extends SignInGuardTest {
    @Autowired
    DataSource dataSource;

    /** Made on first use: the data source is injected after the guard's field is set. */
    @Override
    SignInCounters counters() {
        return new SignInCounters() {
            private SignInCounters db;

            private SignInCounters db() {
                if (db == null) {
                    db = new DatabaseSignInCounters(dataSource);
                }
                return db;
            }

            @Override
            public Count get(String key, Instant now) {
                return db().get(key, now);
            }

            @Override
            public Count fail(String key, Instant now, IntFunction<Duration> block) {
                return db().fail(key, now, block);
            }

            @Override
            public void forget(String key) {
                db().forget(key);
            }

            @Override
            public void clear() {
                db().clear();
            }
        };
    }

    @BeforeEach
    void empty() {
        new DatabaseSignInCounters(dataSource).clear();
    }

    @Test
    void twoInstancesOnOneDatabaseThrottleTogether() {
        SignInGuard a = new SignInGuard(new AuditLog(null, null) {
            @Override
            public void append(String actor, String action, String subject, String before, String after,
                    String detail) {
            }
        }, clock, new DatabaseSignInCounters(dataSource));
        for (int i = 0; i < SignInGuard.PAIR_FREE; i++) {
            a.failed("approver", "203.0.113.9", "bad credentials");
        }
        // Instance B (this class's guard) sees the block A counted, with the same wait.
        assertThat(guard.retryAfter("approver", "203.0.113.9")).isEqualTo(30);
        // One more failure on B doubles the block for A too.
        clock.now = clock.now.plusSeconds(31);
        guard.failed("approver", "203.0.113.9", "bad credentials");
        assertThat(a.retryAfter("approver", "203.0.113.9")).isEqualTo(60);
        // Names and addresses are stored as digests only.
        assertThat(new org.springframework.jdbc.core.JdbcTemplate(dataSource).queryForList(
                "select key_digest from sign_in_counter", String.class))
                .isNotEmpty().allMatch(k -> k.matches("[0-9a-f]{64}"));
    }
}
