package org.slatecheck.rules.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * An {@code .xlsx} spreadsheet read like a CSV file (RULES.md section 2, version 2): the first sheet, the first
 * non-empty row as header, date cells as dates ({@code YYYY-MM-DD}; {@code YYYY-MM} when the cell's format shows no
 * day), numbers as written without a trailing {@code .0}, formulas by their saved value. Errors name their cell
 * ({@code file:Sheet1!B7: reason}). Read with fastexcel-reader, a streaming reader (chosen by measurement:
 * docs/performance.md, "Spreadsheet intake").
 *
 * <p>A spreadsheet is a zip archive, so it is checked before it is opened: at most {@link #MAX_ENTRIES} entries, no
 * entry larger than {@link #MAX_ENTRY_BYTES} unpacked or unpacking to more than {@link #MAX_RATIO} times its packed
 * size, at most {@link #MAX_TOTAL_BYTES} in all. Such a file (a "zip bomb") is one input error, never an out-of-memory
 * failure; the upload limits of the web application apply before this to the packed size.
 */
public final class XlsxReader {
    /** Entries in the archive (a real workbook has a few dozen). */
    static final int MAX_ENTRIES = 1_000;
    /** Unpacked bytes of one entry: a sheet of 100,000 nominee rows is about 60 MB. */
    static final long MAX_ENTRY_BYTES = 256L << 20;
    /** Unpacked bytes of all entries together. */
    static final long MAX_TOTAL_BYTES = 320L << 20;
    /** Unpacked/packed size of an entry of more than 1 MB (sheets compress about 10 to 30 times). */
    static final long MAX_RATIO = 200;

    private XlsxReader() {
    }

    /** True when {@code content} is a zip archive ({@code PK\3\4}), as every {@code .xlsx} file is. */
    public static boolean isXlsx(byte[] content) {
        return content != null && content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3
                && content[3] == 4;
    }

    /** The spreadsheet letters of 0-based column {@code index}: 0 → A, 25 → Z, 26 → AA. */
    public static String column(int index) {
        StringBuilder b = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            b.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return b.toString();
    }

    /** Reads the first sheet of {@code content} as {@link CsvTable#read} reads CSV text. */
    static CsvTable read(String file, byte[] content, Map<String, String> columns, List<String> required) {
        List<InputError> errors = new ArrayList<>();
        Sheetful sheet = rows(file, content, errors);
        if (sheet == null) {
            return CsvTable.failed(file, errors);
        }
        return CsvTable.build(file, sheet.name(), sheet.records(), columns, required);
    }

    /**
     * The first sheet of {@code content} as UTF-8 CSV text, one line per non-empty row (a batch streams CSV); null
     * after adding the reason to {@code errors} when the workbook cannot be read.
     */
    static byte[] toCsv(String file, byte[] content, List<InputError> errors) {
        Sheetful sheet = rows(file, content, errors);
        if (sheet == null) {
            return null;
        }
        java.io.StringWriter out = new java.io.StringWriter();
        try (org.apache.commons.csv.CSVPrinter p = new org.apache.commons.csv.CSVPrinter(out,
                org.apache.commons.csv.CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            // A sheet leaves out a row's empty trailing cells: each row is padded to the header's width (the first
            // non-empty row), so the CSV has the shape a spreadsheet saved as CSV has.
            int width = 0;
            for (CsvTable.Raw r : sheet.records()) {
                if (r.cells().stream().anyMatch(c -> c != null && !c.isBlank())) {
                    width = r.cells().size();
                    break;
                }
            }
            for (CsvTable.Raw r : sheet.records()) {
                List<String> cells = new ArrayList<>(r.cells());
                if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                    continue;
                }
                while (cells.size() < width) {
                    cells.add("");
                }
                p.printRecord(cells);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A sheet's name and rows. */
    private record Sheetful(String name, List<CsvTable.Raw> records) {
    }

    private static Sheetful rows(String file, byte[] content, List<InputError> errors) {
        String bomb = unsafe(content);
        if (bomb != null) {
            errors.add(InputError.of(file, 1, "-", bomb, MAX_TOTAL_BYTES >> 20));
            return null;
        }
        List<CsvTable.Raw> records = new ArrayList<>();
        String sheetName;
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content),
                new ReadingOptions(true, false))) {
            Sheet sheet = workbook.getFirstSheet();
            sheetName = sheet.getName();
            try (Stream<org.dhatim.fastexcel.reader.Row> rows = sheet.openStream()) {
                for (var it = rows.iterator(); it.hasNext();) {
                    org.dhatim.fastexcel.reader.Row r = it.next();
                    List<String> cells = new ArrayList<>(r.getCellCount());
                    for (int i = 0; i < r.getCellCount(); i++) {
                        cells.add(text(r.getCell(i)));
                    }
                    records.add(new CsvTable.Raw(r.getRowNum(), cells));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not a workbook (another zip file, a damaged or encrypted one): one error, no stack trace to the user.
            errors.add(InputError.of(file, 1, "-", "xlsx_unreadable"));
            return null;
        }
        return new Sheetful(sheetName, records);
    }

    /** A cell as CSV text. */
    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> number(cell);
            case BOOLEAN -> "1".equals(cell.getRawValue()) || "true".equalsIgnoreCase(cell.getRawValue()) ? "true"
                    : "false";
            case FORMULA -> formula(cell);
            case STRING -> cell.asString() == null ? "" : cell.asString();
            case ERROR -> cell.getRawValue() == null ? "#ERROR" : cell.getRawValue();
            default -> cell.getRawValue() == null ? "" : cell.getRawValue();
        };
    }

    private static String formula(Cell cell) {
        String raw = cell.getRawValue();
        if (raw == null) {
            return "";
        }
        try {
            new BigDecimal(raw);
            return number(cell);
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    private static String number(Cell cell) {
        String raw = cell.getRawValue();
        if (raw == null || raw.isBlank()) {
            return "";
        }
        BigDecimal value;
        try {
            value = new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            return raw;
        }
        if (isDateFormat(cell.getDataFormatId(), cell.getDataFormatString())) {
            LocalDate date = date(value);
            if (date != null) {
                String format = cell.getDataFormatString();
                boolean noDay = format != null && !shown(format).contains("d")
                        && !(cell.getDataFormatId() != null && builtInDate(cell.getDataFormatId()));
                return noDay ? date.toString().substring(0, 7) : date.toString();
            }
        }
        BigDecimal plain = value.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
    }

    /** The day of an Excel serial date (1900 system, 60 being the phantom 29 February 1900); null when none. */
    static LocalDate date(BigDecimal serial) {
        long days = serial.longValue();
        if (days < 1 || days > 2_958_465) {
            return null;
        }
        LocalDateTime epoch = LocalDateTime.of(1899, 12, 31, 0, 0);
        return epoch.plusDays(days > 59 ? days - 1 : days).toLocalDate();
    }

    private static boolean builtInDate(int id) {
        return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
    }

    /**
     * True when the number format shows a date: a built-in date format, or a custom one with day, month or year
     * placeholders outside quoted text, escapes and brackets (colours, locales, elapsed time).
     */
    static boolean isDateFormat(Integer id, String format) {
        if (id != null && builtInDate(id)) {
            return true;
        }
        if (format == null) {
            return false;
        }
        String shown = shown(format);
        return shown.contains("d") || shown.contains("y") || (shown.contains("m") && !shown.contains("h")
                && !shown.contains("s"));
    }

    /** The placeholders of {@code format} (first section), lower case, without quoted text, escapes, brackets. */
    private static String shown(String format) {
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        boolean bracket = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (quoted) {
                continue;
            } else if (c == '[') {
                bracket = true;
            } else if (c == ']') {
                bracket = false;
            } else if (bracket) {
                continue;
            } else if (c == '\\' || c == '_' || c == '*') {
                i++;
            } else if (c == ';') {
                break;
            } else {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    /**
     * The error key when the archive is too large unpacked (a zip bomb), or null. Reads the entries once without
     * keeping them: counting what they unpack to is the only trustworthy size (the sizes a zip declares can lie).
     */
    static String unsafe(byte[] content) {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[1 << 16];
        // The central directory (commons-compress): java.util.zip.ZipInputStream refuses the Zip64 local headers that
        // some writers (POI's streaming writer among them) produce.
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            for (var it = zip.getEntries(); it.hasMoreElements();) {
                ZipArchiveEntry entry = it.nextElement();
                if (++entries > MAX_ENTRIES) {
                    return "xlsx_too_large";
                }
                long size = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        size += n;
                        total += n;
                        if (size > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) {
                            return "xlsx_too_large";
                        }
                    }
                }
                long packed = entry.getCompressedSize();
                if (size > (1 << 20) && packed > 0 && size / packed > MAX_RATIO) {
                    return "xlsx_too_large";
                }
            }
        } catch (IOException | RuntimeException e) {
            return "xlsx_unreadable";
        }
        return entries == 0 ? "xlsx_unreadable" : null;
    }
}
