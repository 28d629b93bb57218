package org.slatecheck.rules.params;

import java.time.LocalDate;

/**
 * One dated entry of a rule-set parameter: the value as written (empty when not set), its parsed Java value (null
 * when not set), the date from which it is in force (null: from the start of the term) and its source text.
 */
public record Parameter(String name, LocalDate from, String value, Object typed, String source) {
    public boolean isSet() {
        return typed != null;
    }
}
