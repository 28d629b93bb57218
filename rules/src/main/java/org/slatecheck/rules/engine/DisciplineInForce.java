package org.slatecheck.rules.engine;

import java.time.LocalDate;

import org.slatecheck.rules.model.DisciplineForm;
import org.slatecheck.rules.model.Months;
import org.slatecheck.rules.model.Nominee;

/**
 * Derived fact: a discipline decision still in force on the congress date, i.e. {@code congress_date <
 * discipline_date + period} (calendar months). On the day it lapses it is no longer in force.
 */
public final class DisciplineInForce {
    private final Nominee nominee;
    private final LocalDate lapsesOn;

    public DisciplineInForce(Nominee nominee, LocalDate lapsesOn) {
        this.nominee = nominee;
        this.lapsesOn = lapsesOn;
    }

    /** The day the discipline of {@code nominee} stops counting: decision date plus {@code periodMonths}. */
    public static LocalDate lapsesOn(Nominee nominee, int periodMonths) {
        return Months.plus(nominee.getDisciplineDate(), periodMonths);
    }

    public Nominee getNominee() { return nominee; }
    public DisciplineForm getForm() { return nominee.getDisciplineForm(); }
    public LocalDate getDate() { return nominee.getDisciplineDate(); }
    public LocalDate getLapsesOn() { return lapsesOn; }
}
