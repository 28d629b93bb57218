package org.slatecheck.rules.engine;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.slatecheck.rules.params.Parameters;
import org.slatecheck.rules.params.Term;
import org.slatecheck.rules.params.TermRules;

/**
 * The rule sets one run uses, fixed when it starts: term → version. Every way in (command line, pages, API, batch,
 * impact analysis, draft rule cases, benchmark) takes one snapshot and screens every list under it, so a run never
 * mixes two versions of a term. Built from the shipped sets ({@link #shipped()}), from rule set sources
 * ({@link #of(Collection)}) or by the service's registry (its active versions). Immutable and thread-safe; each term's
 * rules compile at most once, on first use, and {@link #parameters(String)} and {@link #versions()} never wait for
 * that.
 */
public final class RuleSetSnapshot implements TermRules {
    /** What a result names: a term's version and the checksum of its content. */
    public record Version(String term, String version, String checksum) {
    }

    /** One term of a snapshot: its version, and its source, parameters and compiled rules, each made at most once. */
    public static final class Entry {
        private final Version version;
        private final Lazy<RuleSetSource> source;
        private final Lazy<Parameters> parameters;
        private final Lazy<RuleSet> ruleSet;
        private final Lazy<Term> term;

        private Entry(Version version, Supplier<RuleSetSource> source, Supplier<Parameters> parameters,
                Supplier<RuleSet> ruleSet) {
            this.version = version;
            this.source = new Lazy<>(source);
            this.ruleSet = new Lazy<>(ruleSet);
            this.term = new Lazy<>(() -> {
                RuleSet ready = this.ruleSet.ifDone();
                return ready != null ? ready.term() : this.source.get().termData();
            });
            this.parameters = new Lazy<>(() -> {
                RuleSet ready = this.ruleSet.ifDone();
                return ready != null ? ready.getParameters() : parameters.get();
            });
        }

        /**
         * A term whose version and checksum are known without reading its content (a database row); the source is
         * read, and the rules compiled, only when asked for.
         */
        public static Entry lazy(Version version, Supplier<RuleSetSource> source, Supplier<RuleSet> compiled) {
            Lazy<RuleSetSource> read = new Lazy<>(source);
            return new Entry(version, read, () -> parse(read.get()), compiled);
        }

        /** A term from its source, compiled on first use. */
        public static Entry of(RuleSetSource source) {
            Parameters p = parse(source);
            return new Entry(new Version(source.id(), p.version(), source.checksum()), () -> source, () -> p,
                    () -> RuleSet.compile(source));
        }

        /** A term already compiled; {@code source} (may be null) gives its content for rule cases. */
        public static Entry of(RuleSet compiled, Supplier<RuleSetSource> source) {
            Supplier<RuleSetSource> content = source != null ? source : () -> {
                throw new IllegalStateException("no source for rule set " + compiled.getVersion());
            };
            Entry e = new Entry(new Version(compiled.getId(), compiled.getVersion(), compiled.getChecksum()), content,
                    compiled::getParameters, () -> compiled);
            e.ruleSet.get();
            return e;
        }

        public Version version() {
            return version;
        }

        private static Parameters parse(RuleSetSource source) {
            return source.parameterSet().at(null);
        }
    }

    private static volatile RuleSetSnapshot shipped;

    private final Map<String, Entry> entries;

    private RuleSetSnapshot(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(new TreeMap<>(entries));
    }

