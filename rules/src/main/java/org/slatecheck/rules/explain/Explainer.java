package org.slatecheck.rules.explain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slatecheck.rules.engine.Finding;
import org.slatecheck.rules.text.Messages;

/**
 * Turns a finding into words: a title per rule and a message built from the finding's evidence, in Vietnamese or
 * English. Texts live in the message bundle under {@code title.RULE} and {@code message.RULE} (or
 * {@code message.RULE.VARIANT} where one rule has several situations, such as too few or too many names).
 * Placeholders: {@code {key}} is an evidence value (months as MM/YYYY, dates as dd/MM/yyyy, codes translated under
 * {@code code.VALUE} when the bundle has them), {@code {pct_a_b}} is a as a percentage of b, {@code {diff_a_b}} is
 * a − b, {@code {range_a_b}} is "a–b" and {@code {between_a_b}} the worded range a to b (both just "a" when the
 * ends are equal or inverted), {@code {percent_x}} is the share x (0..1) as a percentage, and {@code {x|one|other}} is "one" when
 * x (a count, or a list) is 1 and "other" otherwise (English plurals: "1 nominee", "2 nominees"). Thread-safe.
 */
public final class Explainer {
    /** {@code {pct_a_b}} (a as a percentage of b) and {@code {diff_a_b}} (a − b) placeholders. */
    private static final java.util.regex.Pattern DERIVED =
            java.util.regex.Pattern.compile("\\{(pct|diff|range|between)_([A-Za-z0-9]+)_([A-Za-z0-9]+)}");
    /** {@code {percent_x}}: the share x as a percentage. */
    private static final java.util.regex.Pattern PERCENT = java.util.regex.Pattern.compile("\\{percent_([A-Za-z0-9]+)}");
    /** {@code {x|one|other}}: the word for one or for several, by the count x. */
    private static final java.util.regex.Pattern PLURAL =
            java.util.regex.Pattern.compile("\\{([A-Za-z0-9_]+)\\|([^|{}]*)\\|([^|{}]*)}");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Messages messages;

    public Explainer(Messages messages) {
        this.messages = messages;
    }

    public Messages messages() {
        return messages;
    }

    /** The title of rule {@code ruleId}. */
    public String title(String ruleId) {
        return messages.raw("title." + ruleId);
    }

    /** The title of {@code finding}'s rule: a guided rule's own title, else the bundle's. */
    public String title(Finding finding) {
        return finding.getGuided() != null ? finding.getGuided().text("title", language())
                : title(finding.getRuleId());
    }

    /** What {@code finding} cites, in this language where the term gives an English wording; "" when nothing. */
    public String citation(Finding finding) {
        String en = finding.getCitationEn();
        String c = "en".equals(language()) && en != null && !en.isEmpty() ? en : finding.getCitation();
        return c == null ? "" : c;
    }

    /** What the subcommittee can do about {@code finding}; empty when the rule gives no remedy. */
    public String remedy(Finding finding) {
        if (finding.getGuided() != null) {
            return fillGuided(finding.getGuided().text("remedy", language()), finding);
        }
        String key = "remedy." + finding.getRuleId();
        // A variant may have its own remedy (remedy.RULE.VARIANT), e.g. when no count fits an advised range.
        if (finding.getVariant() != null && messages.has(key + "." + finding.getVariant())) {
            return filled(whenInverted(key + "." + finding.getVariant(), finding), finding);
        }
        return messages.has(key) ? filled(whenInverted(key, finding), finding) : "";
    }

    /** Evidence pairs bounding a count (at least, at most); see {@link #inverted(Finding)}. */
    private static final String[][] BOUNDS = {{"minimum", "maximum"}, {"minCount", "maxCount"}, {"min", "max"}};

    /**
     * True when {@code finding}'s evidence bounds a count with its lower end above its upper end, so that no count
     * fits (3 nominees and an advised 40 %–50 %: at least 2, at most 1). Such a range is never printed (docs/specification.md
     * section 6: no "từ 2 đến 1 người"); the text {@code KEY.inverted} says so in words where the bundle has it.
     */
    public static boolean inverted(Finding finding) {
        for (String[] b : BOUNDS) {
            Integer lo = integer(finding.getEvidence().get(b[0]));
            Integer hi = integer(finding.getEvidence().get(b[1]));
            if (lo != null && hi != null && lo > hi) {
                return true;
            }
        }
        return false;
    }

    /** {@code key}, or {@code key.inverted} when the finding's range is inverted and the bundle words that case. */
    private String whenInverted(String key, Finding finding) {
        return inverted(finding) && messages.has(key + ".inverted") ? key + ".inverted" : key;
    }

    private String language() {
        return messages.locale().getLanguage();
    }

    private Map<String, String> values(Finding finding) {
        Map<String, String> values = new HashMap<>();
        finding.getEvidence().forEach((k, v) -> values.put(k, format(v)));
        return values;
    }

