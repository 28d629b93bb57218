package org.slatecheck.rules.intake;

import java.time.YearMonth;
import java.util.function.Function;

import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Level;
import org.slatecheck.rules.model.ListKind;
import org.slatecheck.rules.params.Parameters;

/** Reads one congress row (RULES.md section 2.1) into a {@link Congress}, or records why it cannot. */
public final class CongressReader {
    private CongressReader() {
    }

    /**
     * @param ruleSets the parameters of each term's rule set (null for a term without one), for the reference month
     *                 default
     * @return the congress, or null when the row has errors (recorded in {@code row})
     */
    public static Congress read(Row row, Function<String, Parameters> ruleSets) {
        String id = row.plainText("congress_id") ? row.required("congress_id") : null;
        String organisation = row.plainText("organisation") ? row.required("organisation") : null;
        Level level = row.enumCode("level", true, Level.class);
        String term = row.required("term");
        Parameters params = null;
        if (term != null) {
            params = ruleSets.apply(term);
            if (params == null) {
                row.error("term", "term_unknown", term);
            }
        }
        YearMonth reference = row.month("reference_month");
        java.time.LocalDate date = row.fullDate("congress_date");
        ListKind kind = row.enumCode("list_kind", true, ListKind.class);
        Integer seats = row.integer("committee_seats", true, 1);
        Integer standing = row.integer("standing_seats", false, 0);
        Integer deputies = row.integer("deputy_secretary_seats", false, 0);
        Integer max = row.integer("max_committee_seats", false, 1);
        Integer merged = row.integer("merged_units", false, 1);
        java.math.BigDecimal share = row.share("min_minority_share");
        if (reference == null && row.text("reference_month") == null && params != null && level != null) {
            reference = params.file().at(date).referenceMonth(level);
            if (reference == null) {
                row.error("reference_month", "reference_month_missing", term, level);
            }
        }
        if (row.hasErrors()) {
            return null;
        }
        return Congress.builder().id(id).organisation(organisation).level(level).term(term)
                .province(row.text("province")).referenceMonth(reference).congressDate(date).listKind(kind)
                .committeeSeats(seats).standingSeats(standing).deputySecretarySeats(deputies)
                .maxCommitteeSeats(max).mergedUnits(merged).minMinorityShare(share).build();
    }

    /**
     * Records the values of a congresses file's row that no real congress has (RULES.md section 2, version 2): more
     * standing seats than committee seats, more deputy secretaries than standing seats, a congress date or reference
     * month outside its term's season. Checked on files ({@link Intake}), not on rule cases, whose congresses are
     * built to reach one rule's boundary.
     */
    static void impossible(Row row, Congress c) {
        Integer seats = c.getCommitteeSeats();
        Integer standing = c.getStandingSeats();
        Integer deputies = c.getDeputySecretarySeats();
        if (seats != null && standing != null && standing > seats) {
            row.error("standing_seats", "standing_above_committee", standing, seats);
        }
        if (standing != null && deputies != null && deputies > standing) {
            row.error("deputy_secretary_seats", "deputies_above_standing", deputies, standing);
        }
        java.time.LocalDate[] season = season(c.getTerm());
        if (season == null) {
            return;
        }
        java.time.LocalDate date = c.getCongressDate();
        if (row.text("congress_date") != null && (date.isBefore(season[0]) || date.isAfter(season[1]))) {
            row.error("congress_date", "outside_season", date, c.getTerm(), season[0], season[1]);
        }
        YearMonth reference = c.getReferenceMonth();
        if (row.text("reference_month") != null && (reference.isBefore(YearMonth.from(season[0]))
                || reference.isAfter(YearMonth.from(season[1])))) {
            row.error("reference_month", "outside_season", reference, c.getTerm(), season[0], season[1]);
        }
    }

    /**
     * The congress season of {@code term} ({@code YYYY-YYYY}): from 1 January of the year before the term starts to
     * 31 December of the year after (RULES.md section 2: 2020-2025 → 2019-01-01 to 2021-12-31; 2025-2030 →
     * 2024-01-01 to 2026-12-31); null when the term is not written so.
     */
    public static java.time.LocalDate[] season(String term) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4})-\\d{4}").matcher(term.strip());
        if (!m.matches()) {
            return null;
        }
        int start = Integer.parseInt(m.group(1));
        return new java.time.LocalDate[] {java.time.LocalDate.of(start - 1, 1, 1),
                java.time.LocalDate.of(start + 1, 12, 31)};
    }
}
