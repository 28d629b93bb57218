package org.slatecheck.rules.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.slatecheck.rules.params.Parameters;

/**
 * A compiled rule set: id (the term), version, checksum, parameters and the KieBase. Immutable and thread-safe;
 * compiled KieBases are shared between rule sets with the same DRL.
 */
public final class RuleSet {
    private static final Map<String, KieBase> KIE_BASES = new ConcurrentHashMap<>();

    private final String id;
    private final String version;
    private final String checksum;
    private final Parameters parameters;
    private final KieBase kieBase;

    private RuleSet(String id, Parameters parameters, String checksum, KieBase kieBase) {
        this.id = id;
        this.version = parameters.version();
        this.checksum = checksum;
        this.parameters = parameters;
        this.kieBase = kieBase;
    }

    /** Compiles {@code source}; throws {@link RuleSetException} with the compiler's messages when it does not. */
    public static RuleSet compile(RuleSetSource source) {
        Parameters parameters = Parameters.parse(source.parameters(), source.id() + " parameters");
        KieBase kieBase = KIE_BASES.computeIfAbsent(source.drlChecksum(), key -> build(source, key));
        return new RuleSet(source.id(), parameters, source.checksum(), kieBase);
    }

    private static KieBase build(RuleSetSource source, String key) {
        KieServices ks = KieServices.get();
        ReleaseId releaseId = ks.newReleaseId("org.slatecheck.rulesets", "rs-" + key.substring(0, 16), "1.0.0");
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
        source.drlFiles().forEach((path, text) -> kfs.write("src/main/resources/" + path, text));
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (Message m : errors) {
                lines.add(m.getPath() + ":" + m.getLine() + ": " + m.getText());
            }
            throw new RuleSetException("rule set " + source.id() + " does not compile", lines);
        }
        KieBase base = ks.newKieContainer(releaseId).getKieBase();
        // The built KieBase keeps what it needs; the global repository would otherwise keep every module ever built.
        ks.getRepository().removeKieModule(releaseId);
        for (Rule rule : rules(base)) {
            RuleInfo.of(rule); // every rule must carry its metadata before it can be used
        }
        return base;
    }

    /** The rules of {@code base}, sorted by name. */
    static List<Rule> rules(KieBase base) {
        List<Rule> rules = new ArrayList<>();
        for (KiePackage p : base.getKiePackages()) {
            rules.addAll(p.getRules());
        }
        rules.sort(Comparator.comparing(Rule::getName));
        return rules;
    }

    /** The compiled rules, sorted by name. */
    public List<Rule> rules() {
        return rules(kieBase);
    }

    /** The metadata of every rule, sorted by rule name. */
    public List<RuleInfo> ruleInfos() {
        return rules(kieBase).stream().map(RuleInfo::of).toList();
    }

    public String getId() { return id; }
    public String getVersion() { return version; }
    public String getChecksum() { return checksum; }
    public Parameters getParameters() { return parameters; }
    KieBase kieBase() { return kieBase; }

    /**
     * A session for one list, from a pool of the KieBase: closing the lease after a normal evaluation resets the
     * session (empty working memory, agenda and memories) and returns it there, which saves building a session's node
     * memories per list — about 10 % more lists per second in the benchmark, with identical results on every list. A
     * failed evaluation discards its session instead, never to be reused ({@link SessionPool}).
     * {@code -Dslatecheck.sessionPool=false} builds a fresh session every time instead.
     */
    SessionPool.Lease lease() {
        if (!POOLED) {
            return new SessionPool.Lease(null, kieBase.newKieSession());
        }
        while (true) {
            SessionPool pool = POOLS.computeIfAbsent(kieBase, SessionPool::new);
            SessionPool.Lease lease = pool.lease();
            if (lease != null) {
                return lease;
            }
            POOLS.remove(kieBase, pool); // retired after a failure: the next pool is a fresh one
        }
    }

    /**
     * Releases the compiled KieBase of {@code evicted} and its session pool, unless one of {@code kept} (the rule sets
     * the caller still caches) or a shipped rule set shares it: it is no longer cached for later compilations, and
     * its pool is shut down once no session of it is out, so checks in flight finish undisturbed. A rule set still
     * held somewhere keeps working (a new pool is made if it is used again).
     *
     * @return whether the KieBase was released
     */
    public static boolean release(RuleSet evicted, java.util.Collection<RuleSet> kept) {
        KieBase base = evicted.kieBase;
        for (RuleSet r : kept) {
            if (r != evicted && r.kieBase == base) {
                return false;
            }
        }
        if (RuleSets.isShippedBase(base)) {
            return false;
        }
        KIE_BASES.values().removeIf(b -> b == base);
        SessionPool pool = POOLS.remove(base);
        if (pool != null) {
            pool.retire();
        }
        return true;
    }

    /** How many compiled KieBases and session pools are cached (for tests and monitoring). */
    public static int[] cacheSizes() {
        return new int[] {KIE_BASES.size(), POOLS.size()};
    }

    private static final boolean POOLED = !"false".equals(System.getProperty("slatecheck.sessionPool"));
    private static final Map<KieBase, SessionPool> POOLS = new ConcurrentHashMap<>();
}
