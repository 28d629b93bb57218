package org.slatecheck.rules.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slatecheck.rules.text.TextPlacement.composedKeys;
import static org.slatecheck.rules.text.TextPlacement.tokensOfRulesMain;
import static org.slatecheck.rules.text.TextPlacement.usedByRules;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Which texts live in the rules module (issue 18 item 5): the central bundles {@code messages_vi/_en} hold only keys
 * that code in {@code rules/src/main} uses — the key written there, outside the bundles, or built from a prefix
 * listed in {@code composed-keys.txt}; the pages' texts live in the service's bundles
 * ({@code scripts/move-page-texts.py} moves them; the service's {@code TextBundlesTest} checks the other side).
 */
class TextPlacementTest {
    private static final Path RULES = Path.of(".");
    private static final Path CENTRAL = Path.of("src/main/resources/org/slatecheck/rules");

    @Test
    void everyKeyOfTheCentralBundlesIsUsedInTheRulesModule() throws IOException {
        Set<String> written = tokensOfRulesMain(RULES);
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
        assertThat(composedKeys().stream().filter(p -> keys.stream().noneMatch(k -> p.matcher(k).matches()))
                .map(Pattern::pattern).toList()).as("lines of composed-keys.txt that match no key").isEmpty();
    }

    /** The check itself: a page text put back in the central bundles is seen; a text the rules use is not. */
    @Test
    void aPageTextInTheCentralBundlesIsSeen() throws IOException {
        Set<String> written = tokensOfRulesMain(RULES);
        List<Pattern> composed = composedKeys();
        assertThat(usedByRules("ui.nav.upload", written, composed)).isFalse();
        assertThat(usedByRules("election.refused.round", written, composed)).isFalse(); // service/election builds it
        assertThat(usedByRules("cases.case_number", written, composed)).isTrue(); // written in CaseExpectations
        assertThat(usedByRules("level.PROVINCE", written, composed)).isTrue(); // "level." + a level
        assertThat(usedByRules("evidence.age", written, composed)).isTrue(); // "evidence." + a name
    }

    private static Properties central(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(CENTRAL.resolve("messages_" + lang + ".properties"))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
