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

    /**
     * This rule's metadata in the shape of a shipped rule's folder ({@link org.slatecheck.rules.catalogue.RuleMeta}):
     * its severity (a board's rule has no other bounds), the optional nominee columns its conditions and evidence
     * read, the parameters its conditions compare with, and its texts under the same keys as a shipped rule's
     * ({@code title.ID}, {@code message.ID}, {@code remedy.ID}). Its citation is the board's own text, not a document.
     */
    public org.slatecheck.rules.catalogue.RuleMeta meta() {
        java.util.Set<String> fields = new java.util.LinkedHashSet<>();
        List<String> parameters = new java.util.ArrayList<>();
        for (Condition c : conditions) {
            fields.add(c.field());
            if (c.parameter() != null && !parameters.contains(c.parameter())) {
                parameters.add(c.parameter());
            }
        }
        fields.addAll(evidence);
        List<String> columns = org.slatecheck.rules.intake.Columns.NOMINEE.keySet().stream()
                .filter(c -> fields.contains(c) && !org.slatecheck.rules.intake.Columns.NOMINEE_REQUIRED.contains(c))
                .toList();
        Map<String, String> vi = new java.util.TreeMap<>();
        Map<String, String> en = new java.util.TreeMap<>();
        for (String key : List.of("title", "message", "remedy")) {
            String v = text(key, "vi");
            String e = text(key, "en");
            if (!v.isEmpty()) {
                vi.put(key + "." + id, v);
            }
            if (!e.isEmpty()) {
                en.put(key + "." + id, e);
            }
        }
        return new org.slatecheck.rules.catalogue.RuleMeta(id, id.substring(0, 3), List.of(severity),
                List.of(severity), columns, List.of(), List.copyOf(parameters), List.of(), "", "", vi, en);
    }

    public boolean isListRule() {
        return "list".equals(scope);
    }
}
