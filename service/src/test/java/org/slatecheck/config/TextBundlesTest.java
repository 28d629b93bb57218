package org.slatecheck.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.slatecheck.rules.catalogue.RuleCatalogue;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.text.TextPlacement;

/**
 * Where the texts live (issue 18 item 5): the service's pages, PDFs, exports and command line read their texts from
 * {@code i18n/pages_*}, the rule engine's from {@code org/slatecheck/rules/messages_*}, through the one
 * {@link Messages}; every bundle has the same keys in both languages, no key is in two bundles, and the service's
 * bundles hold no key the rules module uses (rules' {@code TextPlacementTest} checks the other way).
 */
class TextBundlesTest {
    /** Every bundle {@link Messages} reads on the service's classpath, by base name. */
    private static final List<String> BUNDLES = List.of(PageTexts.BUNDLE, Messages.BUNDLE);

    @Test
    void messagesReadTheServiceBundlesThenTheRulesBundles() {
        assertThat(Messages.bundleNames()).containsExactlyElementsOf(BUNDLES);
        Messages vi = Messages.of(Messages.VI);
        Messages en = Messages.of(Messages.EN);
        // a page text, a command-line text, a rule-engine text and a rule's own text, by the same keys as before
        assertThat(vi.raw("ui.nav.upload")).isEqualTo("Kiểm tra danh sách");
        assertThat(en.raw("ui.nav.upload")).isEqualTo("Check a list");
        assertThat(vi.text("cli.bad_option", "--x")).isEqualTo("tham số không hợp lệ: --x");
        assertThat(vi.raw("severity.NOTICE")).isEqualTo("Lưu ý");
        assertThat(en.has("title.AGE-002")).isTrue();
        assertThat(vi.has("no.such.key")).isFalse();
    }

    @Test
    void everyBundleHasTheSameKeysInBothLanguages() throws IOException {
        for (String bundle : BUNDLES) {
            Set<String> vi = load(bundle, "vi").stringPropertyNames();
            Set<String> en = load(bundle, "en").stringPropertyNames();
            assertThat(vi).as(bundle + ": keys in Vietnamese only").isSubsetOf(en);
            assertThat(en).as(bundle + ": keys in English only").isSubsetOf(vi);
        }
    }

    /** A key in two bundles would have two texts, and which one a page shows would depend on the lookup order. */
    @Test
    void noKeyIsInTwoBundles() throws IOException {
        for (String lang : List.of("vi", "en")) {
            Map<String, String> where = new TreeMap<>();
            Set<String> twice = new TreeSet<>();
            for (String bundle : BUNDLES) {
                for (String key : load(bundle, lang).stringPropertyNames()) {
                    if (where.putIfAbsent(key, bundle) != null) {
                        twice.add(key + " (" + where.get(key) + ", " + bundle + ")");
                    }
                }
            }
            for (String key : RuleCatalogue.shipped().texts(Messages.language(lang)).keySet()) {
                if (where.containsKey(key)) {
                    twice.add(key + " (" + where.get(key) + ", a rule's folder)");
                }
            }
            assertThat(twice).as(lang + ": keys with two texts").isEmpty();
        }
    }

    /**
     * The service's bundles hold no text the rules module uses: the rules alone (their tests, the precompiler, a
     * library user) would miss it.
     */
    @Test
    void theServiceBundlesHoldNoTextTheRulesUse() throws IOException {
        Set<String> written = TextPlacement.tokensOfRulesMain(Path.of("../rules"));
        List<Pattern> composed = TextPlacement.composedKeys();
        Set<String> rulesTexts = new TreeSet<>();
        for (String key : load(PageTexts.BUNDLE, "vi").stringPropertyNames()) {
            if (TextPlacement.usedByRules(key, written, composed)) {
                rulesTexts.add(key);
            }
        }
        assertThat(rulesTexts).as("keys of pages_*.properties that rules/src/main uses: move them back").isEmpty();
    }

    /** Every percentage the service's bundles show is written {@code 30%}, as rules' WordingTest checks for its own. */
    @Test
    void percentagesHaveNoSpaceBeforeTheSign() throws IOException {
        Pattern spaced = Pattern.compile("(\\d|\\})\\s+%");
        for (String lang : List.of("vi", "en")) {
            Properties p = load(PageTexts.BUNDLE, lang);
            for (String key : p.stringPropertyNames()) {
                assertThat(spaced.matcher(p.getProperty(key)).find()).as(lang + " " + key).isFalse();
            }
        }
    }

    private static Properties load(String bundle, String lang) throws IOException {
        Properties p = new Properties();
        String path = "/" + bundle.replace('.', '/') + "_" + lang + ".properties";
        try (InputStream in = TextBundlesTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
