package org.slatecheck.explanation;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slatecheck.rules.engine.ListComposition;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.engine.Shares;
import org.slatecheck.rules.model.ListKind;
import org.slatecheck.rules.params.Parameters;

/**
 * The structure panel of a list: women, under-40, aged 40 to 50 and minority shares and the list size, as JSON bars
 * ({@code key}, {@code count}, {@code total}, {@code percent}, {@code min}/{@code max} in percent when the share has a
 * target for this list, {@code ok}). Every share is counted, also where no target applies (a minority share 3 of 5
 * without a congress target; under 40 at a level without that target; the shares of an inspection list): such a bar
 * has no {@code min} and the page says "no target". The pass/fail of each bar uses the same exact arithmetic as the
 * rules.
 */
public final class StructurePanel {
    private StructurePanel() {
    }

    /** The panel of the list as submitted. */
    public static ArrayNode of(ScreeningResult r) {
        return of(r, r.composition());
    }

    /**
     * The panel of the viable list (RULES.md section 6: the list without its INELIGIBLE nominees), measured against
     * the same targets.
     */
    public static ArrayNode viable(ScreeningResult r) {
        return of(r, r.viableComposition());
    }

    private static ArrayNode of(ScreeningResult r, ListComposition c) {
        ArrayNode bars = JsonNodeFactory.instance.arrayNode();
        if (c == null || c.getTotal() == 0) {
            return bars;
        }
        Parameters p = r.parameters();
        int total = c.getTotal();
        boolean committee = r.congress().isCommitteeList();
        // Every share that can be counted is shown; a share without a target for this list (an inspection list, a
        // level without an under-40 target, a congress without a minority share) has no min/max and is never "bad".
        BigDecimal women = committee ? p.decimal("structure.women_min_percent") : null;
        bars.add(bar("women", c.getWomen(), total, women, null,
                women == null || !Shares.below(c.getWomen(), total, women)));
        BigDecimal under40 = committee && p.hasCode("structure.under40_levels", r.congress().getLevel())
                ? p.decimal("structure.under40_min_percent") : null;
        bars.add(bar("under40", c.getUnder40(), total, under40, null,
                under40 == null || !Shares.below(c.getUnder40(), total, under40)));
        BigDecimal bandMin = committee ? p.decimal("structure.band_min_percent") : null;
        BigDecimal bandMax = committee ? p.decimal("structure.band_max_percent") : null;
        bars.add(bar("band", c.getBand(), total, bandMin, bandMax, bandMin == null
                || !Shares.below(c.getBand(), total, bandMin) && !Shares.above(c.getBand(), total, bandMax)));
        BigDecimal share = committee ? r.congress().getMinMinorityShare() : null;
        bars.add(bar("minority", c.getMinority(), total, share == null ? null : share.multiply(BigDecimal.valueOf(100)),
                null, share == null || !Shares.belowFraction(c.getMinority(), total, share)));
        int seats = r.congress().getCommitteeSeats();
        ObjectNode size = JsonNodeFactory.instance.objectNode();
        size.put("key", "size");
        size.put("count", total);
        size.put("seats", seats);
        Integer smallBody = p.isDeclared("election.small_body_max_seats")
                ? p.optionalInteger("election.small_body_max_seats") : null;
        Integer smallSurplus = p.isDeclared("election.small_body_surplus")
                ? p.optionalInteger("election.small_body_surplus") : null;
        if (r.congress().getListKind() == ListKind.ELECTION_LIST && smallBody != null && smallSurplus != null
                && seats <= smallBody) {
            // A small body (RULES.md version 3, 9.3: NUM-003) needs exactly its surplus more names: one number, never
            // "từ 2 đến 1" (seats + 1 to seats + 30 % rounded down, inverted for 1 to 3 seats).
            size.put("minCount", seats + smallSurplus);
            size.put("maxCount", seats + smallSurplus);
            size.put("ok", total == seats + smallSurplus);
        } else if (r.congress().getListKind() == ListKind.ELECTION_LIST) {
            size.put("minCount", seats + 1);
            size.put("maxCount", seats + Shares.atMost(seats, p.decimal("election.surplus_max_percent")));
            size.put("ok", total > seats && !Shares.above(total - seats, seats, p.decimal("election.surplus_max_percent")));
        } else {
            size.put("minCount", seats);
            size.put("maxCount", seats);
            size.put("ok", total == seats);
        }
        bars.add(size);
        return bars;
    }

    private static ObjectNode bar(String key, int count, int total, BigDecimal min, BigDecimal max, boolean ok) {
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        b.put("key", key);
        b.put("count", count);
        b.put("total", total);
        b.put("percent", BigDecimal.valueOf(100L * count).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP));
        if (min != null) {
            b.put("min", min.stripTrailingZeros());
        }
        if (max != null) {
            b.put("max", max.stripTrailingZeros());
        }
        b.put("ok", ok);
        return b;
    }
}
