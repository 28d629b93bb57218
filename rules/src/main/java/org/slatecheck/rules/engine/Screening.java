package org.slatecheck.rules.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kie.api.runtime.KieSession;
import org.slatecheck.rules.catalogue.RuleCatalogue;
import org.slatecheck.rules.catalogue.RuleMeta;
import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Nominee;
import org.slatecheck.rules.model.Outcome;
import org.slatecheck.rules.params.Parameters;

/**
 * The rules facade: congress + nominees + rule set → result. Thread-safe: each call uses one short-lived session
 * of its own, always disposed. The parameters inserted are those in force on the congress date; rules a board turned
 * off never fire; after the rules fire each finding gets the citation in force on the congress date (its
 * parameter's own, else its rule's) and the severity the board's switch gives it. When a nominee is INELIGIBLE, the
 * list rules are evaluated a second time on the others (the viable list, docs/specification.md section 6).
 */
public final class Screening {
    private static final org.kie.api.runtime.ClassObjectFilter FINDINGS =
            new org.kie.api.runtime.ClassObjectFilter(Finding.class);
    private static final org.kie.api.runtime.ClassObjectFilter COMPOSITIONS =
            new org.kie.api.runtime.ClassObjectFilter(ListComposition.class);
    private static final org.kie.api.runtime.ClassObjectFilter COMMITTEE_MAXIMA =
            new org.kie.api.runtime.ClassObjectFilter(CommitteeMaximum.class);

    private Screening() {
    }

    /** Screens one congress list. The nominees must be those of {@code congress}, with unique ids. */
    public static ScreeningResult screen(RuleSet ruleSet, Congress congress, List<Nominee> nominees) {
        return screen(ruleSet, congress, nominees, List.of());
    }

    /**
     * Screens one congress list whose input lacks what {@code unchecked} rules need (an optional column absent from
     * the nominees file: {@code Intake.Result#notChecked}); they are added to the result's {@code notChecked}.
     */
    public static ScreeningResult screen(RuleSet ruleSet, Congress congress, List<Nominee> nominees,
            java.util.Collection<String> unchecked) {
        return screen(ruleSet, congress, nominees, Map.of("", List.copyOf(unchecked)));
    }

