package org.slatecheck.rules.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.slatecheck.rules.model.Post;
import org.slatecheck.rules.model.Rating;
import org.slatecheck.rules.model.Sex;

/**
 * Issue 20: the intake reads dates, numbers and lists in one pass over the cell (no regular expression per cell) and
 * folds and looks up each distinct code text once. These tests hold the new readers to exactly what the regular
 * expressions they replace accepted (kept here as the reference), on hand-picked and on many random cells.
 */
class CellReadingTest {
    // The expressions Row used until issue 20, the reference of what each form accepts.
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern VN_DATE = Pattern.compile("(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})");
    private static final Pattern ISO_MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
    private static final Pattern VN_MONTH = Pattern.compile("(\\d{1,2})/(\\d{4})");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern INTEGER = Pattern.compile("[+]?\\d{1,9}");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,9}([.,]\\d{1,12})?");

    private static LocalDate referenceDate(String v, boolean partial) {
        try {
            Matcher m;
            if ((m = ISO_DATE.matcher(v)).matches()) {
                return inRange(LocalDate.of(n(m, 1), n(m, 2), n(m, 3)));
            }
            if ((m = VN_DATE.matcher(v)).matches()) {
                return inRange(LocalDate.of(n(m, 4), n(m, 3), n(m, 1)));
            }
            if (!partial) {
                return null;
            }
            YearMonth month = referenceMonth(v);
            if (month != null) {
                return month.atDay(1);
            }
            if ((m = YEAR.matcher(v)).matches()) {
                return inRange(LocalDate.of(n(m, 1), 1, 1));
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    private static YearMonth referenceMonth(String v) {
        try {
            Matcher m;
            YearMonth month = null;
            if ((m = ISO_MONTH.matcher(v)).matches()) {
                month = YearMonth.of(n(m, 1), n(m, 2));
            } else if ((m = VN_MONTH.matcher(v)).matches()) {
                month = YearMonth.of(n(m, 2), n(m, 1));
            }
            return month != null && month.getYear() >= Row.MIN_YEAR && month.getYear() <= Row.MAX_YEAR ? month : null;
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static LocalDate inRange(LocalDate d) {
        return d.getYear() >= Row.MIN_YEAR && d.getYear() <= Row.MAX_YEAR ? d : null;
    }

    private static int n(Matcher m, int g) {
        return Integer.parseInt(m.group(g));
    }

    private static final List<String> CELLS = List.of("1967-03-05", "1967-3-5", "05/03/1967", "5/3/1967",
            "5.3.1967", "5-3-1967", "5/3-1967", "5.3/1967", "1967-03", "1967-3", "03/1967", "3/1967", "3-1967",
            "1967", "967", "19677", "0967-01-01", "1967-13-01", "1967-02-30", "31/02/2000", "29/02/2000",
            "29/02/1900", "1967--03", "-1967", "1967-", "1967-03-05-01", "2101", "1899", "01/01/2101", "12/1899",
            "1967 03 05", "１９６７", "1967/03/05", "123/03/1967", "1/1/19670", "+5", "+", "007", "1234567890",
            "123456789", "1,5", "0.5", "0,123456789012", "0,1234567890123", ".5", "5.", "1.2.3", "12a", "", "a",
            "1967-03-05 ", "05/03/67");

    @Test
    void datesMonthsAndNumbersReadExactlyAsTheRegularExpressionsDid() {
        List<String> cells = new ArrayList<>(CELLS);
        Random random = new Random(20);
        String alphabet = "0123456789/-.,+ a";
        String separators = "-/.,+ a";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder();
            if (i % 2 == 0) {
                int length = 1 + random.nextInt(12);
                for (int k = 0; k < length; k++) {
                    b.append(random.nextInt(3) > 0 ? (char) ('0' + random.nextInt(10))
                            : alphabet.charAt(random.nextInt(alphabet.length())));
                }
            } else {
                // Date-shaped: one to four groups of digits (a year-like group often), mostly - / . between them.
                int groups = 1 + random.nextInt(4);
                for (int g = 0; g < groups; g++) {
                    if (g > 0) {
                        b.append(random.nextInt(4) > 0 ? "-/.".charAt(random.nextInt(3))
                                : separators.charAt(random.nextInt(separators.length())));
                    }
                    if (random.nextBoolean()) {
                        b.append(random.nextBoolean() ? "19" : "20").append(random.nextInt(100) / 10)
                                .append(random.nextInt(10));
                    } else {
                        int length = 1 + random.nextInt(random.nextInt(5) == 0 ? 5 : 2);
                        for (int k = 0; k < length; k++) {
                            b.append((char) ('0' + random.nextInt(k == 0 ? 4 : 10)));
                        }
                    }
                }
            }
            cells.add(b.toString());
        }
        int dates = 0;
        for (String v : cells) {
            assertThat(Row.parseDate(v, true)).as("date %s", v).isEqualTo(referenceDate(v, true));
            assertThat(Row.parseDate(v, false)).as("full date %s", v).isEqualTo(referenceDate(v, false));
            assertThat(Row.parseMonth(v)).as("month %s", v).isEqualTo(referenceMonth(v));
            dates += referenceDate(v, true) != null ? 1 : 0;
            Row row = row(Map.of("n", v, "d", v));
            Integer integer = row.integer("n", false, 0);
            boolean integerBefore = !v.isBlank() && INTEGER.matcher(v.strip()).matches()
                    && Integer.parseInt(v.strip().replace("+", "")) <= Row.MAX_COUNT;
            assertThat(integer != null).as("integer %s", v).isEqualTo(integerBefore);
            boolean shareBefore = !v.isBlank() && DECIMAL.matcher(v.strip()).matches()
                    && new java.math.BigDecimal(v.strip().replace(',', '.')).compareTo(java.math.BigDecimal.ONE) <= 0;
            assertThat(row.share("d") != null).as("share %s", v).isEqualTo(shareBefore);
        }
        assertThat(dates).as("the random cells include many dates").isGreaterThan(2_000);
    }

    @Test
    void aRatingItemReadsAsTheExpressionReadIt() {
        Pattern rating = Pattern.compile("(\\d{4})\\s*:\\s*(.+)");
        List<String> items = new ArrayList<>(List.of("2020:HTNV", "2020 : HTNV", "2020:\tHoàn thành tốt nhiệm vụ",
                "2020:", "2020: ", "2020:\n", "2020:\nHTNV", "2020:HT\nNV", "2020:HT\u2028NV", "20201:HTNV",
                "202:HTNV", "2020HTNV", "２０２０:HTNV", "2020::HTNV", "2020 :  \u000B x", "abcd:x", "2020:x"));
        Random random = new Random(5);
        String alphabet = "2020: \t\nHx\r\u0085";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder("2020");
            for (int k = random.nextInt(6); k > 0; k--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            items.add(b.toString());
        }
        for (String item : items) {
            Matcher m = rating.matcher(item);
            assertThat(NomineeReader.ratingText(item)).as(item).isEqualTo(m.matches() ? m.group(2) : null);
        }
    }

    @Test
    void theLastDayOfAPartialDateIsUnchanged() {
        Row row = row(Map.of("a", "1967-03-05", "b", "5.3.1967", "c", "1967-02", "d", "02/1968", "e", "1967"));
        assertThat(row.lastDay("a")).isEqualTo(LocalDate.of(1967, 3, 5));
        assertThat(row.lastDay("b")).isEqualTo(LocalDate.of(1967, 3, 5));
        assertThat(row.lastDay("c")).isEqualTo(LocalDate.of(1967, 2, 28));
        assertThat(row.lastDay("d")).isEqualTo(LocalDate.of(1968, 2, 29));
        assertThat(row.lastDay("e")).isEqualTo(LocalDate.of(1967, 12, 31));
    }

    @Test
    void listsSplitOnSemicolonsAndCommasAsBefore() {
        for (String v : List.of("a;b,c", " a ; ;b,, c ;", ";;", "x", "a;a;b", "Bí thư, Phó Bí thư")) {
            List<String> before = new ArrayList<>();
            for (String part : v.strip().split("[;,]")) {
                if (!part.isBlank() && !before.contains(part.strip())) {
                    before.add(part.strip());
                }
            }
            assertThat(row(Map.of("l", v)).list("l")).as(v).containsExactlyElementsOf(before);
        }
    }

    @Test
    void aCodeTextIsLookedUpOnceAndGivesTheSameAnswerEveryTime() {
        for (int i = 0; i < 3; i++) {
            assertThat(CodeNames.parse(Sex.class, "Nữ")).isEqualTo(Sex.F);
            assertThat(CodeNames.parse(Sex.class, "nu")).isEqualTo(Sex.F);
            assertThat(CodeNames.parse(Sex.class, "M")).isEqualTo(Sex.M);
            assertThat(CodeNames.parse(Sex.class, "Nam nữ")).isNull();
            assertThat(CodeNames.parse(Post.class, "Phó Bí thư")).isEqualTo(Post.DEPUTY_SECRETARY);
            assertThat(CodeNames.parse(Post.class, "Bí thư")).isEqualTo(Post.SECRETARY);
            // The same text names different codes of different types: the memory is per type.
            assertThat(CodeNames.parse(Rating.class, "Không hoàn thành nhiệm vụ")).isEqualTo(Rating.KHTNV);
            assertThat(CodeNames.parse(Post.class, "Không hoàn thành nhiệm vụ")).isNull();
            assertThat(CodeNames.bool("Có")).isTrue();
            assertThat(CodeNames.bool("không")).isFalse();
            assertThat(CodeNames.bool("có lẽ")).isNull();
        }
        // A file of endless distinct typos is still read right after the memory is full.
        for (int i = 0; i < CodeNames.SEEN_LIMIT + 10; i++) {
            assertThat(CodeNames.parse(Sex.class, "x" + i)).isNull();
        }
        assertThat(CodeNames.parse(Sex.class, "Nữ")).isEqualTo(Sex.F);
        assertThat(CodeNames.parse(Sex.class, " N Ữ ")).isEqualTo(Sex.F);
    }

    private static Row row(Map<String, String> values) {
        Map<String, String> written = new LinkedHashMap<>();
        values.keySet().forEach(k -> written.put(k, k));
        return new Row("f.csv", 2, values, written);
    }
}
