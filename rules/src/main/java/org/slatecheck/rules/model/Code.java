package org.slatecheck.rules.model;

import java.text.Normalizer;
import java.util.Locale;

/** Matching of user-written codes: trimmed, NFC-normalised, case-insensitive (docs/specification.md section 2.2). */
public final class Code {
    private Code() {
    }

    /** The comparison form of a code or free text: trimmed, NFC, lower case (root locale). */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String t = text.strip();
        // Plain ASCII is already NFC: skip the normaliser for the common case of codes and ids.
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) >= 0x80) {
                return Normalizer.normalize(t, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
            }
        }
        return t.toLowerCase(Locale.ROOT);
    }

    /** Folded name → constant, per enum type, built once. */
    private static final ClassValue<java.util.Map<String, Enum<?>>> BY_FOLDED_NAME = new ClassValue<>() {
        @Override
        protected java.util.Map<String, Enum<?>> computeValue(Class<?> type) {
            java.util.Map<String, Enum<?>> map = new java.util.HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                Enum<?> e = (Enum<?>) constant;
                map.putIfAbsent(fold(e.name()), e);
            }
            return map;
        }
    };

    /** True when both texts are non-empty and equal after folding. */
    public static boolean sameText(String a, String b) {
        String fa = fold(a);
        return !fa.isEmpty() && fa.equals(fold(b));
    }

    /** The constant of {@code type} whose name matches {@code text} after folding, or null. */
    public static <E extends Enum<E>> E parse(Class<E> type, String text) {
        return type.cast(BY_FOLDED_NAME.get(type).get(fold(text)));
    }
}
