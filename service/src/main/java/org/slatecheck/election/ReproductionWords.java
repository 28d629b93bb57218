package org.slatecheck.election;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import org.slatecheck.rules.text.Messages;

/**
 * Where a stored election result and the same election decided again differ, in words for people (never the JSON's
 * field names or codes): the overall result, the base, the seats, the ballots, each candidate's votes and outcome (by
 * name), who is elected and in which order, the tie, the next round's list, the tally's errors, the elected
 * committee's structure — each as "what: stored …, decided again …". Anything else that differs (explanations,
 * citations) is one sentence. Both trees are {@link ElectionJson} results in the same language.
 */
final class ReproductionWords {
    private static final String NONE = "—";

    private ReproductionWords() {
    }

    static List<String> differences(JsonNode stored, JsonNode again, Messages m) {
        List<String> out = new ArrayList<>();
        if (stored.equals(again)) {
            return out;
        }
        item(out, m, m.raw("election.reproduce.item.status"), text(stored, "statusLabel"), text(again, "statusLabel"));
        item(out, m, m.raw("election.reproduce.item.base"), at(stored, "election", "base"), at(again, "election", "base"));
        for (String k : List.of("seats", "convened")) {
            item(out, m, m.raw("election.ui.item." + k), at(stored, "election", k), at(again, "election", k));
        }
        for (String k : List.of("issued", "returned", "valid", "invalid")) {
            item(out, m, m.raw("election.ui.item." + k), at(stored, "ballots", k), at(again, "ballots", k));
        }
        Map<String, JsonNode> a = candidates(stored);
        Map<String, JsonNode> b = candidates(again);
        Map<String, String> names = new LinkedHashMap<>();
        a.forEach((id, c) -> names.put(id, name(c, id)));
        b.forEach((id, c) -> names.putIfAbsent(id, name(c, id)));
        for (Map.Entry<String, String> n : names.entrySet()) {
            JsonNode x = a.get(n.getKey());
            JsonNode y = b.get(n.getKey());
            item(out, m, m.text("election.reproduce.item.votes", n.getValue()), text(x, "votes"), text(y, "votes"));
            item(out, m, m.text("election.reproduce.item.outcome", n.getValue()), text(x, "outcomeLabel"),
                    text(y, "outcomeLabel"));
        }
        item(out, m, m.raw("election.reproduce.item.elected"), names(stored.get("elected"), names),
                names(again.get("elected"), names));
        item(out, m, m.raw("election.reproduce.item.tied"), names(stored.get("tied"), names),
                names(again.get("tied"), names));
        item(out, m, m.raw("election.reproduce.item.seats_left"), text(stored, "seatsLeft"), text(again, "seatsLeft"));
        item(out, m, m.raw("election.reproduce.item.next_round"), names(stored.get("nextRound"), names),
                names(again.get("nextRound"), names));
        item(out, m, m.raw("election.reproduce.item.errors"), messages(stored.get("errors")),
                messages(again.get("errors")));
        JsonNode sb = stored.get("electedBody");
        JsonNode ab = again.get("electedBody");
        for (String k : List.of("members", "women", "under40", "minority")) {
            item(out, m, m.raw("election.reproduce.item.body." + k), text(sb, k), text(ab, k));
        }
        item(out, m, m.raw("election.reproduce.item.body.compliant"), yesNo(sb, m), yesNo(ab, m));
        item(out, m, m.raw("election.reproduce.item.body.findings"), messages(sb == null ? null : sb.get("findings")),
                messages(ab == null ? null : ab.get("findings")));
        if (out.isEmpty()) {
            out.add(m.raw("election.reproduce.diff.other"));
        }
        return out;
    }

    private static void item(List<String> out, Messages m, String what, String stored, String again) {
        if (!Objects.equals(stored, again)) {
            out.add(m.text("election.reproduce.diff", what, stored == null ? NONE : stored,
                    again == null ? NONE : again));
        }
    }

    private static Map<String, JsonNode> candidates(JsonNode result) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        JsonNode cs = result.get("candidates");
        if (cs != null) {
            cs.forEach(c -> out.put(c.path("id").asText(), c));
        }
        return out;
    }

    private static String name(JsonNode candidate, String id) {
        String name = candidate.path("name").asText("");
        return name.isBlank() ? id : name;
    }

    private static String text(JsonNode node, String field) {
        if (node == null || node.get(field) == null || node.get(field).isNull()) {
            return null;
        }
        return node.get(field).asText();
    }

    private static String at(JsonNode node, String object, String field) {
        return text(node.get(object), field);
    }

    /** Candidates by name, in the stored order ("—" for none). */
    private static String names(JsonNode ids, Map<String, String> names) {
        if (ids == null || ids.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        ids.forEach(id -> out.add(names.getOrDefault(id.asText(), id.asText())));
        return String.join(", ", out);
    }

    /** The messages of findings, joined ("—" for none). */
    private static String messages(JsonNode findings) {
        if (findings == null || findings.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        findings.forEach(f -> out.add(f.has("title") ? f.path("title").asText() + ": " + f.path("message").asText()
                : f.path("message").asText()));
        return String.join("; ", out);
    }

    private static String yesNo(JsonNode body, Messages m) {
        if (body == null || body.get("compliant") == null) {
            return null;
        }
        return m.raw(body.get("compliant").asBoolean() ? "election.reproduce.yes" : "election.reproduce.no");
    }
}
