package org.slatecheck.rules.cases;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.slatecheck.rules.engine.Finding;
import org.slatecheck.rules.engine.NomineeResult;
import org.slatecheck.rules.engine.RuleSetSnapshot;
import org.slatecheck.rules.engine.Screening;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.explain.Labels;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.model.Outcome;
import org.slatecheck.rules.model.Severity;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.emitter.Emitter;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.serializer.Serializer;

/**
 * What a rule case expects, compared with what a rule set gives it, and the case file rewritten with new
 * expectations. A board change (under-40 share 10 → 15 %) makes shipped cases fail whose rules now decide
 * differently: {@link #changes} finds them (a case that screens but whose findings, outcomes, viable-list findings or
 * checks not made differ from the file's), {@link #rewrite} writes what the rule set gives into the file (comments and
 * every other key kept), and {@link #compare} tells an approver which expectations two versions of a file differ in.
 * {@link #describe} says it in words: "X01: Không đủ điều kiện → Cần xem xét".
 */
public final class CaseExpectations {
    private CaseExpectations() {
    }

    /**
     * What a case expects, or what a rule set gives it in the same shape: the findings of the rules the file is about,
     * and where the case names them the nominees' outcomes, the viable list's findings and the checks not made.
     */
    public record Expectation(List<RuleCase.Expected> expected, Map<String, String> outcomes,
            List<RuleCase.Expected> viable, List<String> notChecked) {
        public static Expectation of(RuleCase c) {
            return new Expectation(c.expected(), c.outcomes(), c.viableExpected(), c.notChecked());
        }
    }

    /**
     * One case whose expectation changes: its file, its position in the file (from 0), its name (the file's text),
     * its Vietnamese name when the file gives one ({@code name_vi}), the rules it is about, before and after.
     */
    public record Change(String file, int index, String name, String nameVi, List<String> rules,
            Expectation before, Expectation after) {
    }

    /** One nominee or list of a change, in words: who, outcome or status before and after, the findings of each. */
    public record Subject(String who, String before, String after, List<String> findingsBefore,
            List<String> findingsAfter) {
    }

    /**
     * What {@code rules} give case {@code c}, as an expectation: each finding keeps the evidence keys the case's
     * expectation for the same rule and nominee named (all of them for a finding it did not expect); outcomes, viable
     * findings and checks not made only where the case names them. Null when the case does not screen (its rows do
     * not read, its term has no rule set): that is a broken case, not a changed expectation.
     */
    public static Expectation actual(RuleCase c, RuleSetSnapshot rules) {
        ScreeningResult result;
        try {
            CaseRunner.Inputs in = CaseRunner.inputs(c, rules);
            result = Screening.screen(in.ruleSet(), in.congress(), in.nominees());
        } catch (RuntimeException e) {
            return null;
        }
        List<Finding> findings = new ArrayList<>();
        for (NomineeResult n : result.nominees()) {
            n.findings().stream().filter(f -> c.scope().contains(f.getRuleId())).forEach(findings::add);
        }
        result.listFindings().stream().filter(f -> c.scope().contains(f.getRuleId())).forEach(findings::add);
        List<RuleCase.Expected> expected = expectations(findings, c.expected());
        Map<String, String> outcomes = new LinkedHashMap<>();
        c.outcomes().forEach((id, outcome) -> outcomes.put(id, result.nominees().stream()
                .filter(n -> n.nominee().getNomineeId().equals(id)).map(n -> n.outcome().name()).findFirst()
                .orElse(outcome)));
        List<RuleCase.Expected> viable = c.viableExpected() == null ? null : expectations(result.viableListFindings()
                .stream().filter(f -> c.scope().contains(f.getRuleId())).toList(), c.viableExpected());
        List<String> notChecked = null;
        if (c.notChecked() != null) {
            Set<String> about = new HashSet<>(c.scope());
            about.addAll(c.notChecked());
            notChecked = result.notChecked().stream().filter(about::contains).toList();
        }
        return new Expectation(expected, outcomes, viable, notChecked);
    }

