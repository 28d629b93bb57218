package org.slatecheck.rules.model;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Month arithmetic of docs/specification.md section 4: absolute month numbers {@code m(Y, M) = 12·Y + (M − 1)}, and calendar
 * addition of months to dates (same day, clamped to the month's last day).
 */
public final class Months {
    private Months() {
    }

    /** The absolute month number of {@code month}. */
    public static int index(YearMonth month) {
        return 12 * month.getYear() + (month.getMonthValue() - 1);
    }

    /** The month whose absolute number is {@code index}. */
    public static YearMonth of(int index) {
        return YearMonth.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
    }

    /** Months from {@code from} to {@code to} ({@code to − from}); negative when {@code to} is earlier. */
    public static int between(YearMonth from, YearMonth to) {
        return index(to) - index(from);
    }

    /** Whole years from {@code birth} to {@code reference}: {@code floor((C − B) / 12)}. */
    public static int ageInYears(YearMonth birth, YearMonth reference) {
        return Math.floorDiv(between(birth, reference), 12);
    }

    /** Calendar addition: 31/01/2025 + 1 month = 28/02/2025 ({@link LocalDate#plusMonths} clamps the day). */
    public static LocalDate plus(LocalDate date, int months) {
        return date.plusMonths(months);
    }
}
