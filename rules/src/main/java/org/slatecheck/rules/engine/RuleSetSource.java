package org.slatecheck.rules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The content of a rule set version: path → text of every file. Rules ({@code org/slatecheck/rules/PREFIX/*.drl})
 * come only from a release of SlateCheck; the term's data — {@value #TERM} (season and levels by date),
 * {@value #PARAMETERS}, {@value #CITATIONS}, {@value #SWITCHES}, the document registry {@value #DOCUMENTS} (one
 * file for every term, RULES.md version 3 section 9.2), {@value #PROVINCES} (optional), guided rules
 * ({@code guided/ID.yaml}) and rule cases ({@code *.cases.yaml}) — is what a board
 * changes. The checksum is SHA-256 over all of it in path order: it is the checksum stored with every check.
 */
public record RuleSetSource(String id, Map<String, String> files) {
    public static final String RULES_ROOT = "org/slatecheck/rules/";
    public static final String TERM = "term.csv";
    public static final String PARAMETERS = "parameters.csv";
    public static final String CITATIONS = "citations.csv";
    public static final String SWITCHES = "switches.csv";
    public static final String DOCUMENTS = "documents.csv";
    public static final String GUIDED = "guided/";
    /** The term's arrangement of provinces (RULES.md version 3, 9.3: LOC-001 across the 2025 merger); optional. */
    public static final String PROVINCES = "provinces-2025.csv";

    public RuleSetSource {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** The shipped rule set for {@code term}: the rules and cases of this release and the term's data files. */
    public static RuleSetSource shipped(String term) {
        Map<String, String> files = new TreeMap<>(shippedRules());
        ClassLoader cl = RuleSetSource.class.getClassLoader();
        for (String name : new String[] {TERM, PARAMETERS, CITATIONS, SWITCHES}) {
            files.put(name, read(cl, "slatecheck/rulesets/" + term + "/" + name));
        }
        files.put(DOCUMENTS, read(cl, "slatecheck/" + DOCUMENTS));
        String provinces = "slatecheck/rulesets/" + term + "/" + PROVINCES;
        if (cl.getResource(provinces) != null) {
            files.put(PROVINCES, read(cl, provinces));
        }
        return new RuleSetSource(term, files);
    }

    private static volatile Map<String, String> shippedRules;

    /**
     * The rule files and case files shipped in this release: every {@code .drl} and {@code .cases.yaml} under
     * {@value #RULES_ROOT}, found on the classpath (a folder in the build, the rules jar, or the jar nested in the
     * application jar) — no index to keep in step.
     */
    public static Map<String, String> shippedRules() {
        Map<String, String> cached = shippedRules;
        if (cached != null) {
            return cached;
        }
        ClassLoader cl = RuleSetSource.class.getClassLoader();
        URL anchor = cl.getResource(RULES_ROOT + "messages_vi.properties");
        if (anchor == null) {
            throw new IllegalStateException("the rules are not on the classpath");
        }
        Map<String, String> files = new TreeMap<>();
        try {
            if (anchor.getProtocol().equals("file")) {
                Path root = Paths.get(anchor.toURI()).getParent();
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path p : (Iterable<Path>) walk::iterator) {
                        String rel = RULES_ROOT + root.relativize(p).toString().replace('\\', '/');
                        if (isRuleFile(rel)) {
                            files.put(rel, Files.readString(p, StandardCharsets.UTF_8));
                        }
                    }
                }
            } else {
                JarURLConnection connection = (JarURLConnection) anchor.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        JarEntry e = entries.nextElement();
                        if (e.getName().startsWith(RULES_ROOT) && isRuleFile(e.getName())) {
                            try (InputStream in = jar.getInputStream(e)) {
                                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (files.keySet().stream().noneMatch(p -> p.endsWith(".drl"))) {
            throw new IllegalStateException("no rule files found under " + RULES_ROOT);
        }
        shippedRules = Collections.unmodifiableMap(files);
        return shippedRules;
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
     * True when this source's rule files are exactly this release's: the only rules a stored version may run. A
     * version holding other DRL (uploaded before the upload was removed, or stored by another release) is refused.
     */
    public boolean hasReleaseRules() {
        Map<String, String> release = new TreeMap<>();
        shippedRules().forEach((k, v) -> {
            if (k.endsWith(".drl")) {
                release.put(k, v);
            }
        });
        return drlFiles().equals(release);
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

    public String parameters() {
        return files.get(PARAMETERS);
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

    /** The same content with another parameter file. */
    public RuleSetSource withParameters(String text) {
        return with(PARAMETERS, text);
    }

    /** The same content with {@code files} as its rule case files (those it had are replaced). */
    public RuleSetSource withCases(Map<String, String> cases) {
        Map<String, String> copy = new TreeMap<>(files);
        copy.keySet().removeIf(p -> p.endsWith(".cases.yaml"));
        copy.putAll(cases);
        return new RuleSetSource(id, copy);
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
