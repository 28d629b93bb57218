package org.slatecheck.election;

import java.util.List;

import org.slatecheck.rules.election.ElectedBody;
import org.slatecheck.rules.election.ElectionExplainer;
import org.slatecheck.rules.election.ElectionResult;
import org.slatecheck.rules.election.ElectionRules;
import org.slatecheck.rules.election.TallyFile;
import org.slatecheck.rules.engine.RuleSetSnapshot;
import org.slatecheck.rules.intake.CongressList;
import org.slatecheck.rules.params.Documents;

/**
 * One decision, the same for every way in (API, pages, command line): the tally read for the list voted on, the ELE
 * rules, and the elected committee screened by the term's rule set of {@code snapshot}.
 */
public final class ElectionRun {
    private static volatile Documents documents;

    /** The decision, the elected body's structure (null when not the committee or nobody elected). */
    public record Decided(ElectionResult result, ElectedBody.Result body) {
        public java.util.Map<String, Object> json(String language) {
            return ElectionJson.of(result, body, explainer(language));
        }
    }

    private ElectionRun() {
    }

    public static Decided decide(RuleSetSnapshot snapshot, CongressList list, byte[] tally) {
        TallyFile.Read read = TallyFile.read(tally, list.congress(), list.nominees());
        return decide(snapshot, list, read);
    }

    public static Decided decide(RuleSetSnapshot snapshot, CongressList list, TallyFile.Read read) {
        ElectionResult result = ElectionRules.shipped().decide(read.election(), read.tally(), read.votes());
        ElectedBody.Result body = ElectedBody.check(snapshot.ruleSet(list.congress().getTerm()), list.congress(),
                list.nominees(), result);
        return new Decided(result, body);
    }

    /** The explainer of {@code language} with the shipped document registry. */
    public static ElectionExplainer explainer(String language) {
        Documents d = documents;
        if (d == null) {
            d = ElectionExplainer.shippedDocuments();
            documents = d;
        }
        return new ElectionExplainer(language, d);
    }

    /** The list of {@code congressId} among {@code lists} (the only one when null), or null. */
    public static CongressList pick(List<CongressList> lists, String congressId) {
        if (congressId == null) {
            return lists.size() == 1 ? lists.get(0) : null;
        }
        return lists.stream().filter(l -> l.congress().getId().equals(congressId)).findFirst().orElse(null);
    }
}
