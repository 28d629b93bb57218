package org.slatecheck.rules.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slatecheck.rules.catalogue.RuleCatalogue;

/**
 * Which rules need which optional nominee column (docs/specification.md section 2): when a column is absent from the
 * file, as opposed to an empty cell, these rules cannot be checked and are listed in the result's {@code notChecked}
 * with a warning naming the column. Without this, a file without {@code discipline_form} would make everybody
 * silently pass DIS-001 and DIS-002. Each rule's metadata says it ({@code columns} in its folder's
 * {@code rule.properties}); {@code ColumnRulesTest} derives the same from the rule files, so a new rule reading a
 * column cannot be forgotten there.
 *
 * <p>A column whose absence leaves a documented default rather than a gap lists no rule:
 * {@code retirement_month_override} (the retirement schedule applies), {@code current_posts} (an incumbent holds
 * COMMITTEE: DIS-001 still fires, docs/specification.md section 2.2), {@code discipline_date} (a discipline form without its date is an
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
     * Optional congress column → the rules that read it (docs/specification.md section 2), from each rule's metadata
     * ({@code congress_columns} of its {@code rule.properties}), for a congress the column can matter to
     * ({@link #notChecked(Set, org.slatecheck.rules.model.Congress, org.slatecheck.rules.params.Parameters)}).
     * {@code reference_month} and {@code congress_date} have documented defaults and list none.
     */
    public static final Map<String, List<String>> CONGRESS_NEEDED_BY = congressFromCatalogue(RuleCatalogue.shipped());

    /** The optional congress columns in the order of {@link Columns#CONGRESS}, each with the rules reading it. */
    static Map<String, List<String>> congressFromCatalogue(RuleCatalogue catalogue) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String column : Columns.CONGRESS.keySet()) {
            List<String> rules = catalogue.readingCongressColumn(column);
            if (!rules.isEmpty()) {
                m.put(column, rules);
            }
        }
        return java.util.Collections.unmodifiableMap(m);
    }

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
