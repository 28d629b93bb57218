package org.slatecheck.rules.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user-facing texts in Vietnamese and English ({@code org/slatecheck/rules/messages_vi.properties} and
 * {@code _en}: the rule engine's texts; each rule's title, message(s) and remedy from its folder's
 * {@code messages_vi.properties} / {@code _en}: {@link org.slatecheck.rules.catalogue.RuleCatalogue}; and the bundles
 * a module on the classpath adds through {@link TextBundles} — the service's pages, PDFs and command line), read as
 * UTF-8. A caller names a key the same wherever it lives. Placeholders are {@code {0}}, {@code {1}}… or {@code {name}}; no other syntax, so an
 * apostrophe in a text is just an apostrophe.
 */
public final class Messages {
    /** The rules module's own (central) bundle's base name on the classpath. */
    public static final String BUNDLE = "org.slatecheck.rules.messages";
    /** Vietnamese, the default language. */
    public static final Locale VI = Locale.forLanguageTag("vi");
    public static final Locale EN = Locale.ENGLISH;
    /** The languages every text exists in. */
    public static final Set<Locale> LANGUAGES = Set.of(VI, EN);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    private final Locale locale;
    /** The added bundles ({@link TextBundles}), then the central one. */
    private final List<ResourceBundle> bundles;
    /** The rules' own texts (title, message, remedy), from their folders. */
    private final Map<String, String> rules;

    private Messages(Locale locale) {
        this.locale = locale;
        ResourceBundle.Control control = ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES);
        List<ResourceBundle> all = new ArrayList<>();
        for (Added a : Added.ALL) {
            all.add(ResourceBundle.getBundle(a.baseName(), locale, a.loader(), control));
        }
        all.add(ResourceBundle.getBundle(BUNDLE, locale, control));
        this.bundles = List.copyOf(all);
        this.rules = org.slatecheck.rules.catalogue.RuleCatalogue.shipped().texts(locale);
    }

    /** The texts in {@code locale}'s language: Vietnamese unless it is English. */
    public static Messages of(Locale locale) {
        return new Messages(locale != null && locale.getLanguage().equals("en") ? EN : VI);
    }

    /** The language for a {@code --lang}/{@code lang=} value; null when it is neither {@code vi} nor {@code en}. */
    public static Locale language(String tag) {
        if (tag == null || tag.isBlank() || tag.strip().equalsIgnoreCase("vi")) {
            return VI;
        }
        return tag.strip().equalsIgnoreCase("en") ? EN : null;
    }

    public Locale locale() {
        return locale;
    }

    /**
     * The base names of the bundles {@link #of} reads, besides the rules' folders: those added through
     * {@link TextBundles} on this classpath, then {@link #BUNDLE}.
     */
    public static List<String> bundleNames() {
        List<String> names = new ArrayList<>(Added.ALL.stream().map(Added::baseName).toList());
        names.add(BUNDLE);
        return List.copyOf(names);
    }

    /** A bundle added through {@link TextBundles}, read with its module's class loader. */
    private record Added(String baseName, ClassLoader loader) {
        static final List<Added> ALL = find();

        private static List<Added> find() {
            List<Added> found = new ArrayList<>();
            for (TextBundles t : ServiceLoader.load(TextBundles.class, Messages.class.getClassLoader())) {
                t.baseNames().forEach(name -> found.add(new Added(name, t.getClass().getClassLoader())));
            }
            return List.copyOf(found);
        }
    }

    /** True when a bundle has {@code key}. */
    public boolean has(String key) {
        return rules.containsKey(key) || bundles.stream().anyMatch(b -> b.containsKey(key));
    }

    /** The raw text of {@code key}; fails loudly when missing, which the convention test rules out. */
    public String raw(String key) {
        String rule = rules.get(key);
        if (rule != null) {
            return rule;
        }
        for (ResourceBundle b : bundles) {
            if (b.containsKey(key)) {
                return b.getString(key);
            }
        }
        throw new IllegalStateException("no " + locale.getLanguage() + " text for " + key);
    }

    /**
     * An argument that is itself a text of the bundle (a field's name in words, say): {@link #text(String, Object...)}
     * puts in its text in the reader's language.
     */
    public record Key(String key) {
        @Override
        public String toString() {
            return key;
        }
    }

    /** {@code key} with {@code {0}}, {@code {1}}… replaced by {@code args} ({@link Key} arguments by their text). */
    public String text(String key, Object... args) {
        return fill(raw(key), name -> {
            int i = Integer.parseInt(name);
            return i >= args.length ? null : args[i] instanceof Key k ? raw(k.key()) : String.valueOf(args[i]);
        });
    }

    /**
     * Rules named in words, each with its id: "Số ủy viên vượt mức tối đa (NUM-001); Số ủy viên ban thường vụ ngoài
     * khoảng quy định (NUM-002)". A rule without a title in the bundles (a board's guided rule) keeps its id.
     */
    public String ruleNames(java.util.Collection<String> ids) {
        return ids.stream().map(String::strip).filter(id -> !id.isEmpty())
                .map(id -> has("title." + id) ? raw("title." + id) + " (" + id + ")" : id)
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** {@code key} with {@code {name}} replaced from {@code values}. */
    public String text(String key, Map<String, String> values) {
        return fill(raw(key), values::get);
    }

    /** {@code template} with {@code {name}} replaced by {@code values}; unknown names stay as written. */
    public static String fill(String template, java.util.function.Function<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.apply(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v != null ? v : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
