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

    /**
     * The optional nominee columns rule {@code ruleId} reads, in the order of {@link #NEEDED_BY} (DAT-002: the
     * party-joining date and the conclusion date); empty for a rule that reads none (its check is skipped for another
     * reason: a limit not given).
     */
    public static List<String> columnsOf(String ruleId) {
        List<String> columns = new ArrayList<>();
        NEEDED_BY.forEach((column, rules) -> {
            if (rules.contains(ruleId)) {
                columns.add(column);
            }
        });
        return columns;
    }

    /** The Vietnamese header of nominee column {@code name} (as the templates write it). */
    public static String header(String name) {
        return Intake.vietnameseHeader(name);
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
