package org.slatecheck.rules.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Loads every {@code *.cases.yaml} under the test resources' rule folders. */
final class RuleCases {
    static final Path ROOT = Paths.get("src/test/resources/org/slatecheck/rules");

    private RuleCases() {
    }

    static List<Path> files() {
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".cases.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<RuleCase> all() {
        List<RuleCase> out = new ArrayList<>();
        for (Path p : files()) {
            out.addAll(load(p));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<RuleCase> load(Path file) {
        Map<String, Object> doc;
        try (InputStream in = Files.newInputStream(file)) {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        String name = ROOT.relativize(file).toString();
        List<String> scope = (List<String>) doc.get("rules");
        if (scope == null || scope.isEmpty()) {
            throw new IllegalArgumentException(name + ": no 'rules' list");
        }
        List<RuleCase> cases = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) doc.get("cases")) {
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
            return l.stream().map(RuleCases::normalise).toList();
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
