package org.slatecheck.rules.intake;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.slatecheck.rules.model.Code;

/**
 * One data row: raw cells by canonical column name, and typed readers that record an {@link InputError} (line,
 * column as the file writes it, reason) instead of throwing. A reader returns null for an empty or bad cell; the
 * caller checks {@link #hasErrors()} before building a fact, so a half-read row never becomes one.
 */
public final class Row {
    /** Years accepted in dates: catches typos such as 0967 or 19677. */
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2100;


    private final String file;
    private final long line;
    private final Map<String, String> values;
    private final Map<String, String> written;
    private final String sheet;
    private final Map<String, Integer> index;
    private final List<InputError> errors = new ArrayList<>();
    /** Columns whose cell is longer than the limits allow: read as empty, with their error already recorded. */
    private final Set<String> oversize = new java.util.HashSet<>();

    /**
     * @param values  raw cell text by canonical column name
     * @param written how the file's header writes each canonical column (for error messages)
     */
    public Row(String file, long line, Map<String, String> values, Map<String, String> written) {
        this(file, line, values, written, null, Map.of());
    }

    /**
     * A spreadsheet row when {@code sheet} is not null: errors then name their cell ({@code Sheet1!B7}) from the
     * 0-based column positions in {@code index}.
     */
    public Row(String file, long line, Map<String, String> values, Map<String, String> written, String sheet,
            Map<String, Integer> index) {
        this.file = file;
        this.line = line;
        this.values = values;
        this.written = written;
        this.sheet = sheet;
        this.index = index;
        InputLimits limits = InputLimits.current();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String v = e.getValue();
            if (v == null) {
                continue;
            }
            boolean id = e.getKey().equals("congress_id") || e.getKey().equals("nominee_id");
            if (v.length() > limits.maxCellChars()) {
                oversize.add(e.getKey());
                error(e.getKey(), "cell_too_long", v.length(), limits.maxCellChars());
            } else if (id && v.strip().length() > limits.maxIdChars()) {
                oversize.add(e.getKey());
                error(e.getKey(), "id_too_long", v.strip().length(), limits.maxIdChars());
            }
        }
    }

    public String file() { return file; }
    public long line() { return line; }
    public List<InputError> errors() { return Collections.unmodifiableList(errors); }
    public boolean hasErrors() { return !errors.isEmpty(); }

    /** The name the file's header gives {@code column}. */
    public String columnName(String column) {
        return written.getOrDefault(column, column);
    }

    /** True when the file has {@code column} (an empty cell counts; an absent column does not). */
    public boolean hasColumn(String column) {
        return written.containsKey(column);
    }

    /**
     * The last day a date cell may denote: the date itself when it is full, the last day of its month or year when
     * only those are given (docs/specification.md section 4: partial dates never favour the nominee); null when empty or invalid
     * (the error is recorded by {@link #date}).
     */
    public LocalDate lastDay(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        LocalDate first = parseDate(v, true);
        if (first == null) {
            return null;
        }
        if (Shape.of(v).fullDate()) {
            return first;
        }
        return parseMonth(v) != null ? YearMonth.from(first).atEndOfMonth() : first.withDayOfYear(first.lengthOfYear());
    }

    /** True when an error was already recorded on {@code column}. */
    public boolean hasErrorOn(String column) {
        String name = written.getOrDefault(column, column);
        return errors.stream().anyMatch(e -> e.column().equals(name));
    }

    /** Records an error on {@code column} of this row. */
    public void error(String column, String key, Object... args) {
        String name = written.getOrDefault(column, column);
        Integer at = index.get(column);
        errors.add(sheet == null ? InputError.of(file, line, name, key, args)
                : InputError.at(file, sheet + "!" + (at == null ? "" : XlsxReader.column(at)) + line, line, name, key,
                        args));
    }

    /** The largest count any cell may give (seats, terms, complaints, rating entries): docs/specification.md section 2. */
    public static final int MAX_COUNT = 10_000;

    /**
     * Records an error when {@code column}'s text holds a control character: NUL, a C0 control other than tab, DEL,
     * a C1 control, or a bidirectional override or isolate (U+202A–202E, U+2066–2069), which can make an id or a
     * name display as another. Returns false then.
     */
    public boolean plainText(String column) {
        String v = values.get(column);
        if (v == null || oversize.contains(column)) {
            return true;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)
                    || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
            if (control) {
                error(column, "control_character", String.format("U+%04X", (int) c), i + 1);
                return false;
            }
        }
        return true;
    }

    /** The trimmed text of {@code column}, or null when empty or absent. */
    public String text(String column) {
        String v = values.get(column);
        if (v == null || v.isBlank() || oversize.contains(column)) {
            return null;
        }
        return v.strip();
    }

    /** Like {@link #text} but an empty cell is an error. */
    public String required(String column) {
        String v = text(column);
        if (v == null && !oversize.contains(column)) {
            error(column, "required");
        }
        return v;
    }

    /** A code read by {@code parser} (null when unknown); {@code allowed} is shown when it is not one. */
    public <T> T code(String column, boolean required, Function<String, T> parser, String allowed) {
        String v = required ? required(column) : text(column);
        if (v == null) {
            return null;
        }
        T parsed = parser.apply(v);
        if (parsed == null) {
            error(column, "code", v, allowed);
        }
        return parsed;
    }

    /**
     * An enum constant matched after trimming, NFC and case folding, or by its Vietnamese name ({@link CodeNames}:
     * "Cao cấp", "Khiển trách", "đạt"…).
     */
    public <E extends Enum<E>> E enumCode(String column, boolean required, Class<E> type) {
        return code(column, required, s -> CodeNames.parse(type, s), allowed(type));
    }

    /**
     * What an error message lists as the values {@code type} takes: the name of its code set ({@link #CODE_SET}
     * {@code post}), which {@link InputError#reason} tells in the reader's language — the Vietnamese names the
     * template's drop-downs offer, or the codes in English —; the constants ({@code NONE, SO_CAP, …}) for a type
     * without a code set.
     */
    public static String allowed(Class<? extends Enum<?>> type) {
        return ALLOWED_TEXT.get(type);
    }

    /** {@link #allowed}, built once per type rather than for every cell read (issue 20). */
    private static final ClassValue<String> ALLOWED_TEXT = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            ColumnGuide.CodeSet set = CODE_SETS.get(type);
            return set != null ? codeSet(set, ALLOWED.get(type)) : ALLOWED.get(type);
        }
    };

    /** The allowed values of a yes/no cell, built once (not per cell). */
    private static final class YesNo {
        static final String ALLOWED = codeSet(ColumnGuide.YES_NO, "true, false, có, không");
    }

    /**
     * Marks an error argument as a code set to be listed in the reader's language ({@code codes:post}); only the
     * application writes it (as the list of allowed values, never a cell's text).
     */
    static final String CODE_SET = "codes:";

    /** {@code codes:KEY|ENGLISH}: the code set, and what English lists (the codes, as English has always read). */
    static String codeSet(ColumnGuide.CodeSet set, String english) {
        return CODE_SET + set.key() + "|" + english;
    }

    /** The code set of each code type a file's cell takes (the template's drop-down of its column). */
    private static final Map<Class<?>, ColumnGuide.CodeSet> CODE_SETS = Map.of(
            org.slatecheck.rules.model.Level.class, ColumnGuide.LEVEL,
            org.slatecheck.rules.model.ListKind.class, ColumnGuide.LIST_KIND,
            org.slatecheck.rules.model.Sex.class, ColumnGuide.SEX,
            org.slatecheck.rules.model.Membership.class, ColumnGuide.MEMBERSHIP,
            org.slatecheck.rules.model.Post.class, ColumnGuide.POST,
            org.slatecheck.rules.model.PoliticalTheory.class, ColumnGuide.THEORY,
            org.slatecheck.rules.model.Education.class, ColumnGuide.EDUCATION,
            org.slatecheck.rules.model.DisciplineForm.class, ColumnGuide.DISCIPLINE,
            org.slatecheck.rules.model.Conclusion.class, ColumnGuide.CONCLUSION,
            org.slatecheck.rules.model.Rating.class, ColumnGuide.RATING);

    private static final ClassValue<String> ALLOWED = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            StringBuilder b = new StringBuilder();
            for (Object e : type.getEnumConstants()) {
                b.append(b.length() == 0 ? "" : ", ").append(((Enum<?>) e).name());
            }
            return b.toString();
        }
    };

    /** {@code true/false} or {@code có/không} (and the other forms of {@link CodeNames#bool}), in any case. */
    public Boolean bool(String column, boolean required) {
        return code(column, required, CodeNames::bool, YesNo.ALLOWED);
    }

    static Boolean parseBoolean(String text) {
        return CodeNames.bool(text);
    }

    /** A whole number ≥ {@code min}. */
    public Integer integer(String column, boolean required, int min) {
        String v = required ? required(column) : text(column);
        if (v == null) {
            return null;
        }
        if (!Shape.isInteger(v) || Integer.parseInt(v.replace("+", "")) < min) {
            error(column, "integer", v, min);
            return null;
        }
        if (Integer.parseInt(v.replace("+", "")) > MAX_COUNT) {
            error(column, "count_too_large", v, MAX_COUNT);
            return null;
        }
        return Integer.parseInt(v.replace("+", ""));
    }

    /**
     * A decimal from 0 to 1, with {@code .} or {@code ,} as the decimal mark, or a percentage up to {@code 100%}
     * ({@code 8%} = 0.08); exact (no floating point).
     */
    public BigDecimal share(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        String t = v.endsWith("%") ? v.substring(0, v.length() - 1).strip() : null;
        if (t != null && Shape.isDecimal(t)) {
            // 8% is 0.08: a share written as Excel shows a percentage cell, or as a person writes it (docs/specification.md section 2).
            BigDecimal d = new BigDecimal(t.replace(',', '.')).movePointLeft(2);
            if (d.compareTo(BigDecimal.ONE) <= 0) {
                return d;
            }
        } else if (Shape.isDecimal(v)) {
            BigDecimal d = new BigDecimal(v.replace(',', '.'));
            if (d.compareTo(BigDecimal.ONE) <= 0) {
                return d;
            }
        }
        error(column, "share", v);
        return null;
    }

    /**
     * A date in any of the formats of docs/specification.md section 2.2: {@code YYYY-MM-DD}, {@code DD/MM/YYYY}, {@code YYYY-MM},
     * {@code MM/YYYY} or {@code YYYY}; a month or year alone means its first day.
     */
    public LocalDate date(String column, boolean required) {
        String v = required ? required(column) : text(column);
        if (v == null) {
            return null;
        }
        LocalDate d = parseDate(v, true);
        if (d == null) {
            error(column, "date", v, MIN_YEAR, MAX_YEAR);
        }
        return d;
    }

    /** A full date: {@code YYYY-MM-DD} or {@code DD/MM/YYYY}. */
    public LocalDate fullDate(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        LocalDate d = parseDate(v, false);
        if (d == null) {
            error(column, "full_date", v);
        }
        return d;
    }

    /** A month: {@code YYYY-MM} (or {@code MM/YYYY}). */
    public YearMonth month(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        YearMonth m = parseMonth(v);
        if (m == null) {
            error(column, "month", v);
        }
        return m;
    }

    static LocalDate parseDate(String v, boolean partial) {
        try {
            Shape d = Shape.of(v);
            if (d.isoDate()) {
                return inRange(LocalDate.of(d.value[0], d.value[1], d.value[2]));
            }
            if (d.vnDate()) {
                return inRange(LocalDate.of(d.value[2], d.value[1], d.value[0]));
            }
            if (!partial) {
                return null;
            }
            YearMonth month = parseMonth(d);
            if (month != null) {
                return month.atDay(1);
            }
            if (d.year()) {
                return inRange(LocalDate.of(d.value[0], 1, 1));
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    static YearMonth parseMonth(String v) {
        return parseMonth(Shape.of(v));
    }

    private static YearMonth parseMonth(Shape d) {
        try {
            YearMonth month = null;
            if (d.isoMonth()) {
                month = YearMonth.of(d.value[0], d.value[1]);
            } else if (d.vnMonth()) {
                month = YearMonth.of(d.value[1], d.value[0]);
            }
            return month != null && month.getYear() >= MIN_YEAR && month.getYear() <= MAX_YEAR ? month : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * A cell as up to three groups of ASCII digits (at most four each) with one character between them: what the
     * date and month forms of docs/specification.md section 2.2 are made of, read by one pass over the text instead of five regular
     * expressions per cell (issue 20). {@code groups} is 0 when the text is anything else. The forms, as the
     * expressions they replace: {@code (\d{4})-(\d{1,2})-(\d{1,2})}, {@code (\d{1,2})([/.-])(\d{1,2})\2(\d{4})},
     * {@code (\d{4})-(\d{1,2})}, {@code (\d{1,2})/(\d{4})}, {@code (\d{4})}.
     */
    private static final class Shape {
        private static final Shape NONE = new Shape();
        final int[] value = new int[3];
        final int[] digits = new int[3];
        final char[] sep = new char[2];
        int groups;

        static Shape of(String v) {
            Shape s = new Shape();
            int g = 0;
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c >= '0' && c <= '9') {
                    if (s.digits[g] == 4) {
                        return NONE;
                    }
                    s.value[g] = s.value[g] * 10 + (c - '0');
                    s.digits[g]++;
                } else {
                    if (s.digits[g] == 0 || g == 2) {
                        return NONE;
                    }
                    s.sep[g++] = c;
                }
            }
            if (s.digits[g] == 0) {
                return NONE;
            }
            s.groups = g + 1;
            return s;
        }

        private boolean is(int a, int b, int c) {
            int[] want = {a, b, c};
            for (int i = 0; i < groups; i++) {
                int w = want[i];
                boolean ok = w == 4 ? digits[i] == 4 : digits[i] >= 1 && digits[i] <= 2;
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        boolean isoDate() {
            return groups == 3 && is(4, 2, 2) && sep[0] == '-' && sep[1] == '-';
        }

        boolean vnDate() {
            return groups == 3 && is(2, 2, 4) && (sep[0] == '/' || sep[0] == '.' || sep[0] == '-') && sep[1] == sep[0];
        }

        boolean fullDate() {
            return isoDate() || vnDate();
        }

        boolean isoMonth() {
            return groups == 2 && is(4, 2, 0) && sep[0] == '-';
        }

        boolean vnMonth() {
            return groups == 2 && is(2, 4, 0) && sep[0] == '/';
        }

        boolean year() {
            return groups == 1 && is(4, 0, 0);
        }

        /** {@code [+]?\d{1,9}}. */
        static boolean isInteger(String v) {
            int from = v.startsWith("+") ? 1 : 0;
            return digitsOnly(v, from, v.length()) && v.length() - from >= 1 && v.length() - from <= 9;
        }

        /** {@code \d{1,9}([.,]\d{1,12})?}. */
        static boolean isDecimal(String v) {
            int mark = -1;
            for (int i = 0; i < v.length(); i++) {
                if (v.charAt(i) == '.' || v.charAt(i) == ',') {
                    mark = i;
                    break;
                }
            }
            if (mark < 0) {
                return v.length() >= 1 && v.length() <= 9 && digitsOnly(v, 0, v.length());
            }
            int fraction = v.length() - mark - 1;
            return mark >= 1 && mark <= 9 && fraction >= 1 && fraction <= 12 && digitsOnly(v, 0, mark)
                    && digitsOnly(v, mark + 1, v.length());
        }

        private static boolean digitsOnly(String v, int from, int to) {
            for (int i = from; i < to; i++) {
                if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }
    }

    private static LocalDate inRange(LocalDate d) {
        return d.getYear() >= MIN_YEAR && d.getYear() <= MAX_YEAR ? d : null;
    }

    /** A list of non-empty items separated by {@code ;} or {@code ,}, in order, duplicates dropped. */
    public Set<String> list(String column) {
        String v = text(column);
        Set<String> items = new LinkedHashSet<>();
        if (v != null) {
            // Split on ; and , by hand: String.split with a character class compiles a regular expression per cell.
            int from = 0;
            for (int i = 0; i <= v.length(); i++) {
                if (i == v.length() || v.charAt(i) == ';' || v.charAt(i) == ',') {
                    String part = v.substring(from, i);
                    if (!part.isBlank()) {
                        items.add(part.strip());
                    }
                    from = i + 1;
                }
            }
        }
        return items;
    }
}
