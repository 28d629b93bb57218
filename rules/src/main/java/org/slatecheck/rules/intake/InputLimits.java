package org.slatecheck.rules.intake;

/**
 * Limits on what the intake accepts, each refused as an input error with its line, column and reason (nothing is
 * read into a fact, so nothing is stored that could not be reopened). The defaults are the command line's; the web
 * application sets its own from {@code slatecheck.limits.*} once on start ({@link #use}).
 *
 * @param maxCellChars          characters in one cell (names, organisation, every text field)
 * @param maxIdChars            characters in a congress or nominee id
 * @param maxNomineesPerCongress nominees of one congress (one list), checks and batches alike
 * @param maxRowsPerCheck       nominee rows of one interactive check (command line {@code check}, page, API)
 * @param maxRowsPerBatch       nominee rows of one batch
 */
public record InputLimits(int maxCellChars, int maxIdChars, int maxNomineesPerCongress, int maxRowsPerCheck,
        long maxRowsPerBatch) {
    public static final InputLimits DEFAULTS = new InputLimits(1_000, 100, 2_000, 10_000, 2_000_000);

    private static volatile InputLimits current = DEFAULTS;

    public InputLimits {
        if (maxCellChars < 1 || maxIdChars < 1 || maxNomineesPerCongress < 1 || maxRowsPerCheck < 1
                || maxRowsPerBatch < 1) {
            throw new IllegalArgumentException("input limits must be positive");
        }
    }

    /** The limits in force. */
    public static InputLimits current() {
        return current;
    }

    /** Puts {@code limits} in force for every later read (the web application's settings). */
    public static void use(InputLimits limits) {
        current = java.util.Objects.requireNonNull(limits);
    }
}
