package org.slatecheck.rules.explain;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slatecheck.rules.guided.Catalogue;
import org.slatecheck.rules.text.Messages;

/**
 * How a code, a time, a number or a piece of evidence reads in the chosen language: the one place pages, the PDF,
 * the CSV and the text output turn stored codes ({@code PROVINCE}, {@code ELECTION_LIST}, {@code ACTIVE},
 * {@code SECRETARY}, {@code RULESET_ACTIVATED}…) into words. The JSON API keeps the codes; this is for people.
 * Times are shown in Asia/Ho_Chi_Minh as {@code dd/MM/yyyy HH:mm}, months {@code MM/yyyy}, dates
 * {@code dd/MM/yyyy}; numbers with a decimal comma in Vietnamese ({@code 7,5%}) and a point in English
 * ({@code 7.5%}), a percentage without a space before its sign in both (docs/specification.md section 6). A code without a label is shown as it is (and the scanning test of the pages fails on it).
 */
public final class Labels {
    /** Where the users are: every time shown to a person is in this zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Pattern ISO_MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");

    /**
     * Audit details as the services write them (English, for operators reading the table), each with the bundle
     * text that says the same in the reader's language; the groups fill {@code {0}}, {@code {1}}…. Rows written
     * before this existed read the same way, since the pattern is matched when the page is drawn.
     */
    private static final List<Map.Entry<Pattern, String>> DETAILS = List.of(
            Map.entry(Pattern.compile("author (\\S+) unit (\\S+)"), "audit.detail.author"),
            Map.entry(Pattern.compile("user (\\S+)"), "audit.detail.user_what"),
            Map.entry(Pattern.compile("ruleset (\\S+)"), "audit.detail.ruleset_what"),
            Map.entry(Pattern.compile("unit (\\S+), (\\d+) lists, rule sets (.*)"), "audit.detail.check"),
            Map.entry(Pattern.compile("unit (\\S+)"), "audit.detail.unit"),
            Map.entry(Pattern.compile("shipped with this release.*"), "audit.detail.proposed"),
            Map.entry(Pattern.compile("the active version is stored in a format .*"), "audit.detail.release_activated"),
            Map.entry(Pattern.compile("(user name|client address|user name and client address) blocked for (\\d+) s"),
                    "audit.detail.throttled"),
            Map.entry(Pattern.compile("(\\d+) nominees and (\\d+) lists change; cases (\\d+) passed, (\\d+) failed"),
                    "audit.detail.impact"),
            Map.entry(Pattern.compile("from (\\S+), season (\\S+) to (\\S+)"), "audit.detail.new_term"),
            Map.entry(Pattern.compile("from (\\S+)"), "audit.detail.from"),
            Map.entry(Pattern.compile("replaces (\\S+)"), "audit.detail.replaces"),
            Map.entry(Pattern.compile("parent (\\S+), ([A-Z_]+)"), "audit.detail.unit_created"),
            Map.entry(Pattern.compile("([A-Z_,]+) unit (\\S+)"), "audit.detail.user_created"),
            Map.entry(Pattern.compile("(\\d+) units"), "audit.detail.units"),
            Map.entry(Pattern.compile("dossier list (\\d+)"), "audit.detail.dossier_list"),
            Map.entry(Pattern.compile("batch (\\S+)"), "audit.detail.batch_what"),
            Map.entry(Pattern.compile("check (\\S+)"), "audit.detail.check_what"));

    private final Messages m;

    public Labels(Messages messages) {
        this.m = messages;
    }

    public static Labels of(Messages messages) {
        return new Labels(messages);
    }

    public Messages messages() {
        return m;
    }

    private boolean vi() {
        return !m.locale().getLanguage().equals("en");
    }

    /** The label of {@code code} in group {@code group} ({@code group.CODE}), else {@code code.CODE}, else the code. */
    public String code(String group, Object code) {
        if (code == null || String.valueOf(code).isEmpty()) {
            return "";
        }
        String c = String.valueOf(code);
        if (m.has(group + "." + c)) {
            return m.raw(group + "." + c);
        }
        return m.has("code." + c) ? m.raw("code." + c) : c;
    }

    /**
     * Rules named in words, each with its id: "Số ủy viên vượt mức tối đa (NUM-001); Số ủy viên ban thường vụ ngoài
     * khoảng quy định (NUM-002)" — for the checks not made, which a reader cannot look up by id alone. A rule
     * without a title in the bundles (a board's guided rule) keeps its id.
     */
    public String rules(Collection<String> ids) {
        return ruleNames(m, ids);
    }

