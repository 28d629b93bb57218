package org.slatecheck.spreadsheets;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Names of the sheets of one workbook as Excel accepts them: at most 31 characters, none of {@code []:*?/\}, not
 * starting or ending with {@code '}, not empty, and unique ignoring case (Excel compares sheet names that way).
 */
final class SheetNames {
    static final int MAX = 31;

    private final Set<String> taken = new HashSet<>();

    /** A safe, unique name close to {@code wanted} ({@code fallback} when nothing of it is usable). */
    String next(String wanted, String fallback) {
        String base = clean(wanted);
        if (base.isEmpty()) {
            base = clean(fallback);
        }
        String name = base;
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            name = cut(base, MAX - suffix.length()) + suffix;
        }
        return name;
    }

    static String clean(String wanted) {
        String s = wanted == null ? "" : wanted.replaceAll("[\\[\\]:*?/\\\\\\p{Cntrl}]", "-").strip();
        s = cut(s, MAX);
        s = s.replaceAll("^'+|'+$", "").strip();
        return s;
    }

    /** At most {@code max} characters, never splitting a surrogate pair. */
    private static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end).strip();
    }
}
