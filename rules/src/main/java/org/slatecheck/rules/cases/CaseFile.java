package org.slatecheck.rules.cases;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a rule case file ({@code *.cases.yaml}: the rules it is about, then cases with a congress row, nominee rows,
 * parameter overrides and expected findings). Safe YAML only: no types are constructed from the text.
 */
public final class CaseFile {
    private CaseFile() {
    }

    /** The cases of the file named {@code name}; IllegalArgumentException (with the name) when it does not read. */
    @SuppressWarnings("unchecked")
    public static List<RuleCase> parse(String name, String yaml) {
        Map<String, Object> doc;
        try {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
        if (doc == null) {
            throw new IllegalArgumentException(name + ": empty file");
        }
        List<String> scope = (List<String>) doc.get("rules");
        if (scope == null || scope.isEmpty()) {
            throw new IllegalArgumentException(name + ": no 'rules' list");
        }
        List<RuleCase> cases = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) doc.getOrDefault("cases", List.of())) {
            List<Map<String, String>> nominees = new ArrayList<>();
            for (Map<String, Object> n : (List<Map<String, Object>>) c.getOrDefault("nominees", List.of())) {
                nominees.add(strings(n));
            }
            List<RuleCase.Expected> expected = new ArrayList<>();
            for (Map<String, Object> e : (List<Map<String, Object>>) c.getOrDefault("expect", List.of())) {
                Map<String, Object> evidence = new LinkedHashMap<>();
                ((Map<String, Object>) e.getOrDefault("evidence", Map.of())).forEach((k, v) -> evidence.put(k,
                        normalise(v)));
                expected.add(new RuleCase.Expected(str(e.get("nominee")), str(e.get("rule")), str(e.get("severity")),
                        evidence));
            }
            cases.add(new RuleCase(name, scope, str(c.get("name")),
                    strings((Map<String, Object>) c.getOrDefault("congress", Map.of())), nominees,
                    strings((Map<String, Object>) c.getOrDefault("parameters", Map.of())), expected,
                    strings((Map<String, Object>) c.getOrDefault("outcomes", Map.of())),
                    c.containsKey("notChecked") ? ((List<Object>) c.get("notChecked")).stream().map(String::valueOf)
                            .toList() : null));
        }
        return cases;
    }

    /** Values as CSV cells: YAML null stays null (meaning "empty cell"), dates back to ISO text. */
    private static Map<String, String> strings(Map<String, Object> m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v == null ? null : String.valueOf(normalise(v))));
        return out;
    }

    /** Comparable form of a YAML value: dates as ISO text, lists element-wise, numbers as Integer where whole. */
    static Object normalise(Object v) {
        if (v instanceof Date d) {
            return LocalDate.ofInstant(d.toInstant(), ZoneOffset.UTC).toString();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(CaseFile::normalise).toList();
        }
        if (v instanceof Long l) {
            return l.intValue();
        }
        return v;
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }
}