    /** As {@link #rules}, for code that holds only the messages. */
    public static String ruleNames(Messages m, Collection<String> ids) {
        return m.ruleNames(ids);
    }

    /** Congress level: {@code PROVINCE} → "tỉnh" / "province". */
    public String level(Object code) {
        return code("level", code);
    }

    /** List kind: {@code ELECTION_LIST} → "danh sách bầu cử" / "election list". */
    public String listKind(Object code) {
        return code("list_kind", code);
    }

    public String outcome(Object code) {
        return code("outcome", code);
    }

    public String severity(Object code) {
        return code("severity", code);
    }

    /** A list's status: {@code COMPLIANT} / {@code NON_COMPLIANT}. */
    public String listStatus(Object code) {
        return code("list", code);
    }

    /** A rule set version's status: {@code DRAFT}, {@code APPROVED}, {@code ACTIVE}, {@code RETIRED}. */
    public String versionStatus(Object code) {
        return code("ruleset_status", code);
    }

    /** A batch's status: {@code VALIDATING}, {@code RUNNING}, {@code DONE}, {@code FAILED}, {@code CANCELLED}. */
    public String batchStatus(Object code) {
        return code("batch_status", code);
    }

    /** An audit action: {@code RULESET_ACTIVATED} → "Kích hoạt bộ quy tắc". */
    public String action(Object code) {
        return code("audit", code);
    }

    /** Roles, comma or space separated, or a collection: {@code BOARD,ADMIN} → "ban tổ chức, quản trị". */
    public String roles(Object roles) {
        if (roles == null) {
            return "";
        }
        Collection<?> list = roles instanceof Collection<?> c ? c
                : List.of(String.valueOf(roles).replaceAll("[\\[\\]]", "").split("[,\\s]+"));
        return list.stream().map(String::valueOf).filter(s -> !s.isBlank()).map(s -> code("role", s.strip()))
                .collect(Collectors.joining(", "));
    }

    /** A yes/no. */
    public String yesNo(Object value) {
        boolean yes = value instanceof Boolean b ? b : "true".equalsIgnoreCase(String.valueOf(value))
                || "yes".equalsIgnoreCase(String.valueOf(value));
        return m.raw(yes ? "label.yes" : "label.no");
    }

    /** The label of an evidence key ({@code retirementMonth} → "Tháng đủ tuổi nghỉ hưu"), or a catalogue field's. */
    public String evidenceLabel(String key) {
        if (m.has("evidence." + key)) {
            return m.raw("evidence." + key);
        }
        Catalogue.Field field = Catalogue.FIELDS.get(key);
        if (field != null) {
            return field.label(m.locale().getLanguage());
        }
        return m.has("code." + key) ? m.raw("code." + key) : key;
    }

    /**
     * An evidence value as stored (JSON text, number, list) or as the engine holds it, as a person reads it: months
     * {@code MM/yyyy}, dates {@code dd/MM/yyyy}, codes by their label, decimals with the language's separator.
     */
    public String value(Object v) {
        if (v == null) {
            return "—";
        }
        if (v instanceof YearMonth ym) {
            return ym.format(MONTH);
        }
        if (v instanceof LocalDate d) {
            return d.format(DATE);
        }
        if (v instanceof BigDecimal || v instanceof Double || v instanceof Float) {
            return number(v);
        }
        if (v instanceof Collection<?> l) {
            return l.stream().map(this::value).collect(Collectors.joining(", "));
        }
        if (v instanceof Boolean b) {
            return yesNo(b);
        }
        String s = String.valueOf(v);
        if (ISO_MONTH.matcher(s).matches()) {
            return month(s);
        }
        if (ISO_DATE.matcher(s).matches()) {
            return date(s);
        }
        if (DECIMAL.matcher(s).matches()) {
            return number(new BigDecimal(s));
        }
        if (m.has("code." + s)) {
            return m.raw("code." + s);
        }
        if (s.contains(";") && !s.contains(" ")) {
            return java.util.Arrays.stream(s.split(";")).map(this::value).collect(Collectors.joining(", "));
        }
        return s;
    }

    /** The evidence of a finding as label/value rows, in the finding's order. */
    public List<Map.Entry<String, String>> evidence(Map<?, ?> evidence) {
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        if (evidence != null) {
            evidence.forEach((k, v) -> rows.add(Map.entry(evidenceLabel(String.valueOf(k)), value(v))));
        }
        return rows;
    }

