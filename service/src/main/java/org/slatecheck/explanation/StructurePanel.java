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
 * The structure panel of a list: women, under-40 and minority shares and the list size, each with its target, as
 * JSON bars ({@code key}, {@code count}, {@code total}, {@code percent}, {@code min}/{@code max} in percent,
 * {@code ok}). The pass/fail of each bar uses the same exact arithmetic as the rules.
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
        if (committee) {
            bars.add(bar("women", c.getWomen(), total, p.decimal("structure.women_min_percent"), null,
                    !Shares.below(c.getWomen(), total, p.decimal("structure.women_min_percent"))));
            if (p.hasCode("structure.under40_levels", r.congress().getLevel())) {
                bars.add(bar("under40", c.getUnder40(), total, p.decimal("structure.under40_min_percent"), null,
                        !Shares.below(c.getUnder40(), total, p.decimal("structure.under40_min_percent"))));
            }
            bars.add(bar("band", c.getBand(), total, p.decimal("structure.band_min_percent"), p.decimal("structure.band_max_percent"),
                    !Shares.below(c.getBand(), total, p.decimal("structure.band_min_percent"))
                            && !Shares.above(c.getBand(), total, p.decimal("structure.band_max_percent"))));
            BigDecimal share = r.congress().getMinMinorityShare();
            if (share != null) {
                bars.add(bar("minority", c.getMinority(), total, share.multiply(BigDecimal.valueOf(100)), null,
                        !Shares.belowFraction(c.getMinority(), total, share)));
            }
        }
        int seats = r.congress().getCommitteeSeats();
        ObjectNode size = JsonNodeFactory.instance.objectNode();
        size.put("key", "size");
        size.put("count", total);
        size.put("seats", seats);
        if (r.congress().getListKind() == ListKind.ELECTION_LIST) {
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
        b.put("min", min.stripTrailingZeros());
        if (max != null) {
            b.put("max", max.stripTrailingZeros());
        }
        b.put("ok", ok);
        return b;
    }
}
