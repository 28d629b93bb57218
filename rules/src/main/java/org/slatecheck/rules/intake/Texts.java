package org.slatecheck.rules.intake;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Cell texts as people really write them (docs/specification.md section 2): ids compared without case and invisible characters,
 * ethnicity with its Kinh variants and placeholders for "none" (docs/decisions.md, "Ethnicity placeholders and
 * relatives separators").
 */
public final class Texts {
    private Texts() {
    }

    /**
     * {@code text} without invisible characters: Unicode format characters (zero-width space and joiners, byte-order
     * mark, soft hyphen, direction marks, word joiner), which a copy from a web page or a Word table leaves behind.
     */
    static String withoutInvisible(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.FORMAT) {
                if (b == null) {
                    b = new StringBuilder(text.length()).append(text, 0, i);
                }
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? text : b.toString();
    }

    /**
     * The form in which two ids are the same id (nominee ids, relatives): invisible characters removed, trimmed, NFC,
     * lower case. {@code NS01}, {@code ns01} and {@code NS01} followed by a zero-width space are one id.
     */
    public static String idKey(String id) {
        if (id == null) {
            return null;
        }
        return Normalizer.normalize(withoutInvisible(id), Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
    }

    /** The comparison form of an ethnicity: full-width letters as ASCII (NFKC), invisible characters removed, folded. */
    private static String ethnicityKey(String text) {
        String v = Normalizer.normalize(withoutInvisible(text), Normalizer.Form.NFKC);
        return Columns.fold(v.replace('(', ' ').replace(')', ' '));
    }

    /** Ways of writing "Kinh", folded: the Kinh people are also called Việt. */
    private static final Set<String> KINH = Set.of("kinh", "viet", "kinh viet", "viet kinh", "dan toc kinh",
            "dan toc viet", "dan toc kinh viet", "nguoi kinh", "nguoi viet");

    /**
     * What a cell writes instead of leaving it empty, folded: dashes, dots, slashes, question marks, "không",
     * "không có", "chưa có", "không rõ", "chưa rõ", "N/A", "none".
     */
    private static final Set<String> PLACEHOLDERS = Set.of("khong", "khong co", "chua co", "khong ro", "chua ro",
            "chua xac dinh", "khong xac dinh", "n/a", "na", "none", "null", "nil");

    /** True when the folded {@code key} is only punctuation a placeholder is written with ({@code -}, {@code ...}). */
    private static boolean punctuationOnly(String key) {
        if (key.isEmpty()) {
            return true;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c == '-' || c == '.' || c == '/' || c == '?' || c == ' ' || c == '_' || c == '*'
                    || Character.getType(c) == Character.DASH_PUNCTUATION)) {
                return false;
            }
        }
        return true;
    }

    /**
     * An ethnicity cell as the rules read it: {@code Kinh} for every way of writing Kinh ("Việt", "Dân tộc Kinh",
     * "Kinh (Việt)", also with invisible or full-width characters); null for a placeholder ("-", "Không", "không có"…),
     * which is an empty cell (DAT-001 where the column is needed); otherwise the text as written.
     */
    public static String ethnicity(String text) {
        if (text == null) {
            return null;
        }
        String key = ethnicityKey(text);
        if (punctuationOnly(key) || PLACEHOLDERS.contains(key)) {
            return null;
        }
        if (KINH.contains(key)) {
            return "Kinh";
        }
        String visible = Normalizer.normalize(withoutInvisible(text), Normalizer.Form.NFKC).strip();
        return visible.isEmpty() ? null : visible;
    }

    /**
     * The separator in a list cell that is neither {@code ;} nor {@code ,} (a line break, a tab, {@code |},
     * {@code /}, {@code \}, {@code +}, {@code &}), as the error shows it; null when there is none. A space is not one:
     * ids may hold spaces.
     */
    static String foreignSeparator(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n', '\r' -> { return "↵"; }
                case '\t' -> { return "⇥"; }
                case '|', '/', '\\', '+', '&' -> { return String.valueOf(c); }
                default -> { }
            }
        }
        return null;
    }
}
