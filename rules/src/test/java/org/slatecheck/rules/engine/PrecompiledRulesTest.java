package org.slatecheck.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.drools.model.codegen.ExecutableModelProject;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.rule.Rule;

/**
 * The shipped rules are compiled when SlateCheck is built (issue 17 item 14: a cold {@code check} spent 12–20 s
 * compiling them): every shipped rule text has its module on the classpath, and that module holds exactly the rules
 * (names, metadata) that compiling the text at run time gives.
 */
class PrecompiledRulesTest {
    @Test
    void everyShippedRuleTextHasItsModuleBuiltWithTheRules() {
        Map<String, Map<String, String>> texts = PrecompiledRules.shippedTexts();
        assertThat(texts).isNotEmpty();
        for (String key : texts.keySet()) {
            assertThat(getClass().getClassLoader().getResource(PrecompiledRules.FOLDER + key + ".kjar"))
                    .as("module of rule text %s", key).isNotNull();
        }
    }

    @Test
    void theModuleHoldsTheRulesThatCompilingTheTextGives() {
        KieServices ks = KieServices.get();
        Map.Entry<String, Map<String, String>> text = PrecompiledRules.shippedTexts().entrySet().iterator().next();
        KieBase loaded = PrecompiledRules.load(ks, PrecompiledRules.releaseId(ks, text.getKey()), text.getKey());
        assertThat(loaded).isNotNull();
        ks.getRepository().removeKieModule(PrecompiledRules.releaseId(ks, text.getKey()));

        ReleaseId compiledId = ks.newReleaseId("org.slatecheck.test", "compiled", "1.0.0");
        KieBuilder builder = PrecompiledRules.builder(ks, compiledId, text.getValue())
                .buildAll(ExecutableModelProject.class);
        assertThat(builder.getResults().getMessages(Message.Level.ERROR)).isEmpty();
        KieBase compiled = ks.newKieContainer(compiledId).getKieBase();
        ks.getRepository().removeKieModule(compiledId);

        assertThat(describe(loaded)).isNotEmpty().isEqualTo(describe(compiled));
    }

    /** Every rule's package, name and metadata, sorted by name. */
    private static Map<String, String> describe(KieBase base) {
        Map<String, String> out = new TreeMap<>();
        List<Rule> rules = RuleSet.rules(base);
        for (Rule r : rules) {
            out.put(r.getPackageName() + "." + r.getName(), new TreeMap<>(r.getMetaData()).toString());
        }
        return out;
    }
}
