package org.slatecheck.rules.engine;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.kie.api.runtime.KieSession;

/**
 * Guards on every evaluation, so that a rule set that loops or explodes (even a shipped or approved one) stops with
 * an {@link EvaluationLimitException} instead of holding a thread and a session for ever:
 * <ul>
 * <li>at most {@code base + perFact × facts} rule firings per list ({@code facts} = nominees + 1 for the congress),
 * fired in chunks with {@link KieSession#fireAllRules(int)};</li>
 * <li>a time budget per list: a shared watchdog thread {@link KieSession#halt() halts} the session when the budget is
 * spent and, if a consequence still has not returned after a grace period, interrupts the evaluating thread (which
 * stops a consequence that sleeps or waits; one that spins without ever returning cannot be stopped inside the
 * JVM).</li>
 * </ul>
 * The defaults come from measuring the shipped rule sets (docs/performance.md, "Evaluation guards"); each can be
 * changed with a system property: {@value #BASE}, {@value #PER_FACT}, {@value #BUDGET}. They are read on every
 * evaluation, so a change applies to the next list.
 */
public final class EvaluationLimits {
    /** Firings allowed to every list whatever its size. */
    public static final String BASE = "slatecheck.maxFiringsBase";
    /** Firings allowed per fact (nominee or congress) of the list. */
    public static final String PER_FACT = "slatecheck.maxFiringsPerFact";
    /** Time budget of one list in milliseconds. */
    public static final String BUDGET = "slatecheck.evaluationBudgetMillis";

    static final long DEFAULT_BASE = 1_000;
    static final long DEFAULT_PER_FACT = 200;
    static final long DEFAULT_BUDGET_MILLIS = 10_000;
    /** Most firings per {@code fireAllRules(max)} call: the cap is checked between chunks. */
    private static final int CHUNK = 5_000;

    private static final System.Logger LOG = System.getLogger(EvaluationLimits.class.getName());
    private static final ScheduledExecutorService WATCHDOG = watchdog();

    private final long base;
    private final long perFact;
    private final long budgetMillis;

    public EvaluationLimits(long base, long perFact, long budgetMillis) {
        if (base < 0 || perFact < 0 || budgetMillis <= 0) {
            throw new IllegalArgumentException("evaluation limits must be positive");
        }
        this.base = base;
        this.perFact = perFact;
        this.budgetMillis = budgetMillis;
    }

    /** The limits as the system properties set them now (defaults for those not set or not a number). */
    public static EvaluationLimits current() {
        return new EvaluationLimits(property(BASE, DEFAULT_BASE), property(PER_FACT, DEFAULT_PER_FACT),
                property(BUDGET, DEFAULT_BUDGET_MILLIS));
    }

    private static long property(String name, long fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long v = Long.parseLong(value.strip());
            return v > 0 ? v : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Most rule firings allowed to a list of {@code facts} facts (nominees + 1). */
    public long maxFirings(int facts) {
        long max = base + perFact * Math.max(1, facts);
        return max < 0 ? Long.MAX_VALUE - 1 : max; // overflow of absurd settings: no cap
    }

    public long budgetMillis() {
        return budgetMillis;
    }

    /**
     * Fires all rules of {@code session} within the limits.
     *
     * @return the number of firings
     * @throws EvaluationLimitException when a limit was exceeded (the session must then be discarded)
     */
    public long fireAllRules(KieSession session, String congressId, int facts) {
        return fireAllRules(session, null, congressId, facts);
    }

    /** The same, letting only the activations {@code filter} accepts fire (null: all). */
    public long fireAllRules(KieSession session, org.kie.api.runtime.rule.AgendaFilter filter, String congressId,
            int facts) {
        long cap = maxFirings(facts);
        Watch watch = new Watch(session, Thread.currentThread(), congressId);
        ScheduledFuture<?> halt = WATCHDOG.schedule(watch::halt, budgetMillis, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> interrupt = WATCHDOG.schedule(watch::interrupt,
                budgetMillis + Math.min(1_000, budgetMillis), TimeUnit.MILLISECONDS);
        long fired = 0;
        try {
            while (true) {
                int chunk = (int) Math.min(CHUNK, cap + 1 - fired);
                int n = filter == null ? session.fireAllRules(chunk) : session.fireAllRules(filter, chunk);
                fired += n;
                if (watch.halted()) {
                    throw new EvaluationLimitException(congressId, EvaluationLimitException.Limit.TIME, budgetMillis,
                            null);
                }
                if (fired > cap) {
                    throw new EvaluationLimitException(congressId, EvaluationLimitException.Limit.FIRINGS, cap, null);
                }
                if (n < chunk) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            // A consequence stopped by the interrupt fails with its own exception: it is the budget that was exceeded.
            if (watch.halted() && !(e instanceof EvaluationLimitException)) {
                throw new EvaluationLimitException(congressId, EvaluationLimitException.Limit.TIME, budgetMillis, e);
            }
            throw e;
        } finally {
            halt.cancel(false);
            interrupt.cancel(false);
            watch.finish();
        }
        if (watch.halted()) { // halted just as the last chunk ended: the session may keep the halt, so it goes too
            throw new EvaluationLimitException(congressId, EvaluationLimitException.Limit.TIME, budgetMillis, null);
        }
        return fired;
    }

    /** The watchdog's view of one evaluation. */
    private static final class Watch {
        private final KieSession session;
        private final Thread worker;
        private final String congressId;
        private boolean done;
        private volatile boolean halted;
        private boolean interrupted;

        Watch(KieSession session, Thread worker, String congressId) {
            this.session = session;
            this.worker = worker;
            this.congressId = congressId;
        }

        synchronized void halt() {
            if (!done) {
                halted = true;
                LOG.log(System.Logger.Level.WARNING, "list {0}: time budget spent, halting its evaluation", congressId);
                session.halt();
            }
        }

        synchronized void interrupt() {
            if (!done) {
                interrupted = true;
                LOG.log(System.Logger.Level.WARNING, "list {0}: a consequence does not return, interrupting it",
                        congressId);
                worker.interrupt();
            }
        }

        boolean halted() {
            return halted;
        }

        /** Ends the watch; an interrupt of ours must not reach the caller's next blocking call. */
        synchronized void finish() {
            done = true;
            if (interrupted) {
                Thread.interrupted();
            }
        }
    }

    private static ScheduledExecutorService watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "slatecheck-evaluation-watchdog");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true); // a finished list's timers do not pile up
        return Executors.unconfigurableScheduledExecutorService(executor);
    }
}
