package org.slatecheck.rules.election;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.slatecheck.rules.engine.EvaluationLimits;
import org.slatecheck.rules.engine.PrecompiledRules;

/**
 * The election rules (family ELE): a KieBase of their own, separate from the screening rules, made once from
 * {@code org/slatecheck/rules/ELE/ELE-NNN/ELE-NNN.drl} (one folder per rule, found by number: ELE-001, ELE-002, …
 * until the first missing). Each rule carries {@code @id}, {@code @severity} (ERROR, OUTCOME or DECISION) and
 * {@code @citation} (registry ids, optionally {@code :article}; the ones in force on the congress date are cited).
 * Thread-safe: every decision uses a session of its own, always disposed.
 */
public final class ElectionRules {
    public static final String ROOT = "org/slatecheck/rules/ELE/";
    private static volatile ElectionRules shipped;

    private final Map<String, String> drl;
    private final KieBase kieBase;
    private final boolean precompiled;
    private final String checksum;
    private final Map<String, RuleMeta> rules;

    /** A rule's metadata: id, severity, the documents it cites ({@code ID} or {@code ID:article}). */
    public record RuleMeta(String id, String name, String severity, List<String> citations) {
    }

    private ElectionRules(Map<String, String> drl) {
        this.drl = Collections.unmodifiableMap(drl);
        // Compiled when SlateCheck is built (BuildTimeRules): loading the module takes well under a second, compiling
        // the DRL at the first election took 7-12 s. A text with no module (rules changed since) is compiled as before.
        PrecompiledRules.Loaded loaded = PrecompiledRules.kieBase("the election rules", drl);
        this.kieBase = loaded.kieBase();
        this.precompiled = loaded.precompiled();
        this.checksum = PrecompiledRules.key(drl);
        Map<String, RuleMeta> meta = new LinkedHashMap<>();
        List<Rule> all = new ArrayList<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            all.addAll(p.getRules());
        }
        all.sort(java.util.Comparator.comparing(Rule::getName));
        for (Rule r : all) {
            String id = text(r, "id");
            String severity = text(r, "severity");
            List<String> citations = new ArrayList<>();
            for (String c : text(r, "citation").split(",")) {
                citations.add(c.strip());
            }
            meta.putIfAbsent(id, new RuleMeta(id, r.getName(), severity, List.copyOf(citations)));
        }
        this.rules = Collections.unmodifiableMap(meta);
    }

    /** The election rules of {@code drl} (path → DRL): from the build-time module of this text if any, else compiled. */
    static ElectionRules of(Map<String, String> drl) {
        return new ElectionRules(new LinkedHashMap<>(drl));
    }

    /** The shipped election rules, loaded on first use (compiled when SlateCheck was built, see {@link #precompiled}). */
    public static ElectionRules shipped() {
        ElectionRules r = shipped;
        if (r == null) {
            synchronized (ElectionRules.class) {
                r = shipped;
                if (r == null) {
                    r = new ElectionRules(shippedFiles());
                    shipped = r;
                }
            }
        }
        return r;
    }

    /** The rule files: path → DRL, ELE-001 upwards until the first number with no file. */
    public static Map<String, String> shippedFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        ClassLoader cl = ElectionRules.class.getClassLoader();
        for (int n = 1; ; n++) {
            String id = String.format("ELE-%03d", n);
            String path = ROOT + id + "/" + id + ".drl";
            try (InputStream in = cl.getResourceAsStream(path)) {
                if (in == null) {
                    break;
                }
                files.put(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no election rules under " + ROOT);
        }
        return files;
    }

    private static String text(Rule rule, String key) {
        Object v = rule.getMetaData().get(key);
        String s = v == null ? "" : String.valueOf(v).strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.isBlank()) {
            throw new IllegalStateException("election rule '" + rule.getName() + "' has no @" + key);
        }
        return s;
    }

    /** True when the KieBase was loaded from the module compiled at build time, false when compiled at run time. */
    public boolean precompiled() {
        return precompiled;
    }

    /**
     * The SHA-256 of the rule text (every ELE file, in number order): what a stored decision records, so that
     * reproducing it can tell whether the election rules are still those it was decided with.
     */
    public String checksum() {
        return checksum;
    }

    /** The rules by id (the first rule of each id). */
    public Map<String, RuleMeta> rules() {
        return rules;
    }

    /** The rule text compiled: path → DRL. */
    public Map<String, String> files() {
        return drl;
    }

    /** Decides one election: the findings of every ELE rule that fired (errors first: nothing else fires then). */
    public ElectionResult decide(Election election, Tally tally, List<CandidateVotes> candidates) {
        KieSession session = kieBase.newKieSession();
        List<ElectionFinding> findings = new ArrayList<>();
        try {
            session.insert(election);
            session.insert(tally);
            for (Deduction d : election.getDeductions()) {
                session.insert(d);
            }
            for (CandidateVotes c : candidates) {
                session.insert(c);
            }
            EvaluationLimits.current().fireAllRules(session, "election", candidates.size() + 3);
            for (Object o : session.getObjects(o -> o instanceof ElectionFinding)) {
                findings.add((ElectionFinding) o);
            }
        } finally {
            session.dispose();
        }
        return new ElectionResult(election, tally, candidates, findings, this);
    }
}
