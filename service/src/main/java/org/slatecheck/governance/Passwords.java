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
 * (bcrypt reads no further), and not the user name nor containing it (case-insensitive). Only the demo users of
 * the {@code demo} profile are exempt ({@link DemoUsers}).
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
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new IllegalArgumentException("signin.password_short");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("signin.password_long");
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("signin.password_name");
        }
    }
}
