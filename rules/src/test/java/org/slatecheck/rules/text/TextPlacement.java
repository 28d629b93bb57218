package org.slatecheck.rules.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the rules module uses a text, as {@code scripts/move-page-texts.py} decides it: the key is written in
 * {@code rules/src/main} outside the central bundles, or matches a line of {@code composed-keys.txt} (a prefix rules
 * code joins with a code). Used by {@link TextPlacementTest} here and by the service's {@code TextBundlesTest}.
 */
public final class TextPlacement {
    /** The same tokens as {@code scripts/move-page-texts.py}: a dotted name such as {@code ui.nav.upload}. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]+)*");

    private TextPlacement() {
    }

    public static boolean usedByRules(String key, Set<String> written, List<Pattern> composed) {
        return written.contains(key) || composed.stream().anyMatch(p -> p.matcher(key).matches());
    }

    /**
     * Every dotted name written in {@code src/main} of {@code rulesModule} (code, rules, data, the rules' folders),
     * but the central bundles.
     */
    public static Set<String> tokensOfRulesMain(Path rulesModule) throws IOException {
        Path main = rulesModule.resolve("src/main");
        Path central = main.resolve("resources/org/slatecheck/rules");
        Set<String> tokens = new HashSet<>();
        List<Path> files;
        try (var walk = Files.walk(main)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            if (f.getParent().equals(central) && f.getFileName().toString().matches("messages_(vi|en)\\.properties")) {
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
    public static List<Pattern> composedKeys() throws IOException {
        List<Pattern> out = new ArrayList<>();
        try (InputStream in = TextPlacement.class.getResourceAsStream("composed-keys.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(Pattern.compile(line.strip().split("\\s+")[0]));
                }
            }
        }
        return out;
    }
}