    /** {@code YYYY-MM} as {@code MM/yyyy}; other text unchanged. */
    public String month(Object month) {
        if (month == null) {
            return "";
        }
        try {
            return YearMonth.parse(String.valueOf(month)).format(MONTH);
        } catch (DateTimeParseException e) {
            return String.valueOf(month);
        }
    }

    /** {@code YYYY-MM-DD} as {@code dd/MM/yyyy}; other text unchanged. */
    public String date(Object date) {
        if (date == null) {
            return "";
        }
        if (date instanceof LocalDate d) {
            return d.format(DATE);
        }
        try {
            return LocalDate.parse(String.valueOf(date)).format(DATE);
        } catch (DateTimeParseException e) {
            return String.valueOf(date);
        }
    }

    /**
     * A moment in Asia/Ho_Chi_Minh as {@code dd/MM/yyyy HH:mm}. Takes what the database, JSON and Java give: an
     * {@link Instant}, {@link Timestamp}, {@link OffsetDateTime}, {@link ZonedDateTime}, a {@link LocalDateTime}
     * (read as UTC, as the server stores times) or ISO text.
     */
    public static String time(Object t) {
        Instant instant = instant(t);
        return instant == null ? (t == null ? "" : String.valueOf(t)) : instant.atZone(ZONE).format(TIME);
    }

    /** The same, as an instance method for templates. */
    public String at(Object t) {
        return time(t);
    }

    private static Instant instant(Object t) {
        if (t == null) {
            return null;
        }
        if (t instanceof Instant i) {
            return i;
        }
        if (t instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (t instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (t instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (t instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (t instanceof java.util.Date d) {
            return d.toInstant();
        }
        String s = String.valueOf(t);
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    return null;
                }
            }
        }
    }

    /** A number in the language's style: {@code 7,5} / {@code 7.5}; at most two decimals, no trailing zeros. */
    public String number(Object n) {
        if (n == null) {
            return "";
        }
        BigDecimal d;
        try {
            d = n instanceof BigDecimal b ? b : new BigDecimal(String.valueOf(n));
        } catch (NumberFormatException e) {
            return String.valueOf(n);
        }
        DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(vi() ? Messages.VI : Messages.EN));
        f.setGroupingUsed(false);
        return f.format(d);
    }

    /** A percentage, written without a space in both languages (docs/specification.md section 6): {@code 7,5%} / {@code 7.5%}. */
    public String percent(Object n) {
        return number(n) + "%";
    }

    /** Two ends of a range as one text: "29" when they are equal, else "29–32". */
    public String range(Object from, Object to) {
        String a = number(from);
        String b = number(to);
        return a.equals(b) ? a : a + "–" + b;
    }

    /**
     * The structure panel's size line, reading a range with equal ends as one number; a range whose ends are inverted
     * is never printed ("cần từ 2 đến 1"): its lower end, the count needed, reads as one number.
     */
    public String sizeValue(Object count, Object seats, Object min, Object max) {
        BigDecimal lo = decimalOrNull(min);
        BigDecimal hi = decimalOrNull(max);
        boolean single = lo != null && hi != null ? lo.compareTo(hi) >= 0 : number(min).equals(number(max));
        return single ? m.text("ui.structure.size_exact", count, seats, number(min))
                : m.text("ui.structure.size_value", count, seats, number(min), number(max));
    }

