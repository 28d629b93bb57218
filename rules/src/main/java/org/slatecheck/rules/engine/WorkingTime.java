package org.slatecheck.rules.engine;

import java.time.YearMonth;

import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Months;
import org.slatecheck.rules.model.Nominee;
import org.slatecheck.rules.model.RetirementSchedule;
import org.slatecheck.rules.params.Parameters;

/**
 * Derived fact: a nominee's birth month {@code B}, retirement month {@code R}, the congress reference month
 * {@code C}, remaining working months {@code W = R − C} and age in whole years at {@code C}. Which minimum applies is
 * decided by the AGE classification rules ({@link RequiredWorkingTime}).
 */
public final class WorkingTime {
    private final Nominee nominee;
    private final YearMonth birthMonth;
    private final YearMonth retirementMonth;
    private final YearMonth referenceMonth;
    private final int remainingMonths;
    private final int ageYears;

    private WorkingTime(Nominee nominee, YearMonth birthMonth, YearMonth retirementMonth, YearMonth referenceMonth) {
        this.nominee = nominee;
        this.birthMonth = birthMonth;
        this.retirementMonth = retirementMonth;
        this.referenceMonth = referenceMonth;
        this.remainingMonths = Months.between(referenceMonth, retirementMonth);
        this.ageYears = Months.ageInYears(birthMonth, referenceMonth);
    }

    /** Computes the working time of {@code nominee} at {@code congress} under {@code params}. */
    public static WorkingTime of(Nominee nominee, Congress congress, Parameters params) {
        YearMonth birth = nominee.getBirthMonth();
        YearMonth retirement = nominee.getRetirementMonthOverride() != null ? nominee.getRetirementMonthOverride()
                : schedule(params).retirementMonth(nominee.getSex(), birth);
        return new WorkingTime(nominee, birth, retirement, congress.getReferenceMonth());
    }

    /**
     * The retirement schedule of {@code params}: the ages {@code retirement.age_months.M} / {@code .F} in force on
     * 1 January of the year the age is reached (their values are dated by that year, not by the congress date).
     */
    public static RetirementSchedule schedule(Parameters params) {
        if (!REMEMBER) {
            return fresh(params.file());
        }
        return params.file().derived(RetirementSchedule.class, file -> fresh(file).remembering());
    }

    /**
     * The schedule read from the parameter file: the ages depend on the file alone (dated by the year the age is
     * reached, not by the congress date), so one remembering schedule serves every list of a rule set (issue 20).
     * {@code -Dslatecheck.retirementCache=false} asks the file for every nominee as before (for measurements).
     */
    private static RetirementSchedule fresh(org.slatecheck.rules.params.RuleSetParameters file) {
        return new RetirementSchedule((sex, year) -> (Integer) file.valueOn(AGE_MONTHS + sex.name(),
                java.time.LocalDate.of(year, 1, 1)));
    }

    private static final boolean REMEMBER = !"false".equals(System.getProperty("slatecheck.retirementCache"));

    /** The retirement age parameters' common prefix (then {@code M} or {@code F}). */
    public static final String AGE_MONTHS = "retirement.age_months.";

    public Nominee getNominee() { return nominee; }
    public YearMonth getBirthMonth() { return birthMonth; }
    public YearMonth getRetirementMonth() { return retirementMonth; }
    public YearMonth getReferenceMonth() { return referenceMonth; }
    public int getRemainingMonths() { return remainingMonths; }
    public int getAgeYears() { return ageYears; }

    /** {@code R ≤ C}: already at retirement age at the reference month. */
    public boolean isRetired() {
        return remainingMonths <= 0;
    }
}
