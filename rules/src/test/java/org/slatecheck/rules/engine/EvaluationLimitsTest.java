package org.slatecheck.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slatecheck.rules.intake.CongressList;
import org.slatecheck.rules.intake.Intake;
import org.slatecheck.rules.model.Nominee;

/**
 * The guards on every evaluation: rule sets from test resources (shipped DRL plus one misbehaving file under
 * {@code org/slatecheck/rules/looping/}) stop with {@link EvaluationLimitException}, their sessions are discarded,
 * and the shipped rule sets keep giving the same results, also on other threads meanwhile. No timing asserts beyond
 * generous bounds.
 */
class EvaluationLimitsTest {
    private static final String TERM = "2025-2030";
    private static List<CongressList> samples;
    private static CongressList list;
    private static String expected;

    @BeforeAll
    static void readSamples() throws IOException {
        Path dir = Path.of("..", "data", "samples");
        samples = Intake.read(new Intake.Input("congresses.csv", Files.readAllBytes(dir.resolve("congresses.csv"))),
                new Intake.Input("nominees.csv", Files.readAllBytes(dir.resolve("nominees.csv"))),
                org.slatecheck.rules.engine.RuleSetSnapshot.shipped()).lists();
        list = samples.stream().filter(l -> l.congress().getTerm().equals(TERM)).findFirst().orElseThrow();
        expected = digest(screenShipped(list));
    }

    @AfterEach
    void clearProperties() {
        System.clearProperty(EvaluationLimits.BUDGET);
        System.clearProperty(EvaluationLimits.PER_FACT);
        System.clearProperty(EvaluationLimits.BASE);
    }

    @Test
    void aRuleThatModifiesItsOwnFactForEverHitsTheCap() {
        RuleSet looping = withTestFile("modify-forever.drl");
        long start = System.nanoTime();
        EvaluationLimitException e = assertThrows(EvaluationLimitException.class,
                () -> Screening.screen(looping, list.congress(), list.nominees()));
        assertThat(e.getLimit()).isEqualTo(EvaluationLimitException.Limit.FIRINGS);
        assertThat(e.getValue()).isEqualTo(EvaluationLimits.current().maxFirings(list.nominees().size() + 1));
        assertThat(e.getCongressId()).isEqualTo(list.congress().getId());
        assertThat(e.getMessage()).contains(list.congress().getId()).contains("fired more than");
        assertNoPersonalData(e.getMessage());
        assertThat(System.nanoTime() - start).isLessThan(60_000_000_000L); // generous: it takes milliseconds
        assertThat(digest(screenShipped(list))).isEqualTo(expected);
    }

    @Test
    void slowFiringsRunIntoTheTimeBudget() {
        System.setProperty(EvaluationLimits.BUDGET, "500");
        RuleSet slow = withTestFile("slow-firings.drl");
        EvaluationLimitException e = assertThrows(EvaluationLimitException.class,
                () -> Screening.screen(slow, list.congress(), list.nominees()));
        assertThat(e.getLimit()).isEqualTo(EvaluationLimitException.Limit.TIME);
        assertThat(e.getValue()).isEqualTo(500);
        assertThat(e.getMessage()).contains(list.congress().getId()).contains("time budget");
        assertNoPersonalData(e.getMessage());
        assertThat(digest(screenShipped(list))).isEqualTo(expected);
    }

    @Test
    void aConsequenceThatNeverReturnsIsInterruptedAfterTheBudget() {
        System.setProperty(EvaluationLimits.BUDGET, "300");
        RuleSet sleeping = withTestFile("sleep-forever.drl");
        EvaluationLimitException e = assertThrows(EvaluationLimitException.class,
                () -> Screening.screen(sleeping, list.congress(), list.nominees()));
        assertThat(e.getLimit()).isEqualTo(EvaluationLimitException.Limit.TIME);
        assertThat(Thread.currentThread().isInterrupted()).as("the watchdog's interrupt is cleared").isFalse();
        assertThat(digest(screenShipped(list))).isEqualTo(expected);
    }

