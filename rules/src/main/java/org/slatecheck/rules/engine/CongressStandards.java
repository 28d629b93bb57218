package org.slatecheck.rules.engine;

import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Education;
import org.slatecheck.rules.model.PoliticalTheory;
import org.slatecheck.rules.params.Parameters;

/**
 * Derived fact: the standards of the rule set resolved for this congress's level: minimum political theory and
 * education, standing-committee range and deputy-secretary number (which committee maximum binds is decided by the
 * NUM classification rules). Null where neither gives a value.
 */
public final class CongressStandards {
    private final PoliticalTheory minimumTheory;
    private final Education minimumEducation;
    private final Integer standingMin;
    private final Integer standingMax;
    private final Integer deputySecretaries;
    private final boolean under40Applies;

    private CongressStandards(Congress c, Parameters p) {
        minimumTheory = p.perLevelCode("theory.min", c.getLevel());
        minimumEducation = p.perLevelCode("education.min", c.getLevel());
        standingMin = p.perLevel("standing.min_seats", c.getLevel());
        standingMax = p.perLevel("standing.max_seats", c.getLevel());
        deputySecretaries = p.perLevel("deputy_secretaries", c.getLevel());
        under40Applies = p.hasCode("structure.under40_levels", c.getLevel());
    }

    public static CongressStandards of(Congress congress, Parameters params) {
        return new CongressStandards(congress, params);
    }

    public PoliticalTheory getMinimumTheory() { return minimumTheory; }
    public Education getMinimumEducation() { return minimumEducation; }
    public Integer getStandingMin() { return standingMin; }
    public Integer getStandingMax() { return standingMax; }
    /** True when the rule set gives a standing-committee range (both ends). */
    public boolean hasStandingRange() { return standingMin != null && standingMax != null; }
    public Integer getDeputySecretaries() { return deputySecretaries; }
    public boolean isUnder40Applies() { return under40Applies; }
}
