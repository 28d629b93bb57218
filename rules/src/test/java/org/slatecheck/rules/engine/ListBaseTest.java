package org.slatecheck.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/**
 * Issue 20: the viable-list pass (RULES.md section 6) runs in a session of a KieBase holding the list rules and the
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
}
