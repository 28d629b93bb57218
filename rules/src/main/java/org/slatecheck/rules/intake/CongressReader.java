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
        String id = row.required("congress_id");
        String organisation = row.required("organisation");
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
}
