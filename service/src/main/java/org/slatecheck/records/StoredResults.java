package org.slatecheck.records;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.slatecheck.explanation.MessageCatalogue;
import org.slatecheck.explanation.ResultFacts;
import org.slatecheck.governance.RuleSetCache;
import org.slatecheck.rules.engine.RuleSet;
import org.slatecheck.rules.explain.Explainer;
import org.slatecheck.rules.guided.GuidedRule;
import org.slatecheck.rules.text.Messages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A stored list's section 7 result in a language, in either stored form (issue 20, render on open): a check made on a
 * page or through the API stores the JSON it showed, in Vietnamese and English ({@code result_vi}, {@code result_en}),
 * and that is returned as stored; a batch list stores facts ({@code list_result.facts}, {@link ResultFacts}) and is
 * rendered now, in the language asked for, with the stored rule set version's guided rules (the registry is asked
 * only when a guided rule made a finding).
 */
@Component
public class StoredResults {
    private final ObjectProvider<RuleSetCache> ruleSets;

    public StoredResults(ObjectProvider<RuleSetCache> ruleSets) {
        this.ruleSets = ruleSets;
    }

    /** Renders the facts of one or more lists in one language; guided rules looked up once per version. */
    public Renderer renderer(String lang) {
        return new Renderer(lang);
    }

    /** One request's rendering: one explainer, the rule sets it needed kept. */
    public final class Renderer {
        private final Explainer explainer;
        private final Map<String, Optional<RuleSet>> used = new HashMap<>();
        private boolean catalogueChanged;

        Renderer(String lang) {
            this.explainer = new Explainer(Messages.of("en".equals(lang) ? Messages.EN : Messages.VI));
        }

        /** The result JSON text: {@code stored} when the list stored it, else the facts rendered. */
        public String text(String stored, String facts) {
            if (stored != null || facts == null) {
                return stored;
            }
            JsonNode node = ResultFacts.read(facts);
            if (!MessageCatalogue.version().equals(ResultFacts.catalogue(node))) {
                catalogueChanged = true;
            }
            return CheckRecords.json(ResultFacts.render(node, explainer, this::guided));
        }

        private GuidedRule guided(String version, String ruleId) {
            return used.computeIfAbsent(version, v -> ruleSets.getObject().compiledByVersion(v))
                    .map(r -> r.guidedRule(ruleId)).orElse(null);
        }

        /**
         * True when a list rendered here was stored under another message catalogue than this one: its words are
         * today's, not those the batch would have shown when it ran.
         */
        public boolean catalogueChanged() {
            return catalogueChanged;
        }
    }
}
