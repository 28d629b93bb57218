package org.slatecheck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No package of the rules module depends on a package that depends back on it (directly or through others): the
 * layers are model → catalogue → text → params → intake → guided → engine → explain → cases / election, each using
 * only the ones before it. A dependency is an import line or a fully qualified name in the code (comments and string
 * literals do not count: the guided rules' DRL template names engine classes in a string). The service module's test of
 * the same name reads its packages with {@link #graph} and {@link #cycles}.
 */
public class PackageCyclesTest {
    private static final String BASE = "org.slatecheck.rules";

    @Test
    void noPackageDependsOnAPackageThatDependsBackOnIt() throws IOException {
        Map<String, Map<String, Set<String>>> graph = graph(Path.of("src/main/java"), BASE);
        assertThat(graph).containsKeys(BASE + ".text", BASE + ".engine", BASE + ".explain", BASE + ".guided");
        assertThat(cycles(graph)).as("package cycles (package → package: files)").isEmpty();
    }

    @Test
    void theTextsDependOnNothingButTheModelAndTheRulesMetadata() throws IOException {
        Map<String, Map<String, Set<String>>> graph = graph(Path.of("src/main/java"), BASE);
        assertThat(graph.get(BASE + ".text").keySet()).isSubsetOf(BASE + ".model", BASE + ".catalogue");
    }

    @Test
    void theCheckFindsACycleAndIgnoresCommentsAndStrings() {
        Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
        add(graph, "a.b.one", "A.java", """
                package a.b.one;
                import a.b.two.B;
                /** {@link a.b.three.C} */
                class A { String s = "a.b.three.C"; }
                """, "a.b");
        add(graph, "a.b.two", "B.java", """
                package a.b.two;
                class B { a.b.one.A a; }
                """, "a.b");
        add(graph, "a.b.three", "C.java", """
                package a.b.three;
                import a.b.one.A;
                class C { char q = '"'; }
                """, "a.b");
        assertThat(cycles(graph)).hasSize(1);
        assertThat(cycles(graph).get(0)).contains("a.b.one → a.b.two", "a.b.two → a.b.one").doesNotContain("three");
    }

    // ---- the package graph, also used by the service module's test (through the rules' test jar) -------------------

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    /** package → (package it uses → the files that use it), for the Java files under {@code root}. */
    public static Map<String, Map<String, Set<String>>> graph(Path root, String base) throws IOException {
        Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path f : files) {
            String source = Files.readString(f);
            Matcher m = PACKAGE.matcher(source);
            if (m.find()) {
                add(graph, m.group(1), root.relativize(f).toString(), source, base);
            }
        }
        return graph;
    }

    private static void add(Map<String, Map<String, Set<String>>> graph, String pkg, String file, String source,
            String base) {
        Map<String, Set<String>> uses = graph.computeIfAbsent(pkg, k -> new TreeMap<>());
        Matcher m = Pattern.compile("(?<![\\w.])" + Pattern.quote(base) + "((?:\\.[a-z_]\\w*)*)\\.[A-Z]")
                .matcher(code(source));
        while (m.find()) {
            String used = base + m.group(1);
            if (!used.equals(pkg)) {
                uses.computeIfAbsent(used, k -> new TreeSet<>()).add(file);
            }
        }
    }

    /** The source without comments, string, text block and character literals. */
    static String code(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                i = end(s, "\n", i + 2) - 1;
            } else if (s.startsWith("/*", i)) {
                i = end(s, "*/", i + 2);
                out.append(' ');
            } else if (s.startsWith("\"\"\"", i)) {
                i = end(s, "\"\"\"", i + 3);
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != c) {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int end(String s, String closing, int from) {
        int j = from;
        while (j < s.length() && !s.startsWith(closing, j)) {
            j += closing.equals("\"\"\"") && s.charAt(j) == '\\' ? 2 : 1;
        }
        return Math.min(s.length(), j + closing.length());
    }

    /**
     * Each group of packages that reach one another (a strongly connected component of more than one package), as
     * its edges inside the group with the files that make them; empty when the packages form layers.
     */
    public static List<String> cycles(Map<String, Map<String, Set<String>>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<Set<String>> components = new ArrayList<>();
        for (String p : graph.keySet()) {
            if (!index.containsKey(p)) {
                connect(p, graph, index, low, stack, components);
            }
        }
        List<String> out = new ArrayList<>();
        for (Set<String> component : components) {
            List<String> edges = new ArrayList<>();
            for (String from : component) {
                graph.getOrDefault(from, Map.of()).forEach((to, files) -> {
                    if (component.contains(to)) {
                        edges.add(from + " → " + to + ": " + files);
                    }
                });
            }
            out.add(String.join("\n", edges));
        }
        return out;
    }

    private static void connect(String v, Map<String, Map<String, Set<String>>> graph, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, List<Set<String>> components) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        for (String w : graph.getOrDefault(v, Map.of()).keySet()) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, components);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (stack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                components.add(component);
            }
        }
    }
}
