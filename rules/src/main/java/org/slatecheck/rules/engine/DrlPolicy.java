package org.slatecheck.rules.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slatecheck.rules.model.Severity;

/**
 * What uploaded DRL may contain, checked before it is compiled: DRL is code, and a board member's upload must not be
 * able to do anything but decide. The text is scanned as tokens, with comments and string literals blanked out (so
 * words inside them are harmless) and line numbers kept:
 * <ul>
 * <li>{@code package} is {@code org.slatecheck.rules} or below; imports only name classes of the fact model, the
 * engine's helpers and parameters ({@code org.slatecheck.rules.model|engine|params}) or a few value classes of
 * {@code java.time}, {@code java.math} and {@code java.util}; no {@code import static} or {@code import function};</li>
 * <li>no {@code System}, {@code Runtime}, threads, executors, reflection, class loading, files, network, process,
 * {@code eval}, {@code function}, {@code global}, {@code query}, {@code entry-point}, no fully qualified class outside
 * the allowed packages, no {@code drools.} or {@code kcontext.} access other than {@code drools.getRule()};</li>
 * <li>every rule carries {@code @id} and {@code @citation}, and either {@code @severity} (a valid severity: a
 * decision rule) or {@code @derives} (a classification rule); an {@code @id} may repeat only for the same decision
 * split by severity, never within one severity.</li>
 * </ul>
 */
public final class DrlPolicy {
    /** One reason a file is refused, at a line (1-based). */
    public record Violation(String path, int line, String code, String message) {
    }

