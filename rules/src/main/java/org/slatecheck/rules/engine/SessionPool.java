package org.slatecheck.rules.engine;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * The session pool of one KieBase, with the bookkeeping Drools' pool lacks: which sessions are out, and whether the
 * pool is retired.
 * <p>
 * How Drools 10.2 pools behave (drools-kiesession {@code StatefulSessionPool}, drools-core {@code ScalablePool}): a
 * pooled session's {@code dispose()} (and {@code destroy()}, which calls it) always resets the session and puts it
 * back into the pool; there is no public way to take one session out of it. {@code KieSessionsPool.shutdown()}
 * really disposes every session the pool ever created, those still in use included. So:
 * <ul>
 * <li>a session that failed (a guard stopped it, or any exception or Error during its evaluation) is
 * {@linkplain Lease#discard() discarded}: it is not disposed (that would return it to the pool), the pool is
 * retired — new sessions come from a new pool — and the retired pool is shut down, disposing the failed session
 * with all others, as soon as none of its sessions is out any more;</li>
 * <li>a released KieBase {@linkplain #retire() retires} its pool the same way, so a check in flight finishes on its
 * session undisturbed.</li>
 * </ul>
 * Thread-safe.
 */
final class SessionPool {
    private static final int INITIAL_SIZE = 4;

    private final KieSessionsPool pool;
    private int out;
    private boolean retired;
    private boolean shutDown;

    SessionPool(KieBase kieBase) {
        this.pool = kieBase.newKieSessionsPool(INITIAL_SIZE);
    }

    /** A session of this pool, or null when the pool is retired (the caller asks a new pool). */
    Lease lease() {
        synchronized (this) {
            if (retired) {
                return null;
            }
            out++;
        }
        try {
            return new Lease(this, pool.newKieSession());
        } catch (RuntimeException | Error e) {
            returned(true);
            throw e;
        }
    }

    /** No new sessions from this pool; it is shut down when its last session comes back. */
    void retire() {
        returned(false, true);
    }

    synchronized boolean isRetired() {
        return retired;
    }

    synchronized boolean isShutDown() {
        return shutDown;
    }

    private void returned(boolean retire) {
        returned(true, retire);
    }

    private void returned(boolean one, boolean retire) {
        boolean shutdown;
        synchronized (this) {
            if (one) {
                out--;
            }
            retired |= retire;
            shutdown = retired && out == 0 && !shutDown;
            shutDown |= shutdown;
        }
        if (shutdown) {
            try {
                pool.shutdown();
            } catch (RuntimeException e) {
                // A broken session may fail to dispose; the pool is unreachable now and goes with the garbage.
            }
        }
    }

    /** One session out of a pool (or a fresh session, unpooled, when {@code pool} is null). */
    static final class Lease {
        private final SessionPool pool;
        private final KieSession session;
        private boolean closed;

        Lease(SessionPool pool, KieSession session) {
            this.pool = pool;
            this.session = session;
        }

        KieSession session() {
            return session;
        }

        /**
         * Ends the lease: {@code evaluated} = the evaluation ended normally, the session goes back to its pool;
         * otherwise it is {@linkplain #discard() discarded}. Never throws when discarding, so that it cannot hide
         * the error that made the evaluation fail.
         */
        void close(boolean evaluated) {
            if (closed) {
                return;
            }
            closed = true;
            if (!evaluated) {
                discard();
                return;
            }
            boolean reset = false;
            try {
                session.dispose(); // pooled: reset and back into the pool
                reset = true;
            } finally {
                if (pool != null) {
                    pool.returned(!reset);
                }
            }
        }

        private void discard() {
            if (pool != null) {
                pool.returned(true);
                return;
            }
            try {
                session.dispose();
            } catch (Throwable e) { // NOPMD: must not hide the error the evaluation failed with
                // an unpooled session is garbage either way
            }
        }
    }
}
