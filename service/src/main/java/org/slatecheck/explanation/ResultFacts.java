package org.slatecheck.explanation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slatecheck.rules.engine.Finding;
import org.slatecheck.rules.engine.NomineeResult;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.explain.Explainer;
import org.slatecheck.rules.guided.GuidedRule;
import org.slatecheck.rules.model.Severity;

/**
 * A batch list's result as facts, not words (issue 20, render on open): per nominee its outcome and findings, per
 * finding the rule id, severity, evidence with its types, parameter, message variant, citation (as resolved when the
 * batch ran) and whether a board's guided rule made it; the list's findings, the viable list's, the checks not made,
 * the rule set's version and checksum, and the {@link MessageCatalogue#version() message catalogue} the batch ran
 * with. {@link #render} turns them into the section 7 JSON of {@link ResultJson#of(ScreeningResult, Explainer)},
 * field for field, in the language of the explainer; the wording of a guided rule is taken from the rule set of
 * the stored version.
 *
 * <p>The form is compact JSON text: short keys, absent keys for absent values, and evidence values that JSON cannot
 * tell apart from a string or a number carry their type ({@code {"M":"2025-03"}} a month, {@code {"T":…}} a date,
 * {@code {"D":"1.50"}} a decimal, {@code {"L":"…"}} a long), since the words depend on it (a month reads 03/2025);
 * the citation texts of a list are kept once each ({@code "t"}) and its findings name them by index.
 */
public final class ResultFacts {
    /** The form's version, stored as {@code "f"}: a reader meeting a newer one fails loudly rather than guess. */
    public static final int FORM = 1;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ResultFacts() {
    }

