package org.slatecheck.rules.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slatecheck.rules.engine.Finding;
import org.slatecheck.rules.engine.NomineeResult;
import org.slatecheck.rules.engine.RuleSet;
import org.slatecheck.rules.engine.RuleSetSnapshot;
import org.slatecheck.rules.engine.RuleSetSource;
import org.slatecheck.rules.engine.Screening;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.explain.Explainer;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.intake.CongressReader;
import org.slatecheck.rules.intake.NomineeReader;
import org.slatecheck.rules.intake.Row;
import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Nominee;
import org.slatecheck.rules.params.Parameters;
import org.slatecheck.rules.params.RuleSetParameters;

/**
 * Runs rule cases against a rule set source: the rows go through the real intake readers (merged over clean
 * defaults) and the real rules of the source with the case's parameter overrides; the findings of the rules the
 * case file is about must be exactly the expected ones, outcomes as listed, and every message must render in both
 * languages. Used by the test run for the shipped rule sets and by the application for a board's draft.
 */
public final class CaseRunner {
    /** The term of a case whose congress row does not name one. */
    public static final String DEFAULT_TERM = "2025-2030";

    private CaseRunner() {
    }

    /** What a case screens: the rule set (with the case's overrides), the congress and the nominees. */
    public record Inputs(RuleSet ruleSet, Congress congress, List<Nominee> nominees) {
    }

    public static Inputs inputs(RuleCase c, RuleSetSource base) {
        return inputs(c, RuleSetSnapshot.of(List.of(base)));
    }

    /**
     * What case {@code c} screens under the rule sets of {@code rules}: the rule set of the case's term, with the
     * case's parameter overrides applied to its values file when it has any.
     */
    public static Inputs inputs(RuleCase c, RuleSetSnapshot rules) {
        Map<String, String> congressRow = new LinkedHashMap<>(Defaults.congress());
        congressRow.putAll(c.congress());
        String term = congressRow.get("term");
        if (!rules.terms().contains(term)) {
            throw new IllegalArgumentException("no rule set for term " + term);
        }
        RuleSet ruleSet = c.parameters().isEmpty() ? rules.ruleSet(term) : ruleSet(rules.source(term), c.parameters());
        Row row = row(congressRow);
        Congress congress = CongressReader.read(row, org.slatecheck.rules.params.TermRules.of(
                List.of(ruleSet.term()), t -> ruleSet.getParameters()));
        if (row.hasErrors()) {
            throw new IllegalArgumentException("congress row does not read: " + row.errors());
        }
        List<Nominee> nominees = new ArrayList<>();
        int i = 1;
        for (Map<String, String> n : c.nominees()) {
            Map<String, String> values = new LinkedHashMap<>(Defaults.nominee(congress, ruleSet.getParameters(), i++));
            values.putAll(n);
            Row r = row(values);
            Nominee nominee = NomineeReader.read(r, congress.getId());
            if (r.hasErrors()) {
                throw new IllegalArgumentException("nominee row " + values.get("nominee_id") + " does not read: "
                        + r.errors());
            }
            nominees.add(nominee);
        }
        return new Inputs(ruleSet, congress, nominees);
    }

    /** Why case {@code c} fails under {@code base}; empty when it passes. */
    public static List<String> problems(RuleCase c, RuleSetSource base) {
        return problems(c, RuleSetSnapshot.of(List.of(base)));
    }

