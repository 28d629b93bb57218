package org.slatecheck.explanation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

import org.slatecheck.rules.text.Messages;

/**
 * The version of the message catalogue a result is rendered with (issue 20, render on open): the first 16 hex digits
 * of the SHA-256 of every text the renderer of findings uses — the rules' titles, messages and remedies, the code
 * words of evidence, the ranges' and the viable list's wordings — in Vietnamese and English, computed once per JVM.
 * A batch stores it with each list; a list opened under another catalogue is rendered with today's words, and the page
 * says so. Page texts are left out: a changed button does not change what a finding says.
 */
public final class MessageCatalogue {
    /** The key prefixes {@link org.slatecheck.rules.explain.Explainer} reads. */
    static final List<String> USED = List.of("title.", "message.", "remedy.", "code.", "range.", "viable.prefix");

    private MessageCatalogue() {
    }

    private static final class Holder {
        static final String VERSION = compute();
    }

    /** This JVM's catalogue version. */
    public static String version() {
        return Holder.VERSION;
    }

    static String compute() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Locale locale : List.of(Messages.VI, Messages.EN)) {
                Map<String, String> texts = new TreeMap<>();
                ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, locale,
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
                for (String key : bundle.keySet()) {
                    if (used(key)) {
                        texts.put(key, bundle.getString(key));
                    }
                }
                org.slatecheck.rules.catalogue.RuleCatalogue.shipped().texts(locale).forEach((k, v) -> {
                    if (used(k)) {
                        texts.put(k, v);
                    }
                });
                sha.update(locale.getLanguage().getBytes(StandardCharsets.UTF_8));
                texts.forEach((k, v) -> {
                    sha.update((k + "\u0000" + v + "\n").getBytes(StandardCharsets.UTF_8));
                });
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean used(String key) {
        for (String prefix : USED) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
