package org.slatecheck.rules.params;

import java.math.BigDecimal;

/**
 * What a term's parameter file declares about a parameter: its type, range, unit, labels in Vietnamese and English,
 * and whether it is a board parameter (set by the organisation board; the shipped value is only a default).
 */
public record ParameterDeclaration(String name, ParameterType type, BigDecimal min, BigDecimal max, String unit,
        boolean boardParameter, String labelVi, String labelEn) {

    /** The label in {@code language} ({@code vi} or {@code en}). */
    public String label(String language) {
        return "en".equals(language) ? labelEn : labelVi;
    }
}
