package org.slatecheck.rules.params;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slatecheck.rules.model.Severity;

/**
 * A term's rule switches: {@code rule,enabled,severity,reason,source}. A board may turn a shipped rule off for a
 * term, or move its severity within the bounds the rule declares ({@code @severities}), each with a reason and a
 * source. Whether the rule exists and allows the severity is checked when the rule set is compiled.
 */
public final class RuleSwitches {
    /** Rule ids: three capital letters, a dash, three digits; classification rules {@code DRV-…}. */
    public static final Pattern RULE_ID = Pattern.compile("[A-Z]{3}-\\d{3}|DRV-[A-Z0-9-]{1,40}");
    static final List<String> HEADER = List.of("rule", "enabled", "severity", "reason", "source");

    /** One rule's switch: off, or a severity other than the shipped one (null: unchanged). */
    public record Switch(String rule, boolean enabled, Severity severity, String reason, String source) {
    }

    private final Map<String, Switch> byRule;

    private RuleSwitches(Map<String, Switch> byRule) {
        this.byRule = Collections.unmodifiableMap(byRule);
    }

    public static RuleSwitches parse(String text, String origin) {
        Map<String, Switch> map = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text == null || text.isBlank()
                ? String.join(",", HEADER) + "\n" : text), format)) {
            if (!parser.getHeaderNames().equals(HEADER)) {
                throw ParameterException.of("header", null, String.join(",", HEADER)).at(origin);
            }
            for (CSVRecord r : parser) {
                String where = origin + ":" + parser.getCurrentLineNumber();
                String rule = r.get("rule");
                if (!RULE_ID.matcher(rule).matches() || rule.startsWith("DRV-")) {
                    throw ParameterException.of("rule_unknown", rule, rule).at(where);
                }
                if (map.containsKey(rule)) {
                    throw ParameterException.of("entry_twice", rule, "").at(where);
                }
                boolean enabled = switch (r.get("enabled")) {
                    case "yes" -> true;
                    case "no" -> false;
                    default -> throw ParameterException.of("board_flag", rule).at(where);
                };
                Severity severity = null;
                if (!r.get("severity").isEmpty()) {
                    try {
                        severity = Severity.valueOf(r.get("severity"));
                    } catch (IllegalArgumentException e) {
                        throw ParameterException.of("code_unknown", rule, r.get("severity"), "Severity").at(where);
                    }
                }
                if (r.get("reason").isBlank()) {
                    throw ParameterException.of("reason_missing", rule).at(where);
                }
                if (r.get("source").isBlank()) {
                    throw ParameterException.of("source_missing", rule).at(where);
                }
                if (r.get("reason").length() > RuleSetParameters.MAX_TEXT
                        || r.get("source").length() > RuleSetParameters.MAX_TEXT) {
                    throw ParameterException.of("too_long", rule, RuleSetParameters.MAX_TEXT).at(where);
                }
                try {
                    BoardText.check(r.get("reason"), rule, "reason");
                    BoardText.check(r.get("source"), rule, "source");
                } catch (ParameterException e) {
                    throw e.at(where);
                }
                map.put(rule, new Switch(rule, enabled, severity, r.get("reason"), r.get("source")));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new ParameterException("unreadable", null, origin + ": " + e.getMessage(), List.of(origin));
        }
        return new RuleSwitches(map);
    }

    public Map<String, Switch> all() {
        return byRule;
    }

    /** False when the board turned {@code rule} off. */
    public boolean enabled(String rule) {
        Switch s = byRule.get(rule);
        return s == null || s.enabled();
    }

    /** The severity the board set for {@code rule}, or null when unchanged. */
    public Severity severity(String rule) {
        Switch s = byRule.get(rule);
        return s == null ? null : s.severity();
    }

    /** The ids of the rules turned off. */
    public List<String> disabled() {
        List<String> off = new ArrayList<>();
        byRule.values().forEach(s -> {
            if (!s.enabled()) {
                off.add(s.rule());
            }
        });
        return off;
    }
}
