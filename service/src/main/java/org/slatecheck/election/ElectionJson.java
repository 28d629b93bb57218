package org.slatecheck.election;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.slatecheck.rules.election.Deduction;
import org.slatecheck.rules.election.ElectedBody;
import org.slatecheck.rules.election.ElectionExplainer;
import org.slatecheck.rules.election.ElectionFinding;
import org.slatecheck.rules.election.ElectionResult;
import org.slatecheck.rules.engine.Finding;
import org.slatecheck.rules.explain.Explainer;

/**
 * One election's result as JSON — the same document from {@code POST /api/elections/decide}, the stored election's
 * result and {@code slatecheck.jar elect}: the election and its base (with each deduction), the ballots, the status,
 * every candidate (votes, percentage of the base, outcome, explanation), those elected in order, the tie, the next
 * round's list, the errors of the tally, the citations in force on the congress date, and the elected committee's
 * structure as a result of its own.
 */
public final class ElectionJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ElectionJson() {
    }

    /** The result as a tree of maps and lists, in {@code ex}'s language. */
    public static Map<String, Object> of(ElectionResult r, ElectedBody.Result body, ElectionExplainer ex) {
        Map<String, Object> out = new LinkedHashMap<>();
        var e = r.election();
        Map<String, Object> election = new LinkedHashMap<>();
        election.put("body", e.getBody().name());
        election.put("bodyLabel", ex.body(e.getBody()));
        election.put("round", e.getRound());
        election.put("seats", e.getSeats());
        election.put("kind", e.getKind().name());
        election.put("kindLabel", ex.kind(e.getKind()));
        election.put("congressDate", e.getCongressDate() == null ? null : e.getCongressDate().toString());
        election.put("convened", e.getConvened());
        election.put("deductions", e.getDeductions().stream().map(d -> deduction(d, ex)).toList());
        election.put("base", e.getBase());
        election.put("needsMoreThan", ex.half(e.getBase()));
        out.put("election", election);
        var t = r.tally();
        out.put("ballots", Map.of("issued", t.getIssued(), "returned", t.getReturned(), "valid", t.getValid(),
                "invalid", t.getInvalid()));
        out.put("status", r.status().name());
        out.put("statusLabel", ex.status(r.status()));
        out.put("candidates", r.candidates().stream().map(c -> candidate(r, c, ex)).toList());
        out.put("elected", ids(r.elected()));
        out.put("tied", ids(r.tied()));
        out.put("seatsLeft", r.seatsLeft());
        out.put("nextRound", ids(r.nextRound()));
        out.put("errors", r.errors().stream().map(f -> finding(f, ex)).toList());
        ElectionFinding unfilled = r.unfilled();
        out.put("decision", unfilled == null ? null : ex.message(unfilled));
        out.put("citations", ex.citations(r));
        out.put("electedBody", body == null ? null : body(body, ex));
        return out;
    }

    private static Map<String, Object> deduction(Deduction d, ElectionExplainer ex) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", d.getCount());
        m.put("reason", d.getReason().name());
        m.put("reasonLabel", ex.reason(d.getReason()));
        m.put("note", d.getNote());
        return m;
    }

    private static Map<String, Object> candidate(ElectionResult r, ElectionResult.CandidateResult c,
            ElectionExplainer ex) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.candidate().getCandidateId());
        m.put("name", c.candidate().getName());
        m.put("votes", c.candidate().getVotes());
        m.put("percentOfBase", ex.percent(r.percentOfBase(c.candidate().getVotes())));
        m.put("outcome", c.outcome().name());
        m.put("outcomeLabel", ex.outcome(c.outcome()));
        m.put("rank", c.rank());
        m.put("rule", c.finding() == null ? null : c.finding().getRuleId());
        m.put("explanation", ex.explain(c));
        return m;
    }

    private static Map<String, Object> finding(ElectionFinding f, ElectionExplainer ex) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", f.getRuleId());
        m.put("title", ex.title(f.getRuleId()));
        m.put("candidate", f.getCandidateId());
        m.put("message", ex.message(f));
        return m;
    }

    private static Map<String, Object> body(ElectedBody.Result b, ElectionExplainer ex) {
        Map<String, Object> m = new LinkedHashMap<>();
        Explainer explainer = new Explainer(ex.messages());
        var c = b.composition();
        m.put("members", c.getTotal());
        m.put("women", c.getWomen());
        m.put("under40", c.getUnder40());
        m.put("minority", c.getMinority());
        m.put("compliant", b.compliant());
        m.put("findings", b.findings().stream().map(f -> structureFinding(f, explainer)).toList());
        return m;
    }

    private static Map<String, Object> structureFinding(Finding f, Explainer explainer) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", f.getRuleId());
        m.put("severity", f.getSeverity().name());
        m.put("title", explainer.title(f));
        m.put("message", explainer.message(f));
        return m;
    }

    private static List<String> ids(List<ElectionResult.CandidateResult> rs) {
        return rs.stream().map(x -> x.candidate().getCandidateId()).toList();
    }

    /** The JSON text. */
    public static String write(Map<String, Object> tree) {
        try {
            return MAPPER.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
