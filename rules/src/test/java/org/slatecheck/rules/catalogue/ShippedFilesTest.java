package org.slatecheck.rules.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slatecheck.rules.engine.RuleSetSource;

/**
 * One lister finds the shipped rule files for the rule catalogue and for a release's rule set: in the build folder and
 * in a jar (as in the application jar), only the files its filter wants, keyed by their path under the rules' root.
 */
class ShippedFilesTest {
    @Test
    void theCatalogueAndTheReleaseReadTheirFilesThroughTheOneLister() {
        Map<String, String> catalogue = RuleCatalogue.read();
        assertThat(catalogue).containsKeys("AGE/AGE-002/rule.properties", "AGE/AGE-002/messages_vi.properties",
                "AGE/AGE-002/messages_en.properties");
        assertThat(catalogue.keySet()).allMatch(p -> p.endsWith("rule.properties") || p.contains("/messages_"));
        assertThat(catalogue).isEqualTo(ShippedFiles.read(RuleCatalogue::wanted));

        Map<String, String> release = RuleSetSource.shippedRules();
        assertThat(release).containsKeys("org/slatecheck/rules/AGE/AGE-002/AGE-002.drl",
                "org/slatecheck/rules/AGE/AGE-002/AGE-002.cases.yaml");
        assertThat(release.keySet()).noneMatch(p -> p.startsWith("org/slatecheck/rules/ELE/"))
                .allMatch(p -> p.endsWith(".drl") || p.endsWith(".cases.yaml"));
        assertThat(ShippedFiles.read(p -> p.startsWith("ELE/") && p.endsWith(".drl"))).isNotEmpty();
    }

    @Test
    void inAJarItReadsTheWantedEntriesUnderTheRulesRootOnly(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("rules.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "org/slatecheck/rules/", null);
            put(out, "org/slatecheck/rules/messages_vi.properties", "a=b");
            put(out, "org/slatecheck/rules/AGE/AGE-002/", null);
            put(out, "org/slatecheck/rules/AGE/AGE-002/AGE-002.drl", "rule \"Ä\" end");
            put(out, "org/slatecheck/rules/AGE/AGE-002/rule.properties", "id=AGE-002");
            put(out, "org/slatecheck/other/X-001.drl", "not a rule file of ours");
        }
        try (URLClassLoader cl = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(ShippedFiles.read(cl, p -> p.endsWith(".drl")))
                    .isEqualTo(Map.of("AGE/AGE-002/AGE-002.drl", "rule \"Ä\" end"));
            assertThat(ShippedFiles.read(cl, RuleCatalogue::wanted))
                    .isEqualTo(Map.of("AGE/AGE-002/rule.properties", "id=AGE-002"));
        }
    }

    static void put(JarOutputStream out, String name, String text) throws Exception {
        out.putNextEntry(new JarEntry(name));
        if (text != null) {
            OutputStream o = out;
            o.write(text.getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
    }
}
