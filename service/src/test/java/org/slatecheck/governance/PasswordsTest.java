package org.slatecheck.governance;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 17: passwords that only look long (one character repeated, only blank characters) or that hide the
 * user name behind invisible or full-width characters are refused, each with its own message key.
 */
class PasswordsTest {
    static void refused(String name, String password, String key) {
        assertThatThrownBy(() -> Passwords.check(name, password)).as(password)
                .isInstanceOf(IllegalArgumentException.class).hasMessage(key);
    }

    @Test
    void oneRepeatedCharacterIsRefused() {
        refused("chief", "aaaaaaaaaaaaaaaa", "signin.password_repeated");
        refused("chief", "\u00e0".repeat(14), "signin.password_repeated");
        // Full-width 'ａ' is 'a'; a zero-width space between does not make it two characters.
        refused("chief", "aaaaaa\uff41\uff41\uff41\u200baaaaa", "signin.password_repeated");
    }

    @Test
    void onlyBlankCharactersAreRefused() {
        refused("chief", "            ", "signin.password_blank");
        refused("chief", "      \t  \u00a0\u3000   ", "signin.password_blank");
    }

    @Test
    void theNameBehindInvisibleOrFullWidthCharactersIsRefused() {
        refused("chiefadmin1", "my ch\u200bief\u00adadmin1 pass", "signin.password_name");
        refused("chiefadmin1", "my \uff23\uff28\uff29\uff25\uff26admin\uff11 pass", "signin.password_name");
        refused("chiefadmin1", "my chief\u2060admin1\ufeff pass", "signin.password_name");
        refused("chiefadmin1", "my-Chiefadmin1-password", "signin.password_name");
        // Twelve characters only with the invisible ones: too short.
        refused("chief", "abc\u200b\u200b\u200bdefgh\u200b\u200b", "signin.password_short");
    }

    @Test
    void ordinaryPassphrasesAreAccepted() {
        assertThatCode(() -> Passwords.check("chiefadmin1", "a long enough passphrase")).doesNotThrowAnyException();
        assertThatCode(() -> Passwords.check("hùng", "Mật khẩu dài đủ mười hai ký tự")).doesNotThrowAnyException();
        assertThatCode(() -> Passwords.check("chief", "ab".repeat(6))).doesNotThrowAnyException();
    }
}