    /** A board's text with {@code {field}} placeholders filled from the evidence: data in, plain text out. */
    private String fillGuided(String template, Finding finding) {
        return Messages.fill(template, values(finding)::get);
    }

    /** The message of {@code finding}. */
    public String message(Finding finding) {
        if (finding.getGuided() != null) {
            return fillGuided(finding.getGuided().text("message", language()), finding);
        }
        return filled(whenInverted(messageKey(finding), finding), finding);
    }

    /**
     * The message of a finding of the viable list (docs/specification.md section 6), saying which list it judges: "Without the 6
     * ineligible nominees: the election list has 34 names for 34 seats…". {@code excluded} is how many nominees the
     * viable list leaves out; 0 gives the plain message (the viable list is then the list as submitted).
     */
    public String viableMessage(Finding finding, int excluded) {
        String message = message(finding);
        if (excluded == 0) {
            return message;
        }
        String prefix = messages.text(excluded == 1 ? "viable.prefix.one" : "viable.prefix", excluded);
        return prefix + " " + lowerFirst(message);
    }

    /** {@code text} with its first letter in lower case when it starts a sentence (not an abbreviation such as NUM). */
    private String lowerFirst(String text) {
        if (text.length() < 2 || !Character.isUpperCase(text.charAt(0)) || !Character.isLowerCase(text.charAt(1))) {
            return text;
        }
        return text.substring(0, 1).toLowerCase(messages.locale()) + text.substring(1);
    }

    /** The bundle text {@code key} filled from {@code finding}'s evidence and the derived placeholders. */
    private String filled(String key, Finding finding) {
        Map<String, Object> evidence = finding.getEvidence();
        Map<String, String> values = values(finding);
        String template = messages.raw(key);
        java.util.regex.Matcher m = DERIVED.matcher(template);
        while (m.find()) {
            Integer a = integer(evidence.get(m.group(2)));
            Integer b = integer(evidence.get(m.group(3)));
            if (a != null && b != null) {
                String name = m.group().substring(1, m.group().length() - 1);
                switch (m.group(1)) {
                    case "pct" -> values.put(name, percent(a, b));
                    case "diff" -> values.put(name, String.valueOf(a - b));
                    // A range whose ends are equal reads as one number ("cần đúng 29", not "từ 29 đến 29"); one whose
                    // ends are inverted is never printed as such (no "từ 2 đến 1"): its lower end, the count needed,
                    // reads as one number (the bundles word that case with KEY.inverted where it can arise).
                    case "between" -> values.put(name, a >= b ? messages.text("range.exact", a)
                            : messages.text("range.between", a, b));
                    default -> values.put(name, a >= b ? String.valueOf(a) : a + "–" + b);
                }
            }
        }
        java.util.regex.Matcher p = PERCENT.matcher(template);
        while (p.find()) {
            Object v = evidence.get(p.group(1));
            if (v instanceof BigDecimal d) {
                values.put("percent_" + p.group(1), number(d.movePointRight(2).stripTrailingZeros()));
            }
        }
        return Messages.fill(plurals(template, evidence, values), values::get);
    }

    /** {@code template} with each {@code {x|one|other}} resolved by the count x (evidence or derived value). */
    private static String plurals(String template, Map<String, Object> evidence, Map<String, String> values) {
        java.util.regex.Matcher m = PLURAL.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object v = evidence.containsKey(m.group(1)) ? evidence.get(m.group(1)) : values.get(m.group(1));
            long count = v instanceof java.util.Collection<?> c ? c.size()
                    : v instanceof Number n ? n.longValue()
                    : v instanceof String s && s.matches("-?\\d+") ? Long.parseLong(s) : 2;
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(count == 1 ? m.group(2) : m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The bundle key of the message of {@code finding}: the variant its rule chose, where it has several. */
    public static String messageKey(Finding f) {
        return "message." + f.getRuleId() + (f.getVariant() == null ? "" : "." + f.getVariant());
    }

    private static Integer integer(Object v) {
        return v instanceof Integer i ? i : null;
    }

    private String percent(int a, int b) {
        if (b == 0) {
            return "0";
        }
        BigDecimal p = BigDecimal.valueOf(100L * a).divide(BigDecimal.valueOf(b), 1, RoundingMode.HALF_UP);
        return number(p);
    }

    private String number(BigDecimal value) {
        DecimalFormat f = new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(messages.locale()));
        return f.format(value);
    }

    /** An evidence value as a person reads it. */
    public String format(Object v) {
        if (v == null) {
            return "—";
        }
        if (v instanceof YearMonth ym) {
            return ym.format(MONTH);
        }
        if (v instanceof LocalDate d) {
            return d.format(DATE);
        }
        if (v instanceof BigDecimal d) {
            return number(d);
        }
        if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                return messages.raw("code.NONE");
            }
            return l.stream().map(this::format).collect(Collectors.joining(", "));
        }
        if (v instanceof String s && messages.has("code." + s)) {
            return messages.raw("code." + s);
        }
        return String.valueOf(v);
    }
}
