package org.slatecheck.rules.model;

/** Sex as written in the list: {@code M}/{@code F}, or {@code Nam}/{@code Nữ}. */
public enum Sex {
    M("nam"), F("nữ");

    private final String vietnamese;

    Sex(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    /** Parses a code or its Vietnamese alias; null when unknown. */
    public static Sex parse(String text) {
        String folded = Code.fold(text);
        for (Sex s : values()) {
            if (s.name().toLowerCase().equals(folded) || s.vietnamese.equals(folded)) {
                return s;
            }
        }
        return null;
    }
}
