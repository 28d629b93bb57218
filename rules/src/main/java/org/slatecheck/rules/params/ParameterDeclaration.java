package org.slatecheck.rules.params;

import java.math.BigDecimal;

/**
 * A parameter as the release declares it once for every term ({@code data/parameters.csv}): its type (for a code
 * type, the code set), range, unit, labels in Vietnamese and English, whether it is a board parameter (set by the
 * organisation board; a shipped value is only a default) or central, and what its dated values are keyed by: the
 * congress date ({@code congress}, the usual case) or the date a person reaches the age ({@code age_reached}: the
 * retirement ages of Nghị định 135/2020/NĐ-CP, by the year the age is reached).
 */
public record ParameterDeclaration(String name, ParameterType type, BigDecimal min, BigDecimal max, String unit,
        boolean boardParameter, String labelVi, String labelEn, String datedBy) {
    public static final String BY_CONGRESS = "congress";
    public static final String BY_AGE_REACHED = "age_reached";

    /** The label in {@code language} ({@code vi} or {@code en}). */
    public String label(String language) {
        return "en".equals(language) ? labelEn : labelVi;
    }

    /** True when its values are keyed by the date a person reaches the age, not by the congress date. */
    public boolean byAgeReached() {
        return BY_AGE_REACHED.equals(datedBy);
    }
}
