package org.slatecheck.rules.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.slatecheck.rules.guided.GuidedRule;
import org.slatecheck.rules.guided.GuidedRules;
import org.slatecheck.rules.model.Severity;
import org.slatecheck.rules.params.Citations;
import org.slatecheck.rules.params.ParameterException;
import org.slatecheck.rules.params.RuleSetParameters;
import org.slatecheck.rules.params.RuleSwitches;

/**
 * A compiled rule set: id (the term), version, checksum, its data (dated parameters, dated citations, switches,
 * guided rules) and the KieBase. Immutable and thread-safe; compiled KieBases are shared between rule sets with the
 * same rule text. The rule text compiled is only the release's DRL and the DRL generated from guided rules by a
 * fixed template ({@link GuidedRules#drl}): no text a user typed is ever compiled.
 */
public final class RuleSet {
    private static final Map<String, KieBase> KIE_BASES = new ConcurrentHashMap<>();

    private final String id;
    private final String version;
    private final String checksum;
    private final RuleSetParameters parameters;
    /** The term's season and levels by date ({@code term.csv}). */
    private final org.slatecheck.rules.params.Term term;
    private final Citations citations;
    private final RuleSwitches switches;
    private final org.slatecheck.rules.params.Provinces provinces;
    private final GuidedRules guided;
    private final KieBase kieBase;
    private final Map<String, RuleInfo> decisionRules;
    /** Lets no rule a board turned off fire (by rule name, resolved once); null when no rule is off. */
    private final org.kie.api.runtime.rule.AgendaFilter agendaFilter;
    /**
     * Lets only the list rules and the derivations they read fire, less any rule a board turned off: the viable-list
     * pass (docs/specification.md section 6) evaluates the list rules alone, never the nominee rules.
     */
    private final org.kie.api.runtime.rule.AgendaFilter listAgendaFilter;

    /**
     * The derived facts the list rules read: the list composition, the proposal counts and the congress's standards
     * and committee maximum, all made from the congress, the parameters and the {@link NomineeList} (never from a
     * nominee rule's facts, never from a nominee fact: the viable-list pass inserts none).
     * Guided list rules read only the congress and the list composition ({@code GuidedRules.generate}).
     */
    static final java.util.Set<String> LIST_FACTS = java.util.Set.of("ListComposition", "ProposalCounts",
            "CongressStandards", "CommitteeMaximum");

    private RuleSet(RuleSetSource source, org.slatecheck.rules.params.Term term, RuleSetParameters parameters,
            Citations citations, RuleSwitches switches, org.slatecheck.rules.params.Provinces provinces,
            GuidedRules guided, KieBase kieBase) {
        this.id = source.id();
        this.term = term;
        this.version = parameters.version();
        this.checksum = source.checksum();
        this.parameters = parameters;
        this.citations = citations;
        this.switches = switches;
        this.provinces = provinces;
        this.guided = guided;
        this.kieBase = kieBase;
        Map<String, RuleInfo> decisions = new LinkedHashMap<>();
        for (Rule rule : rules(kieBase)) {
            RuleInfo info = RuleInfo.of(rule);
            if (info.isDecision()) {
                decisions.merge(info.id(), info, (a, b) -> a);
            }
        }
        this.decisionRules = decisions;
        java.util.Set<String> off = new java.util.HashSet<>();
        for (Rule rule : rules(kieBase)) {
            if (!switches.enabled(RuleInfo.of(rule).id())) {
                off.add(rule.getName());
            }
        }
        this.agendaFilter = off.isEmpty() ? null : match -> !off.contains(match.getRule().getName());
        java.util.Set<String> listRules = new java.util.HashSet<>();
        for (Rule rule : rules(kieBase)) {
            RuleInfo info = RuleInfo.of(rule);
            if (isListRule(info) && !off.contains(rule.getName())) {
                listRules.add(rule.getName());
            }
        }
        this.listAgendaFilter = match -> listRules.contains(match.getRule().getName());
    }