    private static List<RuleCase.Expected> expectations(List<Finding> findings, List<RuleCase.Expected> old) {
        List<RuleCase.Expected> pool = new ArrayList<>(old);
        List<RuleCase.Expected> out = new ArrayList<>();
        for (Finding f : findings) {
            RuleCase.Expected like = pool.stream().filter(e -> e.rule().equals(f.getRuleId())
                    && Objects.equals(e.nominee(), f.getNomineeId())).findFirst().orElse(null);
            Map<String, Object> evidence = new LinkedHashMap<>();
            if (like != null) {
                pool.remove(like);
                like.evidence().keySet().forEach(k -> {
                    if (f.getEvidence().containsKey(k)) {
                        evidence.put(k, plain(f.getEvidence().get(k)));
                    }
                });
            } else {
                f.getEvidence().forEach((k, v) -> evidence.put(k, plain(v)));
            }
            out.add(new RuleCase.Expected(f.getNomineeId(), f.getRuleId(), f.getSeverity().name(), evidence));
        }
        return out;
    }

    /** An evidence value as the case file writes it (and {@link CaseFile} reads it back): numbers, text, lists. */
    static Object plain(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Boolean || v instanceof String) {
            return v instanceof Long l && l == l.intValue() ? l.intValue() : v;
        }
        if (v instanceof Number n) {
            BigDecimal d = new BigDecimal(n.toString()).stripTrailingZeros();
            return d.scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) < 0 ? d.intValue()
                    : d.toPlainString();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(CaseExpectations::plain).toList();
        }
        if (v instanceof YearMonth || v instanceof LocalDate) {
            return v.toString();
        }
        return v == null ? null : String.valueOf(v);
    }

    /**
     * The cases of file {@code path} ({@code yaml}) of term {@code term} whose expectation differs from what
     * {@code rules} give them; a case that does not screen is left out (it is broken, not changed).
     */
    public static List<Change> changes(String path, String yaml, String term, RuleSetSnapshot rules) {
        List<RuleCase> cases = CaseFile.parse(path, yaml);
        Map<Integer, String> namesVi = namesVi(path, yaml);
        List<Change> out = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            RuleCase c = cases.get(i);
            if (!c.term().equals(term) || CaseRunner.problems(c, rules).isEmpty()) {
                continue;
            }
            Change change = change(path, i, c, namesVi.get(i), rules);
            if (change != null) {
                out.add(change);
            }
        }
        return out;
    }

    /**
     * Case {@code c} (at {@code index} of {@code path}), which failed under {@code rules}, as a change of expectation;
     * null when it does not screen or when what it gets equals what it expects (it fails for another reason).
     */
    public static Change change(String path, int index, RuleCase c, String nameVi, RuleSetSnapshot rules) {
        Expectation now = actual(c, rules);
        Expectation before = Expectation.of(c);
        return now == null || same(before, now) ? null
                : new Change(path, index, c.name(), nameVi, c.scope(), before, now);
    }

    /**
     * The cases whose expectation differs between two versions of one case file (matched by position and name); a
     * case added or removed is not an expectation change.
     */
    public static List<Change> compare(String path, String before, String after) {
        List<RuleCase> was;
        List<RuleCase> now;
        try {
            was = CaseFile.parse(path, before);
            now = CaseFile.parse(path, after);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        Map<Integer, String> namesVi = namesVi(path, after);
        List<Change> out = new ArrayList<>();
        for (int i = 0; i < Math.min(was.size(), now.size()); i++) {
            RuleCase a = was.get(i);
            RuleCase b = now.get(i);
            if (Objects.equals(a.name(), b.name()) && !same(Expectation.of(a), Expectation.of(b))) {
                out.add(new Change(path, i, b.name(), namesVi.get(i), b.scope(), Expectation.of(a),
                        Expectation.of(b)));
            }
        }
        return out;
    }

    /** Whether two expectations say the same (evidence compared in one text form, as the runner compares). */
    public static boolean same(Expectation a, Expectation b) {
        return canon(a.expected()).equals(canon(b.expected())) && a.outcomes().equals(b.outcomes())
                && Objects.equals(a.viable() == null ? null : canon(a.viable()),
                        b.viable() == null ? null : canon(b.viable()))
                && Objects.equals(a.notChecked(), b.notChecked());
    }

    private static List<String> canon(List<RuleCase.Expected> expected) {
        return expected.stream().map(e -> e.nominee() + "|" + e.rule() + "|" + e.severity() + "|"
                + e.evidence().entrySet().stream().map(x -> x.getKey() + "=" + CaseRunner.canon(x.getValue()))
                        .sorted().toList()).sorted().toList();
    }

    /** Position → {@code name_vi} of the cases of a file that give one. */
    public static Map<Integer, String> namesVi(String path, String yaml) {
        Map<Integer, String> out = new LinkedHashMap<>();
        try {
            Object doc = new Yaml(new SafeConstructor(CaseFile.options())).load(yaml);
            if (doc instanceof Map<?, ?> m && m.get("cases") instanceof List<?> cases) {
                for (int i = 0; i < cases.size(); i++) {
                    if (cases.get(i) instanceof Map<?, ?> c && c.get("name_vi") != null) {
                        out.put(i, String.valueOf(c.get("name_vi")));
                    }
                }
            }
        } catch (RuntimeException e) {
            // CaseFile.parse has said what is wrong with the file.
        }
        return out;
    }

    // ---- writing the new expectations ---------------------------------------------------------------------------

    /**
     * {@code yaml} with the expectations of {@code changes} (cases of this file, by position) written in: the keys
     * {@code expect}, {@code outcomes}, {@code expectViable} and {@code notChecked} of each changed case replaced;
     * everything else — comments, names, rows, the order of keys — kept as it was.
     */
    public static String rewrite(String yaml, List<Change> changes) {
        LoaderOptions options = CaseFile.options();
        options.setProcessComments(true);
        DumperOptions dumper = new DumperOptions();
        dumper.setProcessComments(true);
        dumper.setWidth(120);
        dumper.setIndent(2);
        dumper.setIndicatorIndent(2);
        dumper.setIndentWithIndicator(true);
        dumper.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dumper.setAllowUnicode(true);
        Yaml y = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options);
        Node root = y.compose(new StringReader(yaml));
        if (!(root instanceof MappingNode doc) || !(value(doc, "cases") instanceof SequenceNode cases)) {
            throw new IllegalArgumentException("not a case file");
        }
        Representer representer = new Representer(dumper);
        for (Change change : changes) {
            if (change.index() >= cases.getValue().size()
                    || !(cases.getValue().get(change.index()) instanceof MappingNode c)) {
                throw new IllegalArgumentException("no case " + change.index());
            }
            Expectation after = change.after();
            put(c, "expect", findings(representer, after.expected()));
            if (after.outcomes() != null && !after.outcomes().isEmpty()) {
                Node outcomes = representer.represent(new LinkedHashMap<>(after.outcomes()));
                ((MappingNode) outcomes).setFlowStyle(DumperOptions.FlowStyle.FLOW);
                put(c, "outcomes", outcomes);
            }
            if (after.viable() != null) {
                put(c, "expectViable", findings(representer, after.viable()));
            }
            if (after.notChecked() != null) {
                Node notChecked = representer.represent(new ArrayList<>(after.notChecked()));
                ((SequenceNode) notChecked).setFlowStyle(DumperOptions.FlowStyle.FLOW);
                put(c, "notChecked", notChecked);
            }
        }
        StringWriter out = new StringWriter();
        Serializer serializer = new Serializer(new Emitter(out, dumper), new Resolver(), dumper, null);
        try {
            serializer.open();
            serializer.serialize(root);
            serializer.close();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** Expected findings as a block list of one-line maps ({@code - {rule: STR-003, severity: …, evidence: {…}}}). */
    private static Node findings(Representer representer, List<RuleCase.Expected> expected) {
        List<Object> rows = new ArrayList<>();
        for (RuleCase.Expected e : expected) {
            Map<String, Object> row = new LinkedHashMap<>();
            if (e.nominee() != null) {
                row.put("nominee", e.nominee());
            }
            row.put("rule", e.rule());
            if (e.severity() != null) {
                row.put("severity", e.severity());
            }
            if (!e.evidence().isEmpty()) {
                Map<String, Object> evidence = new LinkedHashMap<>();
                e.evidence().forEach((k, v) -> evidence.put(k, plain(v)));
                row.put("evidence", evidence);
            }
            rows.add(row);
        }
        SequenceNode list = (SequenceNode) representer.represent(rows);
        list.setFlowStyle(rows.isEmpty() ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK);
        for (Node n : list.getValue()) {
            flow(n);
        }
        return list;
    }

    private static void flow(Node n) {
        if (n instanceof MappingNode m) {
            m.setFlowStyle(DumperOptions.FlowStyle.FLOW);
            m.getValue().forEach(t -> flow(t.getValueNode()));
        } else if (n instanceof SequenceNode s) {
            s.setFlowStyle(DumperOptions.FlowStyle.FLOW);
            s.getValue().forEach(CaseExpectations::flow);
        }
    }

    private static Node value(MappingNode map, String key) {
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        return null;
    }

    /** Replaces the value of {@code key} in {@code map} (keeping its place and comments), or adds it at the end. */
    private static void put(MappingNode map, String key, Node value) {
        List<NodeTuple> tuples = map.getValue();
        for (int i = 0; i < tuples.size(); i++) {
            if (tuples.get(i).getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                Node old = tuples.get(i).getValueNode();
                value.setInLineComments(old.getInLineComments());
                value.setEndComments(old.getEndComments());
                tuples.set(i, new NodeTuple(tuples.get(i).getKeyNode(), value));
                return;
            }
        }
        tuples.add(new NodeTuple(new ScalarNode(org.yaml.snakeyaml.nodes.Tag.STR, key, null, null,
                DumperOptions.ScalarStyle.PLAIN), value));
    }

    // ---- in words -------------------------------------------------------------------------------------------------

    /**
     * The case's name for a reader of {@code m}'s language: its own name in English; in Vietnamese its {@code name_vi}
     * or "Ca 3 của STR-003 (Tỷ lệ cán bộ trẻ dưới 40 tuổi thấp)" (the case files' names are English sentences).
     */
    public static String name(Change c, Messages m) {
        if (m.locale().getLanguage().equals("en")) {
            return c.name() == null ? m.text("cases.case_number", c.index() + 1, Labels.ruleNames(m, c.rules()))
                    : c.name();
        }
        return c.nameVi() != null ? c.nameVi()
                : m.text("cases.case_number", c.index() + 1, Labels.ruleNames(m, c.rules()));
    }

    /**
     * Every nominee and list whose expectation changes, in words: "X01: Không đủ điều kiện → Cần xem xét" (the
     * outcome the case's findings give, or the one it names), "Danh sách: đạt yêu cầu → chưa đạt yêu cầu", each with its findings
     * ("Tỷ lệ cán bộ trẻ dưới 40 tuổi thấp (STR-003) — Chưa đạt: Còn thiếu 1; Yêu cầu 2").
     */
    public static List<Subject> describe(Change c, Messages m) {
        // A case may expect a finding without its severity; the rule's severity is the one the other side names.
        Map<String, String> known = new java.util.HashMap<>();
        for (Expectation x : List.of(c.before(), c.after())) {
            x.expected().stream().filter(e -> e.severity() != null).forEach(e -> known.put(e.rule() + "|"
                    + e.nominee(), e.severity()));
        }
        c = new Change(c.file(), c.index(), c.name(), c.nameVi(), c.rules(), withSeverities(c.before(), known),
                withSeverities(c.after(), known));
        Labels lb = Labels.of(m);
        Set<String> nominees = new LinkedHashSet<>();
        for (Expectation x : List.of(c.before(), c.after())) {
            x.expected().stream().map(RuleCase.Expected::nominee).filter(Objects::nonNull).forEach(nominees::add);
            nominees.addAll(x.outcomes().keySet());
        }
        List<Subject> out = new ArrayList<>();
        for (String id : nominees) {
            List<String> fb = words(c.before().expected(), id, lb);
            List<String> fa = words(c.after().expected(), id, lb);
            String ob = outcome(c.before(), id);
            String oa = outcome(c.after(), id);
            if (!fb.equals(fa) || !ob.equals(oa)) {
                out.add(new Subject(m.text("cases.nominee", id), lb.outcome(ob), lb.outcome(oa), fb, fa));
            }
        }
        addList(out, m.raw("cases.the_list"), c.before().expected(), c.after().expected(), lb);
        if (c.before().viable() != null || c.after().viable() != null) {
            addList(out, m.raw("cases.viable_list"), c.before().viable() == null ? List.of() : c.before().viable(),
                    c.after().viable() == null ? List.of() : c.after().viable(), lb);
        }
        if (!Objects.equals(c.before().notChecked(), c.after().notChecked())) {
            out.add(new Subject(m.raw("cases.not_checked"), none(c.before().notChecked(), m, lb),
                    none(c.after().notChecked(), m, lb), List.of(), List.of()));
        }
        return out;
    }

    private static Expectation withSeverities(Expectation x, Map<String, String> known) {
        java.util.function.Function<List<RuleCase.Expected>, List<RuleCase.Expected>> fill = l -> l == null ? null
                : l.stream().map(e -> e.severity() != null ? e : new RuleCase.Expected(e.nominee(), e.rule(),
                        known.get(e.rule() + "|" + e.nominee()), e.evidence())).toList();
        return new Expectation(fill.apply(x.expected()), x.outcomes(), fill.apply(x.viable()), x.notChecked());
    }

    private static String none(List<String> ids, Messages m, Labels lb) {
        return ids == null || ids.isEmpty() ? m.raw("cases.none") : lb.rules(ids);
    }

    private static void addList(List<Subject> out, String who, List<RuleCase.Expected> before,
            List<RuleCase.Expected> after, Labels lb) {
        List<String> fb = words(before, null, lb);
        List<String> fa = words(after, null, lb);
        String sb = status(before);
        String sa = status(after);
        if (!fb.equals(fa) || !sb.equals(sa)) {
            Messages m = lb.messages();
            out.add(new Subject(who, m.raw("cases.status." + sb), m.raw("cases.status." + sa), fb, fa));
        }
    }

    private static String outcome(Expectation x, String nominee) {
        if (x.outcomes().containsKey(nominee)) {
            return x.outcomes().get(nominee);
        }
        boolean review = false;
        for (RuleCase.Expected e : x.expected()) {
            if (nominee.equals(e.nominee()) && e.severity() != null) {
                if (e.severity().equals(Severity.INELIGIBLE.name())) {
                    return Outcome.INELIGIBLE.name();
                }
                review |= e.severity().equals(Severity.REVIEW.name());
            }
        }
        return review ? Outcome.REVIEW.name() : Outcome.ELIGIBLE.name();
    }

    private static String status(List<RuleCase.Expected> expected) {
        return expected.stream().anyMatch(e -> e.nominee() == null
                && Severity.NON_COMPLIANT.name().equals(e.severity())) ? "NON_COMPLIANT" : "COMPLIANT";
    }

    private static List<String> words(List<RuleCase.Expected> expected, String nominee, Labels lb) {
        List<String> out = new ArrayList<>();
        for (RuleCase.Expected e : expected) {
            if (!Objects.equals(e.nominee(), nominee)) {
                continue;
            }
            StringBuilder b = new StringBuilder(lb.rules(List.of(e.rule())));
            if (e.severity() != null) {
                b.append(" — ").append(lb.severity(e.severity()));
            }
            List<String> ev = new ArrayList<>();
            lb.evidence(e.evidence()).forEach(x -> ev.add(x.getKey() + " " + x.getValue()));
            if (!ev.isEmpty()) {
                b.append(": ").append(String.join("; ", ev));
            }
            out.add(b.toString());
        }
        return out;
    }
}
