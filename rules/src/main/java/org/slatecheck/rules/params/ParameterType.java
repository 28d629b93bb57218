package org.slatecheck.rules.params;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slatecheck.rules.model.Code;
import org.slatecheck.rules.model.Conclusion;
import org.slatecheck.rules.model.DisciplineForm;
import org.slatecheck.rules.model.Education;
import org.slatecheck.rules.model.Level;
import org.slatecheck.rules.model.ListKind;
import org.slatecheck.rules.model.Membership;
import org.slatecheck.rules.model.PoliticalTheory;
import org.slatecheck.rules.model.Post;
import org.slatecheck.rules.model.Rating;
import org.slatecheck.rules.model.Sex;

/**
 * The type of a parameter as declared in the parameter declarations ({@code data/parameters.csv}): {@code text}, {@code integer}, {@code decimal},
 * {@code percent} (a decimal 0..100), {@code month} (YYYY-MM), {@code date} (YYYY-MM-DD), {@code boolean},
 * {@code code:LIST} (one code of a published code list) or {@code codes:LIST} ({@code ;}-separated codes). A value is
 * parsed into its Java form once, when the file is read, so a rule never meets a malformed parameter.
 */
public record ParameterType(String kind, String codeList) {
    /** The published code lists a parameter or a guided rule may use, by name. */
    public static final Map<String, Class<? extends Enum<?>>> CODE_LISTS = Map.ofEntries(
            Map.entry("Level", Level.class), Map.entry("Post", Post.class),
            Map.entry("PoliticalTheory", PoliticalTheory.class), Map.entry("Education", Education.class),
            Map.entry("Rating", Rating.class),
            Map.entry("ListKind", ListKind.class), Map.entry("Sex", Sex.class),
            Map.entry("DisciplineForm", DisciplineForm.class), Map.entry("Conclusion", Conclusion.class),
            Map.entry("Membership", Membership.class));

    private static final List<String> KINDS = List.of("text", "integer", "decimal", "percent", "month", "date",
            "boolean", "code", "codes");

    /** Reads a type declaration such as {@code integer} or {@code codes:Post}. */
    public static ParameterType parse(String text, String parameter) {
        String t = text == null ? "" : text.strip();
        int colon = t.indexOf(':');
        String kind = colon < 0 ? t : t.substring(0, colon);
        String list = colon < 0 ? null : t.substring(colon + 1);
        if (!KINDS.contains(kind)) {
            throw ParameterException.of("type_unknown", parameter, t);
        }
        if ((kind.equals("code") || kind.equals("codes")) != (list != null) || (list != null
                && !CODE_LISTS.containsKey(list))) {
            throw ParameterException.of("type_unknown", parameter, t);
        }
        return new ParameterType(kind, list);
    }

    @Override
    public String toString() {
        return codeList == null ? kind : kind + ":" + codeList;
    }

    /** The enum class of a code type; null for other types. */
    public Class<? extends Enum<?>> enumClass() {
        return codeList == null ? null : CODE_LISTS.get(codeList);
    }

    public boolean isNumber() {
        return kind.equals("integer") || kind.equals("decimal") || kind.equals("percent");
    }

    /**
     * The Java value of {@code raw} (trimmed; empty means "not set" and gives null), checked against the type and
     * the declared range. Integer → Integer, decimal/percent → BigDecimal, month → YearMonth, date → LocalDate,
     * boolean → Boolean, code → the enum constant, codes → an unmodifiable ordered Set of constants.
     */
    public Object parseValue(String raw, String parameter, BigDecimal min, BigDecimal max) {
        String v = raw == null ? "" : raw.strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            Object value = switch (kind) {
                case "text" -> v;
                case "integer" -> Integer.valueOf(v);
                case "decimal", "percent" -> new BigDecimal(v.replace(',', '.'));
                case "month" -> YearMonth.parse(v);
                case "date" -> LocalDate.parse(v);
                case "boolean" -> bool(v, parameter);
                case "code" -> code(v, parameter);
                default -> codes(v, parameter);
            };
            if (value instanceof Number n) {
                BigDecimal d = new BigDecimal(n.toString());
                BigDecimal lo = kind.equals("percent") && min == null ? BigDecimal.ZERO : min;
                BigDecimal hi = kind.equals("percent") && max == null ? BigDecimal.valueOf(100) : max;
                if ((lo != null && d.compareTo(lo) < 0) || (hi != null && d.compareTo(hi) > 0)) {
                    throw ParameterException.of("out_of_range", parameter, v, lo == null ? "" : lo.toPlainString(),
                            hi == null ? "" : hi.toPlainString());
                }
            }
            return value;
        } catch (NumberFormatException e) {
            throw ParameterException.of(kind.equals("integer") ? "not_integer" : "not_decimal", parameter, v);
        } catch (DateTimeParseException e) {
            throw ParameterException.of(kind.equals("month") ? "not_month" : "not_date", parameter, v);
        }
    }

    private static Boolean bool(String v, String parameter) {
        return switch (Code.fold(v)) {
            case "true", "yes", "có" -> Boolean.TRUE;
            case "false", "no", "không" -> Boolean.FALSE;
            default -> throw ParameterException.of("not_boolean", parameter, v);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Enum<?> code(String v, String parameter) {
        Enum<?> e = Code.parse((Class) enumClass(), v);
        if (e == null || !e.name().equals(v)) {
            throw ParameterException.of("code_unknown", parameter, v, codeList);
        }
        return e;
    }

    private Set<Enum<?>> codes(String v, String parameter) {
        Set<Enum<?>> set = new LinkedHashSet<>();
        for (String part : v.split(";")) {
            if (!part.isBlank()) {
                set.add(code(part.strip(), parameter));
            }
        }
        return Collections.unmodifiableSet(set);
    }
}
