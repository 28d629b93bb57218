package org.slatecheck.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Uploaded DRL is code: what the policy refuses, at which line, and what it lets through. */
class DrlPolicyTest {
    static final String HEAD = """
            package org.slatecheck.rules.custom;

            import org.slatecheck.rules.model.Nominee;
            import org.slatecheck.rules.params.Parameters;
            import org.slatecheck.rules.engine.Finding;

            """;

    static String rule(String when, String then) {
        return HEAD + """
                rule "X-001 a board rule"
                    @id("X-001") @severity("REVIEW") @citation("Quy định thử")
                when
                    $p : Parameters()
                """ + when + "\nthen\n" + then + "\nend\n";
    }

    static List<String> violations(String text) {
        return DrlPolicy.check("custom/x.drl", text).stream().map(v -> v.line() + ":" + v.code()).toList();
    }

    @Test
    void aCleanRulePasses() {
        assertThat(DrlPolicy.check("custom/x.drl", rule("    $n : Nominee(unresolvedComplaints > 3)",
                "    insert(Finding.nominee(drools.getRule(), $p, $n));"))).isEmpty();
    }

    @Test
    void everyShippedRuleFilePasses() {
        for (String term : RuleSets.TERMS) {
            assertThat(DrlPolicy.check(RuleSetSource.shipped(term))).as(term).isEmpty();
        }
    }

    @Test
    void systemExitInAConsequenceIsRefusedAtItsLine() {
        assertThat(violations(rule("    $n : Nominee()", "    System.exit(0);"))).containsExactly("13:forbidden",
                "13:forbidden");
    }

    @Test
    void aFullyQualifiedFileInAConstraintIsRefused() {
        assertThat(violations(rule("    $n : Nominee(new java.io.File(fullName).exists())", "")))
                .contains("11:qualified", "11:forbidden");
    }

    @Test
    void importingIoIsRefused() {
        assertThat(violations(HEAD.replace("import org.slatecheck.rules.engine.Finding;",
                "import java.io.File;"))).containsExactly("5:import");
    }

    @Test
    void reflectionAndClassLoadingAreRefused() {
        assertThat(violations(rule("    $n : Nominee()",
                "    $n.getClass().getMethod(\"toString\").invoke($n);"))).containsExactly("13:forbidden",
                "13:forbidden");
        assertThat(violations(rule("    $n : Nominee()", "    Class.forName(\"x.Y\");"))).contains("13:forbidden");
    }

    @Test
    void runtimeExecThreadsAndEvalAreRefused() {
        assertThat(violations(rule("    $n : Nominee()", "    Runtime.getRuntime().exec(\"rm\");")))
                .contains("13:forbidden");
        assertThat(violations(rule("    $n : Nominee()", "    new Thread(() -> {}).start();")))
                .contains("13:forbidden");
        assertThat(violations(rule("    eval(true)", ""))).containsExactly("11:forbidden");
    }

    @Test
    void forbiddenWordsInCommentsAndStringsAreHarmless() {
        assertThat(violations(rule("    // System.exit would be bad; so would java.io.File\n"
                + "    $n : Nominee(fullName != \"System.exit(0) Runtime\")", "    /* Thread */"))).isEmpty();
    }

    @Test
    void metadataIsRequired() {
        String noId = rule("    $n : Nominee()", "").replace("@id(\"X-001\") ", "");
        assertThat(violations(noId)).containsExactly("7:metadata");
        String noCitation = rule("    $n : Nominee()", "").replace(" @citation(\"Quy định thử\")", "");
        assertThat(violations(noCitation)).containsExactly("7:metadata");
        String badSeverity = rule("    $n : Nominee()", "").replace("REVIEW", "MAYBE");
        assertThat(violations(badSeverity)).containsExactly("7:metadata");
        String twice = rule("    $n : Nominee()", "") + rule("    $n : Nominee()", "").substring(HEAD.length());
        assertThat(violations(twice)).containsExactly("15:metadata");
    }

    @Test
    void aPackageOutsideTheRulesIsRefused() {
        assertThat(violations(HEAD.replace("org.slatecheck.rules.custom", "com.example"))).containsExactly(
                "1:package");
    }

    @Test
    void aSyntaxErrorAfterThePolicyIsReportedWithFileAndLine() {
        RuleSetSource shipped = RuleSetSource.shipped("2025-2030");
        String broken = rule("    $n : Nominee(unresolvedComplaints > )", "");
        assertThat(DrlPolicy.check("org/slatecheck/rules/custom/x.drl", broken)).isEmpty();
        Map<String, String> files = new java.util.TreeMap<>(shipped.drlFiles());
        files.put("org/slatecheck/rules/custom/x.drl", broken);
        RuleSetException e = catchThrowableOfType(RuleSetException.class,
                () -> RuleSet.compile(new RuleSetSource("2025-2030", files, shipped.parameters())));
        assertThat(e.details()).isNotEmpty();
        assertThat(e.details().get(0)).startsWith("org/slatecheck/rules/custom/x.drl:11");
    }
}
