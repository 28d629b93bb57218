package org.slatecheck.rules.engine;

import java.time.YearMonth;
import java.util.List;

import org.slatecheck.rules.model.Nominee;
import org.slatecheck.rules.model.Sex;

/**
 * Derived fact: the counts the list rules (docs/specification.md section 6) work on. Shares count all nominees of the congress;
 * ages are whole years at the congress reference month.
 */
public final class ListComposition {
    private final int total;
    private final int women;
    private final int womenStandingOrAbove;
    private final int under40;
    private final int band;
    private final int minority;

    public ListComposition(long total, long women, long womenStandingOrAbove, long under40, long band,
            long minority) {
        this.total = Math.toIntExact(total);
        this.women = Math.toIntExact(women);
        this.womenStandingOrAbove = Math.toIntExact(womenStandingOrAbove);
        this.under40 = Math.toIntExact(under40);
        this.band = Math.toIntExact(band);
        this.minority = Math.toIntExact(minority);
    }

    /**
     * Counts {@code nominees} in one pass (issue 20: before, six accumulates over the inserted nominees):
     * women ({@code sex == F}), women proposed for the standing committee or above, nominees younger than
     * {@code under40Age} and those from {@code bandFromAge} to {@code bandToAge} (both inclusive) in whole years at
     * {@code reference}, and ethnic-minority nominees. The ages are the rule set's parameters, passed by the rule
     * that derives this fact.
     */
    public static ListComposition of(List<Nominee> nominees, YearMonth reference, int under40Age, int bandFromAge,
            int bandToAge) {
        long women = 0;
        long womenSenior = 0;
        long under40 = 0;
        long band = 0;
        long minority = 0;
        for (Nominee n : nominees) {
            if (n.getSex() == Sex.F) {
                women++;
                if (n.isStandingOrAbove()) {
                    womenSenior++;
                }
            }
            int age = n.ageAt(reference);
            if (age < under40Age) {
                under40++;
            }
            if (age >= bandFromAge && age <= bandToAge) {
                band++;
            }
            if (n.isMinority()) {
                minority++;
            }
        }
        return new ListComposition(nominees.size(), women, womenSenior, under40, band, minority);
    }

    /** Nominees on the list. */
    public int getTotal() { return total; }
    public int getWomen() { return women; }
    /** Women proposed for the standing committee or above. */
    public int getWomenStandingOrAbove() { return womenStandingOrAbove; }
    /** Nominees younger than the under-40 age at the reference month. */
    public int getUnder40() { return under40; }
    /** Nominees inside the advisory age band (both ends inclusive). */
    public int getBand() { return band; }
    /** Ethnic-minority nominees (ethnicity given and not Kinh). */
    public int getMinority() { return minority; }
}
