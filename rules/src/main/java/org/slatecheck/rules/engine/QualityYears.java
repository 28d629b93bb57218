package org.slatecheck.rules.engine;

import java.util.ArrayList;
import java.util.List;

import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Nominee;
import org.slatecheck.rules.model.Rating;

/**
 * Year arithmetic for the quality rules (docs/specification.md section 6, QUA-001, QUA-002). Which years count is decided by the QUA
 * classification rules; {@link #failedOutgoingYears} and {@link #shortfall} restate them for the hand-written baseline.
 */
public final class QualityYears {
    private QualityYears() {
    }

    /**
     * QUA-001: the years of the outgoing term (its first year .. congress year − 1) rated KHTNV, for an incumbent;
     * empty for anyone else.
     */
    public static List<Integer> failedOutgoingYears(Nominee n, Congress c, int outgoingTermFirstYear) {
        List<Integer> years = new ArrayList<>();
        if (!n.isIncumbent()) {
            return years;
        }
        for (int y = outgoingTermFirstYear; y <= c.getCongressYear() - 1; y++) {
            if (n.getQualityRatings().get(y) == Rating.KHTNV) {
                years.add(y);
            }
        }
        return years;
    }

    /**
     * QUA-002: the last N years (congress year − N .. congress year − 1) missing or rated below the minimum, leaving
     * out years for which QUA-001 fired; null when there are none (so the rule has nothing to match).
     */
    public static QualityShortfall shortfall(Nominee n, Congress c, int outgoingTermFirstYear, int qualityYears,
            Object minRating) {
        Rating min = (Rating) minRating;
        List<Integer> failedOutgoing = failedOutgoingYears(n, c, outgoingTermFirstYear);
        List<Integer> years = new ArrayList<>();
        int last = c.getCongressYear() - 1;
        for (int y = last - qualityYears + 1; y <= last; y++) {
            Rating r = n.getQualityRatings().get(y);
            if ((r == null || r.isBelow(min)) && !failedOutgoing.contains(y)) {
                years.add(y);
            }
        }
        return years.isEmpty() ? null : new QualityShortfall(List.copyOf(years));
    }

    /** The outgoing term's years: {@code quality.outgoing_term_first_year} .. congress year − 1. */
    public static List<Integer> outgoingTerm(Congress c, org.slatecheck.rules.params.Parameters p) {
        return between(p.integer("quality.outgoing_term_first_year"), c.getCongressYear() - 1);
    }

    /** The last N years ({@code quality.years}): congress year − N .. congress year − 1. */
    public static List<Integer> lastYears(Congress c, org.slatecheck.rules.params.Parameters p) {
        return between(c.getCongressYear() - p.integer("quality.years"), c.getCongressYear() - 1);
    }

    /** The years {@code from} .. {@code to}, ascending (empty when {@code to < from}). */
    public static List<Integer> between(int from, int to) {
        List<Integer> years = new ArrayList<>();
        for (int y = from; y <= to; y++) {
            years.add(y);
        }
        return years;
    }

    /** The years of {@code list} (RatedYear facts or numbers), ascending. */
    public static List<Integer> sorted(List<?> list) {
        List<Integer> years = new ArrayList<>();
        for (Object o : list) {
            years.add(o instanceof RatedYear r ? r.getYear() : ((Number) o).intValue());
        }
        java.util.Collections.sort(years);
        return years;
    }
}
