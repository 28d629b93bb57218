package org.slatecheck.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/**
 * Issue 20: the viable-list pass (docs/specification.md section 6) runs in a session of a KieBase holding the list rules and the
 * derivations they read alone, so the viable nominees are matched against nothing else. That the pass gives the same
 * results as before is checked by {@code ViableListTest}, {@code BaselineAgreementTest} (every viable list against
 * the hand-written baseline) and the benchmark's comparison of every generated list.
 */
class ListBaseTest {

    private static Set<String> names(KieBase base) {
        Set<String> names = new TreeSet<>();
        for (Rule r : RuleSet.rules(base)) {
            names.add(r.getName());
        }
        return names;
    }

    /**
     * Issue 20, "one pass": the list rules and the derivations they read match the {@code NomineeList} fact, never a
     * nominee, so the viable-list pass inserts no nominee (its session holds five facts whatever the list's size).
     * A list rule matching {@code Nominee(…)} would silently see no nominee there; this keeps it from being written.
     */
    @Test
    void noListRuleNorItsDerivationMatchesANominee() throws java.io.IOException {
        java.util.Map<String, String> texts = new java.util.HashMap<>();
        java.util.regex.Pattern block = java.util.regex.Pattern.compile("(?ms)^rule\\s+\"([^\"]*)\"(.*?)^end\\b");
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/resources/org/slatecheck/rules"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                String text = java.nio.file.Files.readString(file).replaceAll("//[^\\n]*", "");
                block.matcher(text).results().forEach(m -> texts.put(m.group(1), m.group(2)));
            }
        }
        java.util.regex.Pattern nominee = java.util.regex.Pattern.compile("\\bNominee\\s*\\(");
        for (String term : List.of("2020-2025", "2025-2030")) {
            Set<String> checked = new TreeSet<>();
            for (Rule r : RuleSets.shipped(term).rules()) {
                if (RuleSet.isListRule(RuleInfo.of(r))) {
                    assertThat(texts).as(r.getName()).containsKey(r.getName());
                    assertThat(nominee.matcher(texts.get(r.getName())).find()).as(r.getName()).isFalse();
                    checked.add(r.getName());
                }
            }
            assertThat(checked).contains("Derive list composition", "Derive proposal counts",
                    "NUM-007 not exactly one secretary proposed",
                    "NUM-009 standing committee proposals outside the seats and surplus",
                    "NUM-011 standing surplus outside the prepared range", "STR-001 too few women");
        }
    }

    @Test
    void theViableListPassSessionHoldsTheListRulesAndTheirDerivationsOnly() {
        for (String term : List.of("2020-2025", "2025-2030")) {
            RuleSet set = RuleSets.shipped(term);
            Set<String> list = new TreeSet<>();
            Set<String> nominee = new TreeSet<>();
            for (Rule r : set.rules()) {
                (RuleSet.isListRule(RuleInfo.of(r)) ? list : nominee).add(r.getName());
            }
            assertThat(list).contains("Derive list composition", "Derive congress standards",
                    "STR-001 too few women", "NUM-007 not exactly one secretary proposed");
            assertThat(nominee).isNotEmpty().doesNotContainAnyElementsOf(list);
            SessionPool.Lease lease = set.listLease();
            try {
                KieBase base = lease.session().getKieBase();
                assertThat(base).isNotSameAs(set.kieBase());
                assertThat(names(base)).as(term).isEqualTo(list);
            } finally {
                lease.close(true);
            }
            // The first pass keeps every rule.
            SessionPool.Lease full = set.lease();
            try {
                assertThat(names(full.session().getKieBase())).containsAll(list).containsAll(nominee);
            } finally {
                full.close(true);
            }
        }
    }

    /**
     * A rule text not compiled at build time (a board's guided rules, a database version with other rules) is
     * compiled at run time; its list-rule KieBase is made from that module too, and the viable list is the same.
     */
    @Test
    void aRuleSetCompiledAtRunTimeGetsItsListRuleBaseAndTheSameViableList() throws Exception {
        RuleSetSource shipped = RuleSets.shippedSource("2025-2030");
        // A board's guided rule (a nominee rule) makes a rule text the build did not compile. (A comment added to a
        // shipped DRL no longer does: the release's rules are recognised whatever their spacing and comments.)
        RuleSet runtime = RuleSet.compile(shipped.with("guided/POS-901.yaml", """
                id: POS-901
                severity: REVIEW
                when:
                  - {field: proposed_posts, op: proposes, value: SECRETARY}
                  - {field: political_theory, op: lt, value: CU_NHAN}
                evidence: [political_theory]
                title: {vi: "Bí thư chưa có cử nhân chính trị", en: "Secretary without a bachelor's in political theory"}
                message: {vi: "Trình độ lý luận chính trị: {political_theory}", en: "Political theory: {political_theory}"}
                remedy: {vi: "Cử đi học cử nhân chính trị", en: "Send for a bachelor's in political theory"}
                citation: "Quy định 214-QĐ/TW ngày 2/1/2020 (tiêu chuẩn bí thư)"
                """));
        RuleSet precompiled = RuleSets.shipped("2025-2030");
        try {
            assertThat(runtime.kieBase()).isNotSameAs(precompiled.kieBase());
            SessionPool.Lease lease = runtime.listLease();
            try {
                assertThat(names(lease.session().getKieBase())).isEqualTo(names(precompiledListBase(precompiled)));
            } finally {
                lease.close(true);
            }
            for (var list : ViableListTest.sample()) {
                if (!list.congress().getTerm().equals("2025-2030")) {
                    continue;
                }
                ScreeningResult a = Screening.screen(runtime, list.congress(), list.nominees());
                ScreeningResult b = Screening.screen(precompiled, list.congress(), list.nominees());
                assertThat(a.viableExcluded()).isEqualTo(b.viableExcluded());
                assertThat(a.viableListFindings()).isEqualTo(b.viableListFindings());
                assertThat(a.viableComposition()).usingRecursiveComparison().isEqualTo(b.viableComposition());
            }
        } finally {
            RuleSet.release(runtime, List.of(precompiled));
        }
    }

    private static KieBase precompiledListBase(RuleSet set) {
        SessionPool.Lease lease = set.listLease();
        try {
            return lease.session().getKieBase();
        } finally {
            lease.close(true);
        }
    }
}
