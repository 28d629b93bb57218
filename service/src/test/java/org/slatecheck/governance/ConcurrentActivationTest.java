package org.slatecheck.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slatecheck.impact.ImpactAnalysis;
import org.slatecheck.rules.engine.RuleSetSnapshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two activations of different terms whose transactions commit in the opposite order of their starts: the checks must
 * see both new versions at once, not lose the one whose commit came first (the map was once built when an activation
 * began and written whole when it committed, dropping a term activated in between until the next reload).
 */
@SpringBootTest
class ConcurrentActivationTest {
    @Autowired
    RuleSetApprovals approvals;
    @Autowired
    RuleSetDrafts drafts;
    @Autowired
    RuleSetVersions versions;
    @Autowired
    RuleSetCache cache;
    @Autowired
    ImpactAnalysis impact;
    @Autowired
    PlatformTransactionManager transactions;

    long active(String term) {
        return versions.versions().stream().filter(v -> v.term().equals(term) && v.status().equals("ACTIVE"))
                .findFirst().orElseThrow().id();
    }

    long approvedDraft(long base, String note) {
        long draft = drafts.createDraft(base, "board");
        drafts.saveParameters(draft, "board", Map.of(), Map.of("age.reelection_min_months", note));
        impact.run(draft, "board", 1);
        approvals.approve(draft, "approver", versions.get(draft).orElseThrow().checksum());
        return draft;
    }

    @Test
    void twoTermsActivatedAtOnceAreBothSeenByTheChecksAfterTheirCommits() throws Exception {
        long old2020 = active("2020-2025");
        long old2025 = active("2025-2030");
        long new2020 = approvedDraft(old2020, "Ghi chú của bài kiểm tra kích hoạt đồng thời (2020)");
        long new2025 = approvedDraft(old2025, "Ghi chú của bài kiểm tra kích hoạt đồng thời (2025)");
        try {
            // The 2020-2025 activation runs in a transaction that stays open while the 2025-2030 one commits.
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                approvals.activate(new2020, "approver");
                CompletableFuture.runAsync(() -> approvals.activate(new2025, "approver")).orTimeout(120,
                        TimeUnit.SECONDS).join();
                assertThat(cache.snapshot().versions().get("2025-2030").version())
                        .isEqualTo(versions.get(new2025).orElseThrow().version());
            });
            Map<String, RuleSetSnapshot.Version> seen = cache.snapshot().versions();
            assertThat(seen.get("2020-2025").version()).isEqualTo(versions.get(new2020).orElseThrow().version());
            assertThat(seen.get("2025-2030").version()).as("the term whose activation committed first")
                    .isEqualTo(versions.get(new2025).orElseThrow().version());
            // ... and the map agrees with the database, as a reload would make it.
            assertThat(active("2020-2025")).isEqualTo(new2020);
            assertThat(active("2025-2030")).isEqualTo(new2025);
        } finally {
            approvals.activate(old2020, "approver"); // put the shipped versions back for the other tests
            approvals.activate(old2025, "approver");
        }
        assertThat(cache.snapshot().versions().get("2025-2030").version())
                .isEqualTo(versions.get(old2025).orElseThrow().version());
    }
}