    /** A snapshot of these entries (at most one per term). */
    public static RuleSetSnapshot ofEntries(Collection<Entry> entries) {
        Map<String, Entry> map = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (map.put(e.version.term(), e) != null) {
                throw new IllegalArgumentException("two rule sets for term " + e.version.term());
            }
        }
        return new RuleSetSnapshot(map);
    }

    /** A snapshot of these sources, one per term, each compiled on first use. */
    public static RuleSetSnapshot of(Collection<RuleSetSource> sources) {
        return ofEntries(sources.stream().map(Entry::of).toList());
    }

    /**
     * The shipped rule sets of every term ({@link RuleSets#terms()}): the command line's rule sets when no database is
     * configured. Compiled once per JVM, shared with {@link RuleSets#shipped(String)}.
     */
    public static RuleSetSnapshot shipped() {
        RuleSetSnapshot s = shipped;
        if (s == null) {
            List<Entry> list = RuleSets.terms().stream().map(term -> new Entry(RuleSets.shippedVersion(term),
                    () -> RuleSets.shippedSource(term), () -> RuleSets.parameters(term),
                    () -> RuleSets.shipped(term))).toList();
            s = ofEntries(list);
            shipped = s;
        }
        return s;
    }

    /** This snapshot with {@code replacements} taking the place of the entries of their terms. */
    public RuleSetSnapshot with(Collection<Entry> replacements) {
        Map<String, Entry> map = new LinkedHashMap<>(entries);
        replacements.forEach(e -> map.put(e.version.term(), e));
        return new RuleSetSnapshot(map);
    }

    /** This snapshot with {@code compiled} (already compiled rule sets) taking the place of their terms. */
    public RuleSetSnapshot withCompiled(Collection<RuleSet> compiled) {
        return with(compiled.stream().map(r -> Entry.of(r, null)).toList());
    }

    /** Every term's season and levels by date, oldest season first (read without compiling any rules). */
    @Override
    public List<Term> allTerms() {
        return entries.values().stream().map(e -> e.term.get())
                .sorted(java.util.Comparator.comparing(Term::seasonFrom)).toList();
    }

    /** The season and levels of {@code term}, or null when the snapshot has none. */
    @Override
    public Term term(String term) {
        Entry e = entries.get(term);
        return e == null ? null : e.term.get();
    }

    /** The terms this snapshot has a rule set for. */
    public Set<String> terms() {
        return entries.keySet();
    }

    /** The compiled rule set of {@code term} (compiling it on first use), or null when the snapshot has none. */
    public RuleSet ruleSet(String term) {
        Entry e = entries.get(term);
        return e == null ? null : e.ruleSet.get();
    }

    /**
     * The parameters of {@code term}, or null when the snapshot has none. Does not wait for the rules to compile:
     * the intake needs them to read congress rows while the rules may still be compiling.
     */
    @Override
    public Parameters parameters(String term) {
        Entry e = entries.get(term);
        return e == null ? null : e.parameters.get();
    }

    /** The content of {@code term}'s version (DRL, parameters, rule case files), or null when the snapshot has none. */
    public RuleSetSource source(String term) {
        Entry e = entries.get(term);
        return e == null ? null : e.source.get();
    }

    /** The version of {@code term}, or null. */
    public Version version(String term) {
        Entry e = entries.get(term);
        return e == null ? null : e.version;
    }

    /** Term → version and checksum, for every term; compiles nothing. */
    public Map<String, Version> versions() {
        Map<String, Version> out = new LinkedHashMap<>();
        entries.forEach((term, e) -> out.put(term, e.version));
        return Collections.unmodifiableMap(out);
    }

    /** Compiles every term's rules on a daemon thread named {@code name}, so the first list does not wait. */
    public Thread compileInBackground(String name) {
        Thread t = new Thread(() -> entries.keySet().forEach(this::ruleSet), name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public String toString() {
        return "RuleSetSnapshot" + versions().values();
    }

    /** A value made on first use, at most once (also under concurrent first use). */
    private static final class Lazy<T> implements Supplier<T> {
        private Supplier<T> make;
        private volatile T value;

        Lazy(Supplier<T> make) {
            this.make = make;
        }

        T ifDone() {
            return value;
        }

        @Override
        public T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = make.get();
                        value = v;
                        make = null;
                    }
                }
            }
            return v;
        }
    }
}
