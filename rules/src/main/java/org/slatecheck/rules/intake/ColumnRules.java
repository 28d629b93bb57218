package org.slatecheck.rules.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slatecheck.rules.catalogue.RuleCatalogue;

/**
 * Which rules need which optional nominee column (RULES.md section 2, version 2): when a column is absent from the
 * file, as opposed to an empty cell, these rules cannot be checked and are listed in the result's {@code notChecked}
 * with a warning naming the column. Without this, a file without {@code discipline_form} would make everybody
 * silently pass DIS-001 and DIS-002. Each rule's metadata says it ({@code columns} in its folder's
 * {@code rule.properties}); {@code ColumnRulesTest} derives the same from the rule files, so a new rule reading a
 * column cannot be forgotten there.
 *
 * <p>A column whose absence leaves a documented default rather than a gap lists no rule:
 * {@code retirement_month_override} (the retirement schedule applies), {@code current_posts} (an incumbent holds
 * COMMITTEE: DIS-001 still fires, RULES.md 2.2), {@code discipline_date} (a discipline form without its date is an
 * input error, so no discipline passes unseen) and {@code congress_id} (one congress).
 */
public final class ColumnRules {
    private ColumnRules() {
    }

    /**
     * Optional nominee column → the rules that read it, in rule-id order: from each rule's metadata ({@code columns}
     * of its {@code rule.properties}, {@link RuleCatalogue}), for every optional column of {@link Columns#NOMINEE}.
     */
    public static final Map<String, List<String>> NEEDED_BY = fromCatalogue(RuleCatalogue.shipped());

    static Map<String, List<String>> fromCatalogue(RuleCatalogue catalogue) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String column : Columns.NOMINEE.keySet()) {
            if (!Columns.NOMINEE_REQUIRED.contains(column)) {
                m.put(column, catalogue.readingColumn(column));
            }
        }
        return java.util.Collections.unmodifiableMap(m);
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
}
