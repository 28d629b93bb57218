package org.slatecheck.batch;

import java.time.Duration;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Claims on a batch's partitions, shared by every instance on one database (issue 22, table {@code batch_partition}).
 * A partition holds whole lists (by hash of the congress id, {@link Spill#partition}); partitions are the groups of
 * lists the instances claim. A claim takes the first partition that is not done and not leased by a live instance,
 * with {@code FOR UPDATE SKIP LOCKED} (two instances asking at once get different partitions); the lease is renewed
 * while the instance works ({@link #renew}) and runs out when it dies, so another instance claims the partition again
 * and stores the lists that are not stored yet.
 */
public final class BatchClaims {
    private final JdbcTemplate jdbc;
    private final String owner;
    private final Duration lease;

    public BatchClaims(JdbcTemplate jdbc, String owner, Duration lease) {
        this.jdbc = jdbc;
        this.owner = owner;
        this.lease = lease;
    }

    public String owner() {
        return owner;
    }

    /** Makes the partition rows of batch {@code id} (once; later calls find them). */
    void prepare(String id, int partitions) {
        jdbc.update("insert into batch_partition (batch_id, part) select ?, g from generate_series(0, ?) g "
                + "on conflict do nothing", id, partitions - 1);
    }

    /** Claims the next free partition of batch {@code id}; null when every partition is done or leased by others. */
    Integer next(String id) {
        List<Integer> got = jdbc.queryForList("update batch_partition set owner = ?, lease_until = now() + "
                + "(? * interval '1 millisecond') where (batch_id, part) = (select batch_id, part from batch_partition "
                + "where batch_id = ? and not done and (lease_until is null or lease_until < now()) order by part "
                + "limit 1 for update skip locked) returning part", Integer.class, owner, lease.toMillis(), id);
        return got.isEmpty() ? null : got.get(0);
    }

    /** Partition {@code part} of batch {@code id} has all its lists stored (by this instance). */
    void done(String id, int part) {
        jdbc.update("update batch_partition set done = true, done_by = ?, lease_until = null where batch_id = ? "
                + "and part = ?", owner, id, part);
    }

    /** Whether every partition of batch {@code id} is done. */
    public boolean allDone(String id) {
        Integer open = jdbc.queryForObject("select count(*) from batch_partition where batch_id = ? and not done",
                Integer.class, id);
        Integer all = jdbc.queryForObject("select count(*) from batch_partition where batch_id = ?", Integer.class, id);
        return open != null && open == 0 && all != null && all > 0;
    }

    /** Renews the leases of the partitions this instance works on. */
    public void renew() {
        jdbc.update("update batch_partition set lease_until = now() + (? * interval '1 millisecond') where owner = ? "
                + "and not done and lease_until is not null", lease.toMillis(), owner);
    }

    /** Forgets the claims of batch {@code id} (a new start of it). */
    public void reset(String id) {
        jdbc.update("delete from batch_partition where batch_id = ?", id);
    }
}
