package org.slatecheck.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShippedRuleSetsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2020-2025", "2025-2030"})
    void compilesEveryShippedRuleSetWithAllRuleIds(String term) {
        RuleSet set = RuleSets.shipped(term);
        Set<String> ids = set.ruleInfos().stream().filter(RuleInfo::isDecision).map(RuleInfo::id)
                .collect(Collectors.toSet());
        assertThat(ids).containsExactlyInAnyOrder("MEM-001", "AGE-001", "AGE-002", "AGE-003", "DIS-001", "DIS-002",
                "DIS-003", "POL-001", "POL-002", "POL-003", "QUA-001", "QUA-002", "TRM-001", "EDU-001", "EDU-002",
                "INT-001", "INT-002", "HLT-001", "FAM-001", "LOC-001", "DAT-001", "STR-001", "STR-002", "STR-003",
                "STR-004", "STR-005", "NUM-001", "NUM-002", "NUM-003", "NUM-004", "NUM-005", "NUM-006",
                "POL-004", "PLN-001", "CON-001", "DAT-002", "NUM-007", "NUM-008", "NUM-009", "NUM-010", "NUM-011");
        assertThat(set.getVersion()).startsWith(term);
        assertThat(set.getChecksum()).hasSize(64);
    }
}
