package org.slatecheck.rules.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slatecheck.rules.params.Parameters;

/**
 * The shipped rule sets, one per term, compiled on first use and then shared. Thread-safe. A run takes them as one
 * {@link RuleSetSnapshot#shipped()}.
 */
public final class RuleSets {
    /** Where the shipped terms' folders are on the classpath (the data module's {@code rulesets/}). */
    static final String ROOT = "slatecheck/rulesets/";
    private static volatile List<String> terms;

    private static final Map<String, RuleSet> SHIPPED = new ConcurrentHashMap<>();
    private static final Map<String, RuleSetSource> SOURCES = new ConcurrentHashMap<>();
    private static final Map<String, Parameters> PARAMETERS = new ConcurrentHashMap<>();

    private RuleSets() {
    }

    /** The shipped rule set of {@code term}; IllegalArgumentException for an unknown term. */
    public static RuleSet shipped(String term) {
        return SHIPPED.computeIfAbsent(known(term), t -> RuleSet.compile(shippedSource(t)));
    }

    /** The content of the shipped rule set of {@code term} (DRL, parameters, rule case files), read once. */
    public static RuleSetSource shippedSource(String term) {
        return SOURCES.computeIfAbsent(known(term), RuleSetSource::shipped);
    }

    /** The version and checksum of the shipped rule set of {@code term}, without compiling it. */
    public static RuleSetSnapshot.Version shippedVersion(String term) {
        return new RuleSetSnapshot.Version(term, parameters(known(term)).version(), shippedSource(term).checksum());
    }

    /**
     * The shipped terms, oldest first: every folder under {@value #ROOT} on the classpath holding a
     * {@link RuleSetSource#TERM} (a folder in the build, the data jar, or the jar nested in the application jar) — no
     * list in Java to keep in step with the data.
     */
    public static List<String> terms() {
        List<String> known = terms;
        if (known == null) {
            known = List.copyOf(discover());
            terms = known;
        }
        return known;
    }

    private static java.util.SortedSet<String> discover() {
        ClassLoader cl = RuleSets.class.getClassLoader();
        java.util.SortedSet<String> found = new java.util.TreeSet<>();
        try {
            java.util.Enumeration<java.net.URL> roots = cl.getResources(ROOT);
            while (roots.hasMoreElements()) {
                java.net.URL root = roots.nextElement();
                if (root.getProtocol().equals("file")) {
                    java.nio.file.Path dir = java.nio.file.Paths.get(root.toURI());
                    try (java.util.stream.Stream<java.nio.file.Path> list = java.nio.file.Files.list(dir)) {
                        list.filter(p -> java.nio.file.Files.isRegularFile(p.resolve(RuleSetSource.TERM)))
                                .forEach(p -> found.add(p.getFileName().toString()));
                    }
                } else {
                    java.net.JarURLConnection c = (java.net.JarURLConnection) root.openConnection();
                    c.setUseCaches(false);
                    try (java.util.jar.JarFile jar = c.getJarFile()) {
                        jar.stream().map(java.util.jar.JarEntry::getName)
                                .filter(n -> n.startsWith(ROOT) && n.endsWith("/" + RuleSetSource.TERM))
                                .map(n -> n.substring(ROOT.length(), n.length() - RuleSetSource.TERM.length() - 1))
                                .filter(n -> !n.isEmpty() && !n.contains("/")).forEach(found::add);
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no rule set folders with " + RuleSetSource.TERM + " under " + ROOT);
        }
        return found;
    }

    private static String known(String term) {
        if (!terms().contains(term)) {
            throw new IllegalArgumentException("unknown term " + term);
        }
        return term;
    }

    /** The season and levels of the shipped rule set of {@code term}; IllegalArgumentException for an unknown term. */
    public static org.slatecheck.rules.params.Term term(String term) {
        return TERM_DATA.computeIfAbsent(known(term), t -> shippedSource(t).termData());
    }

    private static final Map<String, org.slatecheck.rules.params.Term> TERM_DATA = new ConcurrentHashMap<>();

    /** Whether {@code base} is the KieBase of a shipped rule set compiled so far (those are never released). */
    static boolean isShippedBase(org.kie.api.KieBase base) {
        return SHIPPED.values().stream().anyMatch(r -> r.kieBase() == base);
    }

    /**
     * The parameters of the shipped rule set of {@code term} without compiling its rules (the intake needs them to
     * read a congress row; the rules may still be compiling in the background). Null for an unknown term.
     */
    public static Parameters parameters(String term) {
        if (!terms().contains(term)) {
            return null;
        }
        RuleSet compiled = SHIPPED.get(term);
        if (compiled != null) {
            return compiled.getParameters();
        }
        return PARAMETERS.computeIfAbsent(term, t -> {
            RuleSetSource source = shippedSource(t);
            return source.parameterSet().at(null);
        });
    }
}
