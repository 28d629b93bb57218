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
 * parameter overrides and expected findings). Case files are uploaded by users, so the YAML is read safely: a
 * {@link SafeConstructor} (plain maps, lists, strings, numbers, booleans and dates; a type tag such as
 * {@code !!javax.script.ScriptEngineManager} is refused, no class is ever instantiated from the text), no global
 * tags, few aliases, a bounded nesting depth and a size limit.
 */
public final class CaseFile {
    /** The largest case file read, in characters (the shipped ones are under 6 000). */
    public static final int MAX_CHARS = 256 * 1024;

    private CaseFile() {
    }

    /** The loader options: limits and no global tags. */
    static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CHARS);
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(20);
        options.setAllowDuplicateKeys(false);
        options.setTagInspector(tag -> false);
        return options;
    }

    /** The cases of the file named {@code name}; IllegalArgumentException (with the name) when it does not read. */
    public static List<RuleCase> parse(String name, String yaml) {
        if (yaml == null || yaml.isEmpty()) {
            throw new IllegalArgumentException(name + ": empty file");
        }
        if (yaml.length() > MAX_CHARS) {
            throw new IllegalArgumentException(name + ": larger than " + MAX_CHARS + " characters");
        }
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(options())).load(yaml);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
        if (doc == null) {
            throw new IllegalArgumentException(name + ": empty file");
        }
        try {
            return cases(name, doc);
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException(name + ": not a case file (unexpected structure)", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<RuleCase> cases(String name, Object document) {
        Map<String, Object> doc = (Map<String, Object>) document;
        List<Object> rules = (List<Object>) doc.get("rules");
        if (rules == null || rules.isEmpty()) {
            throw new IllegalArgumentException(name + ": no 'rules' list");
        }
        List<String> scope = rules.stream().map(String::valueOf).toList();
        List<RuleCase> cases = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) doc.getOrDefault("cases", List.of())) {
            List<Map<String, String>> nominees = new ArrayList<>();
            for (Map<String, Object> n : (List<Map<String, Object>>) c.getOrDefault("nominees", List.of())) {
                nominees.add(strings(n));
            }
            List<RuleCase.Expected> expected = expected((List<Map<String, Object>>) c.getOrDefault("expect",
                    List.of()));
            List<RuleCase.Expected> viable = c.containsKey("expectViable")
                    ? expected((List<Map<String, Object>>) c.get("expectViable")) : null;
            cases.add(new RuleCase(name, scope, str(c.get("name")),
                    strings((Map<String, Object>) c.getOrDefault("congress", Map.of())), nominees,
                    strings((Map<String, Object>) c.getOrDefault("parameters", Map.of())), expected,
                    strings((Map<String, Object>) c.getOrDefault("outcomes", Map.of())),
                    c.containsKey("notChecked") ? ((List<Object>) c.get("notChecked")).stream().map(String::valueOf)
                            .toList() : null, viable, boundary(c.get("boundary"))));
        }
        return cases;
    }

    /** {@code boundary: AGE-002} or {@code boundary: [NUM-003, NUM-009]}: the rules whose edge the case is on. */
    private static List<String> boundary(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    @SuppressWarnings("unchecked")
    private static List<RuleCase.Expected> expected(List<Map<String, Object>> rows) {
        List<RuleCase.Expected> expected = new ArrayList<>();
        for (Map<String, Object> e : rows == null ? List.<Map<String, Object>>of() : rows) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            ((Map<String, Object>) e.getOrDefault("evidence", Map.of())).forEach((k, v) -> evidence.put(k,
                    normalise(v)));
            expected.add(new RuleCase.Expected(str(e.get("nominee")), str(e.get("rule")), str(e.get("severity")),
                    evidence));
        }
        return expected;
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
