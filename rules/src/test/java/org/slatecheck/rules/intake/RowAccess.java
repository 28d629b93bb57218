package org.slatecheck.rules.intake;

import java.time.LocalDate;

/** Test access to the intake's package-private parsers. */
public final class RowAccess {
    private RowAccess() {
    }

    public static LocalDate parseDate(String text) {
        return Row.parseDate(text, true);
    }
}
