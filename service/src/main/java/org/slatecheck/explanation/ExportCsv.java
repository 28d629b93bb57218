package org.slatecheck.explanation;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one way SlateCheck writes a CSV file for people to open (check report, command line {@code --format csv},
 * batch summary and organisations, impact analysis): every cell goes through {@link #cell}, so a spreadsheet never
 * reads a cell as a formula (CSV/formula injection). A cell whose text starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return gets a leading {@code '}; a cell that is a plain number ({@code -12},
 * {@code 0.25}) stays as it is, since a spreadsheet reads it as that number and nothing else. The intake's own
 * CSV (form and JSON rows turned into the files the intake reads) is input, not an export, and is not changed.
 */
public final class ExportCsv implements Closeable {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private final CSVPrinter printer;

    private ExportCsv(Appendable out) throws IOException {
        this.printer = new CSVPrinter(out, FORMAT);
    }

    /** A printer writing to {@code out}. */
    public static ExportCsv to(Appendable out) throws IOException {
        return new ExportCsv(out);
    }

    /** One record, every cell neutralised. */
    public void record(Object... cells) throws IOException {
        record(java.util.Arrays.asList(cells));
    }

    /** One record, every cell neutralised. */
    public void record(Iterable<?> cells) throws IOException {
        List<String> safe = new ArrayList<>();
        for (Object c : cells) {
            safe.add(cell(c));
        }
        printer.printRecord(safe);
    }

    /** The text of {@code value} as a spreadsheet may show it: null is empty, formula-like text gets a {@code '}. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        if (!risky || PLAIN_NUMBER.matcher(s).matches()) {
            return s;
        }
        return "'" + s;
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
