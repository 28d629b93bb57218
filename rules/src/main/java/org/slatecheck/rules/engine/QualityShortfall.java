package org.slatecheck.rules.engine;

import java.util.List;

/** The years QUA-002 reports for one nominee (missing or below the minimum rating), ascending. */
public final class QualityShortfall {
    private final List<Integer> years;

    public QualityShortfall(List<Integer> years) {
        this.years = years;
    }

    public List<Integer> getYears() {
        return years;
    }
}
