package org.slatecheck.rules.model;

import java.time.YearMonth;
import java.util.function.BiFunction;

/**
 * How the retirement month {@code R} follows from the birth month {@code B} (docs/specification.md, section 3):
 * the first month {@code B + age(Y)} whose calendar year is {@code Y}. The ages {@code age(Y)} — by sex and by the
 * year {@code Y} the age is reached — are data of the rule set (the parameters {@code retirement.age_months.M} and
 * {@code .F}, dated by the day the age is reached: Bộ luật Lao động 2012 Điều 187 for 2020-2025; Bộ luật Lao động
 * 2019 Điều 169 with Nghị định 135/2020/NĐ-CP Điều 4 for 2025-2030); only the arithmetic is here.
 */
public final class RetirementSchedule {
    /** The longest retirement age the arithmetic looks for, in years (the search stops after it). */
    private static final int MAX_AGE_YEARS = 75;

    private final BiFunction<Sex, Integer, Integer> ages;
    /** (birth month index × 2 + sex ordinal) → retirement month; null: nothing remembered. */
    private final java.util.Map<Integer, YearMonth> memo;

    /** {@code ages}: the retirement age in months of a person of a sex who reaches it in a calendar year. */
    public RetirementSchedule(BiFunction<Sex, Integer, Integer> ages) {
        this(ages, null);
    }

    private RetirementSchedule(BiFunction<Sex, Integer, Integer> ages, java.util.Map<Integer, YearMonth> memo) {
        this.ages = ages;
        this.memo = memo;
    }

    /**
     * The retirement month: the first month {@code B + age(Y)} whose calendar year is {@code Y}, trying {@code Y}
     * upward from the birth year. For a fixed age this is simply {@code B + age}.
     */
    public YearMonth retirementMonth(Sex sex, YearMonth birth) {
        if (memo != null) {
            int key = Months.index(birth) * 2 + sex.ordinal();
            YearMonth known = memo.get(key);
            if (known != null) {
                return known;
            }
            YearMonth found = search(sex, birth);
            if (memo.size() < MEMO_LIMIT) {
                memo.putIfAbsent(key, found);
            }
            return found;
        }
        return search(sex, birth);
    }

    /**
     * The same schedule, remembering the retirement month of each (sex, birth month) it computed (issue 20: the
     * search asks the ages of up to 75 years, each a dated parameter looked up by name; it was about a quarter of the
     * rules' time, and half of the hand-written baseline's). Only for {@code ages} that are a pure function (the
     * parameters of one rule set are immutable). At most {@value #MEMO_LIMIT} months are remembered; past that
     * they are computed every time. Thread-safe.
     */
    public RetirementSchedule remembering() {
        return new RetirementSchedule(ages, new java.util.concurrent.ConcurrentHashMap<>());
    }

    /** How many (sex, birth month) a {@link #remembering()} schedule keeps: both sexes, 341 years of birth months. */
    private static final int MEMO_LIMIT = 8192;

    private YearMonth search(Sex sex, YearMonth birth) {
        int b = Months.index(birth);
        for (int year = birth.getYear(); year <= birth.getYear() + MAX_AGE_YEARS; year++) {
            Integer age = ages.apply(sex, year);
            if (age == null) {
                throw new IllegalStateException("no retirement age for the year " + year);
            }
            YearMonth candidate = Months.of(b + age);
            if (candidate.getYear() == year) {
                return candidate;
            }
        }
        throw new IllegalStateException("no retirement month found for birth month " + birth);
    }
}