    /** Why case {@code c} fails under the rule set of its term in {@code rules}; empty when it passes. */
    public static List<String> problems(RuleCase c, RuleSetSnapshot rules) {
        ScreeningResult result;
        try {
            Inputs in = inputs(c, rules);
            result = Screening.screen(in.ruleSet(), in.congress(), in.nominees());
        } catch (RuntimeException e) {
            return List.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        List<Finding> actual = new ArrayList<>();
        for (NomineeResult n : result.nominees()) {
            n.findings().stream().filter(f -> c.scope().contains(f.getRuleId())).forEach(actual::add);
        }
        result.listFindings().stream().filter(f -> c.scope().contains(f.getRuleId())).forEach(actual::add);

        List<String> problems = new ArrayList<>();
        compare(c.expected(), actual, "", problems);
        if (c.viableExpected() != null) {
            List<Finding> viable = result.viableListFindings().stream().filter(f -> c.scope().contains(f.getRuleId()))
                    .toList();
            compare(c.viableExpected(), viable, "viable list: ", problems);
        }
        c.outcomes().forEach((id, outcome) -> {
            String got = result.nominees().stream().filter(n -> n.nominee().getNomineeId().equals(id))
                    .map(n -> n.outcome().name()).findFirst().orElse("(no such nominee)");
            if (!got.equals(outcome)) {
                problems.add("outcome of " + id + ": expected " + outcome + ", got " + got);
            }
        });
        if (c.notChecked() != null) {
            // Of the checks not made, those of the rules this file is about (and those it names) must be as expected.
            java.util.Set<String> about = new java.util.HashSet<>(c.scope());
            about.addAll(c.notChecked());
            List<String> got = result.notChecked().stream().filter(about::contains).toList();
            if (!c.notChecked().equals(got)) {
                problems.add("notChecked: expected " + c.notChecked() + ", got " + got);
            }
        }
        for (Finding f : actual) {
            for (var lang : Messages.LANGUAGES) {
                Explainer ex = new Explainer(Messages.of(lang));
                String text = ex.title(f) + " " + ex.message(f);
                if (text.contains("{")) {
                    problems.add(lang + " message of " + f.getRuleId() + " leaves a placeholder: " + text);
                }
            }
        }
        return problems;
    }

    /** Adds to {@code problems} each expected finding missing from {@code actual} and each one not expected. */
    private static void compare(List<RuleCase.Expected> expected, List<Finding> actual, String prefix,
            List<String> problems) {
        List<Finding> pool = new ArrayList<>(actual);
        for (RuleCase.Expected e : expected) {
            Finding match = pool.stream().filter(f -> matches(f, e)).findFirst().orElse(null);
            if (match == null) {
                problems.add(prefix + "expected " + describe(e) + " but it did not fire");
            } else {
                pool.remove(match);
            }
        }
        for (Finding f : pool) {
            problems.add(prefix + "unexpected " + f.getRuleId() + "/" + f.getSeverity() + " on "
                    + (f.getNomineeId() == null ? "the list" : f.getNomineeId()) + " " + f.getEvidence());
        }
    }

    private static boolean matches(Finding f, RuleCase.Expected e) {
        if (!f.getRuleId().equals(e.rule())) {
            return false;
        }
        if (e.nominee() == null ? f.getNomineeId() != null : !e.nominee().equals(f.getNomineeId())) {
            return false;
        }
        if (e.severity() != null && !e.severity().equals(f.getSeverity().name())) {
            return false;
        }
        for (Map.Entry<String, Object> ev : e.evidence().entrySet()) {
            if (!f.getEvidence().containsKey(ev.getKey())
                    || !canon(f.getEvidence().get(ev.getKey())).equals(canon(ev.getValue()))) {
                return false;
            }
        }
        return true;
    }

    private static String describe(RuleCase.Expected e) {
        return e.rule() + (e.severity() == null ? "" : "/" + e.severity()) + " on "
                + (e.nominee() == null ? "the list" : e.nominee()) + " " + e.evidence();
    }

    /** One text form for numbers of any type, months, dates and lists. */
    static String canon(Object v) {
        if (v instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(CaseRunner::canon).collect(Collectors.joining(",", "[", "]"));
        }
        if (v instanceof YearMonth || v instanceof LocalDate) {
            return v.toString();
        }
        return String.valueOf(v);
    }

    private static Row row(Map<String, String> values) {
        Map<String, String> written = new LinkedHashMap<>();
        values.keySet().forEach(k -> written.put(k, k));
        Map<String, String> cells = new LinkedHashMap<>();
        values.forEach((k, v) -> cells.put(k, v == null ? "" : v));
        return new Row("case", 1, cells, written);
    }

    /** The rule set of {@code base} with {@code overrides} applied to its values file. */
    public static RuleSet ruleSet(RuleSetSource base, Map<String, String> overrides) {
        if (overrides.isEmpty()) {
            return RuleSet.compile(base);
        }
        RuleSetParameters params = base.parameterSet().withOverrides(overrides);
        return RuleSet.compile(base.withValues(params.text()));
    }

    /** Clean defaults: a row that triggers no nominee rule unless a case changes it. */
    static final class Defaults {
        static Map<String, String> congress() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("congress_id", "C1");
            m.put("organisation", "Đảng bộ tỉnh Mẫu");
            m.put("level", "PROVINCE");
            m.put("term", DEFAULT_TERM);
            m.put("province", "Ninh Bình");
            m.put("list_kind", "PERSONNEL_PLAN");
            m.put("committee_seats", "1");
            return m;
        }

        static Map<String, String> nominee(Congress c, Parameters p, int i) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("nominee_id", "N" + i);
            m.put("full_name", "Nguyễn Văn An " + i);
            m.put("sex", "M");
            m.put("birth_date", (c.getReferenceMonth().getYear() - 50) + "-01-01");
            m.put("ethnicity", "Kinh");
            m.put("hometown_province", "Hà Tĩnh");
            m.put("membership", "OFFICIAL");
            m.put("incumbent", "false");
            m.put("proposed_posts", "COMMITTEE");
            m.put("political_theory", "CAO_CAP");
            m.put("education", "MASTER");
            m.put("political_conclusion", "MET");
            m.put("political_conclusion_date", c.getCongressDate().minusMonths(3).toString());
            StringBuilder ratings = new StringBuilder();
            for (int y = Math.min(p.integer("quality.outgoing_term_first_year"),
                    c.getCongressYear() - p.integer("quality.years"));
                    y < c.getCongressYear(); y++) {
                ratings.append(ratings.length() == 0 ? "" : ";").append(y).append(":HTTNV");
            }
            m.put("quality_ratings", ratings.toString());
            m.put("unresolved_complaints", "0");
            m.put("asset_declaration", "true");
            m.put("health_ok", "true");
            return m;
        }
    }
}
