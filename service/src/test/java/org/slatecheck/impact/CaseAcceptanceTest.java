package org.slatecheck.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.slatecheck.governance.GovernanceException;
import org.slatecheck.governance.RuleSetApprovals;
import org.slatecheck.governance.RuleSetDrafts;
import org.slatecheck.governance.RuleSetVersions;
import org.slatecheck.rules.cases.CaseExpectations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17 item 8, on the real database: a ★ board change (under-40 share 10 → 15 %) makes shipped STR-003 cases
 * fail, which refused approval and left the board writing YAML. The impact analysis now lists those cases with what
 * they expect and what the draft gives, in Vietnamese; the board accepts the new expectations in one step (the
 * draft's case files rewritten, the analysis run again, every case passing), and the approver reads which
 * expectations the version changed — and can approve.
 */
@SpringBootTest
class CaseAcceptanceTest {
    static final String TERM = "2025-2030";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuleSetApprovals ruleSetApprovals;
    @Autowired
    RuleSetDrafts ruleSetDrafts;
    @Autowired
    RuleSetVersions ruleSetVersions;
    @Autowired
    ImpactAnalysis impact;
    @Autowired
    CaseAcceptance cases;

    long activeId() {
        return jdbc.queryForObject("select id from rule_set_version where term = ? and status = 'ACTIVE'", Long.class,
                TERM);
    }

    JsonNode totals(long id) {
        return ((JsonNode) impact.latest(id).orElseThrow().get("report")).get("totals");
    }

    @Test
    void aBoardAcceptsTheNewExpectationsInOneStepAndTheApproverSeesThem() {
        long draft = ruleSetDrafts.createDraft(activeId(), "board");
        ruleSetDrafts.saveParameters(draft, "board", Map.of("structure.under40_min_percent", "15"),
                Map.of("structure.under40_min_percent", "Nghị quyết thử nghiệm của ban tổ chức"));
        impact.run(draft, "board", 5);
        assertThat(totals(draft).get("casesFailed").asInt()).isPositive();
        // Before: approval refused because cases fail.
        String before = ruleSetVersions.get(draft).orElseThrow().checksum();
        assertThatThrownBy(() -> ruleSetApprovals.approve(draft, "approver", before)).isInstanceOf(GovernanceException.class)
                .satisfies(e -> assertThat(((GovernanceException) e).getProblems().get(0).key())
                        .isEqualTo("governance.cases_failed"));

        CaseAcceptance.Pending pending = cases.pending(draft, "vi");
        assertThat(pending.current()).isTrue();
        assertThat(pending.cases()).isNotEmpty();
        CaseAcceptance.CaseView first = pending.cases().stream().filter(c -> c.rules().contains("STR-003"))
                .findFirst().orElseThrow();
        assertThat(first.name()).startsWith("Ca kiểm thử số 1 của quy tắc ").contains("STR-003");
        CaseExpectations.Subject s = first.subjects().get(0);
        assertThat(s.who() + ": " + s.before() + " → " + s.after())
                .isEqualTo("Danh sách: đạt yêu cầu → chưa đạt yêu cầu");

        // Only the author, and only for the content shown.
        assertThatThrownBy(() -> cases.accept(draft, "board2", before)).isInstanceOf(GovernanceException.class);
        assertThatThrownBy(() -> cases.accept(draft, "board", "0".repeat(64)))
                .isInstanceOf(GovernanceException.class);
        assertThat(ruleSetVersions.get(draft).orElseThrow().checksum()).isEqualTo(before);

        int accepted = cases.accept(draft, "board", before);
        assertThat(accepted).isEqualTo(pending.cases().size());
        assertThat(totals(draft).get("casesFailed").asInt()).isZero();
        assertThat(cases.pending(draft, "vi")).isNull();
        // The change history holds the case files as an edit of their own.
        assertThat(ruleSetVersions.changes(draft)).anyMatch(c -> c.kind().equals("CASES"));

        // The approver's review names the same cases, side by side, and approval goes through.
        List<CaseAcceptance.CaseView> review = cases.review(draft, "vi");
        assertThat(review).extracting(CaseAcceptance.CaseView::name)
                .containsExactlyInAnyOrderElementsOf(pending.cases().stream().map(CaseAcceptance.CaseView::name)
                        .toList());
        String after = ruleSetVersions.get(draft).orElseThrow().checksum();
        ruleSetApprovals.approve(draft, "approver", after);
        assertThat(ruleSetVersions.get(draft).orElseThrow().status()).isEqualTo("APPROVED");
    }
}