    /**
     * Screens one congress list whose nominees file lacks optional columns: {@code absent} maps each absent column
     * to the rules that need it (the intake's {@code notCheckedByColumn}). Those rules are listed in
     * {@code notChecked} and their findings are dropped — an absent column is not an empty cell, so nothing may be
     * concluded from it (no QUA-002 "ratings missing" when the file has no ratings column). The data rules' findings
     * name their field (DAT-001, DAT-002): only those about an absent column are dropped.
     */
    public static ScreeningResult screen(RuleSet ruleSet, Congress congress, List<Nominee> nominees,
            Map<String, List<String>> absent) {
        java.util.Collection<String> unchecked = absent.values().stream().flatMap(List::stream).distinct().toList();
        if (nominees.isEmpty()) {
            throw new IllegalArgumentException("a congress with no nominees cannot be screened");
        }
        Set<String> ids = new HashSet<>();
        for (Nominee n : nominees) {
            if (!ids.add(n.getNomineeId())) {
                throw new IllegalArgumentException("duplicate nominee id " + n.getNomineeId());
            }
        }
        Parameters parameters = ruleSet.parameters().at(congress.getCongressDate());
        List<Finding> findings = new ArrayList<>();
        ListComposition composition = null;
        boolean committeeMaximum = false;
        for (Object o : evaluate(ruleSet, congress, parameters, nominees, ruleSet.agendaFilter(), false)) {
            if (o instanceof Finding f) {
                if (!unsupported(f, absent)) {
                    findings.add(cite(ruleSet, congress, f));
                }
            } else if (o instanceof ListComposition c) {
                composition = c;
            } else {
                committeeMaximum = true;
            }
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
        List<Nominee> viable = new ArrayList<>(nominees.size());
        for (NomineeResult r : results) {
            if (r.outcome() != Outcome.INELIGIBLE) {
                viable.add(r.nominee());
            }
        }
        ListPass viablePass = viable.size() == nominees.size() ? new ListPass(listFindings, composition)
                : listPass(ruleSet, congress, parameters, viable, absent);
        return new ScreeningResult(congress, ruleSet.getId(), ruleSet.getVersion(), ruleSet.getChecksum(), results,
                listFindings, merged(notChecked(congress, parameters, committeeMaximum,
                nominees.stream().anyMatch(n -> n.getPlannedPosts() != null)), unchecked), composition, parameters,
                viablePass.findings(), viablePass.composition());
    }

    /**
     * One evaluation in a pooled session: the congress, its parameters and {@code nominees} inserted (as one
     * {@link NomineeList}, and one by one unless {@code listRulesOnly}), the rules {@code filter} lets through fired
     * within the evaluation limits; returns what a screening reads back (findings, the list composition,
     * committee-maximum candidates). A failed session (limit, exception, Error) is discarded, never pooled again.
     * The list rules and the derivations they read match the {@link NomineeList}, never a nominee
     * ({@code ListBaseTest}), so the viable-list pass inserts no nominee: its session holds five facts whatever the
     * list's size (issue 20, "one pass").
     */
    private static List<Object> evaluate(RuleSet ruleSet, Congress congress, Parameters parameters,
            List<Nominee> nominees, org.kie.api.runtime.rule.AgendaFilter filter, boolean listRulesOnly) {
        SessionPool.Lease lease = listRulesOnly ? ruleSet.listLease() : ruleSet.lease();
        KieSession session = lease.session();
        boolean evaluated = false;
        try {
            session.insert(congress);
            session.insert(parameters);
            session.insert(ruleSet.provinces());
            session.insert(new NomineeList(nominees));
            if (!listRulesOnly) {
                for (Nominee n : nominees) {
                    session.insert(n);
                }
            }
            EvaluationLimits.current().fireAllRules(session, filter, congress.getId(), nominees.size() + 1);
            // One class at a time: the session's object store keeps each class apart, so a ClassObjectFilter walks
            // only the facts of that class, where a predicate walks every nominee and derived fact too (issue 20).
            List<Object> out = new ArrayList<>(session.getObjects(FINDINGS));
            out.addAll(session.getObjects(COMPOSITIONS));
            out.addAll(session.getObjects(COMMITTEE_MAXIMA));
            evaluated = true;
            return out;
        } finally {
            lease.close(evaluated);
        }
    }

    /** True when {@code f} rests on a column the file does not have (see {@link #screen(RuleSet, Congress, List, Map)}). */
    private static boolean unsupported(Finding f, Map<String, List<String>> absent) {
        for (Map.Entry<String, List<String>> e : absent.entrySet()) {
            if (e.getValue().contains(f.getRuleId())) {
                Object field = f.getEvidence().get("field");
                if (field == null || field.equals(e.getKey())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> merged(List<String> own, java.util.Collection<String> unchecked) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(unchecked);
        all.addAll(own);
        return new ArrayList<>(all);
    }


    /** The list findings and composition of one evaluation of the list rules. */
    private record ListPass(List<Finding> findings, ListComposition composition) {
    }

    /**
     * The viable list (docs/specification.md section 6): the list rules alone evaluated once more, on {@code viable} (the nominees
     * whose outcome is not INELIGIBLE), with the same parameters, rule set, switches and evaluation limits, in a
     * session of its own. The nominee rules do not fire: outcomes are those of the first pass. {@code viable} may be
     * empty (every nominee INELIGIBLE): the list rules then judge a list of no names. The session comes from a
     * KieBase of the list rules alone ({@code RuleSet#listLease}, issue 20): nothing else is matched, and it holds
     * the viable nominees as one {@link NomineeList}, never one by one: the list rules only count, and their counts
     * ({@link ListComposition}, {@link ProposalCounts}) are derived from that one fact.
     */
    private static ListPass listPass(RuleSet ruleSet, Congress congress, Parameters parameters, List<Nominee> viable,
            Map<String, List<String>> absent) {
        List<Finding> findings = new ArrayList<>();
        ListComposition composition = null;
        for (Object o : evaluate(ruleSet, congress, parameters, viable, ruleSet.listAgendaFilter(), true)) {
            if (o instanceof Finding f) {
                if (!f.isListFinding()) {
                    throw new IllegalStateException(f.getRuleId() + " fired on a nominee in the list-rule pass");
                }
                if (!unsupported(f, absent)) {
                    findings.add(cite(ruleSet, congress, f));
                }
            } else if (o instanceof ListComposition c) {
                composition = c;
            }
        }
        findings.sort(Finding.ORDER);
        return new ListPass(findings, composition);
    }

    /** {@code f} with the citation in force on the congress date and the severity of its rule's switch. */
    public static Finding cite(RuleSet ruleSet, Congress congress, Finding f) {
        org.slatecheck.rules.guided.GuidedRule guided = ruleSet.guidedRule(f.getRuleId());
        if (guided != null) {
            return f.withCitation(guided.citation()).withGuided(guided);
        }
        org.slatecheck.rules.params.Citations.Cited citation = ruleSet.citations().entry(f.getRuleId(),
                f.getParameter(), congress.getLevel() == null ? null : congress.getLevel().name(),
                congress.getCongressDate());
        if (citation == null) {
            throw new IllegalStateException("no citation of " + f.getRuleId() + " is in force on "
                    + congress.getCongressDate());
        }
        Finding resolved = f.withCitation(citation.vi(), citation.en(), citation.confirmed());
        var severity = ruleSet.severityOf(f.getRuleId(), f.getSeverity());
        return severity == f.getSeverity() ? resolved : resolved.withSeverity(severity);
    }

    /**
     * The checks not made, from the rules' metadata ({@link RuleCatalogue}): the rules reading {@code planned_posts}
     * (PLN-001) when the nominees file has no such column (docs/specification.md), and the number checks whose limit
     * ({@code needs}: the committee maximum, the standing committee range, the deputy secretaries) neither the rule
     * set nor the congress row gives (section 6).
     */
    private static List<String> notChecked(Congress congress, Parameters parameters, boolean committeeMaximum,
            boolean planningKnown) {
        RuleCatalogue catalogue = RuleCatalogue.shipped();
        List<String> skipped = new ArrayList<>();
        if (!planningKnown) {
            skipped.addAll(catalogue.readingColumn("planned_posts"));
        }
        if (!congress.isCommitteeList()) {
            return skipped;
        }
        CongressStandards s = CongressStandards.of(congress, parameters);
        java.util.Set<String> missing = new java.util.HashSet<>();
        if (!committeeMaximum) {
            missing.add("committee_maximum");
        }
        if (!s.hasStandingRange()) {
            missing.add("standing_range");
        }
        if (s.getDeputySecretaries() == null) {
            missing.add("deputy_secretaries");
        }
        catalogue.rules().values().stream().filter(r -> missing.contains(r.needs())).map(RuleMeta::id)
                .forEach(skipped::add);
        return skipped;
    }
}