    private static BigDecimal decimalOrNull(Object n) {
        try {
            return n == null ? null : n instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(n));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The lines saying which checks were not made and why, as {@link #notChecked(Messages, Collection)}. */
    public List<String> notChecked(Collection<String> ids) {
        return notChecked(m, ids);
    }

    /**
     * The lines saying which checks were not made and why (docs/specification.md section 6): a rule that reads an optional
     * nominee column is not checked because the file has no such column ("Chưa kiểm tra vì tệp không có cột “Xếp
     * loại chất lượng”: …", one line per column, the column by its Vietnamese header or, in English, its name); the
     * others because neither the rule set nor the congress file gives their limit (NUM-001, NUM-002, NUM-005).
     */
    public static List<String> notChecked(Messages m, Collection<String> ids) {
        boolean vi = "vi".equals(m.locale().getLanguage());
        Map<List<String>, List<String>> byColumns = new java.util.LinkedHashMap<>();
        List<String> limits = new java.util.ArrayList<>();
        for (String raw : ids) {
            String id = raw.strip();
            if (id.isEmpty()) {
                continue;
            }
            List<String> columns = org.slatecheck.rules.intake.ColumnRules.columnsOf(id);
            if (columns.isEmpty()) {
                limits.add(id);
            } else {
                byColumns.computeIfAbsent(columns, k -> new java.util.ArrayList<>()).add(id);
            }
        }
        List<String> lines = new java.util.ArrayList<>();
        byColumns.forEach((columns, rules) -> {
            String named = null;
            for (String c : columns) {
                String one = m.text("report.not_checked_column_name",
                        vi ? org.slatecheck.rules.intake.ColumnRules.header(c) : c);
                named = named == null ? one : m.text("report.not_checked_column_or", named, one);
            }
            lines.add(m.text("report.not_checked_column", named, ruleNames(m, rules)));
        });
        if (!limits.isEmpty()) {
            lines.add(m.text("report.not_checked", ruleNames(m, limits)));
        }
        return lines;
    }

    /** The label of a parameter's unit ({@code tháng} → "tháng" / "months"). */
    public String unit(String unit) {
        if (unit == null || unit.isBlank()) {
            return "";
        }
        String key = switch (unit.strip()) {
            case "tháng" -> "months";
            case "người" -> "persons";
            case "đơn vị" -> "units";
            case "bậc" -> "rank";
            case "năm" -> "years";
            case "tuổi" -> "age";
            case "nhiệm kỳ" -> "terms";
            case "phần" -> "fraction";
            case "%" -> "percent";
            default -> null;
        };
        return key == null ? unit : m.raw("param.unit." + key);
    }

    /**
     * What a parameter means: {@code param.desc.NAME}, else the description of its family (the name without its
     * last dotted parts, {@code reference_month.PROVINCE} → {@code reference_month}); empty when none is written.
     */
    public String parameterDescription(String name) {
        String n = name;
        while (true) {
            if (m.has("param.desc." + n)) {
                return m.raw("param.desc." + n);
            }
            int dot = n.lastIndexOf('.');
            if (dot < 0) {
                return "";
            }
            n = n.substring(0, dot);
        }
    }

    /** A parameter's value with its unit ("60 tháng", "15 %"), as {@link #parameterValue(String, String)}. */
    public String parameterValue(String value, String type, String unit) {
        String v = parameterValue(value, type);
        if (v.isEmpty() || unit == null || unit.isBlank() || (type != null && type.equals("percent"))) {
            return v;
        }
        return v + " " + unit(unit);
    }

    /** A parameter's value as a person reads it: codes by label, months and dates in the page's format. */
    public String parameterValue(String value, String type) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (type != null && type.equals("percent")) {
            return percent(value);
        }
        if (type != null && (type.equals("decimal") || type.equals("integer"))) {
            return number(value);
        }
        if (type != null && type.startsWith("code")) {
            return java.util.Arrays.stream(value.split(";")).map(String::strip)
                    .map(c -> m.has("code." + c) ? m.raw("code." + c) : code("level", c))
                    .collect(Collectors.joining(", "));
        }
        return value(value);
    }

    /**
     * An audit entry's detail in the reader's language: the English the services write is matched against the known
     * forms; a sign-in failure names its reason, never an exception class.
     */
    public String auditDetail(Object action, Object detail) {
        if (detail == null || String.valueOf(detail).isBlank()) {
            return "";
        }
        String d = String.valueOf(detail).strip();
        String a = action == null ? "" : String.valueOf(action);
        if (a.equals("LOGIN_FAILED")) {
            String key = "audit.reason." + d.replace(' ', '_');
            return m.has(key) ? m.raw(key) : m.raw("audit.reason.other");
        }
        if (a.equals("BATCH_FINISH")) {
            return batchStatus(d);
        }
        if (a.equals("PARAMETERS_CHANGED") || a.equals("DATA_CHANGED") || a.equals("CASES_CHANGED")
                || a.equals("FILE_REMOVED")) {
            return d;
        }
        String key = "audit.detail." + d.replace(' ', '_').replace(';', '_');
        if (m.has(key)) {
            return m.raw(key);
        }
        for (Map.Entry<Pattern, String> e : DETAILS) {
            Matcher x = e.getKey().matcher(d);
            if (x.matches()) {
                Object[] args = new Object[x.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = detailPart(e.getValue(), i, x.group(i + 1));
                }
                return m.text(e.getValue(), args);
            }
        }
        return d;
    }

    /** An audit entry's subject: record ids stay, the English word before some of them is translated. */
    public String auditSubject(Object subject) {
        if (subject == null) {
            return "";
        }
        Matcher x = Pattern.compile("(impact|batch) (\\S+)").matcher(String.valueOf(subject));
        return x.matches() ? m.text("audit.subject." + x.group(1), x.group(2)) : String.valueOf(subject);
    }

    private static final Pattern CASE_NOT_FIRED = Pattern.compile(
            "(?s)(.*): expected ([A-Z]{3}-\\d{3})(?:/([A-Z_]+))? on (the list|\\S+) (\\{.*}) but it did not fire");
    private static final Pattern CASE_UNEXPECTED = Pattern.compile(
            "(?s)(.*): unexpected ([A-Z]{3}-\\d{3})/([A-Z_]+) on (the list|\\S+) (\\{.*})");
    private static final Pattern CASE_OUTCOME = Pattern.compile("(?s)(.*): outcome of (\\S+): expected (\\S+), got (.+)");
    private static final Pattern CASE_NOT_CHECKED = Pattern.compile("(?s)(.*): notChecked: expected (.*), got (.*)");
    private static final Pattern EVIDENCE_PAIR = Pattern.compile("(\\w+)=([^,}]*)");

    /**
     * A failed rule case as the impact analysis stored it ({@code FILE › NAME: reason}, the reason in the runner's
     * English): the case's own name (the board's text) and the reason in the reader's language.
     */
    public List<String> caseFailure(String stored) {
        if (stored == null) {
            return List.of("", "");
        }
        Matcher x = CASE_NOT_FIRED.matcher(stored);
        if (x.matches()) {
            return List.of(x.group(1), m.text("case.not_fired", x.group(2), x.group(3) == null ? ""
                    : " [" + severity(x.group(3)) + "]", who(x.group(4)), caseEvidence(x.group(5))));
        }
        x = CASE_UNEXPECTED.matcher(stored);
        if (x.matches()) {
            return List.of(x.group(1), m.text("case.unexpected", x.group(2), " [" + severity(x.group(3)) + "]",
                    who(x.group(4)), caseEvidence(x.group(5))));
        }
        x = CASE_OUTCOME.matcher(stored);
        if (x.matches()) {
            return List.of(x.group(1), m.text("case.outcome", x.group(2), outcome(x.group(3)), outcome(x.group(4))));
        }
        x = CASE_NOT_CHECKED.matcher(stored);
        if (x.matches()) {
            return List.of(x.group(1), m.text("case.not_checked", x.group(2), x.group(3)));
        }
        int colon = stored.lastIndexOf(": ");
        return colon < 0 ? List.of(stored, "") : List.of(stored.substring(0, colon), m.raw("case.failed"));
    }

    private String who(String nominee) {
        return nominee.equals("the list") ? m.raw("case.the_list") : m.text("case.nominee", nominee);
    }

    private String caseEvidence(String map) {
        List<String> parts = new ArrayList<>();
        Matcher x = EVIDENCE_PAIR.matcher(map);
        while (x.find()) {
            parts.add(evidenceLabel(x.group(1)) + ": " + value(x.group(2).strip()));
        }
        return String.join("; ", parts);
    }

    /** The actor of an audit entry: the system's own actions are named in words. */
    public String actor(Object actor) {
        return "system".equals(actor) ? m.raw("audit.actor.system") : actor == null ? "" : String.valueOf(actor);
    }

    /** Whether an audit action's detail is a list of identifiers (parameter names, a file path), shown as such. */
    public boolean technicalDetail(Object action) {
        return List.of("PARAMETERS_CHANGED", "DATA_CHANGED", "CASES_CHANGED", "FILE_REMOVED")
                .contains(String.valueOf(action));
    }

    /** The kind of a rule set file ({@code PARAMETERS} → "tham số"). */
    public String fileKind(Object kind) {
        return code("file_kind", kind);
    }

    private String detailPart(String key, int i, String part) {
        return switch (key) {
            case "audit.detail.throttled" -> i == 0 ? m.raw("audit.detail.blocked." + part.replace(' ', '_')) : part;
            case "audit.detail.unit_created" -> i == 1 ? level(part) : part;
            case "audit.detail.new_term" -> i == 0 ? part : date(part);
            case "audit.detail.user_created" -> i == 0 ? roles(part) : part;
            case "audit.detail.user_what", "audit.detail.ruleset_what" -> {
                String k = "audit.detail.what." + part;
                yield m.has(k) ? m.raw(k) : part;
            }
            case "audit.detail.batch_what", "audit.detail.check_what" -> {
                // The record's action or download ("summary.csv" reads as the download "summary csv").
                String k = "audit.detail." + part.replace(' ', '_').replace('.', '_');
                yield m.has(k) ? m.raw(k) : part;
            }
            default -> part;
        };
    }
}
