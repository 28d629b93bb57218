package org.slatecheck.governance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One active rule set on every instance (issue 22). Every change of a version's status sends
 * {@code NOTIFY slatecheck_rulesets} when its transaction commits (a trigger on {@code rule_set_version},
 * {@code 0.7.0-instances.yaml}); this watcher {@code LISTEN}s on a connection of its own and reloads the registry's
 * active versions ({@link RuleSetCache#reloadActive}) at once, then compiles them in the background. As the fallback
 * for a notification missed (the connection broken and made again, a change made with the trigger disabled) it compares
 * the active versions' ids and checksums in the database with what it last saw every {@link #CHECK_EVERY}, so no
 * instance checks with a version retired more than about a second earlier. The web application only; the command line
 * reads the active versions when it starts.
 */
@Component
@ConditionalOnWebApplication
public class ActiveVersionWatcher {
    /** The channel the trigger notifies. */
    public static final String CHANNEL = "slatecheck_rulesets";
    /** How often the active versions are compared when no notification came. */
    static final Duration CHECK_EVERY = Duration.ofMillis(1_000);
    private static final Logger LOG = LoggerFactory.getLogger(ActiveVersionWatcher.class);
    private static final String ACTIVE = "select coalesce(string_agg(id || ':' || checksum, ',' order by id), '') "
            + "from rule_set_version where status = 'ACTIVE'";

    private final DataSource dataSource;
    private final RuleSetCache registry;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile String seen;

    public ActiveVersionWatcher(DataSource dataSource, RuleSetCache registry) {
        this.dataSource = dataSource;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread t = new Thread(this::run, "active-version-watcher");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @jakarta.annotation.PreDestroy
    public synchronized void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                compare(c); // anything changed while not listening
                long next = System.nanoTime() + CHECK_EVERY.toNanos();
                while (running) {
                    long wait = Math.max(1, (next - System.nanoTime()) / 1_000_000);
                    PGNotification[] notes = pg.getNotifications((int) Math.min(wait, CHECK_EVERY.toMillis()));
                    if (notes != null && notes.length > 0) {
                        reload(c);
                    } else if (System.nanoTime() >= next) {
                        compare(c);
                        next = System.nanoTime() + CHECK_EVERY.toNanos();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("rule set watcher: database not reachable, trying again in 1 s ({})",
                            e.getClass().getSimpleName());
                    sleep();
                }
            }
        }
    }

    /** Reloads at once (a notification came). */
    private void reload(Connection c) throws SQLException {
        seen = active(c);
        registry.reloadActive();
        LOG.info("active rule set versions reloaded (notification): {}", active());
        registry.snapshot().compileInBackground("rule-set-reload");
    }

    /** Reloads when the active versions in the database differ from those last seen. */
    private void compare(Connection c) throws SQLException {
        String now = active(c);
        if (!now.equals(seen)) {
            boolean first = seen == null;
            seen = now;
            registry.reloadActive();
            if (!first) {
                LOG.info("active rule set versions reloaded (periodic check): {}",
                        active());
            }
            registry.snapshot().compileInBackground("rule-set-reload");
        }
    }

    /** The active versions' names (for the log line; no personal data). */
    private java.util.List<String> active() {
        return registry.snapshot().versions().values().stream().map(v -> v.version()).sorted().toList();
    }

    private static String active(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(ACTIVE)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
