package org.slatecheck.rules.model;

import java.time.YearMonth;

/**
 * How the retirement month {@code R} follows from the birth month {@code B} (RULES.md section 3).
 */
public enum RetirementSchedule {
    /** Bộ luật Lao động 2012: men at 60 years, women at 55 years. */
    LABOR_CODE_2012 {
        @Override
        int ageInMonths(Sex sex, int calendarYear) {
            return sex == Sex.M ? 720 : 660;
        }
    },
    /**
     * Bộ luật Lao động 2019 Điều 169; Nghị định 135/2020/NĐ-CP Điều 4: men 60 y before 2021, then 60 y 3 m in 2021
     * rising 3 months a year to 62 y from 2028; women 55 y before 2021, then 55 y 4 m in 2021 rising 4 months a year
     * to 60 y from 2035.
     */
    DECREE_135 {
        @Override
        int ageInMonths(Sex sex, int calendarYear) {
            if (sex == Sex.M) {
                return calendarYear < 2021 ? 720 : Math.min(744, 723 + 3 * (calendarYear - 2021));
            }
            return calendarYear < 2021 ? 660 : Math.min(720, 664 + 4 * (calendarYear - 2021));
        }
    };

    /** Retirement age, in months, of a person of {@code sex} who reaches it in {@code calendarYear}. */
    abstract int ageInMonths(Sex sex, int calendarYear);

    /**
     * The retirement month: the first month {@code B + age(Y)} whose calendar year is {@code Y}, trying {@code Y}
     * upward from the birth year. For the fixed-age schedule this is simply {@code B + age}.
     */
    public YearMonth retirementMonth(Sex sex, YearMonth birth) {
        int b = Months.index(birth);
        // The age never exceeds 62 years, so a match exists within 63 calendar years of the birth year.
        for (int year = birth.getYear(); year <= birth.getYear() + 63; year++) {
            YearMonth candidate = Months.of(b + ageInMonths(sex, year));
            if (candidate.getYear() == year) {
                return candidate;
            }
        }
        throw new IllegalStateException("no retirement month found for birth month " + birth);
    }
}
