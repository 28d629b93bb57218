package org.slatecheck.rules.election;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slatecheck.rules.engine.Finding;
import org.slatecheck.rules.engine.ListComposition;
import org.slatecheck.rules.engine.RuleSet;
import org.slatecheck.rules.engine.Screening;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Nominee;

/**
 * The elected committee checked again by the structure and number rules (women, under-40 and minority shares,
 * standing committee at most a third, one secretary…): the screening of the term ({@link Screening#screen}) with
 * the elected as the list, its list findings reported as a result of their own. The rules about the surplus of an
 * election list (more names than seats: NUM-003, NUM-004, NUM-011) say nothing about a body already elected and are
 * left out; so are the nominee rules (the candidates were checked before the vote).
 */
public final class ElectedBody {
    /** The rules about an election list's surplus of names over seats: not about an elected body. */
    public static final Set<String> SURPLUS_RULES = Set.of("NUM-003", "NUM-004", "NUM-011");

    /** The elected, the list findings on them and their composition (counts of women, under 40, minority…). */
    public record Result(List<Nominee> elected, List<Finding> findings, ListComposition composition,
            ScreeningResult screening) {
        public boolean compliant() {
            return findings.stream().noneMatch(f -> f.getSeverity() == org.slatecheck.rules.model.Severity.NON_COMPLIANT);
        }
    }

    private ElectedBody() {
    }

    /**
     * The structure of the committee {@code result} elected, or null when there is nothing to check: another body
     * than the committee, or nobody elected. {@code candidates} are the nominees of the list voted on (by id).
     */
    public static Result check(RuleSet ruleSet, Congress congress, List<Nominee> candidates, ElectionResult result) {
        if (result.election().getBody() != Body.COMMITTEE || result.elected().isEmpty()) {
            return null;
        }
        Map<String, Nominee> byId = candidates.stream()
                .collect(Collectors.toMap(Nominee::getNomineeId, Function.identity(), (a, b) -> a));
        List<Nominee> elected = new ArrayList<>();
        for (ElectionResult.CandidateResult r : result.elected()) {
            Nominee n = byId.get(r.candidate().getCandidateId());
            if (n != null) {
                elected.add(n);
            }
        }
        if (elected.isEmpty()) {
            return null;
        }
        ScreeningResult screening = Screening.screen(ruleSet, congress, elected);
        List<Finding> findings = screening.listFindings().stream()
                .filter(f -> !SURPLUS_RULES.contains(f.getRuleId())).toList();
        return new Result(List.copyOf(elected), findings, screening.composition(), screening);
    }
}
