package org.slatecheck.rules.intake;

import java.time.YearMonth;

import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Level;
import org.slatecheck.rules.model.ListKind;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.params.Parameters;
import org.slatecheck.rules.params.Term;
import org.slatecheck.rules.params.TermRules;

/** Reads one congress row (docs/specification.md section 2.1) into a {@link Congress}, or records why it cannot. */
public final class CongressReader {
    private CongressReader() {
    }

    /**
     * @param ruleSets the terms with a rule set (seasons, levels by date) and each term's parameters, for the
     *                 reference month default
     * @return the congress, or null when the row has errors (recorded in {@code row})
     */
    public static Congress read(Row row, TermRules ruleSets) {
        String id = row.plainText("congress_id") ? row.required("congress_id") : null;
        String organisation = row.plainText("organisation") ? row.required("organisation") : null;
        Level level = row.enumCode("level", true, Level.class);
        String term = row.required("term");
        Parameters params = null;
        if (term != null) {
            params = ruleSets.parameters(term);
            if (params == null) {
                row.error("term", "term_unknown", term, termList(ruleSets));
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
        Term season = term == null ? null : ruleSets.term(term);
        // A date outside the term's season is the error to tell (impossible, on the congress date), not the missing
        // reference month that follows from it.
        boolean inSeason = date == null || season == null || season.inSeason(date);
        if (reference == null && row.text("reference_month") == null && params != null && level != null) {
            reference = params.file().at(date).referenceMonth(level);
            if (reference == null && inSeason) {
                java.time.LocalDate from = firstDefault(params, level);
                if (from != null && date != null && date.isBefore(from)) {
                    // Dated defaults (docs/specification.md section 5): Chỉ thị 45's months apply only from its date.
                    row.error("reference_month", "reference_month_not_yet", term, new Messages.Key(levelKey(level)),
                            day(from), day(date));
                } else {
                    row.error("reference_month", "reference_month_missing", term, new Messages.Key(levelKey(level)));
                }
            }
        }
        if (reference == null && !inSeason) {
            outsideSeason(row, date, season, ruleSets);
        }
        if (row.hasErrors()) {
            return null;
        }
        return Congress.builder().id(id).organisation(organisation).level(level).term(term)
                .province(row.text("province")).referenceMonth(reference).congressDate(date).listKind(kind)
                .committeeSeats(seats).standingSeats(standing).deputySecretarySeats(deputies)
                .maxCommitteeSeats(max).mergedUnits(merged).minMinorityShare(share).build();
    }

    /** The date from which {@code level}'s default reference month is in force, or null when it has none. */
    private static java.time.LocalDate firstDefault(Parameters params, Level level) {
        String name = "reference_month." + level.name();
        return params.file().entries().getOrDefault(name, java.util.List.of()).stream()
                .filter(org.slatecheck.rules.params.Parameter::isSet).map(org.slatecheck.rules.params.Parameter::from)
                .filter(java.util.Objects::nonNull).min(java.util.Comparator.naturalOrder()).orElse(null);
    }

    /** The bundle key of a level's name in words ("huyện", "district"): an input error never shows the code. */
    static String levelKey(Level level) {
        return "level." + level.name();
    }

    /** A date as a personnel officer writes it: {@code 15/08/2025}. */
    static String day(java.time.LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    /** The terms that have a rule set with their seasons: "2020-2025 (01/01/2019 – 31/12/2021), 2025-2030 (…)". */
    static String termList(TermRules ruleSets) {
        return ruleSets.allTerms().stream().map(t -> t.id() + " (" + day(t.seasonFrom()) + " – " + day(t.seasonTo())
                + ")").collect(java.util.stream.Collectors.joining(", "));
    }

    /** The error of a congress date outside its term's season, naming the term whose season has it or every term. */
    private static void outsideSeason(Row row, java.time.LocalDate date, Term term, TermRules ruleSets) {
        Term other = ruleSets.allTerms().stream().filter(t -> t.inSeason(date)).findFirst().orElse(null);
        if (other != null) {
            row.error("congress_date", "outside_season_other", day(date), term.id(), day(term.seasonFrom()),
                    day(term.seasonTo()), other.id());
        } else {
            row.error("congress_date", "outside_season_none", day(date), term.id(), day(term.seasonFrom()),
                    day(term.seasonTo()), termList(ruleSets));
        }
    }

    /**
     * Records the values of a congresses file's row that no real congress has (docs/specification.md section 2, and
     * 9.1): more standing seats than committee seats, more deputy secretaries than standing seats, a congress date
     * or reference month outside its term's season, a level that does not exist on the congress date (the term's
     * data says which levels exist when). Checked on files ({@link Intake}), not on rule cases, whose congresses are
     * built to reach one rule's boundary.
     */
    static void impossible(Row row, Congress c, TermRules ruleSets) {
        Integer seats = c.getCommitteeSeats();
        Integer standing = c.getStandingSeats();
        Integer deputies = c.getDeputySecretarySeats();
        if (seats != null && standing != null && standing > seats) {
            row.error("standing_seats", "standing_above_committee", standing, seats);
        }
        if (standing != null && deputies != null && deputies > standing) {
            row.error("deputy_secretary_seats", "deputies_above_standing", deputies, standing);
        }
        Term term = ruleSets.term(c.getTerm());
        if (term == null) {
            return;
        }
        java.time.LocalDate date = c.getCongressDate();
        boolean dated = row.text("congress_date") != null;
        if (dated && !term.inSeason(date)) {
            outsideSeason(row, date, term, ruleSets);
        }
        YearMonth reference = c.getReferenceMonth();
        if (row.text("reference_month") != null && (reference.isBefore(YearMonth.from(term.seasonFrom()))
                || reference.isAfter(YearMonth.from(term.seasonTo())))) {
            row.error("reference_month", "outside_season", reference.format(
                    java.time.format.DateTimeFormatter.ofPattern("MM/yyyy")), term.id(), day(term.seasonFrom()),
                    day(term.seasonTo()));
        }
        if (row.hasErrorOn("congress_date") || row.hasErrorOn("reference_month")) {
            return;
        }
        Level level = c.getLevel();
        Term.LevelPeriod period = term.level(level);
        Messages.Key name = new Messages.Key(levelKey(level));
        if (period == null) {
            row.error("level", "level_absent", term.id(), name);
        } else if (date != null && !period.existsOn(date)) {
            if (period.to() != null && date.isAfter(period.to())) {
                row.error("level", "level_ended", day(period.to().plusDays(1)), name, term.id(), day(date));
            } else if (period.earlier() != null) {
                row.error("level", "level_not_yet_earlier", day(period.from()), name, term.id(), day(date),
                        new Messages.Key(levelKey(period.earlier())));
            } else {
                row.error("level", "level_not_yet", day(period.from()), name, term.id(), day(date));
            }
        }
    }
}
