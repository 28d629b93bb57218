package org.slatecheck.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slatecheck.bench.Baseline;
import org.slatecheck.rules.model.Conclusion;
import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Level;
import org.slatecheck.rules.model.ListKind;
import org.slatecheck.rules.model.Membership;
import org.slatecheck.rules.model.Nominee;
import org.slatecheck.rules.model.Post;
import org.slatecheck.rules.model.Sex;

/**
 * The family relation (DRV-FAMILY) through an index: one congress where every nominee lists relatives gives exactly
 * the results of the former rule (a join of every nominee with every other, kept as a test resource) and of the
 * hand-written baseline. Only equality is asserted, never time. {@link #main} measures both rules on 20,000
 * nominees (figures in docs/performance.md).
 */
class FamilyRelationScaleTest {
    static final String TERM = "2025-2030";
    /** The family's derivation rules and FAM-001's file (one folder per rule), replaced as one by the old file. */
    static final String FAM = RuleSetSource.RULES_ROOT + "FAM/derived.drl";
    static final String FAM_001 = RuleSetSource.RULES_ROOT + "FAM/FAM-001/FAM-001.drl";
    static final Congress CONGRESS = Congress.builder().id("C1").organisation("Đảng bộ tỉnh Mẫu").level(Level.PROVINCE)
            .term(TERM).referenceMonth(YearMonth.of(2025, 9)).listKind(ListKind.ELECTION_LIST)
            .committeeSeats(60).build();

    @AfterEach
    void clear() {
        System.clearProperty(EvaluationLimits.BUDGET);
        System.clearProperty(EvaluationLimits.PER_FACT);
    }

    @Test
    void indexedRuleGivesTheResultsOfTheQuadraticRuleAndTheBaseline() {
        System.setProperty(EvaluationLimits.BUDGET, "600000");
        List<Nominee> list = nominees(1_500);
        RuleSet indexed = RuleSets.shipped(TERM);
        ScreeningResult now = Screening.screen(indexed, CONGRESS, list);
        ScreeningResult before = Screening.screen(quadratic(), CONGRESS, list);
        ScreeningResult baseline = Baseline.screen(indexed, CONGRESS, list);
        assertThat(digest(now)).isEqualTo(digest(before)).isEqualTo(digest(baseline));
        assertThat(digest(now)).contains("FAM-001");
    }

    /** The former rule "Derive family relation" (every nominee joined with every other), for comparison only. */
    static RuleSet quadratic() {
        String path = "org/slatecheck/rules/famold/FAM-rules-quadratic.drl.txt";
        try (InputStream in = FamilyRelationScaleTest.class.getClassLoader().getResourceAsStream(path)) {
            RuleSetSource shipped = RuleSetSource.shipped(TERM);
            assertThat(shipped.files()).containsKey(FAM).containsKey(FAM_001);
            return RuleSet.compile(shipped.with(FAM_001, null).with(FAM, new String(in.readAllBytes(),
                    StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code count} nominees of one congress, every one listing relatives: the next one, one seven further on, and
     * an id not on the list; every tenth is proposed for a key post, so FAM-001 fires on some pairs.
     */
    static List<Nominee> nominees(int count) {
        List<Nominee> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Set<Post> proposed = i % 10 == 0 ? EnumSet.of(Post.SECRETARY)
                    : i % 10 == 1 ? EnumSet.of(Post.STANDING_COMMITTEE) : EnumSet.of(Post.COMMITTEE);
            list.add(Nominee.builder().congressId("C1").nomineeId("N" + i).fullName("Người " + i)
                    .sex(i % 3 == 0 ? Sex.F : Sex.M).birthDate(LocalDate.of(1965 + i % 30, 1 + i % 12, 1))
                    .membership(Membership.OFFICIAL).incumbent(i % 2 == 0).proposedPosts(proposed)
                    .politicalConclusion(Conclusion.MET).qualityRatings(Map.of()).assetDeclaration(true).healthOk(true)
                    .relatives(List.of("N" + ((i + 1) % count), "N" + ((i + 7) % count), "X" + i)).build());
        }
        return list;
    }

    static String digest(ScreeningResult r) {
        StringBuilder b = new StringBuilder();
        for (NomineeResult n : r.nominees()) {
            b.append(n.nominee().getNomineeId()).append(' ').append(n.outcome()).append(' ').append(n.findings())
                    .append('\n');
        }
        return b.append("list ").append(r.listFindings()).toString();
    }

    /**
     * Measures both rules on one congress ({@code args[0]} nominees, default 20,000, everyone listing relatives),
     * each after one warm-up run, and checks the results are equal. Run from the rules folder after
     * {@code test-compile} with the test classpath.
     */
    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        System.setProperty(EvaluationLimits.BUDGET, "3600000");
        List<Nominee> list = nominees(count);
        RuleSet indexed = RuleSets.shipped(TERM);
        RuleSet quadratic = quadratic();
        Screening.screen(indexed, CONGRESS, list.subList(0, 200));
        Screening.screen(quadratic, CONGRESS, list.subList(0, 200));
        String[] digests = new String[2];
        for (int round = 0; round < 2; round++) {
            for (int k = 0; k < 2; k++) {
                RuleSet set = k == 0 ? quadratic : indexed;
                long start = System.nanoTime();
                ScreeningResult r = Screening.screen(set, CONGRESS, list);
                double s = (System.nanoTime() - start) / 1e9;
                digests[k] = digest(r);
                System.out.printf("round %d %s: %,d nominees in %.2f s%n", round + 1,
                        k == 0 ? "quadratic (before)" : "indexed (after)", count, s);
            }
        }
        System.out.println(digests[0].equals(digests[1]) ? "results identical" : "RESULTS DIFFER");
    }
}
