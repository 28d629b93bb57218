package org.slatecheck.rules.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Which texts live in the rules module (issue 18 item 5): the central bundles {@code messages_vi/_en} hold only keys
 * that code in {@code rules/src/main} uses — the key written there, outside the bundles, or built from a prefix
 * listed in {@code composed-keys.txt}; the pages' texts live in the service's bundles
 * ({@code scripts/move-page-texts.py} moves them; the service's {@code TextBundlesTest} checks the other side).
 */
class TextPlacementTest {
    private static final Path MAIN = Path.of("src/main");
    private static final Path CENTRAL = Path.of("src/main/resources/org/slatecheck/rules");
    /** The same tokens as {@code scripts/move-page-texts.py}: a dotted name such as {@code ui.nav.upload}. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]+)*");

    @Test
    void everyKeyOfTheCentralBundlesIsUsedInTheRulesModule() throws IOException {
        Set<String> written = tokensOfRulesMain();
        List<Pattern> composed = composedKeys();
        for (String lang : List.of("vi", "en")) {
            Set<String> onlyElsewhere = new TreeSet<>();
            for (String key : central(lang).stringPropertyNames()) {
                if (!usedByRules(key, written, composed)) {
                    onlyElsewhere.add(key);
                }
            }
            assertThat(onlyElsewhere).as("keys of messages_" + lang + ".properties that rules/src/main never uses: "
                    + "move them to the service's bundles (python3 scripts/move-page-texts.py) or list the prefix "
                    + "the rules build them from in composed-keys.txt").isEmpty();
        }
    }

    /** A line of {@code composed-keys.txt} that matches no key of the bundles is out of date. */
    @Test
    void everyComposedPrefixStillNamesTexts() throws IOException {
        Set<String> keys = central("vi").stringPropertyNames();
        for (Pattern p : composedKeys()) {
            assertThat(keys.stream().anyMatch(k -> p.matcher(k).matches())).as(p.pattern()).isTrue();
        }
    }

    /** The check itself: a page text put back in the central bundles is seen; a text the rules use is not. */
    @Test
    void aPageTextInTheCentralBundlesIsSeen() throws IOException {
        Set<String> written = tokensOfRulesMain();
        List<Pattern> composed = composedKeys();
        assertThat(usedByRules("ui.nav.upload", written, composed)).isFalse();
        assertThat(usedByRules("election.refused.round", written, composed)).isFalse(); // service/election builds it
        assertThat(usedByRules("cases.case_number", written, composed)).isTrue(); // written in CaseExpectations
        assertThat(usedByRules("level.PROVINCE", written, composed)).isTrue(); // "level." + a level
        assertThat(usedByRules("evidence.age", written, composed)).isTrue(); // "evidence." + a name
    }

    static boolean usedByRules(String key, Set<String> written, List<Pattern> composed) {
        return written.contains(key) || composed.stream().anyMatch(p -> p.matcher(key).matches());
    }

    /** Every dotted name written in {@code rules/src/main} (code, rules, data, the rules' folders), but the bundles. */
    static Set<String> tokensOfRulesMain() throws IOException {
        Set<String> tokens = new HashSet<>();
        List<Path> files;
        try (var walk = Files.walk(MAIN)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            if (f.getParent().equals(CENTRAL) && f.getFileName().toString().matches("messages_(vi|en)\\.properties")) {
                continue;
            }
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (CharacterCodingException binary) {
                continue;
            }
            Matcher m = TOKEN.matcher(text);
            while (m.find()) {
                tokens.add(m.group());
            }
        }
        return tokens;
    }

    /** The patterns of {@code composed-keys.txt}: the first word of each line that is not a comment. */
    static List<Pattern> composedKeys() throws IOException {
        List<Pattern> out = new ArrayList<>();
        try (InputStream in = TextPlacementTest.class.getResourceAsStream("composed-keys.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(Pattern.compile(line.strip().split("\\s+")[0]));
                }
            }
        }
        return out;
    }

    private static Properties central(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(CENTRAL.resolve("messages_" + lang + ".properties"))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
