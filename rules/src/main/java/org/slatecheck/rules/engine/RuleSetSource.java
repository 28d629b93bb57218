package org.slatecheck.rules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.slatecheck.rules.catalogue.ShippedFiles;

/**
 * The content of a rule set version: path → text of every file. Rules ({@code org/slatecheck/rules/PREFIX/*.drl})
 * come only from a release of SlateCheck, and so do the parameter declarations {@value #PARAMETERS} (one per
 * parameter for every term: type, bounds, unit, labels, board or central); the term's data — {@value #TERM} (season
 * and levels by date), {@value #VALUES} (the parameters' dated values with their source documents), {@value #CITATIONS}, {@value #SWITCHES}, the document registry {@value #DOCUMENTS} (one
 * file for every term, docs/specification.md section 5), {@value #PROVINCES} (optional), guided rules
 * ({@code guided/ID.yaml}) and rule cases ({@code *.cases.yaml}) — is what a board
 * changes. The checksum is SHA-256 over all of it in path order: it is the checksum stored with every check.
 */
public record RuleSetSource(String id, Map<String, String> files) {
    public static final String RULES_ROOT = "org/slatecheck/rules/";
    public static final String TERM = "term.csv";
    /** The parameter declarations, shipped with the release (data/parameters.csv): never edited by a board. */
    public static final String PARAMETERS = "parameters.csv";
    /** The term's dated parameter values (data/rulesets/TERM/values.csv): edited through the parameters form. */
    public static final String VALUES = "values.csv";
    public static final String CITATIONS = "citations.csv";
    public static final String SWITCHES = "switches.csv";
    public static final String DOCUMENTS = "documents.csv";
    public static final String GUIDED = "guided/";
    /** The term's arrangement of provinces (docs/specification.md section 6: LOC-001 across the 2025 merger); optional. */
    public static final String PROVINCES = "provinces-2025.csv";

