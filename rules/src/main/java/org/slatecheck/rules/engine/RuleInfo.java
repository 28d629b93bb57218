package org.slatecheck.rules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kie.api.definition.rule.Rule;
import org.slatecheck.rules.model.Severity;

/**
 * A rule's metadata: {@code @id}, optional {@code @parameters} (the parameters it reads; {@code <LEVEL>} stands for
 * any level), and either {@code @severity} (a decision rule, which inserts findings; {@code @severities} lists the
 * severities a board may move it to) or {@code @derives} (a classification rule, which inserts derived facts and has
 * no severity). Citations are not in the rules: they are the term's dated data ({@code citations.csv}).
 */
public record RuleInfo(String name, String id, Severity severity, String parameters, String derives,
        List<Severity> severities) {

    /** Reads the metadata of a compiled rule; fails when the rule lacks one. */
    public static RuleInfo of(Rule rule) {
        Map<String, Object> meta = rule.getMetaData();
        String id = text(meta, "id", rule);
        String params = unquote(meta.get("parameters"));
        String derives = unquote(meta.get("derives"));
        Severity severity = null;
        List<Severity> allowed = new ArrayList<>();
        if (derives == null) {
            severity = severity(text(meta, "severity", rule), rule);
            String more = unquote(meta.get("severities"));
            if (more != null) {
                for (String s : more.split(",")) {
                    allowed.add(severity(s.strip(), rule));
                }
            }
            if (!allowed.contains(severity)) {
                allowed.add(0, severity);
            }
        }
        return new RuleInfo(rule.getName(), id, severity, params == null ? "" : params, derives,
                List.copyOf(allowed));
    }

    private static Severity severity(String s, Rule rule) {
        try {
            return Severity.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("rule '" + rule.getName() + "' has an unknown severity " + s);
        }
    }

    /** True for a decision rule (one that inserts findings). */
    public boolean isDecision() {
        return derives == null;
    }

    /** The parameter names of {@code @parameters}. */
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (String p : parameters.split(",")) {
            if (!p.isBlank()) {
                names.add(p.strip());
            }
        }
        return names;
    }

    private static String text(Map<String, Object> meta, String key, Rule rule) {
        String v = unquote(meta.get(key));
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("rule '" + rule.getName() + "' has no @" + key);
        }
        return v;
    }

    /** The executable model keeps the quotes of {@code @key("value")}; the classic compiler does not. */
    private static String unquote(Object value) {
        if (value == null) {
            return null;
        }
        String s = String.valueOf(value).strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }
}
