package org.slatecheck.rules.model;

import java.text.Normalizer;
import java.util.Locale;

/** Matching of user-written codes: trimmed, NFC-normalised, case-insensitive (RULES.md section 2.2). */
public final class Code {
    private Code() {
    }

    /** The comparison form of a code or free text: trimmed, NFC, lower case (root locale). */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** True when both texts are non-empty and equal after folding. */
    public static boolean sameText(String a, String b) {
        String fa = fold(a);
        return !fa.isEmpty() && fa.equals(fold(b));
    }

    /** The constant of {@code type} whose name matches {@code text} after folding, or null. */
    public static <E extends Enum<E>> E parse(Class<E> type, String text) {
        String folded = fold(text);
        for (E constant : type.getEnumConstants()) {
            if (fold(constant.name()).equals(folded)) {
                return constant;
            }
        }
        return null;
    }
}