    public RuleSetSource {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** The shipped rule set for {@code term}: the rules and cases of this release and the term's data files. */
    public static RuleSetSource shipped(String term) {
        Map<String, String> files = new TreeMap<>(shippedRules());
        ClassLoader cl = RuleSetSource.class.getClassLoader();
        for (String name : new String[] {TERM, VALUES, CITATIONS, SWITCHES}) {
            files.put(name, read(cl, "slatecheck/rulesets/" + term + "/" + name));
        }
        files.put(DOCUMENTS, read(cl, "slatecheck/" + DOCUMENTS));
        files.put(PARAMETERS, shippedDeclarations());
        String provinces = "slatecheck/rulesets/" + term + "/" + PROVINCES;
        if (cl.getResource(provinces) != null) {
            files.put(PROVINCES, read(cl, provinces));
        }
        return new RuleSetSource(term, files);
    }

    private static volatile Map<String, String> shippedRules;

    /**
     * The rule files and case files shipped in this release: every {@code .drl} and {@code .cases.yaml} under
     * {@value #RULES_ROOT} but the election rules, found on the classpath by {@link ShippedFiles} (a folder in the
     * build, the rules jar, or the jar nested in the application jar) — no index to keep in step.
     */
    public static Map<String, String> shippedRules() {
        Map<String, String> cached = shippedRules;
        if (cached != null) {
            return cached;
        }
        Map<String, String> files = new TreeMap<>();
        ShippedFiles.read(path -> isRuleFile(RULES_ROOT + path))
                .forEach((path, text) -> files.put(RULES_ROOT + path, text));
        if (files.keySet().stream().noneMatch(p -> p.endsWith(".drl"))) {
            throw new IllegalStateException("no rule files found under " + RULES_ROOT);
        }
        shippedRules = Collections.unmodifiableMap(files);
        return shippedRules;
    }

    /** The parameter declarations of this release ({@value #PARAMETERS}, one file for every term). */
    public static String shippedDeclarations() {
        return read(RuleSetSource.class.getClassLoader(), "slatecheck/" + PARAMETERS);
    }

    private static boolean isRuleFile(String path) {
        // The election rules (ELE) are a KieBase of their own (org.slatecheck.rules.election), not screening rules.
        return path.startsWith(RULES_ROOT) && !path.startsWith(RULES_ROOT + "ELE/")
                && (path.endsWith(".drl") || path.endsWith(".cases.yaml"));
    }

    private static String read(ClassLoader cl, String path) {
        try (InputStream in = cl.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * True when this source's rule files are this release's: the only rules a stored version may run. A version
     * holding other DRL (uploaded before the upload was removed, or stored by another release) is refused. A version
     * stored before the rules moved to one folder per rule (one {@code PREFIX/PREFIX-rules.drl} per family, issue 18
     * item 4) holds the same rules under other paths: it is this release's rules ({@link #rulesToCompile()}).
     */
    public boolean hasReleaseRules() {
        Map<String, String> release = releaseDrl();
        Map<String, String> own = drlFiles();
        return own.equals(release) || sameRules(own, release);
    }

    /**
     * The DRL to compile: this source's, or — for a version stored with the same rules in the earlier layout (family
     * files) — this release's files, which are those rules in their folders; so an old version compiles to the same
     * KieBase as the release (and its build-time compiled module) while its stored files and checksum stay as stored.
     */
    public Map<String, String> rulesToCompile() {
        Map<String, String> own = drlFiles();
        Map<String, String> release = releaseDrl();
        return !own.equals(release) && sameRules(own, release) ? release : own;
    }

    private static Map<String, String> releaseDrl() {
        Map<String, String> release = new TreeMap<>();
        shippedRules().forEach((k, v) -> {
            if (k.endsWith(".drl")) {
                release.put(k, v);
            }
        });
        return release;
    }

    private static final java.util.regex.Pattern RULE_BLOCK = java.util.regex.Pattern.compile(
            "(?ms)^rule\\s+\"[^\"]*\".*?^end\\b");
    private static final java.util.regex.Pattern PACKAGE = java.util.regex.Pattern.compile("(?m)^package\\s+([\\w.]+)");

    /**
     * Whether {@code a} and {@code b} hold the same rules, whatever files they are in: the same rule blocks (comments
     * and spacing aside) in the same packages, and nothing else but package and import lines. Imports are not compared: a rule that needs one it lacks does not
     * compile.
     */
    static boolean sameRules(Map<String, String> a, Map<String, String> b) {
        return ruleBlocks(a).equals(ruleBlocks(b));
    }

    private static Map<String, Integer> ruleBlocks(Map<String, String> drl) {
        Map<String, Integer> blocks = new TreeMap<>();
        for (String text : drl.values()) {
            String plain = text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
            java.util.regex.Matcher p = PACKAGE.matcher(plain);
            String pkg = p.find() ? p.group(1) : "";
            java.util.regex.Matcher m = RULE_BLOCK.matcher(plain);
            while (m.find()) {
                blocks.merge(pkg + "|" + m.group().replaceAll("\\s+", " ").strip(), 1, Integer::sum);
            }
            // Anything but rules, the package and imports (a function, a rule not closed on a line of its own) is
            // not the release's: it makes the files differ.
            String rest = RULE_BLOCK.matcher(plain).replaceAll("").replaceAll("(?m)^(package|import)\\s[^\\n]*$", "");
            if (!rest.isBlank()) {
                blocks.merge("?" + rest.replaceAll("\\s+", " ").strip(), 1, Integer::sum);
            }
        }
        return blocks;
    }

    /** The rule files (DRL from a release): path → text. */
    public Map<String, String> drlFiles() {
        return select(p -> p.endsWith(".drl"));
    }

    /** The rule case files: path → YAML text. */
    public Map<String, String> caseFiles() {
        return select(p -> p.endsWith(".cases.yaml"));
    }

    /** The guided rules: path → YAML text. */
    public Map<String, String> guidedFiles() {
        return select(p -> p.startsWith(GUIDED) && p.endsWith(".yaml") && !p.endsWith(".cases.yaml"));
    }

    /** The parameter declarations (the release's; in a version stored before they moved, the whole old file). */
    public String declarations() {
        return files.get(PARAMETERS);
    }

    /** The term's dated parameter values; null in a version stored before the declarations moved out. */
    public String values() {
        return files.get(VALUES);
    }

    /**
     * The parameters of this version: the declarations with the term's values; a version stored before the
     * declarations moved out of the terms is read in its old format (its history stays readable).
     */
    public org.slatecheck.rules.params.RuleSetParameters parameterSet() {
        if (values() == null) {
            return org.slatecheck.rules.params.RuleSetParameters.parseLegacy(declarations(), PARAMETERS);
        }
        return org.slatecheck.rules.params.RuleSetParameters.parse(declarations(), values(), VALUES);
    }

    /** The term file (season, levels by date); null in a version stored before terms were data. */
    public String term() {
        return files.get(TERM);
    }

    /**
     * The term file read strictly ({@link org.slatecheck.rules.params.ParameterException} in words otherwise); its
     * id must be this version's term.
     */
    public org.slatecheck.rules.params.Term termData() {
        if (term() == null && RuleSets.terms().contains(id)) {
            // A version stored before terms were data (2020-2025.8, 2025-2030.8): its term is the release's, so old
            // checks still reproduce and its checksum (over its own files) is unchanged.
            return RuleSets.term(id);
        }
        org.slatecheck.rules.params.Term t = org.slatecheck.rules.params.Term.parse(term(), TERM);
        if (!t.id().equals(id)) {
            throw org.slatecheck.rules.params.ParameterException.of("term_id_mismatch", "term", t.id(), id).at(TERM);
        }
        return t;
    }

    public String citations() {
        return files.get(CITATIONS);
    }

    /** The document registry the citations name ("" when a stored version predates it). */
    public String documents() {
        return files.getOrDefault(DOCUMENTS, "");
    }

    public String switches() {
        return files.getOrDefault(SWITCHES, "");
    }

    /** The arrangement of provinces; "" when the term has none. */
    public String provinces() {
        return files.getOrDefault(PROVINCES, "");
    }

    private Map<String, String> select(java.util.function.Predicate<String> p) {
        Map<String, String> out = new TreeMap<>();
        files.forEach((k, v) -> {
            if (p.test(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The same content with another values file (the term's dated parameter values). */
    public RuleSetSource withValues(String text) {
        return with(VALUES, text);
    }

    /** The rule case files (same as {@link #caseFiles()}). */
    public Map<String, String> cases() {
        return caseFiles();
    }

    /** This source with {@code path} set to {@code text} (null removes it). */
    public RuleSetSource with(String path, String text) {
        Map<String, String> copy = new TreeMap<>(files);
        if (text == null) {
            copy.remove(path);
        } else {
            copy.put(path, text);
        }
        return new RuleSetSource(id, copy);
    }

    /** SHA-256 (hex) of every file, in path order. */
    public String checksum() {
        return sha256(files);
    }

    static String sha256(Map<String, String> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : files.entrySet()) {
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(e.getValue().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