    private static final Set<String> FORBIDDEN = Set.of("System", "Runtime", "Thread", "ThreadGroup",
            "ThreadLocal", "ProcessBuilder", "Process", "ClassLoader", "Class", "getClass", "forName", "Method",
            "Field", "Constructor", "reflect", "invoke", "newInstance", "setAccessible", "Unsafe", "Executor",
            "Executors", "ExecutorService", "ForkJoinPool", "CompletableFuture", "Files", "Paths", "Path", "File",
            "FileInputStream", "FileOutputStream", "URL", "URI", "Socket", "ServerSocket", "HttpClient", "exit",
            "halt", "exec", "load", "loadLibrary", "getRuntime", "eval", "function", "global", "query", "channels",
            "kcontext", "MethodHandles", "Proxy", "ObjectInputStream", "ScriptEngine", "getDeclaredMethod",
            "getDeclaredField");
    private static final Set<String> ALLOWED_JAVA = Set.of("java.time.LocalDate", "java.time.YearMonth",
            "java.time.Period", "java.math.BigDecimal", "java.util.List", "java.util.Set", "java.util.Map",
            "java.util.Collection", "java.util.Objects", "java.util.Collections", "java.util.Arrays");
    private static final Set<String> ENGINE_CLOSED = Set.of("RuleSet", "RuleSets", "RuleSetSource", "Screening",
            "DrlPolicy", "RuleSetException");
    private static final Pattern QUALIFIED = Pattern.compile(
            "\\b((?:java|javax|jdk|sun|com|org|net|io|kotlin|groovy)(?:\\s*\\.\\s*[A-Za-z_$][\\w$]*)+)");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_$][\\w$]*");
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(\"[^\"]*\"|\\S+)");
    private static final Pattern META = Pattern.compile("@(\\w+)\\s*\\(\\s*\"([^\"]*)\"\\s*\\)");

    private DrlPolicy() {
    }

    /** Every violation of {@code text} (a DRL file named {@code path}); empty when the file may be compiled. */
    public static List<Violation> check(String path, String text) {
        List<Violation> out = new ArrayList<>();
        String[] raw = text.split("\n", -1);
        String[] code = blankCommentsAndStrings(text).split("\n", -1);
        boolean packageSeen = false;
        RuleHeader rule = null;
        Map<String, String> idSeverity = new HashMap<>();
        for (int i = 0; i < code.length; i++) {
            int line = i + 1;
            String c = code[i];
            String trimmed = c.strip();
            if (trimmed.startsWith("package ")) {
                packageSeen = true;
                String pkg = trimmed.substring(8).replace(";", "").strip();
                if (!(pkg.equals("org.slatecheck.rules") || pkg.startsWith("org.slatecheck.rules."))) {
                    out.add(new Violation(path, line, "package", "package " + pkg
                            + " is outside org.slatecheck.rules"));
                }
                continue;
            }
            if (trimmed.startsWith("import ")) {
                checkImport(path, line, trimmed.substring(7).replace(";", "").strip(), out);
                continue;
            }
            Matcher r = RULE.matcher(c);
            if (r.find()) {
                close(path, rule, idSeverity, out);
                rule = new RuleHeader(line, r.group(1));
            }
            if (rule != null && !rule.whenSeen) {
                // Metadata sits between "rule" and "when"; string values were blanked, so read them from the raw line.
                Matcher m = META.matcher(raw[i]);
                while (m.find()) {
                    rule.meta.put(m.group(1), m.group(2));
                }
            }
            if (rule != null && trimmed.matches("when\\b.*|when")) {
                rule.whenSeen = true;
            }
            if (rule != null && trimmed.equals("end")) {
                close(path, rule, idSeverity, out);
                rule = null;
            }
            Matcher q = QUALIFIED.matcher(c);
            while (q.find()) {
                String name = q.group(1).replaceAll("\\s", "");
                if (!allowedClass(name) && !name.startsWith("org.slatecheck.rules.")) {
                    out.add(new Violation(path, line, "qualified", name + " may not be used"));
                }
            }
            Matcher w = WORD.matcher(c);
            while (w.find()) {
                String word = w.group();
                if (FORBIDDEN.contains(word)) {
                    out.add(new Violation(path, line, "forbidden", "'" + word + "' is not allowed in uploaded rules "
                            + "(no system, thread, reflection, class loading, file, network, eval or function use)"));
                }
            }
            int d = c.indexOf("drools.");
            while (d >= 0) {
                if (!c.startsWith("drools.getRule()", d)) {
                    out.add(new Violation(path, line, "drools", "only drools.getRule() may be used"));
                }
                d = c.indexOf("drools.", d + 1);
            }
            if (c.contains("entry-point")) {
                out.add(new Violation(path, line, "forbidden", "'entry-point' is not allowed in uploaded rules"));
            }
        }
        close(path, rule, idSeverity, out);
        if (!packageSeen) {
            out.add(new Violation(path, 1, "package", "the file has no package org.slatecheck.rules…"));
        }
        return out;
    }

    /** Every violation of every DRL file of {@code source}. */
    public static List<Violation> check(RuleSetSource source) {
        List<Violation> out = new ArrayList<>();
        source.drlFiles().forEach((path, text) -> out.addAll(check(path, text)));
        return out;
    }

    private static final class RuleHeader {
        final int line;
        final String name;
        final Map<String, String> meta = new HashMap<>();
        boolean whenSeen;

        RuleHeader(int line, String name) {
            this.line = line;
            this.name = name;
        }
    }

    private static void close(String path, RuleHeader rule, Map<String, String> idSeverity, List<Violation> out) {
        if (rule == null || rule.meta.containsKey("__closed")) {
            return;
        }
        rule.meta.put("__closed", "");
        String id = rule.meta.get("id");
        if (id == null || id.isBlank()) {
            out.add(new Violation(path, rule.line, "metadata", "rule " + rule.name + " has no @id"));
        }
        if (rule.meta.getOrDefault("citation", "").isBlank()) {
            out.add(new Violation(path, rule.line, "metadata", "rule " + rule.name + " has no @citation"));
        }
        String severity = rule.meta.get("severity");
        boolean derives = rule.meta.containsKey("derives");
        if (severity == null && !derives) {
            out.add(new Violation(path, rule.line, "metadata", "rule " + rule.name
                    + " has neither @severity (a decision) nor @derives (a classification)"));
        }
        if (severity != null) {
            try {
                Severity.valueOf(severity);
            } catch (IllegalArgumentException e) {
                out.add(new Violation(path, rule.line, "metadata", "rule " + rule.name + ": @severity " + severity
                        + " is not one of " + java.util.Arrays.toString(Severity.values())));
            }
        }
        if (id != null && !id.isBlank()) {
            String key = id + "/" + (severity == null ? "derives" : severity);
            if (idSeverity.put(key, rule.name) != null) {
                out.add(new Violation(path, rule.line, "metadata", "@id " + id + " is used twice"));
            }
        }
    }

    private static void checkImport(String path, int line, String name, List<Violation> out) {
        if (name.startsWith("static ") || name.startsWith("function ")) {
            out.add(new Violation(path, line, "import", "import static / import function is not allowed"));
            return;
        }
        if (!allowedClass(name)) {
            out.add(new Violation(path, line, "import", "import " + name + " is not allowed: only the fact model, "
                    + "its helpers and parameters, and java.time/java.math/java.util value classes"));
        }
    }

    private static boolean allowedClass(String name) {
        if (ALLOWED_JAVA.contains(name)) {
            return true;
        }
        for (String pkg : List.of("org.slatecheck.rules.model.", "org.slatecheck.rules.params.",
                "org.slatecheck.rules.engine.")) {
            if (name.startsWith(pkg)) {
                String simple = name.substring(pkg.length());
                return simple.matches("[A-Z][\\w$]*") && !(pkg.endsWith("engine.") && ENGINE_CLOSED.contains(simple));
            }
        }
        return false;
    }

    /** The text with comments and string/char literals replaced by spaces, newlines kept. */
    static String blankCommentsAndStrings(String text) {
        StringBuilder s = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    s.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
                for (; i < end; i++) {
                    s.append(text.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else if (c == '"' || c == '\'') {
                s.append(c);
                i++;
                while (i < text.length() && text.charAt(i) != c && text.charAt(i) != '\n') {
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        s.append(' ');
                        i++;
                    }
                    s.append(' ');
                    i++;
                }
                if (i < text.length()) {
                    s.append(text.charAt(i));
                    i++;
                }
            } else {
                s.append(c);
                i++;
            }
        }
        return s.toString();
    }
}
