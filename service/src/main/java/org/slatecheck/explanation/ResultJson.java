package org.slatecheck.explanation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slatecheck.rules.engine.Finding;
import org.slatecheck.rules.engine.NomineeResult;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.explain.Explainer;
import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Outcome;

/**
 * The result of docs/specification.md section 7 as JSON: congress, ruleSet, summary (with {@code listStatus} and
 * {@code viableListStatus}), nominees with findings, listFindings, viableListFindings (the list rules' findings on the
 * list without its INELIGIBLE nominees, each message saying how many were taken off; the same findings as
 * listFindings when nobody is INELIGIBLE), and {@code notChecked} (the list checks whose limit neither the rule set nor the congress gives). Months in evidence
 * are {@code YYYY-MM}, dates {@code YYYY-MM-DD}, counts integers.
 */
public final class ResultJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultJson() {
    }

    /** A JSON array with one object per result, in order. */
    public static ArrayNode of(List<ScreeningResult> results, Explainer explainer) {
        ArrayNode array = F.arrayNode();
        for (ScreeningResult r : results) {
            array.add(of(r, explainer));
        }
        return array;
    }

    public static ObjectNode of(ScreeningResult r, Explainer explainer) {
        ObjectNode root = F.objectNode();
        Congress c = r.congress();
        ObjectNode congress = root.putObject("congress");
        congress.put("id", c.getId());
        congress.put("organisation", c.getOrganisation());
        congress.put("level", c.getLevel().name());
        congress.put("term", c.getTerm());
        congress.put("referenceMonth", c.getReferenceMonth().toString());
        congress.put("congressDate", c.getCongressDate().toString());
        ObjectNode ruleSet = root.putObject("ruleSet");
        ruleSet.put("id", r.ruleSetId());
        ruleSet.put("version", r.ruleSetVersion());
        ruleSet.put("checksum", r.ruleSetChecksum());
        ObjectNode summary = root.putObject("summary");
        summary.put("nominees", r.nominees().size());
        summary.put("eligible", r.count(Outcome.ELIGIBLE));
        summary.put("review", r.count(Outcome.REVIEW));
        summary.put("ineligible", r.count(Outcome.INELIGIBLE));
        summary.put("listStatus", r.listStatus().name());
        summary.put("viableListStatus", r.viableListStatus().name());
        ArrayNode nominees = root.putArray("nominees");
        for (NomineeResult n : r.nominees()) {
            ObjectNode node = nominees.addObject();
            node.put("nomineeId", n.nominee().getNomineeId());
            node.put("fullName", n.nominee().getFullName());
            node.put("outcome", n.outcome().name());
            ArrayNode findings = node.putArray("findings");
            n.findings().forEach(f -> findings.add(finding(f, explainer)));
        }
        ArrayNode list = root.putArray("listFindings");
        r.listFindings().forEach(f -> list.add(finding(f, explainer)));
        ArrayNode viable = root.putArray("viableListFindings");
        r.viableListFindings().forEach(f -> viable.add(finding(f, explainer.viableMessage(f, r.viableExcluded()),
                explainer)));
        ArrayNode notChecked = root.putArray("notChecked");
        r.notChecked().forEach(notChecked::add);
        return root;
    }

    /**
     * The intake's warnings as the top-level {@code warnings} array of a response (docs/specification.md section 7):
     * one object per warning with the file, line, column, a stable {@code code} and the message in the chosen
     * language.
     */
    public static ArrayNode warnings(List<org.slatecheck.rules.intake.InputWarning> warnings,
            org.slatecheck.rules.text.Messages messages) {
        ArrayNode array = F.arrayNode();
        for (var w : warnings) {
            ObjectNode node = array.addObject();
            node.put("file", w.file());
            node.put("line", w.line());
            node.put("column", w.column());
            node.put("code", w.key());
            node.put("message", w.text(messages));
        }
        return array;
    }

    private static ObjectNode finding(Finding f, Explainer explainer) {
        return finding(f, explainer.message(f), explainer);
    }

    /** A finding with {@code message} as its message: shared with {@link ResultFacts#render} (render on open). */
    static ObjectNode finding(Finding f, String message, Explainer explainer) {
        ObjectNode node = F.objectNode();
        node.put("ruleId", f.getRuleId());
        node.put("severity", f.getSeverity().name());
        node.put("title", explainer.title(f));
        node.put("citation", explainer.citation(f));
        if (f.getCitationConfirmed() != null && !f.getCitationConfirmed()) {
            // docs/specification.md section 5: a citation not checked against the text is marked (the text carries
            // the marker too, so every page, PDF and export shows it).
            node.put("citationConfirmed", false);
        }
        node.put("message", message);
        String remedy = explainer.remedy(f);
        if (!remedy.isEmpty()) {
            node.put("remedy", remedy);
        }
        ObjectNode evidence = node.putObject("evidence");
        for (Map.Entry<String, Object> e : f.getEvidence().entrySet()) {
            evidence.set(e.getKey(), value(e.getValue()));
        }
        return node;
    }

    /** An evidence value as JSON: months YYYY-MM, dates YYYY-MM-DD, numbers as numbers. */
    public static JsonNode value(Object v) {
        if (v == null) {
            return F.nullNode();
        }
        if (v instanceof Integer i) {
            return F.numberNode(i);
        }
        if (v instanceof Long l) {
            return F.numberNode(l);
        }
        if (v instanceof BigDecimal d) {
            BigDecimal s = d.stripTrailingZeros();
            return s.scale() <= 0 ? F.numberNode(s.toBigIntegerExact()) : F.numberNode(s);
        }
        if (v instanceof Boolean b) {
            return F.booleanNode(b);
        }
        if (v instanceof YearMonth || v instanceof LocalDate) {
            return F.textNode(v.toString());
        }
        if (v instanceof List<?> l) {
            ArrayNode a = F.arrayNode();
            l.forEach(x -> a.add(value(x)));
            return a;
        }
        return F.textNode(String.valueOf(v));
    }

    /** {@code node} written and read back: the form a stored or transmitted result has. */
    public static JsonNode reparse(JsonNode node) {
        try {
            return MAPPER.readTree(MAPPER.writeValueAsString(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The results as {@link #of(List, Explainer)} writes them, pretty-printed to {@code out} one at a time (each made
     * when it is written): a check of 10,000 lists never holds all their JSON at once (docs/specification.md section 2, a 512 MB heap).
     */
    public static void write(List<ScreeningResult> results, Explainer explainer, java.io.Writer out)
            throws java.io.IOException {
        try (com.fasterxml.jackson.core.JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (ScreeningResult r : results) {
                MAPPER.writeTree(g, of(r, explainer));
            }
            g.writeEndArray();
        }
        out.write("\n");
        out.flush();
    }

    /** Pretty-printed JSON text. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
