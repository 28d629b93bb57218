package org.slatecheck.rules.election;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slatecheck.rules.engine.PrecompiledRules;

/**
 * Build step (exec-maven-plugin in {@code rules/pom.xml}, phase {@code process-classes}): compiles every shipped rule
 * text to Drools' executable model into {@code args[0]}, the rules module's classes folder — the screening rules of
 * each shipped term ({@link PrecompiledRules#shippedTexts}) and the election rules ({@link ElectionRules#shippedFiles}),
 * which are loaded at run time instead of compiled ({@link PrecompiledRules#kieBase}). It lives here, above the engine,
 * because only this package knows the election rules; the engine's {@link PrecompiledRules#write} does the work.
 */
public final class BuildTimeRules {
    private BuildTimeRules() {
    }

    /** Every rule text the release ships: key → path → DRL. */
    static Map<String, Map<String, String>> texts() {
        Map<String, Map<String, String>> texts = new LinkedHashMap<>(PrecompiledRules.shippedTexts());
        Map<String, String> election = ElectionRules.shippedFiles();
        texts.put(PrecompiledRules.key(election), election);
        return texts;
    }

    public static void main(String[] args) throws IOException {
        PrecompiledRules.write(Path.of(args[0]), texts());
    }
}
