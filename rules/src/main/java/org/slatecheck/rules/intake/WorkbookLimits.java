package org.slatecheck.rules.intake;

/**
 * What one {@code .xlsx} workbook may expand to (issue 17 item 4), derived from the {@link InputLimits} of what it
 * is read for: one check (the whole sheet is read into a table) or one batch (the sheet is streamed to CSV). Checked
 * by {@link WorkbookGuard} before the reader opens the workbook, and while its rows are read ({@link XlsxReader});
 * each limit exceeded is one input error in words, never an out-of-memory failure. docs/decisions.md, "Workbook
 * limits", has the figures and why.
 *
 * @param maxRows              data rows (non-empty rows after the header) of the first sheet
 * @param rowsKey              the message key of the row-limit error ({0} = {@code maxRows})
 * @param maxUnpackedBytes     bytes of all parts of the archive unpacked together
 * @param maxSharedStrings     entries of the shared-strings table (which the reader keeps in memory)
 * @param maxSharedStringBytes bytes of the shared-strings entries ({@code <si>…</si>}, markup included)
 * @param maxTableBytes        estimated memory of the cells read into a table (a check's, a congresses file's);
 *                             2 bytes a character and 40 a cell
 */
public record WorkbookLimits(long maxRows, String rowsKey, long maxUnpackedBytes, long maxSharedStrings,
        long maxSharedStringBytes, long maxTableBytes) {
    /** Bytes of a mebibyte. */
    static final long MB = 1L << 20;
    /** Unpacked bytes allowed a batch row (a nominees sheet of 28 columns written with inline text: 1,460 bytes). */
    static final long BATCH_BYTES_PER_ROW = 2_000;

    /**
     * One check: every row of the limit with every nominee column at the longest cell ({@code rows × columns × cell
     * characters}: 10,000 × 28 × 1,000 = 280 MB) unpacked in all — no file within the limits is larger; a shared
     * text for each such cell (280,000) and 16 MB of them; 64 MB of cells in memory.
     */
    public static WorkbookLimits check(InputLimits limits) {
        long cells = (long) limits.maxRowsPerCheck() * Columns.NOMINEE.size();
        return new WorkbookLimits(limits.maxRowsPerCheck(), "too_many_check_rows",
                Math.max(16 * MB, cells * limits.maxCellChars()), Math.max(65_536, cells), 16 * MB, 64 * MB);
    }

    /**
     * One batch (the sheet streams, so its size costs time, not memory): 2,000 bytes a row unpacked (2,000,000 rows:
     * 4 GB); one shared text a row and 64 MB of them (the shared-strings table is the reader's only whole-file
     * memory: a bigger batch is saved as CSV UTF-8, which streams without it); 64 MB of cells in memory for the
     * congresses file.
     */
    public static WorkbookLimits batch(InputLimits limits) {
        return new WorkbookLimits(limits.maxRowsPerBatch(), "too_many_batch_rows",
                Math.max(16 * MB, limits.maxRowsPerBatch() * BATCH_BYTES_PER_ROW),
                Math.max(65_536, limits.maxRowsPerBatch()), 64 * MB, 64 * MB);
    }

    /** {@code bytes} in whole megabytes, rounded up, as messages say them. */
    static long mb(long bytes) {
        return (bytes + MB - 1) / MB;
    }
}
