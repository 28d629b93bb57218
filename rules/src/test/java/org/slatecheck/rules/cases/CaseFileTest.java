package org.slatecheck.rules.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Case files come from users: they are read as plain data, with limits, and never construct a type. */
class CaseFileTest {
    static final String NAME = "org/slatecheck/rules/age/AGE-002.cases.yaml";
    static final String GOOD = """
            rules: [AGE-002]
            cases:
              - name: an incumbent with enough months passes
                nominees:
                  - {nominee_id: A, birth_date: 1967-03-10, incumbent: "true"}
                expect: []
            """;

    @Test
    void aPlainCaseFileReads() {
        List<RuleCase> cases = CaseFile.parse(NAME, GOOD);
        assertThat(cases).hasSize(1);
        assertThat(cases.get(0).scope()).containsExactly("AGE-002");
        assertThat(cases.get(0).nominees().get(0)).containsEntry("birth_date", "1967-03-10");
    }

    @Test
    void aJavaTypeTagIsRefusedAndNothingIsConstructed() {
        System.clearProperty("slatecheck.casefile.pwned");
        String gadget = """
                rules: [AGE-002]
                cases:
                  - name: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://localhost:1/x.jar"]]]]
                """;
        assertThatThrownBy(() -> CaseFile.parse(NAME, gadget)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(NAME + ": ").hasMessageContaining("javax.script.ScriptEngineManager");
        String whole = "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL "
                + "[\"http://localhost:1/x.jar\"]]]]\n";
        assertThatThrownBy(() -> CaseFile.parse(NAME, whole)).isInstanceOf(IllegalArgumentException.class);
        String property = "rules: [AGE-002]\nx: !!java.lang.ProcessBuilder [[\"true\"]]\n";
        assertThatThrownBy(() -> CaseFile.parse(NAME, property)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aGlobalTagIsRefused() {
        String global = "rules: [AGE-002]\nx: !<tag:example.com,2024:java.lang.Runtime> {}\n";
        assertThatThrownBy(() -> CaseFile.parse(NAME, global)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(NAME + ": ");
    }

    @Test
    void aTooLargeFileAndAliasBombsAreRefused() {
        String large = GOOD + "# " + "x".repeat(CaseFile.MAX_CHARS) + "\n";
        assertThatThrownBy(() -> CaseFile.parse(NAME, large)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("larger than");
        StringBuilder bomb = new StringBuilder("rules: [AGE-002]\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 30; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }
        assertThatThrownBy(() -> CaseFile.parse(NAME, bomb.toString())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void somethingThatIsNotACaseFileIsAReadableRefusal() {
        for (String text : List.of("", "just a sentence", "- a\n- list\n", "rules: [AGE-002]\ncases: [1, 2]\n",
                "rules: AGE-002\n", "rules: [AGE-002]\nrules: [AGE-003]\n",
                "package org.slatecheck.rules.health;\nrule \"x\" when then System.exit(1); end\n")) {
            assertThatThrownBy(() -> CaseFile.parse(NAME, text)).as(text).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(NAME + ": ");
        }
    }
}