    /** The facts of {@code r} as JSON text, with the catalogue version {@code catalogue}. */
    public static String of(ScreeningResult r, String catalogue) {
        ObjectNode root = F.objectNode();
        root.put("f", FORM);
        root.put("m", catalogue);
        ArrayNode c = root.putArray("c");
        c.add(r.congress().getId()).add(r.congress().getOrganisation()).add(r.congress().getLevel().name())
                .add(r.congress().getTerm()).add(r.congress().getReferenceMonth().toString())
                .add(r.congress().getCongressDate().toString());
        root.putArray("r").add(r.ruleSetId()).add(r.ruleSetVersion()).add(r.ruleSetChecksum());
        root.put("ls", r.listStatus().name());
        root.put("vs", r.viableListStatus().name());
        root.put("vx", r.viableExcluded());
        // A list's findings cite few texts, each many times: each text once ("t"), findings by its index.
        Map<String, Integer> texts = new LinkedHashMap<>();
        ArrayNode nominees = root.putArray("n");
        for (NomineeResult n : r.nominees()) {
            ArrayNode node = nominees.addArray();
            node.add(n.nominee().getNomineeId()).add(n.nominee().getFullName()).add(n.outcome().name());
            if (!n.findings().isEmpty()) {
                ArrayNode findings = node.addArray();
                for (Finding f : n.findings()) {
                    findings.add(finding(f, n.nominee().getNomineeId(), texts));
                }
            }
        }
        root.set("l", findings(r.listFindings(), texts));
        if (!sameObjects(r.viableListFindings(), r.listFindings())) {
            root.set("v", findings(r.viableListFindings(), texts));
        }
        ArrayNode t = root.putArray("t");
        texts.keySet().forEach(t::add);
        if (!r.notChecked().isEmpty()) {
            ArrayNode nc = root.putArray("x");
            r.notChecked().forEach(nc::add);
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The viable list's findings are the list's own objects when nobody is INELIGIBLE: stored once. */
    private static boolean sameObjects(List<Finding> a, List<Finding> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    private static ArrayNode findings(List<Finding> list, Map<String, Integer> texts) {
        ArrayNode a = F.arrayNode();
        list.forEach(f -> a.add(finding(f, null, texts)));
        return a;
    }

    private static ObjectNode finding(Finding f, String nomineeId, Map<String, Integer> texts) {
        ObjectNode node = F.objectNode();
        node.put("r", f.getRuleId());
        node.put("s", f.getSeverity().name());
        if (f.getNomineeId() != null && !f.getNomineeId().equals(nomineeId)) {
            node.put("n", f.getNomineeId());
        }
        if (f.getCitation() != null) {
            node.put("c", texts.computeIfAbsent(f.getCitation(), k -> texts.size()));
        }
        if (f.getCitationEn() != null) {
            node.put("ce", texts.computeIfAbsent(f.getCitationEn(), k -> texts.size()));
        }
        if (f.getCitationConfirmed() != null) {
            node.put("cc", f.getCitationConfirmed());
        }
        if (f.getParameter() != null) {
            node.put("p", f.getParameter());
        }
        if (f.getVariant() != null) {
            node.put("vr", f.getVariant());
        }
        if (f.getGuided() != null) {
            node.put("g", true);
        }
        ObjectNode evidence = node.putObject("e");
        f.getEvidence().forEach((k, v) -> evidence.set(k, value(v)));
        return node;
    }

    /** An evidence value with its type where JSON would lose it. */
    static JsonNode value(Object v) {
        if (v == null) {
            return F.nullNode();
        }
        if (v instanceof Integer i) {
            return F.numberNode(i);
        }
        if (v instanceof Boolean b) {
            return F.booleanNode(b);
        }
        if (v instanceof String s) {
            return F.textNode(s);
        }
        if (v instanceof YearMonth m) {
            return F.objectNode().put("M", m.toString());
        }
        if (v instanceof LocalDate d) {
            return F.objectNode().put("T", d.toString());
        }
        if (v instanceof BigDecimal d) {
            return F.objectNode().put("D", d.toString());
        }
        if (v instanceof Long l) {
            return F.objectNode().put("L", l.toString());
        }
        if (v instanceof List<?> l) {
            ArrayNode a = F.arrayNode();
            l.forEach(x -> a.add(value(x)));
            return a;
        }
        // Finding.getEvidence() holds only the types above; anything else reads as its text, as ResultJson writes it.
        return F.textNode(String.valueOf(v));
    }

    private static Object decode(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isInt()) {
            return v.intValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isArray()) {
            List<Object> l = new ArrayList<>(v.size());
            v.forEach(x -> l.add(decode(x)));
            return l;
        }
        if (v.isObject() && v.size() == 1) {
            String type = v.fieldNames().next();
            String text = v.get(type).asText();
            switch (type) {
                case "M":
                    return YearMonth.parse(text);
                case "T":
                    return LocalDate.parse(text);
                case "D":
                    return new BigDecimal(text);
                case "L":
                    return Long.valueOf(text);
                default:
                    break;
            }
        }
        throw new IllegalStateException("stored evidence value of an unknown form");
    }

    /** The facts text read. */
    public static JsonNode read(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node.path("f").asInt() != FORM) {
                throw new IllegalStateException("stored batch facts of form " + node.path("f") + ", not " + FORM);
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored batch facts are not JSON", e);
        }
    }

    /** The catalogue version the facts were stored with. */
    public static String catalogue(JsonNode facts) {
        return facts.path("m").asText();
    }

    /** The rule set version the facts were made under. */
    public static String ruleSetVersion(JsonNode facts) {
        return facts.path("r").path(1).asText();
    }

    /** True when a board's guided rule made one of the findings (its wording is the stored rule set's). */
    public static boolean usesGuidedRules(String factsText) {
        return factsText.contains("\"g\":true");
    }

    /**
     * The section 7 JSON of the facts, as {@link ResultJson#of(ScreeningResult, Explainer)} writes it for the
     * screening result they were taken from, in the explainer's language. {@code guided} gives the guided rule of a
     * rule set version by its id (asked only for findings a guided rule made).
     */
    public static ObjectNode render(JsonNode facts, Explainer explainer,
            BiFunction<String, String, GuidedRule> guided) {
        String version = ruleSetVersion(facts);
        ObjectNode root = F.objectNode();
        JsonNode c = facts.get("c");
        ObjectNode congress = root.putObject("congress");
        congress.put("id", text(c.get(0)));
        congress.put("organisation", text(c.get(1)));
        congress.put("level", text(c.get(2)));
        congress.put("term", text(c.get(3)));
        congress.put("referenceMonth", text(c.get(4)));
        congress.put("congressDate", text(c.get(5)));
        JsonNode r = facts.get("r");
        ObjectNode ruleSet = root.putObject("ruleSet");
        ruleSet.put("id", text(r.get(0)));
        ruleSet.put("version", text(r.get(1)));
        ruleSet.put("checksum", text(r.get(2)));
        JsonNode nominees = facts.get("n");
        // ints, as the stored JSON text of a check reads back (ResultJson writes longs; the text is the same)
        int eligible = 0;
        int review = 0;
        int ineligible = 0;
        for (JsonNode n : nominees) {
            switch (n.get(2).asText()) {
                case "ELIGIBLE" -> eligible++;
                case "REVIEW" -> review++;
                default -> ineligible++;
            }
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("nominees", nominees.size());
        summary.put("eligible", eligible);
        summary.put("review", review);
        summary.put("ineligible", ineligible);
        summary.put("listStatus", facts.get("ls").asText());
        summary.put("viableListStatus", facts.get("vs").asText());
        List<String> texts = new ArrayList<>();
        facts.path("t").forEach(t -> texts.add(t.asText()));
        ArrayNode out = root.putArray("nominees");
        for (JsonNode n : nominees) {
            ObjectNode node = out.addObject();
            String id = text(n.get(0));
            node.put("nomineeId", id);
            node.put("fullName", text(n.get(1)));
            node.put("outcome", n.get(2).asText());
            ArrayNode findings = node.putArray("findings");
            if (n.size() > 3) {
                for (JsonNode f : n.get(3)) {
                    Finding finding = finding(f, id, version, guided, texts);
                    findings.add(ResultJson.finding(finding, explainer.message(finding), explainer));
                }
            }
        }
        ArrayNode list = root.putArray("listFindings");
        List<Finding> listFindings = new ArrayList<>();
        for (JsonNode f : facts.get("l")) {
            Finding finding = finding(f, null, version, guided, texts);
            listFindings.add(finding);
            list.add(ResultJson.finding(finding, explainer.message(finding), explainer));
        }
        ArrayNode viable = root.putArray("viableListFindings");
        int excluded = facts.get("vx").asInt();
        List<Finding> viableFindings = new ArrayList<>();
        if (facts.has("v")) {
            for (JsonNode f : facts.get("v")) {
                viableFindings.add(finding(f, null, version, guided, texts));
            }
        } else {
            viableFindings = listFindings;
        }
        for (Finding finding : viableFindings) {
            viable.add(ResultJson.finding(finding, explainer.viableMessage(finding, excluded), explainer));
        }
        ArrayNode notChecked = root.putArray("notChecked");
        for (Iterator<JsonNode> it = facts.path("x").elements(); it.hasNext();) {
            notChecked.add(it.next().asText());
        }
        return root;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String text(JsonNode index, List<String> texts) {
        return index == null || index.isNull() ? null : texts.get(index.asInt());
    }

    private static Finding finding(JsonNode f, String nomineeId, String version,
            BiFunction<String, String, GuidedRule> guided, List<String> texts) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        f.get("e").fields().forEachRemaining(e -> evidence.put(e.getKey(), decode(e.getValue())));
        String ruleId = f.get("r").asText();
        String citation = text(f.get("c"), texts);
        Finding finding = new Finding(ruleId, Severity.valueOf(f.get("s").asText()), citation,
                f.has("n") ? f.get("n").asText() : nomineeId, evidence);
        if (f.has("p")) {
            finding = finding.on(f.get("p").asText());
        }
        if (f.has("vr")) {
            finding = finding.variant(f.get("vr").asText());
        }
        if (f.has("cc")) {
            finding = finding.withCitation(citation, text(f.get("ce"), texts), f.get("cc").asBoolean());
        } else if (f.has("ce")) {
            finding = finding.withCitation(citation, text(f.get("ce"), texts));
        }
        if (f.path("g").asBoolean()) {
            GuidedRule rule = guided.apply(version, ruleId);
            if (rule == null) {
                throw new IllegalStateException("rule set version " + version + " has no guided rule " + ruleId);
            }
            finding = finding.withGuided(rule);
        }
        return finding;
    }
}
