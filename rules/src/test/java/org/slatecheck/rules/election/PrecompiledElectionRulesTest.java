package org.slatecheck.rules.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.slatecheck.rules.engine.PrecompiledRules;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The election rules are compiled when SlateCheck is built, as the screening rules are: the build step writes their
 * module, the shipped rules are loaded from it (not compiled at the first election), and the loaded rules decide
 * every ELE case as the rules compiled at run time do.
 */
class PrecompiledElectionRulesTest {
    @Test
    void theShippedElectionRulesAreLoadedFromTheModuleBuiltWithSlateCheck() {
        String key = PrecompiledRules.key(ElectionRules.shippedFiles());
        assertThat(BuildTimeRules.texts()).containsKey(key);
        assertThat(getClass().getClassLoader().getResource("org/slatecheck/rules/compiled/" + key + ".kjar"))
                .as("the election rules' module on the classpath").isNotNull();
        ElectionRules shipped = ElectionRules.shipped();
        assertThat(shipped.precompiled()).as("loaded from the build-time module, not compiled").isTrue();
        assertThat(shipped.checksum()).isEqualTo(key);
    }

    @Test
    void theLoadedRulesDecideEveryCaseAsTheRulesCompiledNowDo() throws Exception {
        ElectionRules compiled;
        System.setProperty("slatecheck.rules.precompiled", "false");
        try {
            compiled = ElectionRules.of(ElectionRules.shippedFiles());
        } finally {
            System.clearProperty("slatecheck.rules.precompiled");
        }
        assertThat(compiled.precompiled()).isFalse();
        ElectionRules loaded = ElectionRules.shipped();
        assertThat(loaded.rules()).isEqualTo(compiled.rules());

        ElectionExplainer vi = new ElectionExplainer("vi", ElectionExplainer.shippedDocuments());
        int cases = 0;
        for (Path file : ElectionCasesTest.files()) {
            Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            for (Object c : (List<?>) doc.get("cases")) {
                // the same expectations ElectionCasesTest checks of the loaded (shipped) rules
                ElectionCasesTest.run(compiled, vi, (String) doc.get("rule"), (Map<?, ?>) c);
                cases++;
            }
        }
        assertThat(cases).isGreaterThan(20);
    }
}
