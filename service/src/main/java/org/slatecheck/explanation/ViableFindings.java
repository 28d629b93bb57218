package org.slatecheck.explanation;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which findings of the viable list (docs/specification.md section 6: the list without its INELIGIBLE nominees) a reader has
 * already seen on the list as submitted. A viable finding of the same rule with the same evidence as a list finding
 * did not change by taking nominees off — typically the seat numbers of the congress (NUM-001 committee maximum,
 * NUM-002 standing committee range, NUM-005 deputy secretaries), which no nominee can change — and the page and the
 * PDF name it in one "unchanged" line instead of repeating it. Judged from the stored findings themselves, so no list
 * of rule ids is kept here and a board's guided list rule is treated the same way. The JSON keeps every viable
 * finding ({@code viableListFindings} stays complete).
 */
public final class ViableFindings {
    private ViableFindings() {
    }

    /** The viable findings of {@code result} that differ from every list finding (to be shown in full). */
    public static List<JsonNode> changed(JsonNode result) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode f : result.path("viableListFindings")) {
            if (!unchanged(f, result.path("listFindings"))) {
                out.add(f);
            }
        }
        return out;
    }

    /** The viable findings of {@code result} equal to a list finding, each as "ID title". */
    public static List<String> unchanged(JsonNode result) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : result.path("viableListFindings")) {
            if (unchanged(f, result.path("listFindings"))) {
                out.add(f.path("ruleId").asText() + " " + f.path("title").asText());
            }
        }
        return out;
    }

    /** True when {@code finding} has the rule, severity and evidence of one of {@code listFindings}. */
    static boolean unchanged(JsonNode finding, JsonNode listFindings) {
        for (JsonNode l : listFindings) {
            if (l.path("ruleId").equals(finding.path("ruleId")) && l.path("severity").equals(finding.path("severity"))
                    && l.path("evidence").equals(finding.path("evidence"))) {
                return true;
            }
        }
        return false;
    }
}
