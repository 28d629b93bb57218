package org.slatecheck.rules.engine;

import java.time.YearMonth;

import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Months;
import org.slatecheck.rules.model.Nominee;
import org.slatecheck.rules.params.Parameters;

/**
 * Derived fact: a nominee's birth month {@code B}, retirement month {@code R}, the congress reference month
 * {@code C}, remaining working months {@code W = R − C}, age in whole years at {@code C}, and the minimum remaining
 * months that applies to this nominee (with the parameter it comes from).
 */
public final class WorkingTime {
    private final Nominee nominee;
    private final YearMonth birthMonth;
    private final YearMonth retirementMonth;
    private final YearMonth referenceMonth;
    private final int remainingMonths;
    private final int ageYears;
    private final int requiredMonths;
    private final String requiredParameter;

    private WorkingTime(Nominee nominee, YearMonth birthMonth, YearMonth retirementMonth, YearMonth referenceMonth,
            int requiredMonths, String requiredParameter) {
        this.nominee = nominee;
        this.birthMonth = birthMonth;
        this.retirementMonth = retirementMonth;
        this.referenceMonth = referenceMonth;
        this.remainingMonths = Months.between(referenceMonth, retirementMonth);
        this.ageYears = Months.ageInYears(birthMonth, referenceMonth);
        this.requiredMonths = requiredMonths;
        this.requiredParameter = requiredParameter;
    }

    /** Computes the working time of {@code nominee} at {@code congress} under {@code params}. */
    public static WorkingTime of(Nominee nominee, Congress congress, Parameters params) {
        YearMonth birth = nominee.getBirthMonth();
        YearMonth retirement = nominee.getRetirementMonthOverride() != null ? nominee.getRetirementMonthOverride()
                : params.getRetirementSchedule().retirementMonth(nominee.getSex(), birth);
        String parameter = params.requiredMonthsParameter(congress.getLevel(), congress.getListKind(), nominee);
        return new WorkingTime(nominee, birth, retirement, congress.getReferenceMonth(),
                params.monthsParameter(parameter), parameter);
    }

    public Nominee getNominee() { return nominee; }
    public YearMonth getBirthMonth() { return birthMonth; }
    public YearMonth getRetirementMonth() { return retirementMonth; }
    public YearMonth getReferenceMonth() { return referenceMonth; }
    public int getRemainingMonths() { return remainingMonths; }
    public int getAgeYears() { return ageYears; }
    public int getRequiredMonths() { return requiredMonths; }
    public String getRequiredParameter() { return requiredParameter; }

    /** {@code R ≤ C}: already at retirement age at the reference month. */
    public boolean isRetired() {
        return remainingMonths <= 0;
    }
}
