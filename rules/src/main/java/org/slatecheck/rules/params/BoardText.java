package org.slatecheck.rules.params;

import org.slatecheck.rules.text.Messages;

/**
 * What a board may type as wording (guided-rule titles, messages, remedies and citations; citation, switch reason
 * and source cells; parameter values, sources, labels and units): any text but the characters that only break what
 * shows it or mislead the reader. Refused are the control characters (C0, DEL and C1) other than tab and line
 * breaks — a NUL made every PDF with such a finding fail — the bidirectional embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069), which make text read in another order than it is stored, and halves of a
 * surrogate pair standing alone. A refusal names the field in words ({@code data.field.*}) and the character.
 */
public final class BoardText {
    private BoardText() {
    }

    /** True for a code point a board's wording may not contain. */
    public static boolean forbidden(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return false;
        }
        return Character.getType(cp) == Character.CONTROL || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069) || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
    }

    /** The index of the first forbidden character of {@code text}, or -1 (also for null). */
    public static int firstForbidden(String text) {
        return first(text, BoardText::forbidden);
    }

    private static int first(String text, java.util.function.IntPredicate bad) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (bad.test(cp)) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    /**
     * Refuses {@code text} when it holds a forbidden character: {@code data.error.control_character} about
     * {@code field} (the parameter, rule or field code), naming the field in words by the bundle key
     * {@code data.field.LABEL}, the character ({@code U+0000}) and its position (from 1).
     */
    public static String check(String text, String field, String label) {
        int at = firstForbidden(text);
        if (at >= 0) {
            throw ParameterException.of("control_character", field, new Messages.Key("data.field." + label),
                    codePoint(text.codePointAt(at)), text.codePointCount(0, at) + 1);
        }
        return text;
    }

    /**
     * Refuses a whole file (a guided rule's YAML) holding a control character other than tab and line breaks, or half
     * a surrogate pair, naming the line ({@code data.error.control_character_line}): the YAML reader would refuse it
     * in English. Text-direction characters are refused by the field they are in ({@link #check}).
     */
    public static void checkFile(String text) {
        int at = first(text, cp -> forbidden(cp) && !(cp >= 0x202A && cp <= 0x202E) && !(cp >= 0x2066 && cp <= 0x2069));
        if (at >= 0) {
            long line = text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
            throw ParameterException.of("control_character_line", null, line, codePoint(text.codePointAt(at)));
        }
    }

    /** {@code U+202E}. */
    static String codePoint(int cp) {
        return String.format("U+%04X", cp);
    }

    /**
     * {@code text} as it can be printed: tabs and line breaks as spaces, every other forbidden character left out.
     * For what was stored before it was refused (a PDF must render whatever is stored).
     */
    public static String printable(String text) {
        if (text == null || firstForbidden(text) < 0 && text.indexOf('\t') < 0 && text.indexOf('\n') < 0
                && text.indexOf('\r') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\t' || cp == '\n' || cp == '\r') {
                out.append(' ');
            } else if (!forbidden(cp)) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }
}
