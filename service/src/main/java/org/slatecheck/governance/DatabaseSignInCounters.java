package org.slatecheck.governance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sign-in counters in the database (table {@code sign_in_counter}, issue 22): every instance on one PostgreSQL
 * counts the same failures, so five wrong passwords on one instance throttle the name on all of them. One row per key,
 * keyed by the SHA-256 of the key (user names and addresses are never stored in clear); a failure is one atomic
 * upsert ({@code insert … on conflict do update … returning}), and the block for the new number of failures is
 * written in the same transaction while the row is still locked, so concurrent failures on two instances are both
 * counted and neither block is lost. Forgetting follows {@link MemorySignInCounters}: a key is forgotten
 * {@link MemorySignInCounters#FORGET_AFTER} after its last failure or the end of its block, whichever is later;
 * forgotten rows are deleted at most once a minute per instance.
 */
final class DatabaseSignInCounters implements SignInCounters {
    private static final String FORGOTTEN_FROM = "greatest(c.last_failure, coalesce(c.blocked_until, c.last_failure))";
    private static final Duration CLEAN_EVERY = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AtomicLong lastClean = new AtomicLong();

    DatabaseSignInCounters(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public Count get(String key, Instant now) {
        List<Count> rows = jdbc.query("select failures, blocked_until, last_failure from sign_in_counter c "
                + "where key_digest = ? and " + FORGOTTEN_FROM + " + ?::interval >= ?",
                (rs, i) -> new Count(rs.getInt(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3))),
                digest(key), interval(), Timestamp.from(now));
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Override
    public Count fail(String key, Instant now, IntFunction<Duration> block) {
        clean(now);
        String digest = digest(key);
        Timestamp at = Timestamp.from(now);
        return tx.execute(status -> {
            Count counted = jdbc.queryForObject("insert into sign_in_counter as c (key_digest, failures, "
                    + "blocked_until, last_failure) values (?, 1, null, ?) on conflict (key_digest) do update set "
                    + "failures = case when " + FORGOTTEN_FROM + " + ?::interval < excluded.last_failure then 1 "
                    + "else c.failures + 1 end, "
                    + "blocked_until = case when " + FORGOTTEN_FROM + " + ?::interval < excluded.last_failure then null "
                    + "else c.blocked_until end, last_failure = excluded.last_failure "
                    + "returning failures, blocked_until, last_failure",
                    (rs, i) -> new Count(rs.getInt(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3))),
                    digest, at, interval(), interval());
            Duration d = block.apply(counted.failures());
            if (d == null) {
                return counted;
            }
            Instant until = now.plus(d);
            jdbc.update("update sign_in_counter set blocked_until = ? where key_digest = ?", Timestamp.from(until),
                    digest);
            return new Count(counted.failures(), until, counted.last());
        });
    }

    @Override
    public void forget(String key) {
        jdbc.update("delete from sign_in_counter where key_digest = ?", digest(key));
    }

    @Override
    public void clear() {
        jdbc.update("delete from sign_in_counter");
    }

    private void clean(Instant now) {
        long last = lastClean.get();
        if (now.toEpochMilli() - last < CLEAN_EVERY.toMillis() || !lastClean.compareAndSet(last, now.toEpochMilli())) {
            return;
        }
        jdbc.update("delete from sign_in_counter c where " + FORGOTTEN_FROM + " + ?::interval < ?", interval(),
                Timestamp.from(now));
    }

    private static String interval() {
        return MemorySignInCounters.FORGET_AFTER.toSeconds() + " seconds";
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static String digest(String key) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
