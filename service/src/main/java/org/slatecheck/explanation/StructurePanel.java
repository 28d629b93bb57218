package org.slatecheck.explanation;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slatecheck.rules.catalogue.RuleCatalogue;
import org.slatecheck.rules.catalogue.RuleMeta;
import org.slatecheck.rules.engine.Finding;
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
 * has no {@code min} and the page says "no target". The pass/fail of each bar is the rules' own: a bar is bad when a
 * rule judging it has a finding on the list (issue 18 item 4: no second computation).
 */
public final class StructurePanel {
    private StructurePanel() {
    }

    /** The panel of the list as submitted, judged by its list findings. */
    public static ArrayNode of(ScreeningResult r) {
        return of(r, r.composition(), r.listFindings());
    }

    /**
     * The panel of the viable list (docs/specification.md section 6: the list without its INELIGIBLE nominees), measured against
     * the same targets and judged by the viable list's findings.
     */
    public static ArrayNode viable(ScreeningResult r) {
        return of(r, r.viableComposition(), r.viableListFindings());
    }

    /**
     * The bars. A bar is bad exactly when a rule judging it (its metadata's {@code panel}: STR-001 women, STR-003
     * under 40, STR-004 the age band, STR-005 minorities, NUM-003/NUM-006 the list size) has a finding on this list:
     * the rules decide, the panel does not compute the verdicts again. The targets shown are the parameters those
     * rules compare with, where they apply.
     */
    private static ArrayNode of(ScreeningResult r, ListComposition c, java.util.List<Finding> findings) {
        ArrayNode bars = JsonNodeFactory.instance.arrayNode();
        if (c == null || c.getTotal() == 0) {
            return bars;
        }
        java.util.Set<String> bad = new java.util.HashSet<>();
        RuleCatalogue catalogue = RuleCatalogue.shipped();
        for (Finding f : findings) {
            RuleMeta meta = catalogue.rule(f.getRuleId());
            if (meta != null && !meta.panel().isEmpty()) {
                bad.add(meta.panel());
            }
        }
        Parameters p = r.parameters();
        int total = c.getTotal();
        boolean committee = r.congress().isCommitteeList();
        var level = r.congress().getLevel();
        // Every share that can be counted is shown; a share without a target for this list (an inspection list, a
        // level without an under-40 or age-band target, a congress without a minority share) has no min/max.
        BigDecimal women = committee ? p.decimal("structure.women_min_percent") : null;
        bars.add(bar("women", c.getWomen(), total, women, null, !bad.contains("women")));
        BigDecimal under40 = committee && p.hasCode("structure.under40_levels", level)
                ? p.decimal("structure.under40_min_percent") : null;
        bars.add(bar("under40", c.getUnder40(), total, under40, null, !bad.contains("under40")));
        boolean band = committee && p.hasCode("structure.band_levels", level);
        BigDecimal bandMin = band ? p.decimal("structure.band_min_percent") : null;
        BigDecimal bandMax = band ? p.decimal("structure.band_max_percent") : null;
        bars.add(bar("band", c.getBand(), total, bandMin, bandMax, !bad.contains("band")));
        BigDecimal share = committee ? r.congress().getMinMinorityShare() : null;
        bars.add(bar("minority", c.getMinority(), total, share == null ? null : share.multiply(BigDecimal.valueOf(100)),
                null, !bad.contains("minority")));
        int seats = r.congress().getCommitteeSeats();
        ObjectNode size = JsonNodeFactory.instance.objectNode();
        size.put("key", "size");
        size.put("count", total);
        size.put("seats", seats);
        if (r.congress().getListKind() == ListKind.ELECTION_LIST) {
            Integer small = p.isDeclared("election.small_body_max_seats")
                    ? p.optionalInteger("election.small_body_max_seats") : null;
            Integer surplus = p.isDeclared("election.small_body_surplus")
                    ? p.optionalInteger("election.small_body_surplus") : null;
            if (small != null && surplus != null && seats <= small) {
                // docs/specification.md (section 6): a small body has exactly its surplus more (NUM-003): one number, never
                // an inverted range ("từ 2 đến 1").
                int exact = seats + surplus;
                size.put("minCount", exact);
                size.put("maxCount", exact);
            } else {
                size.put("minCount", seats + 1);
                size.put("maxCount", seats + Shares.atMost(seats, p.decimal("election.surplus_max_percent")));
            }
        } else {
            size.put("minCount", seats);
            size.put("maxCount", seats);
        }
        size.put("ok", !bad.contains("size"));
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