    @Test
    void anErrorInAConsequenceIsRethrownAndItsPoolIsRetired() {
        RuleSet failing = withTestFile("error.drl");
        Throwable t = assertThrows(Throwable.class,
                () -> Screening.screen(failing, list.congress(), list.nominees()));
        assertThat(rootCause(t)).isInstanceOf(StackOverflowError.class).hasMessage("test only");
        assertThat(digest(screenShipped(list))).isEqualTo(expected);
    }

    @Test
    void otherListsKeepCompletingWhileALoopingListIsStopped() throws Exception {
        System.setProperty(EvaluationLimits.BUDGET, "1000");
        RuleSet sleeping = withTestFile("sleep-forever.drl");
        RuleSet looping = withTestFile("modify-forever.drl");
        Map<String, String> digests = new TreeMap<>();
        for (CongressList l : samples) {
            digests.put(l.congress().getId(), digest(screenShipped(l)));
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger completed = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                while (!stop.get()) {
                    for (CongressList l : samples) {
                        assertThat(digest(screenShipped(l))).isEqualTo(digests.get(l.congress().getId()));
                        completed.incrementAndGet();
                    }
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "other-user");
        other.start();
        try {
            int before = completed.get();
            assertThatThrownBy(() -> Screening.screen(sleeping, list.congress(), list.nominees()))
                    .isInstanceOf(EvaluationLimitException.class);
            assertThatThrownBy(() -> Screening.screen(looping, list.congress(), list.nominees()))
                    .isInstanceOf(EvaluationLimitException.class);
            // The sleeping list held its thread for its whole budget: the other user went on meanwhile.
            assertThat(completed.get() - before).isGreaterThan(0);
        } finally {
            stop.set(true);
            other.join(60_000);
        }
        assertThat(failure.get()).isNull();
        assertThat(other.isAlive()).isFalse();
    }

    @Test
    void aDiscardedSessionRetiresItsPoolWhichShutsDownWhenTheLastSessionComesBack() {
        RuleSet shipped = RuleSets.shipped(TERM);
        SessionPool pool = new SessionPool(shipped.kieBase());
        SessionPool.Lease a = pool.lease();
        SessionPool.Lease b = pool.lease();
        a.close(false);
        assertThat(pool.isRetired()).isTrue();
        assertThat(pool.lease()).as("no new sessions from a retired pool").isNull();
        assertThat(pool.isShutDown()).as("b is still out and must work to its end").isFalse();
        b.session().insert(list.congress());
        b.session().fireAllRules();
        b.close(true);
        assertThat(pool.isShutDown()).isTrue();
    }

    @Test
    void theCapGrowsWithTheList() {
        EvaluationLimits limits = new EvaluationLimits(1_000, 200, 10_000);
        assertThat(limits.maxFirings(1)).isEqualTo(1_200);
        assertThat(limits.maxFirings(201)).isEqualTo(41_200);
        System.setProperty(EvaluationLimits.PER_FACT, "50");
        System.setProperty(EvaluationLimits.BASE, "oops");
        assertThat(EvaluationLimits.current().maxFirings(10)).isEqualTo(EvaluationLimits.DEFAULT_BASE + 500);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static RuleSet withTestFile(String name) {
        RuleSetSource shipped = RuleSetSource.shipped(TERM);
        String path = "org/slatecheck/rules/looping/" + name;
        try (InputStream in = EvaluationLimitsTest.class.getClassLoader().getResourceAsStream(path)) {
            return RuleSet.compile(shipped.with(path, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ScreeningResult screenShipped(CongressList l) {
        return Screening.screen(RuleSets.shipped(l.congress().getTerm()), l.congress(), l.nominees());
    }

    /** Outcomes and findings of a result, as text to compare. */
    private static String digest(ScreeningResult r) {
        List<String> lines = new ArrayList<>();
        for (NomineeResult n : r.nominees()) {
            lines.add(n.nominee().getNomineeId() + " " + n.outcome() + " " + n.findings());
        }
        lines.add("list " + r.listFindings());
        return String.join("\n", lines);
    }

    private static void assertNoPersonalData(String message) {
        for (Nominee n : list.nominees()) {
            assertThat(message).doesNotContain(n.getFullName());
        }
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