    /**
     * Compiles {@code source}; throws {@link RuleSetException} with the compiler's messages when its rules do not
     * compile, and {@link ParameterException} when its data does not read or does not fit its rules (a parameter a
     * rule reads is not declared, a rule has no citation, a switch names an unknown rule or a severity outside the
     * rule's bounds).
     */
    public static RuleSet compile(RuleSetSource source) {
        org.slatecheck.rules.params.Term term = source.termData();
        RuleSetParameters parameters = source.parameterSet();
        org.slatecheck.rules.params.Documents documents = org.slatecheck.rules.params.Documents.parse(
                source.documents(), RuleSetSource.DOCUMENTS);
        Citations citations = Citations.parse(source.citations(), RuleSetSource.CITATIONS, documents);
        RuleSwitches switches = RuleSwitches.parse(source.switches(), RuleSetSource.SWITCHES);
        org.slatecheck.rules.params.Provinces provinces = org.slatecheck.rules.params.Provinces.parse(
                source.provinces(), RuleSetSource.PROVINCES);
        GuidedRules guided = GuidedRules.parse(source.guidedFiles(), parameters);
        Map<String, String> drl = new java.util.TreeMap<>(source.rulesToCompile());
        drl.putAll(guided.drl());
        KieBase kieBase;
        try {
            kieBase = KIE_BASES.computeIfAbsent(RuleSetSource.sha256(drl), key -> build(source.id(), drl, key));
        } catch (RuleSetException e) {
            // Rules generated from guided rules that do not compile are the board's data at fault: said in words,
            // never as the compiler's text about generated classes.
            ParameterException inWords = guided.compileError(e.details());
            if (inWords != null) {
                inWords.initCause(e);
                throw inWords;
            }
            throw e;
        }
        // Every value's source document is one of the registry (a values file names documents by id only).
        for (java.util.List<org.slatecheck.rules.params.Parameter> list : parameters.entries().values()) {
            for (org.slatecheck.rules.params.Parameter p : list) {
                if (!p.document().isEmpty() && documents.get(p.document()) == null) {
                    throw ParameterException.of("document_unknown", p.name(), p.document()).at(RuleSetSource.VALUES);
                }
            }
        }
        RuleSet set = new RuleSet(source, term, parameters, citations, switches, provinces, guided, kieBase);
        set.checkData();
        return set;
    }

    private void checkData() {
        for (Rule rule : rules(kieBase)) {
            RuleInfo info = RuleInfo.of(rule);
            for (String name : info.parameterNames()) {
                if (!name.contains("<LEVEL>") && !parameters.declarations().containsKey(name)) {
                    throw ParameterException.of("unknown", name).at(RuleSetSource.PARAMETERS);
                }
            }
            if (info.isDecision() && !citations.has(info.id()) && !guided.byId().containsKey(info.id())) {
                throw ParameterException.of("citation_missing", info.id()).at(RuleSetSource.CITATIONS);
            }
        }
        for (RuleSwitches.Switch s : switches.all().values()) {
            RuleInfo info = decisionRules.get(s.rule());
            if (info == null) {
                throw ParameterException.of("rule_unknown", s.rule(), s.rule()).at(RuleSetSource.SWITCHES);
            }
            if (s.severity() != null && !info.severities().contains(s.severity())) {
                throw ParameterException.of("severity_not_allowed", s.rule(), s.severity(), info.severities())
                        .at(RuleSetSource.SWITCHES);
            }
        }
    }

