package org.slatecheck.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.slatecheck.rules.engine.RuleSet;
import org.slatecheck.rules.engine.RuleSetSource;
import org.slatecheck.rules.engine.Screening;
import org.slatecheck.rules.intake.CongressList;
import org.slatecheck.rules.intake.Intake;
import org.slatecheck.rules.engine.RuleSets;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The registry keeps compiled only the active versions and a few recently used others; evicted versions release
 * their KieBase and session pool unless a cached version shares it, and keep working where they are still held.
 * Versions come from a stub instead of the database (no version is active here).
 */
@org.springframework.boot.test.context.SpringBootTest
class RuleSetCacheTest {
    private static final String TERM = "2025-2030";
    /** Far above any real version id, so no fake version is taken for an active one of the database. */
    private static final long OFFSET = 1_000_000_000L;

    /** Ids 1..20: drafts with other parameter values, same DRL; 101..105: drafts with rules of their own (a guided rule each). */
    private static RuleSetSource version(long stored) {
        long id = stored - OFFSET;
        RuleSetSource shipped = RuleSetSource.shipped(TERM);
        String parameters = shipped.values().replaceFirst(",,2025-2030\\.\\d+,", ",,2025-2030.d" + id + ",");
        RuleSetSource draft = shipped.withValues(parameters);
        if (id < 100) {
            return draft;
        }
        // Rules of its own, as a board makes them: a guided rule (its generated DRL differs from version to version).
        String rule = "id: POS-9" + (id - 100) + "0\nseverity: REVIEW\nwhen:\n  - {field: age, op: gt, value: " + (90 + id)
                + "}\ntitle: {vi: t, en: t}\nmessage: {vi: m, en: m}\ncitation: c\n";
        return draft.with("guided/POS-9" + (id - 100) + "0.yaml", rule);
    }

    @org.springframework.beans.factory.annotation.Autowired
    JdbcTemplate jdbc;
    @org.springframework.beans.factory.annotation.Autowired
    AuditLog audit;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void compiledVersionsAndKieBasesStayBounded() throws Exception {
        // The cache on the real database (already seeded by the application), its versions' content from here.
        RuleSetVersions stored = new RuleSetVersions(jdbc, audit, transactions) {
            @Override
            public RuleSetSource source(long id) {
                return RuleSetCacheTest.version(id);
            }
        };
        RuleSetCache cache = new RuleSetCache(jdbc, stored);
        RuleSets.shipped(TERM);
        int basesBefore = RuleSet.cacheSizes()[0];
        RuleSet firstOwnDrl = cache.compiled(OFFSET + 101);
        for (long id = 1; id <= 20; id++) {
            cache.compiled(OFFSET + id);
            assertThat(cache.compiledCount()).isLessThanOrEqualTo(RuleSetCache.RECENT + 1);
        }
        for (long id = 101; id <= 105; id++) {
            cache.compiled(OFFSET + id);
            assertThat(cache.compiledCount()).isLessThanOrEqualTo(RuleSetCache.RECENT + 1);
        }
        for (long id = 1; id <= 20; id++) {
            cache.compiled(OFFSET + id);
        }
        assertThat(cache.compiledCount()).isEqualTo(RuleSetCache.RECENT);
        // The drafts with rules of their own were evicted by then: their KieBases went with them.
        assertThat(RuleSet.isBaseCached(firstOwnDrl)).isFalse();
        // At most one base more than before: another test of this JVM may have compiled the other term meanwhile.
        assertThat(RuleSet.cacheSizes()[0]).isLessThanOrEqualTo(basesBefore + 1);

        // A rule set evicted while a check still holds it keeps working to the end.
        Path dir = Path.of("..", "data", "samples");
        List<CongressList> lists = Intake.read(
                new Intake.Input("congresses.csv", Files.readAllBytes(dir.resolve("congresses.csv"))),
                new Intake.Input("nominees.csv", Files.readAllBytes(dir.resolve("nominees.csv"))),
                org.slatecheck.rules.engine.RuleSetSnapshot.shipped()).lists();
        CongressList list = lists.stream().filter(l -> l.congress().getTerm().equals(TERM)).findFirst().orElseThrow();
        var expected = Screening.screen(RuleSets.shipped(TERM), list.congress(), list.nominees());
        var again = Screening.screen(firstOwnDrl, list.congress(), list.nominees());
        assertThat(again.nominees()).extracting(n -> n.outcome() + " " + n.findings())
                .isEqualTo(expected.nominees().stream().map(n -> n.outcome() + " " + n.findings()).toList());
        // Recompiled on demand.
        assertThat(cache.compiled(OFFSET + 101).getVersion()).isEqualTo("2025-2030.d101");
    }
}
