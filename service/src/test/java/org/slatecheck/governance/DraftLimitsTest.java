package org.slatecheck.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The compile limits by themselves: one running edit per user, two on the server; the next is refused at once as
 * busy (never queued) with a wait in seconds, and a slot is free again as soon as an edit ends, also by a refusal.
 */
class DraftLimitsTest {
    @Test
    void perUserAndOverallLimitsRefuseAtOnceAndFreeTheirSlots() throws Exception {
        DraftLimits limits = new DraftLimits(1, 2, 3);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch running = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        try {
            Future<String> a = pool.submit(() -> limits.compiling("board", () -> hold(running, release, "a")));
            Future<String> b = pool.submit(() -> limits.compiling("board2", () -> hold(running, release, "b")));
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> limits.compiling("board", () -> "again")).isInstanceOfSatisfying(
                    GovernanceException.class, e -> {
                        assertThat(e.isBusy()).isTrue();
                        assertThat(e.retryAfterSeconds()).isPositive();
                        assertThat(e.getProblems().get(0).key()).isEqualTo("governance.busy_user");
                    });
            assertThatThrownBy(() -> limits.compiling("board3", () -> "third")).isInstanceOfSatisfying(
                    GovernanceException.class, e -> {
                        assertThat(e.isBusy()).isTrue();
                        assertThat(e.getProblems().get(0).key()).isEqualTo("governance.busy");
                    });
            release.countDown();
            assertThat(a.get(10, TimeUnit.SECONDS)).isEqualTo("a");
            assertThat(b.get(10, TimeUnit.SECONDS)).isEqualTo("b");
            // Free again, also after an edit that failed.
            assertThatThrownBy(() -> limits.compiling("board", () -> {
                throw GovernanceException.of("governance.not_draft");
            })).isInstanceOfSatisfying(GovernanceException.class, e -> assertThat(e.isBusy()).isFalse());
            assertThat(limits.compiling("board", () -> "later")).isEqualTo("later");
            assertThat(limits.compiling("board3", () -> "third")).isEqualTo("third");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static String hold(CountDownLatch running, CountDownLatch release, String result) {
        running.countDown();
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return result;
    }
}
