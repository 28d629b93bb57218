package org.slatecheck.rules.params;

/**
 * One rule-set parameter as written in its data file: the value (empty when not set), whether it is a board
 * parameter (set by the organisation board, the shipped value only a default) and its source text.
 */
public record Parameter(String name, String value, boolean boardParameter, String source) {
    public boolean isSet() {
        return value != null && !value.isBlank();
    }
}
