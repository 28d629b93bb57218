package org.slatecheck.records;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slatecheck.rules.engine.WorkingTime;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.intake.Columns;
import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Nominee;
import org.slatecheck.rules.model.Rating;
import org.slatecheck.rules.params.Parameters;

/**
 * A nominee's validated input as stored beside its outcome (one JSON object keyed by the section 2.2 column names,
 * typed: dates ISO, codes as their names, lists as arrays), and its display in a page language: every column in
 * file order with its label, dates as dd/MM/yyyy, codes by their label, yes/no in words.
 */
public final class NomineeInput {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    private NomineeInput() {
    }

    /**
     * The stored form of {@code n} and, under {@code derived}, what the rules derived from it at the congress
     * ({@link WorkingTime}: the object the AGE rules insert, made by the same {@code WorkingTime.of} with the run's
     * parameters): age in whole years and the remaining working months W at the reference month C, and the retirement
     * month R. {@code time} may be null (then nothing is derived).
     */
    public static ObjectNode of(Nominee n, WorkingTime time) {
        ObjectNode o = of(n);
        if (time != null) {
            ObjectNode d = o.putObject(DERIVED);
            d.put("ageYears", time.getAgeYears());
            d.put("referenceMonth", time.getReferenceMonth().toString());
            d.put("remainingMonths", time.getRemainingMonths());
            d.put("retirementMonth", time.getRetirementMonth().toString());
        }
        return o;
    }

    /** The working time of {@code n} at {@code congress} as the rules derive it, or null when it cannot be made. */
    public static WorkingTime workingTime(Nominee n, Congress congress, Parameters parameters) {
        if (n.getBirthDate() == null || congress == null || congress.getReferenceMonth() == null || parameters == null) {
            return null;
        }
        try {
            return WorkingTime.of(n, congress, parameters);
        } catch (RuntimeException e) {
            // A rule set without a retirement schedule: the page then shows no derived values (the rules say why).
            return null;
        }
    }

    /** The key of the derived values in the stored object (not a column of the file). */
    public static final String DERIVED = "derived";

    /**
     * The derived values of a stored input as a page shows them: the age at the reference month and the remaining
     * working time with the retirement month; empty for a check stored before they were kept.
     */
    public static List<Field> derived(JsonNode stored, Messages m) {
        List<Field> out = new ArrayList<>();
        JsonNode d = stored == null ? null : stored.get(DERIVED);
        if (d == null || !d.isObject()) {
            return out;
        }
        String reference = YearMonth.parse(d.get("referenceMonth").asText()).format(MONTH);
        String retirement = YearMonth.parse(d.get("retirementMonth").asText()).format(MONTH);
        int w = d.get("remainingMonths").asInt();
        out.add(new Field("age", m.text("ui.nominee.age", reference), m.text("ui.nominee.age_value",
                d.get("ageYears").asInt())));
        out.add(new Field("working", m.raw("ui.nominee.working"), w > 0
                ? m.text("ui.nominee.working_value", w, retirement)
                : m.text("ui.nominee.working_none", retirement)));
        return out;
    }

    /** The stored form of {@code n}: one entry per nominee column (absent values as null). */
    public static ObjectNode of(Nominee n) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("congress_id", n.getCongressId());
        o.put("nominee_id", n.getNomineeId());
        o.put("full_name", n.getFullName());
        o.put("sex", name(n.getSex()));
        o.put("birth_date", text(n.getBirthDate()));
        o.put("ethnicity", n.getEthnicity());
        o.put("hometown_province", n.getHometownProvince());
        o.put("membership", name(n.getMembership()));
        o.put("party_join_date", text(n.getPartyJoinDate()));
        o.put("incumbent", n.isIncumbent());
        names(o, "current_posts", n.getCurrentPosts());
        names(o, "proposed_posts", n.getProposedPosts());
        o.put("consecutive_terms", n.getConsecutiveTerms());
        o.put("political_theory", name(n.getPoliticalTheory()));
        o.put("education", name(n.getEducation()));
        o.put("discipline_form", name(n.getDisciplineForm()));
        o.put("discipline_date", text(n.getDisciplineDate()));
        o.put("discipline_pending", n.isDisciplinePending());
        o.put("political_conclusion", name(n.getPoliticalConclusion()));
        o.put("political_conclusion_date", text(n.getPoliticalConclusionDate()));
        ObjectNode ratings = o.putObject("quality_ratings");
        for (Map.Entry<Integer, Rating> e : n.getQualityRatings().entrySet()) {
            ratings.put(String.valueOf(e.getKey()), e.getValue().name());
        }
        o.put("unresolved_complaints", n.getUnresolvedComplaints());
        o.put("asset_declaration", n.getAssetDeclaration());
        o.put("health_ok", n.getHealthOk());
        var relatives = o.putArray("relatives");
        n.getRelatives().forEach(relatives::add);
        YearMonth override = n.getRetirementMonthOverride();
        o.put("retirement_month_override", override == null ? null : override.toString());
        if (n.getPlannedPosts() == null) {
            o.putNull("planned_posts");
        } else {
            names(o, "planned_posts", n.getPlannedPosts());
        }
        o.put("low_confidence_share", n.getLowConfidenceShare());
        return o;
    }

    /** One labelled value of the input as a page shows it. */
    public record Field(String column, String label, String value) {
    }

    /** Every nominee column of {@code stored} in file order, labelled and formatted in {@code m}'s language. */
    public static List<Field> display(JsonNode stored, Messages m) {
        List<Field> out = new ArrayList<>();
        for (String column : Columns.NOMINEE.keySet()) {
            out.add(new Field(column, m.raw("ui.input." + column), format(column, stored.get(column), m)));
        }
        return out;
    }

    static String format(String column, JsonNode v, Messages m) {
        if (v == null || v.isNull()) {
            return "—";
        }
        if (v.isBoolean()) {
            return m.raw(v.booleanValue() ? "ui.input.yes" : "ui.input.no");
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(x -> parts.add(column.equals("relatives") ? x.asText() : code(x.asText(), m)));
            return parts.isEmpty() ? "—" : String.join(", ", parts);
        }
        if (v.isObject()) {
            List<String> parts = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                parts.add(e.getKey() + ": " + code(e.getValue().asText(), m));
            }
            return parts.isEmpty() ? "—" : String.join("; ", parts);
        }
        String s = v.asText();
        if (column.endsWith("_date")) {
            return LocalDate.parse(s).format(DAY);
        }
        if (column.equals("retirement_month_override")) {
            return YearMonth.parse(s).format(MONTH);
        }
        if (column.equals("low_confidence_share")) {
            return new java.math.BigDecimal(s).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        }
        if (v.isTextual() && (column.equals("sex") || column.equals("membership") || column.equals("political_theory")
                || column.equals("education") || column.equals("discipline_form")
                || column.equals("political_conclusion"))) {
            return code(s, m);
        }
        return s;
    }

    /** A code's label: the rules' own {@code code.X} label when there is one, else this part's {@code ui.input.value.X}. */
    private static String code(String code, Messages m) {
        if (m.has("ui.input.value." + code)) {
            return m.raw("ui.input.value." + code);
        }
        return m.has("code." + code) ? m.raw("code." + code) : code;
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static String text(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static void names(ObjectNode o, String key, Collection<? extends Enum<?>> values) {
        var array = o.putArray(key);
        values.forEach(v -> array.add(v.name()));
    }
}
