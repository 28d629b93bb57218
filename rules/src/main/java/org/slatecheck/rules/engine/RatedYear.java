package org.slatecheck.rules.engine;

import org.slatecheck.rules.model.Nominee;

/**
 * Derived fact: a nominee's year that a quality rule reports — {@code FAILED_OUTGOING} (rated KHTNV in the outgoing
 * term, QUA-001) or {@code SHORTFALL} (missing or below the minimum in the last N years and not already reported by
 * QUA-001, QUA-002).
 */
public final class RatedYear {
    private final Nominee nominee;
    private final int year;
    private final String kind;

    public RatedYear(Nominee nominee, int year, String kind) {
        this.nominee = nominee;
        this.year = year;
        this.kind = kind;
    }

    public Nominee getNominee() { return nominee; }
    public int getYear() { return year; }
    public String getKind() { return kind; }
}
