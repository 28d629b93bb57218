package org.slatecheck.rules.engine;

import java.util.ArrayList;
import java.util.List;

import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Nominee;
import org.slatecheck.rules.model.Rating;

/** The years the quality rules look at (RULES.md QUA-001, QUA-002). Pure functions called from the rules. */
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
}