    private static KieBase build(String id, Map<String, String> drl, String key) {
        KieServices ks = KieServices.get();
        ReleaseId releaseId = PrecompiledRules.releaseId(ks, key);
        // The shipped rule text was compiled when SlateCheck was built: loading it takes ~1.5 s, compiling 12-20 s.
        org.kie.api.runtime.KieContainer container = PrecompiledRules.loadContainer(ks, releaseId, key);
        if (container == null) {
            KieBuilder builder = PrecompiledRules.builder(ks, releaseId, drl).buildAll(ExecutableModelProject.class);
            List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
            if (!errors.isEmpty()) {
                List<String> lines = new ArrayList<>();
                for (Message m : errors) {
                    lines.add(m.getPath() + ":" + m.getLine() + ": " + m.getText());
                }
                throw new RuleSetException("rule set " + id + " does not compile", lines);
            }
            container = ks.newKieContainer(releaseId);
        }
        KieBase base = container.getKieBase();
        CONTAINERS.put(base, container);
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

    /** The decision rules by id (the first rule of each id). */
    public Map<String, RuleInfo> decisionRules() {
        return decisionRules;
    }

    public String getId() { return id; }
    public String getVersion() { return version; }
    public String getChecksum() { return checksum; }
    /** The term's parameters: the release's declarations and the term's dated values. */
    public RuleSetParameters parameters() { return parameters; }
    /** The term's season and levels by date. */
    public org.slatecheck.rules.params.Term term() { return term; }
    /** The latest parameter values (for reading congress rows and for displays); rules use those of the date. */
    public org.slatecheck.rules.params.Parameters getParameters() { return parameters.at(null); }
    public Citations citations() { return citations; }
    public RuleSwitches switches() { return switches; }
    /** The term's arrangement of provinces (LOC-001); {@code Provinces.NONE} when it has none. */
    public org.slatecheck.rules.params.Provinces provinces() { return provinces; }
    public GuidedRules guided() { return guided; }
    KieBase kieBase() { return kieBase; }

    /** The agenda filter of the board's switches (no rule turned off fires); null when none is off. */
    org.kie.api.runtime.rule.AgendaFilter agendaFilter() {
        return agendaFilter;
    }

    /** The agenda filter of the viable-list pass: the list rules and their derivations, less those switched off. */
    org.kie.api.runtime.rule.AgendaFilter listAgendaFilter() {
        return listAgendaFilter;
    }

    /** The severity findings of {@code ruleId} get under this rule set's switches. */
    Severity severityOf(String ruleId, Severity shipped) {
        Severity s = switches.severity(ruleId);
        return s == null ? shipped : s;
    }

    /** The guided rule {@code ruleId} of this rule set, or null. */
    public GuidedRule guidedRule(String ruleId) {
        return guided.byId().get(ruleId);
    }

    /**
     * A session for one list, from a pool of the KieBase: closing the lease after a normal evaluation resets the
     * session (empty working memory, agenda and memories) and returns it there, which saves building a session's node
     * memories per list — about 10 % more lists per second in the benchmark, with identical results on every list. A
     * failed evaluation discards its session instead, never to be reused ({@link SessionPool}).
     * {@code -Dslatecheck.sessionPool=false} builds a fresh session every time instead.
     */
    SessionPool.Lease lease() {
        return lease(kieBase, POOLS);
    }

    /**
     * A session for the viable-list pass (docs/specification.md section 6), from a KieBase of the list rules and the derivations
     * they read alone ({@link #isListRule}): the nominee rules are not in it, so inserting the viable nominees matches
     * only the list rules' patterns. With every nominee rule in the network (the pass used the full KieBase and an
     * agenda filter until issue 20) Drools evaluated every nominee rule on every viable nominee without firing any:
     * about a fifth of the Drools time of a list. The results are the same by construction — the list rules read no
     * fact a nominee rule makes ({@link #LIST_FACTS}) and the same agenda filter applies. The copy is made from the
     * same compiled module on first use (no second compilation); {@code -Dslatecheck.listBase=false} uses the full
     * KieBase as before (for measurements).
     */
    SessionPool.Lease listLease() {
        KieBase base = LIST_BASE ? LIST_BASES.computeIfAbsent(kieBase, RuleSet::listOnly) : kieBase;
        return lease(base, base == kieBase ? POOLS : LIST_POOLS);
    }

    private static SessionPool.Lease lease(KieBase kieBase, Map<KieBase, SessionPool> pools) {
        if (!POOLED) {
            return new SessionPool.Lease(null, kieBase.newKieSession());
        }
        while (true) {
            SessionPool pool = pools.computeIfAbsent(kieBase, SessionPool::new);
            SessionPool.Lease lease = pool.lease();
            if (lease != null) {
                return lease;
            }
            pools.remove(kieBase, pool); // retired after a failure: the next pool is a fresh one
        }
    }

    /** True for a rule of the viable-list pass: a list rule, or a derivation of a fact the list rules read. */
    static boolean isListRule(RuleInfo info) {
        return info.isDecision() ? info.severity().isListSeverity() : LIST_FACTS.contains(info.derives());
    }

    /** A copy of {@code base} (from its compiled module) without the rules that are not {@linkplain #isListRule list rules}. */
    private static KieBase listOnly(KieBase base) {
        org.kie.api.runtime.KieContainer container = CONTAINERS.get(base);
        if (container == null) {
            return base;
        }
        KieBase copy = container.newKieBase(KieServices.get().newKieBaseConfiguration());
        for (Rule rule : rules(copy)) {
            if (!isListRule(RuleInfo.of(rule))) {
                copy.removeRule(rule.getPackageName(), rule.getName());
            }
        }
        return copy;
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
        CONTAINERS.remove(base);
        KieBase listBase = LIST_BASES.remove(base);
        SessionPool listPool = listBase == null ? null : LIST_POOLS.remove(listBase);
        if (listPool != null) {
            listPool.retire();
        }
        return true;
    }

    /** True when {@code r}'s compiled KieBase is still cached for later compilations (for tests and monitoring). */
    public static boolean isBaseCached(RuleSet r) {
        return KIE_BASES.containsValue(r.kieBase) || POOLS.containsKey(r.kieBase);
    }

    /** How many compiled KieBases and session pools are cached (for tests and monitoring). */
    public static int[] cacheSizes() {
        return new int[] {KIE_BASES.size(), POOLS.size()};
    }

    private static final boolean POOLED = !"false".equals(System.getProperty("slatecheck.sessionPool"));
    private static final Map<KieBase, SessionPool> POOLS = new ConcurrentHashMap<>();
    private static final boolean LIST_BASE = !"false".equals(System.getProperty("slatecheck.listBase"));
    /** The module each compiled KieBase came from (to make its list-rule copy). */
    private static final Map<KieBase, org.kie.api.runtime.KieContainer> CONTAINERS = new ConcurrentHashMap<>();
    /** Compiled KieBase → its copy with the list rules alone. */
    private static final Map<KieBase, KieBase> LIST_BASES = new ConcurrentHashMap<>();
    private static final Map<KieBase, SessionPool> LIST_POOLS = new ConcurrentHashMap<>();
}
