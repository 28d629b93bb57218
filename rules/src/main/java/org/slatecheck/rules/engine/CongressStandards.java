package org.slatecheck.rules.engine;

import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Education;
import org.slatecheck.rules.model.PoliticalTheory;
import org.slatecheck.rules.params.Parameters;

/**
 * Derived fact: the standards of the rule set resolved for this congress's level: minimum political theory and
 * education, committee maximum (rule set first, else the congress's {@code max_committee_seats}), standing-committee
 * range and deputy-secretary number. Null where neither gives a value.
 */
public final class CongressStandards {
    private final PoliticalTheory minimumTheory;
    private final Education minimumEducation;
    private final Integer committeeMax;
    private final String committeeMaxParameter;
    private final Integer standingMin;
    private final Integer standingMax;
    private final Integer deputySecretaries;
    private final boolean under40Applies;

    private CongressStandards(Congress c, Parameters p) {
        minimumTheory = p.minimumTheory(c.getLevel());
        minimumEducation = p.minimumEducation(c.getLevel());
        Integer ruleSetMax = p.committeeMaxSeats(c.getLevel(), c.getMergedUnits());
        committeeMax = ruleSetMax != null ? ruleSetMax : c.getMaxCommitteeSeats();
        committeeMaxParameter = ruleSetMax != null ? p.committeeMaxSeatsParameter(c.getLevel(), c.getMergedUnits())
                : null;
        standingMin = p.standingSeatsMin(c.getLevel());
        standingMax = p.standingSeatsMax(c.getLevel());
        deputySecretaries = p.deputySecretaries(c.getLevel());
        under40Applies = p.getUnder40Levels().contains(c.getLevel());
    }

    public static CongressStandards of(Congress congress, Parameters params) {
        return new CongressStandards(congress, params);
    }

    public PoliticalTheory getMinimumTheory() { return minimumTheory; }
    public Education getMinimumEducation() { return minimumEducation; }
    public Integer getCommitteeMax() { return committeeMax; }
    /** The parameter behind the committee maximum, or null when it came from the congress row. */
    public String getCommitteeMaxParameter() { return committeeMaxParameter; }
    public Integer getStandingMin() { return standingMin; }
    public Integer getStandingMax() { return standingMax; }
    /** True when the rule set gives a standing-committee range (both ends). */
    public boolean hasStandingRange() { return standingMin != null && standingMax != null; }
    public Integer getDeputySecretaries() { return deputySecretaries; }
    public boolean isUnder40Applies() { return under40Applies; }
}
