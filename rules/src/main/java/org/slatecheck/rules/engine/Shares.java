package org.slatecheck.rules.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact share arithmetic (docs/specification.md section 5): "share ≥ p %" of {@code n} with {@code k} means {@code 100·k ≥ p·n},
 * computed in decimals, never floating point.
 */
public final class Shares {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Shares() {
    }

    /** True when {@code count} of {@code total} is below {@code percent} %. */
    public static boolean below(long count, long total, BigDecimal percent) {
        return HUNDRED.multiply(BigDecimal.valueOf(count)).compareTo(percent.multiply(BigDecimal.valueOf(total))) < 0;
    }

    /** True when {@code count} of {@code total} is above {@code percent} %. */
    public static boolean above(long count, long total, BigDecimal percent) {
        return HUNDRED.multiply(BigDecimal.valueOf(count)).compareTo(percent.multiply(BigDecimal.valueOf(total))) > 0;
    }

    /** The smallest count that reaches {@code percent} % of {@code total}: 15 % of 30 → 5. */
    public static int atLeast(long total, BigDecimal percent) {
        return percent.multiply(BigDecimal.valueOf(total)).divide(HUNDRED, 0, RoundingMode.CEILING).intValueExact();
    }

    /** The largest count that stays within {@code percent} % of {@code total}: 50 % of 25 → 12. */
    public static int atMost(long total, BigDecimal percent) {
        return percent.multiply(BigDecimal.valueOf(total)).divide(HUNDRED, 0, RoundingMode.FLOOR).intValueExact();
    }

    /** True when {@code count} of {@code total} is below the fraction {@code share} (0..1). */
    public static boolean belowFraction(long count, long total, BigDecimal share) {
        return BigDecimal.valueOf(count).compareTo(share.multiply(BigDecimal.valueOf(total))) < 0;
    }

    /** The smallest count that reaches the fraction {@code share} of {@code total}: 0.15 of 20 → 3. */
    public static int atLeastFraction(long total, BigDecimal share) {
        return share.multiply(BigDecimal.valueOf(total)).setScale(0, RoundingMode.CEILING).intValueExact();
    }
}
