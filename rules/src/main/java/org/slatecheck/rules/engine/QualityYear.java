package org.slatecheck.rules.engine;

/**
 * Derived fact: a year the quality rules look at, decided by the QUA classification rules: a year of the outgoing
 * term ({@code OUTGOING}: its first year .. congress year − 1, for QUA-001) or one of the last N years
 * ({@code CONSIDERED}: congress year − N .. congress year − 1, for QUA-002).
 */
public final class QualityYear {
    private final int year;
    private final String kind;

    public QualityYear(int year, String kind) {
        this.year = year;
        this.kind = kind;
    }

    public int getYear() { return year; }
    public String getKind() { return kind; }
}
