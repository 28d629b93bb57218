package org.slatecheck.rules.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kie.api.runtime.KieSession;
import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Nominee;

/**
 * The rules facade: congress + nominees + rule set → result. Thread-safe: each call uses one short-lived session
 * of its own, always disposed.
 */
public final class Screening {
    private Screening() {
    }

    /** Screens one congress list. The nominees must be those of {@code congress}, with unique ids. */
    public static ScreeningResult screen(RuleSet ruleSet, Congress congress, List<Nominee> nominees) {
        if (nominees.isEmpty()) {
            throw new IllegalArgumentException("a congress with no nominees cannot be screened");
        }
        Set<String> ids = new HashSet<>();
        for (Nominee n : nominees) {
            if (!ids.add(n.getNomineeId())) {
                throw new IllegalArgumentException("duplicate nominee id " + n.getNomineeId());
            }
        }
        List<Finding> findings = new ArrayList<>();
        ListComposition composition = null;
        SessionPool.Lease lease = ruleSet.lease();
        KieSession session = lease.session();
        boolean evaluated = false;
        try {
            session.insert(congress);
            session.insert(ruleSet.getParameters());
            for (Nominee n : nominees) {
                session.insert(n);
            }
            EvaluationLimits.current().fireAllRules(session, congress.getId(), nominees.size() + 1);
            for (Object o : session.getObjects(o -> o instanceof Finding || o instanceof ListComposition)) {
                if (o instanceof Finding f) {
                    findings.add(f);
                } else {
                    composition = (ListComposition) o;
                }
            }
            evaluated = true;
        } finally {
            lease.close(evaluated); // a failed session (limit, exception, Error) is discarded, never pooled again
        }
        Map<String, List<Finding>> byNominee = new HashMap<>();
        List<Finding> listFindings = new ArrayList<>();
        for (Finding f : findings) {
            if (f.isListFinding()) {
                listFindings.add(f);
            } else {
                byNominee.computeIfAbsent(f.getNomineeId(), k -> new ArrayList<>()).add(f);
            }
        }
        List<NomineeResult> results = new ArrayList<>(nominees.size());
        for (Nominee n : nominees) {
            List<Finding> own = new ArrayList<>(byNominee.getOrDefault(n.getNomineeId(), List.of()));
            own.sort(Finding.ORDER);
            results.add(new NomineeResult(n, NomineeResult.outcomeOf(own), own));
        }
        listFindings.sort(Finding.ORDER);
        return new ScreeningResult(congress, ruleSet.getId(), ruleSet.getVersion(), ruleSet.getChecksum(), results,
                listFindings, notChecked(congress, ruleSet), composition, ruleSet.getParameters());
    }

    /** The number checks whose limit neither the rule set nor the congress row gives (RULES.md section 6). */
    private static List<String> notChecked(Congress congress, RuleSet ruleSet) {
        List<String> skipped = new ArrayList<>();
        if (!congress.isCommitteeList()) {
            return skipped;
        }
        CongressStandards s = CongressStandards.of(congress, ruleSet.getParameters());
        if (s.getCommitteeMax() == null) {
            skipped.add("NUM-001");
        }
        if (!s.hasStandingRange()) {
            skipped.add("NUM-002");
        }
        if (s.getDeputySecretaries() == null) {
            skipped.add("NUM-005");
        }
        return skipped;
    }
}
