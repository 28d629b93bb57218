package org.slatecheck.governance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slatecheck.rules.engine.RuleSet;
import org.slatecheck.rules.engine.RuleSetSnapshot;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The compiled cache of the stored versions ({@link RuleSetVersions}) and which version of each term is active. Checks
 * take a {@link #snapshot()} of the active versions when they start; activation ({@link RuleSetApprovals#activate})
 * swaps the map in one write, so checks in flight finish on the version they started with and new ones use the new
 * version.
 */
@Service
public class RuleSetCache {
    /** Versions kept compiled besides the active ones (least recently used evicted first). */
    static final int RECENT = 4;

    private final JdbcTemplate jdbc;
    private final RuleSetVersions versions;
    /**
     * Compiled versions: the ACTIVE ones plus the {@value #RECENT} others used last. An evicted version is compiled
     * again when needed (to reproduce an old check, say); its KieBase and session pool are released when no cached
     * version shares them. A check in flight holds its RuleSet, so eviction never disturbs it.
     */
    private final Map<Long, RuleSet> compiled = new ConcurrentHashMap<>();
    /** Version id → tick of its last use, for the LRU of the non-active versions. */
    private final Map<Long, Long> lastUsed = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong ticks = new java.util.concurrent.atomic.AtomicLong();
    /** Term → id of its ACTIVE version; replaced as a whole on activation, never modified in place. */
    private volatile Map<String, Long> active = Map.of();

    public RuleSetCache(JdbcTemplate jdbc, RuleSetVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
        reloadActive();
    }

    /**
     * Reads which version of each term is active from the database again (after a change made outside the registry:
     * an operator's repair, a test putting the shipped state back).
     */
    public void reloadActive() {
        Map<String, Long> map = new HashMap<>();
        jdbc.query("select term, id from rule_set_version where status = 'ACTIVE'",
                rs -> {
                    map.put(rs.getString(1), rs.getLong(2));
                });
        active = Map.copyOf(map);
    }

    /**
     * Makes version {@code id} the active one of {@code term} in one write of the map checks read (when its activation
     * has committed). The change is applied to the map as it is at that moment, not to a copy taken when the
     * activation began: two activations of different terms committing in either order both stay visible.
     */
    synchronized void activate(String term, long id) {
        Map<String, Long> next = new HashMap<>(active);
        next.put(term, id);
        active = Map.copyOf(next);
    }

    /** The compiled rule set of a version (compiled once; DRL shared between versions compiles once). */
    public RuleSet compiled(long id) {
        lastUsed.put(id, ticks.incrementAndGet());
        RuleSet r = compiled.computeIfAbsent(id,
                k -> RuleSet.compile(RuleSetVersions.releaseRulesOnly(k, versions.source(k))));
        trim();
        return r;
    }

    /** How many versions are compiled now (the active ones plus at most {@value #RECENT} others). */
    public int compiledCount() {
        return compiled.size();
    }

    /** Evicts the least recently used non-active versions beyond {@value #RECENT}. */
    private synchronized void trim() {
        Map<String, Long> now = active;
        List<Long> others = new ArrayList<>();
        for (Long id : compiled.keySet()) {
            if (!now.containsValue(id)) {
                others.add(id);
            }
        }
        if (others.size() <= RECENT) {
            return;
        }
        others.sort(java.util.Comparator.comparingLong(id -> lastUsed.getOrDefault(id, 0L)));
        for (Long id : others.subList(0, others.size() - RECENT)) {
            forget(id);
        }
    }

    /** Drops a compiled version; its KieBase goes too unless another cached version shares it. */
    synchronized void forget(long id) {
        RuleSet evicted = compiled.remove(id);
        lastUsed.remove(id);
        if (evicted != null) {
            RuleSet.release(evicted, compiled.values());
        }
    }

    /**
     * The active version of every term, as of now: what a check that starts now uses from start to end. Versions and
     * checksums come without compiling; each term compiles on first use (once per version, shared by snapshots).
     */
    public RuleSetSnapshot snapshot() {
        Map<String, Long> now = active;
        List<RuleSetSnapshot.Entry> entries = new ArrayList<>();
        now.values().forEach(id -> entries.add(entry(id)));
        return RuleSetSnapshot.ofEntries(entries);
    }

    /** Version {@code id} as an entry of a snapshot (an impact analysis puts a draft in place of the active one). */
    public RuleSetSnapshot.Entry entry(long id) {
        RuleSet ready = compiled.get(id);
        if (ready != null) {
            return RuleSetSnapshot.Entry.of(ready, () -> versions.source(id));
        }
        RuleSetVersions.Version v = versions.get(id).orElseThrow(() -> new IllegalArgumentException("no rule set version " + id));
        return RuleSetSnapshot.Entry.lazy(new RuleSetSnapshot.Version(v.term(), v.version(), v.checksum()),
                () -> versions.source(id), () -> compiled(id));
    }

    /** The version that a stored check used for {@code term}, by its version string. */
    public Optional<RuleSet> compiledByVersion(String version) {
        return versions.byVersion(version).map(v -> compiled(v.id()));
    }

    /**
     * The rule sets a stored check (or batch) used, by term, from the versions its lists recorded — still available
     * after they were retired. Empty for a check that stored nothing yet.
     */
    public Map<String, RuleSet> usedBy(java.util.UUID checkId) {
        Map<String, RuleSet> used = new HashMap<>();
        for (Map<String, Object> row : jdbc.queryForList("select distinct term, rule_set_version from list_result "
                + "where check_id = ?", checkId)) {
            compiledByVersion((String) row.get("rule_set_version")).ifPresent(r -> used.put((String) row.get("term"), r));
        }
        return used;
    }

    /**
     * Releases the KieBase of {@code probe} (a rule set compiled only to see whether it compiles) unless a cached
     * version shares it.
     */
    void releaseUnlessCached(RuleSet probe) {
        RuleSet.release(probe, compiled.values());
    }

    /** Forgets the compiled rule set of an edited draft now and again when the edit has committed. */
    void evictCompiled(long id) {
        forget(id);
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            forget(id);
                        }
                    });
        }
    }
}
