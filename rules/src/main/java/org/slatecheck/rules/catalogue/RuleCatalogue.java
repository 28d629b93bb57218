package org.slatecheck.rules.catalogue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slatecheck.rules.model.Severity;

/**
 * The shipped rules' metadata, one folder per rule ({@code org/slatecheck/rules/<FAMILY>/<RULE-ID>/}: its DRL, its
 * {@value #META} — severity and its bounds, the optional columns it reads, the parameters it uses, the documents its
 * citations name, a limit it needs — its {@code messages_vi.properties} / {@code messages_en.properties} with its
 * title, message(s) and remedy, and its case files). Found on the classpath (a folder in the build, the rules jar,
 * or the jar nested in the application jar), read once. Everything that used to list rules by hand reads this:
 * {@code intake/ColumnRules}, {@code engine/Screening} (the checks not made), {@code explain/Messages} (the rules'
 * texts), the rule catalogue {@code docs/rules.md}; {@code ConventionTest} enforces the folder contract.
 */
public final class RuleCatalogue {
    public static final String ROOT = "org/slatecheck/rules/";
    /** The metadata file of a rule folder. */
    public static final String META = "rule.properties";
    /** A rule folder's file: family, rule id, file name. */
    static final Pattern FILE = Pattern.compile("([A-Z]{3})/([A-Z]{3}-\\d{3})/([^/]+)");

    private static volatile RuleCatalogue shipped;

    private final Map<String, RuleMeta> rules;
    private final Map<String, Map<String, String>> texts; // language → key → text

    private RuleCatalogue(Map<String, RuleMeta> rules, Map<String, Map<String, String>> texts) {
        this.rules = Collections.unmodifiableMap(rules);
        this.texts = texts;
    }

    /** The catalogue of this release's rules. */
    public static RuleCatalogue shipped() {
        RuleCatalogue c = shipped;
        if (c == null) {
            c = of(read());
            shipped = c;
        }
        return c;
    }

    /** The catalogue of {@code files}: path under {@value #ROOT} (e.g. {@code AGE/AGE-002/rule.properties}) → text. */
    public static RuleCatalogue of(Map<String, String> files) {
        Map<String, Properties> meta = new TreeMap<>();
        Map<String, Map<String, Map<String, String>>> textsById = new TreeMap<>(); // id → lang → key → text
        files.forEach((path, text) -> {
            Matcher m = FILE.matcher(path);
            if (!m.matches()) {
                return;
            }
            String id = m.group(2);
            String name = m.group(3);
            if (name.equals(META)) {
                meta.put(id, load(text));
            } else if (name.matches("messages_(vi|en)\\.properties")) {
                Map<String, String> rows = new TreeMap<>();
                load(text).forEach((k, v) -> rows.put((String) k, (String) v));
                textsById.computeIfAbsent(id, k -> new TreeMap<>()).put(name.substring(9, 11), rows);
            }
        });
        Map<String, RuleMeta> rules = new LinkedHashMap<>();
        Map<String, Map<String, String>> texts = new TreeMap<>();
        texts.put("vi", new TreeMap<>());
        texts.put("en", new TreeMap<>());
        for (Map.Entry<String, Properties> e : meta.entrySet()) {
            Properties p = e.getValue();
            Map<String, Map<String, String>> t = textsById.getOrDefault(e.getKey(), Map.of());
            rules.put(e.getKey(), new RuleMeta(p.getProperty("id", ""), e.getKey().substring(0, 3),
                    list(p, "severity").stream().map(Severity::valueOf).toList(),
                    list(p, "severities").stream().map(Severity::valueOf).toList(), list(p, "columns"),
                    list(p, "congress_columns"), list(p, "parameters"), list(p, "documents"), p.getProperty("needs", "").strip(),
                    p.getProperty("panel", "").strip(),
                    t.getOrDefault("vi", Map.of()), t.getOrDefault("en", Map.of())));
        }
        textsById.forEach((id, byLang) -> byLang.forEach((lang, rows) -> texts.get(lang).putAll(rows)));
        return new RuleCatalogue(rules, texts);
    }

    /** Rule id → its metadata, in id order. */
    public Map<String, RuleMeta> rules() {
        return rules;
    }

    /** The metadata of {@code id}; null when no folder holds it (a board's guided rule). */
    public RuleMeta rule(String id) {
        return rules.get(id);
    }

    /** The rules' titles, messages and remedies in {@code locale}'s language (Vietnamese unless English). */
    public Map<String, String> texts(Locale locale) {
        return texts.get(locale != null && locale.getLanguage().equals("en") ? "en" : "vi");
    }

    /** The rules that read {@code column}, in id order. */
    public List<String> readingColumn(String column) {
        return rules.values().stream().filter(r -> r.columns().contains(column)).map(RuleMeta::id).toList();
    }

    /** The rules that read the optional congress column {@code column} (their {@code congress_columns}), in id order. */
    public List<String> readingCongressColumn(String column) {
        return rules.values().stream().filter(r -> r.congressColumns().contains(column)).map(RuleMeta::id).toList();
    }

    private static List<String> list(Properties p, String key) {
        String v = p.getProperty(key, "").strip();
        return v.isEmpty() ? List.of() : Arrays.stream(v.split(",")).map(String::strip).toList();
    }

    private static Properties load(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Every file of a rule folder on the classpath: path under {@value #ROOT} → text. */
    static Map<String, String> read() {
        return ShippedFiles.read(RuleCatalogue::wanted);
    }

    static boolean wanted(String rel) {
        Matcher m = FILE.matcher(rel);
        return m.matches() && (m.group(3).equals(META) || m.group(3).matches("messages_(vi|en)\\.properties"));
    }
}
