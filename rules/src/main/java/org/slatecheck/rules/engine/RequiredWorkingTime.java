package org.slatecheck.rules.engine;

import org.slatecheck.rules.model.Nominee;

/**
 * Derived fact: the minimum remaining working months that applies to a nominee (first time, re-election,
 * provincial deputy secretary, inspection commission), decided by the AGE classification rules, with the parameter
 * it comes from (a finding resting on it cites that parameter's citation).
 */
public final class RequiredWorkingTime {
    private final Nominee nominee;
    private final int months;
    private final String parameter;

    public RequiredWorkingTime(Nominee nominee, int months, String parameter) {
        this.nominee = nominee;
        this.months = months;
        this.parameter = parameter;
    }

    public Nominee getNominee() { return nominee; }
    public int getMonths() { return months; }
    public String getParameter() { return parameter; }
}
