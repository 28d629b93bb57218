package org.slatecheck.rules.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which rules need which optional nominee column (RULES.md section 2, version 2): when a column is absent from the
 * file, as opposed to an empty cell, these rules cannot be checked and are listed in the result's {@code notChecked}
 * with a warning naming the column. Without this, a file without {@code discipline_form} would make everybody
 * silently pass DIS-001 and DIS-002. The one place that says it; {@code ColumnRulesTest} derives the same from the
 * rule files, so a new rule reading a column cannot be forgotten here.
 *
 * <p>A column whose absence leaves a documented default rather than a gap lists no rule:
 * {@code retirement_month_override} (the retirement schedule applies), {@code current_posts} (an incumbent holds
 * COMMITTEE: DIS-001 still fires, RULES.md 2.2), {@code discipline_date} (a discipline form without its date is an
 * input error, so no discipline passes unseen) and {@code congress_id} (one congress).
 */
public final class ColumnRules {
    private ColumnRules() {
    }

    /** Optional nominee column → the rules that read it, in rule-id order. */
    public static final Map<String, List<String>> NEEDED_BY = ordered(
            "ethnicity", List.of("STR-005"),
            "hometown_province", List.of("LOC-001"),
            "party_join_date", List.of("DAT-002"),
            "current_posts", List.of(),
            "consecutive_terms", List.of("TRM-001"),
            "political_theory", List.of("EDU-001"),
            "education", List.of("EDU-002"),
            "discipline_form", List.of("DIS-001", "DIS-002"),
            "discipline_date", List.of(),
            "discipline_pending", List.of("DIS-003"),
            "political_conclusion", List.of("POL-001", "POL-002", "POL-004"),
            "political_conclusion_date", List.of("DAT-002", "POL-003"),
            "quality_ratings", List.of("QUA-001", "QUA-002"),
            "unresolved_complaints", List.of("INT-001"),
            "asset_declaration", List.of("INT-002"),
            "health_ok", List.of("HLT-001"),
            "relatives", List.of("FAM-001"),
            "retirement_month_override", List.of(),
            "planned_posts", List.of("PLN-001"),
            "low_confidence_share", List.of("CON-001"),
            "congress_id", List.of());

    /**
     * Optional congress column → the rules that read it (RULES.md 9.5), for a congress the column can matter to
     * ({@link #notChecked(Set, org.slatecheck.rules.model.Congress, org.slatecheck.rules.params.Parameters)}).
     * {@code reference_month} and {@code congress_date} have documented defaults and list none.
     */
    public static final Map<String, List<String>> CONGRESS_NEEDED_BY = ordered(
            "province", List.of("LOC-001"),
            "standing_seats", List.of("NUM-002", "NUM-009", "NUM-010", "NUM-011", "STR-002"),
            "deputy_secretary_seats", List.of("NUM-005", "NUM-008"),
            "max_committee_seats", List.of("NUM-001"),
            "merged_units", List.of("NUM-001"),
            "min_minority_share", List.of("STR-005"));

    /**
     * The rules not checked for congress {@code c} because of the congress columns absent from its file, column by
     * column. A column lists its rules only where it can matter: the seat columns and the minority share for a
     * committee (or commission) list; {@code max_committee_seats} when the rule set gives no maximum for the
     * congress's level on its date (the higher level's then binds); {@code merged_units} when the rule set has a
     * larger maximum for merged units at the congress's level (a merged commune would otherwise be held to the
     * smaller one); {@code province} always (LOC-001).
     *
     * @param parameters the congress's rule-set parameters on its date, or null when unknown
     */
    public static Map<String, List<String>> notChecked(Set<String> present, org.slatecheck.rules.model.Congress c,
            org.slatecheck.rules.params.Parameters parameters) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : CONGRESS_NEEDED_BY.entrySet()) {
            String column = e.getKey();
            if (present.contains(column) || !matters(column, c, parameters)) {
                continue;
            }
            out.put(column, e.getValue());
        }
        return out;
    }

    private static boolean matters(String column, org.slatecheck.rules.model.Congress c,
            org.slatecheck.rules.params.Parameters p) {
        return switch (column) {
            case "province" -> true;
            case "max_committee_seats" -> c.isCommitteeList()
                    && (p == null || p.perLevel("committee.max_seats", c.getLevel()) == null);
            case "merged_units" -> c.isCommitteeList() && p != null
                    && p.perLevel("committee.max_seats", c.getLevel()) != null
                    && p.perLevel("committee.max_seats", c.getLevel(), "merged") != null
                    && p.perLevel("committee.max_seats", c.getLevel(), "merged_units_above") != null;
            default -> c.isCommitteeList();
        };
    }

    /**
     * The rules not checked because of the absent columns, column by column (only columns that some rule needs), in
     * the order of {@link Columns#NOMINEE}.
     */
    public static Map<String, List<String>> notChecked(Set<String> present) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String column : Columns.NOMINEE.keySet()) {
            List<String> rules = NEEDED_BY.getOrDefault(column, List.of());
            if (!present.contains(column) && !rules.isEmpty()) {
                out.put(column, rules);
            }
        }
        return out;
    }

    /** The rule ids of {@code byColumn}, each once, in first-seen order. */
    public static List<String> ruleIds(Map<String, List<String>> byColumn) {
        Set<String> ids = new LinkedHashSet<>();
        byColumn.values().forEach(ids::addAll);
        return new ArrayList<>(ids);
    }

    private static Map<String, List<String>> ordered(Object... pairs) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> rules = (List<String>) pairs[i + 1];
            m.put((String) pairs[i], rules);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
