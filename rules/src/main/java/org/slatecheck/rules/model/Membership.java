package org.slatecheck.rules.model;

/** Party membership status: official (chính thức) or probationary (dự bị). */
public enum Membership {
    OFFICIAL("chính thức"), PROBATIONARY("dự bị");

    private final String vietnamese;

    Membership(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    /** Parses a code or its Vietnamese alias; null when unknown. */
    public static Membership parse(String text) {
        String folded = Code.fold(text);
        for (Membership m : values()) {
            if (m.name().toLowerCase().equals(folded) || m.vietnamese.equals(folded)) {
                return m;
            }
        }
        return null;
    }
}
