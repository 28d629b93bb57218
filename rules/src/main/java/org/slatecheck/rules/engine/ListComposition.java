package org.slatecheck.rules.engine;

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
