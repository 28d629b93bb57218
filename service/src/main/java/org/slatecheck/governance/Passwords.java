package org.slatecheck.governance;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are kept as bcrypt hashes (the command line creates users too, so not web-only), and every password
 * set anywhere (Users page, {@code users add}) passes {@link #check}: at least 12 characters, at most 72 bytes
 * (bcrypt reads no further), not only blank characters, not one character repeated, and not the user name nor
 * containing it (case-insensitive). These are judged on what the password looks like ({@link #visible}: NFKC, so
 * full-width letters are the letters they show, and without invisible characters), so a zero-width space or a
 * soft hyphen inside the name does not make it another word. The password itself is stored as typed. Only the
 * demo users of the {@code demo} profile are exempt ({@link DemoUsers}).
 */
@Configuration(proxyBeanMethods = false)
public class Passwords {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** Refuses a weak password with an IllegalArgumentException whose message is a message key. */
    public static void check(String username, String password) {
        String seen = password == null ? "" : visible(password);
        if (password == null || seen.codePointCount(0, seen.length()) < MIN_LENGTH) {
            throw new IllegalArgumentException("signin.password_short");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("signin.password_long");
        }
        if (seen.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            throw new IllegalArgumentException("signin.password_blank");
        }
        if (seen.codePoints().distinct().count() == 1) {
            throw new IllegalArgumentException("signin.password_repeated");
        }
        String name = username == null ? "" : visible(username).strip();
        if (!name.isEmpty() && seen.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("signin.password_name");
        }
    }

    /**
     * What a text looks like: NFKC (full-width and other compatibility forms become the plain characters they show)
     * without invisible characters (format characters such as zero-width space and joiners, soft hyphen, word
     * joiner, byte order mark; variation selectors, combining grapheme joiner and Hangul fillers).
     */
    static String visible(String text) {
        String n = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(n.length());
        n.codePoints().filter(c -> !invisible(c)).forEach(out::appendCodePoint);
        // Removing a character can let neighbours compose differently: normalise once more.
        return java.text.Normalizer.normalize(out, java.text.Normalizer.Form.NFKC);
    }

    private static boolean invisible(int c) {
        return Character.getType(c) == Character.FORMAT || c == 0x034F || c == 0x115F || c == 0x1160
                || c == 0x17B4 || c == 0x17B5 || (c >= 0x180B && c <= 0x180F) || c == 0x3164 || c == 0xFFA0
                || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
    }
}
