package org.slatecheck.rules.engine;

import java.util.Map;

import org.kie.api.definition.rule.Rule;
import org.slatecheck.rules.model.Severity;
import org.slatecheck.rules.params.Parameters;

/**
 * A rule's metadata: {@code @id}, {@code @citation}, optional {@code @parameters}, and either {@code @severity} (a
 * decision rule, which inserts findings) or {@code @derives} (a classification rule, which inserts derived facts and
 * has no severity). A citation of the form {@code param:NAME} cites the source of that rule-set parameter, so the same
 * rule cites Chỉ thị 35 under the 2020-2025 set and Chỉ thị 45 under the 2025-2030 set.
 */
public record RuleInfo(String name, String id, Severity severity, String citation, String parameters,
        String derives) {
    /** Prefix of a citation that refers to a parameter's source. */
    public static final String PARAM = "param:";

    /** Reads the metadata of a compiled rule; fails when the rule lacks one. */
    public static RuleInfo of(Rule rule) {
        Map<String, Object> meta = rule.getMetaData();
        String id = text(meta, "id", rule);
        String citation = text(meta, "citation", rule);
        String params = unquote(meta.get("parameters"));
        String derives = unquote(meta.get("derives"));
        Severity severity = null;
        if (derives == null) {
            String s = text(meta, "severity", rule);
            try {
                severity = Severity.valueOf(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("rule '" + rule.getName() + "' has an unknown @severity " + s);
            }
        }
        return new RuleInfo(rule.getName(), id, severity, citation, params == null ? "" : params, derives);
    }

    /** True for a decision rule (one that inserts findings). */
    public boolean isDecision() {
        return derives == null;
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

    /** The citation text under {@code params}. */
    public String citation(Parameters params) {
        return citation.startsWith(PARAM) ? params.source(citation.substring(PARAM.length())) : citation;
    }
}
