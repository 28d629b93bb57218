package org.slatecheck.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    /** How many cases passed, and the names of those that failed with their first reason. */
    public record Outcome(int passed, List<String> failed) {
    }

    /** Runs the case files of {@code term}'s version in {@code rules}, against that version. */
    public Outcome run(RuleSetSnapshot rules, String term) {
        int passed = 0;
        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, String> file : rules.source(term).cases().entrySet()) {
            List<RuleCase> cases;
            try {
                cases = CaseFile.parse(file.getKey(), file.getValue());
            } catch (IllegalArgumentException e) {
                failed.add(file.getKey() + ": " + e.getMessage());
                continue;
            }
            for (RuleCase c : cases) {
                if (!c.term().equals(term)) {
                    continue;
                }
                List<String> problems = CaseRunner.problems(c, rules);
                if (problems.isEmpty()) {
                    passed++;
                } else {
                    failed.add(c.displayName() + ": " + problems.get(0));
                }
            }
        }
        return new Outcome(passed, failed);
    }
}
