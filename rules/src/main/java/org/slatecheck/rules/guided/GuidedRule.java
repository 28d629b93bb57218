package org.slatecheck.rules.guided;

import java.util.List;
import java.util.Map;

import org.slatecheck.rules.model.Severity;

/**
 * A board's criterion as data: conditions over catalogue fields, a severity, evidence fields, wording in Vietnamese
 * and English ({@code title}, {@code message} with {@code {field}} placeholders, {@code remedy}) and a citation.
 * Validated when read ({@link GuidedRules#parse}); the wording and the citation never enter rule code.
 */
public record GuidedRule(String id, String scope, Severity severity, List<Condition> conditions,
        List<String> evidence, Map<String, String> title, Map<String, String> message, Map<String, String> remedy,
        String citation) {

    /**
     * One condition: {@code field} (a catalogue key), {@code op} (an operator its type allows), and either literal
     * {@code values} (typed: digits, a date, codes of the field's own list) or a {@code parameter} reference.
     */
    public record Condition(String field, String op, List<String> values, String parameter) {
    }

    /** The text of {@code key} ({@code title}, {@code message}, {@code remedy}) in {@code language}. */
    public String text(String key, String language) {
        Map<String, String> m = switch (key) {
            case "title" -> title;
            case "message" -> message;
            default -> remedy;
        };
        String t = m.get("en".equals(language) ? "en" : "vi");
        return t == null ? "" : t;
    }

    public boolean isListRule() {
        return "list".equals(scope);
    }
}
