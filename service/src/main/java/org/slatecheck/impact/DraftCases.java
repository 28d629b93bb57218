package org.slatecheck.impact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slatecheck.rules.cases.CaseExpectations;
import org.slatecheck.rules.cases.CaseFile;
import org.slatecheck.rules.cases.CaseRunner;
import org.slatecheck.rules.cases.RuleCase;
import org.slatecheck.rules.engine.RuleSetSnapshot;
import org.springframework.stereotype.Service;

/**
 * Runs a version's rule case files (those of its term) against its own rules and parameters, taken from the same
 * kind of snapshot every check uses (the impact analysis passes the active versions with the draft in place).
 */
@Service
public class DraftCases {
    /**
     * How many cases passed, the names of those that failed with their first reason, and of those the ones that fail
     * only because the rules now decide differently ({@code changes}: what the case expects and what it gets), which a
     * board may accept as the new expectations in one step ({@link CaseAcceptance}).
     */
    public record Outcome(int passed, List<String> failed, List<CaseExpectations.Change> changes) {
    }

    /** Runs the case files of {@code term}'s version in {@code rules}, against that version. */
    public Outcome run(RuleSetSnapshot rules, String term) {
        int passed = 0;
        List<String> failed = new ArrayList<>();
        List<CaseExpectations.Change> changes = new ArrayList<>();
        for (Map.Entry<String, String> file : rules.source(term).cases().entrySet()) {
            List<RuleCase> cases;
            try {
                cases = CaseFile.parse(file.getKey(), file.getValue());
            } catch (IllegalArgumentException e) {
                failed.add(file.getKey() + ": " + e.getMessage());
                continue;
            }
            Map<Integer, String> namesVi = null;
            for (int i = 0; i < cases.size(); i++) {
                RuleCase c = cases.get(i);
                if (!c.term().equals(term)) {
                    continue;
                }
                List<String> problems = CaseRunner.problems(c, rules);
                if (problems.isEmpty()) {
                    passed++;
                } else {
                    failed.add(c.displayName() + ": " + problems.get(0));
                    namesVi = namesVi == null ? CaseExpectations.namesVi(file.getKey(), file.getValue()) : namesVi;
                    CaseExpectations.Change change = CaseExpectations.change(file.getKey(), i, c, namesVi.get(i),
                            rules);
                    if (change != null) {
                        changes.add(change);
                    }
                }
            }
        }
        return new Outcome(passed, failed, changes);
    }
}
