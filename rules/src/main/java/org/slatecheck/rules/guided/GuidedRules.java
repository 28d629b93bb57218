package org.slatecheck.rules.guided;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slatecheck.rules.model.Code;
import org.slatecheck.rules.model.Post;
import org.slatecheck.rules.model.Severity;
import org.slatecheck.rules.params.BoardText;
import org.slatecheck.rules.params.ParameterDeclaration;
import org.slatecheck.rules.params.ParameterException;
import org.slatecheck.rules.params.ParameterType;
import org.slatecheck.rules.params.RuleSetParameters;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The guided rules of a rule set: read from {@code guided/ID.yaml} with a safe YAML loader (plain maps, lists and
 * strings; no tags, no objects), validated against the {@link Catalogue} and the term's parameter declarations, and
 * turned into DRL by one fixed template in which only catalogue expressions, operators of a fixed set and validated
 * typed literals appear ({@link #drl}). No text a board types — titles, messages, remedies, citations — ever enters
 * the generated rule; it is looked up by rule id when findings are explained.
 */
public final class GuidedRules {
    /** Guided rule ids: three capital letters, a dash and three digits from 900 (shipped rules stay below). */
    public static final Pattern ID = Pattern.compile("[A-Z]{3}-9\\d{2}");
    /** A whole number in base 10: a sign, leading zeros (dropped: "060" is 60, never octal) and up to 9 digits. */
    private static final Pattern INTEGER = Pattern.compile("(-?)0*(\\d{1,9})");
    /** A decimal number: up to 12 digits, a point or comma and up to 6 decimals. */
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,12}([.,]\\d{1,6})?");
    /** A date as ISO {@code 2026-01-31} or as written in Vietnam, {@code 31/01/2026}. */
    private static final Pattern VN_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern PARAMETER = Pattern.compile("[a-z][a-z0-9_]*(\\.[A-Za-z0-9_]+)*");
    public static final int MAX_TEXT = 2000;
    public static final int MAX_CONDITIONS = 12;
    public static final int MAX_FILE = 64 * 1024;

    private final Map<String, GuidedRule> byId;
    private final Map<String, String> drl;

    private GuidedRules(Map<String, GuidedRule> byId) {
        this.byId = Collections.unmodifiableMap(byId);
        Map<String, String> out = new TreeMap<>();
        byId.values().forEach(r -> out.put("org/slatecheck/rules/guided/" + r.id() + ".drl", generate(r)));
        this.drl = Collections.unmodifiableMap(out);
    }

    public static GuidedRules none() {
        return new GuidedRules(Map.of());
    }

    /** Reads and validates every guided rule file (path → YAML) against {@code parameters}. */
    public static GuidedRules parse(Map<String, String> files, RuleSetParameters parameters) {
        Map<String, GuidedRule> byId = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : files.entrySet()) {
            try {
                GuidedRule r = read(e.getValue(), parameters);
                if (!e.getKey().equals("guided/" + r.id() + ".yaml")) {
                    throw ParameterException.of("guided_path", "id", e.getKey(), r.id());
                }
                byId.put(r.id(), r);
            } catch (ParameterException ex) {
                throw ex.at(e.getKey());
            }
        }
        return new GuidedRules(byId);
    }

    /**
     * Reads one guided rule from YAML text. Scalars stay the text that was typed (only an empty value or {@code null}
     * means nothing): YAML 1.1 would read an unquoted {@code 060} as the octal 48, {@code 2026-01-31} as a timestamp
     * and {@code yes} as true; each literal is read by its field's type instead ({@link #literal}).
     */
    public static GuidedRule read(String yaml, RuleSetParameters parameters) {
        if (yaml == null || yaml.length() > MAX_FILE) {
            throw ParameterException.of("too_long", null, MAX_FILE);
        }
        BoardText.checkFile(yaml);
        Object doc;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(0);
            options.setCodePointLimit(MAX_FILE);
            DumperOptions dumper = new DumperOptions();
            doc = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new TextResolver())
                    .load(yaml);
        } catch (RuntimeException ex) {
            throw ParameterException.of("yaml", null, String.valueOf(ex.getMessage()).lines().findFirst().orElse(""));
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw ParameterException.of("yaml", null, "not a map");
        }
        return fromMap(map, parameters);
    }

    /** Resolves no scalar implicitly but null: numbers, dates and yes/no stay the text typed. */
    private static final class TextResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
            addImplicitResolver(Tag.NULL, EMPTY, null, 10);
        }
    }

    /** Builds and validates a guided rule from a plain map (the page's form and the API send the same shape). */
    public static GuidedRule fromMap(Map<?, ?> map, RuleSetParameters parameters) {
        String id = text(map, "id", true, 40);
        if (!ID.matcher(id).matches()) {
            throw ParameterException.of("guided_id", "id", id);
        }
        String scope = map.containsKey("scope") ? text(map, "scope", true, 10) : "nominee";
        if (!scope.equals("nominee") && !scope.equals("list")) {
            throw ParameterException.of("guided_scope", "scope", scope);
        }
        Severity severity;
        try {
            severity = Severity.valueOf(text(map, "severity", true, 20));
        } catch (IllegalArgumentException ex) {
            throw ParameterException.of("code_unknown", "severity", map.get("severity"), "Severity");
        }
        boolean list = scope.equals("list");
        if (list != (severity == Severity.NON_COMPLIANT || severity == Severity.ADVISORY)) {
            throw ParameterException.of("guided_severity", "severity", severity, scope);
        }
        Object when = map.get("when");
        if (!(when instanceof List<?> rows) || rows.isEmpty() || rows.size() > MAX_CONDITIONS) {
            throw ParameterException.of("guided_conditions", "when", MAX_CONDITIONS);
        }
        List<GuidedRule.Condition> conditions = new ArrayList<>();
        for (Object row : rows) {
            if (!(row instanceof Map<?, ?> c)) {
                throw ParameterException.of("guided_conditions", "when", MAX_CONDITIONS);
            }
            conditions.add(condition(c, list, parameters));
        }
        List<String> evidence = new ArrayList<>();
        if (map.get("evidence") instanceof List<?> ev) {
            for (Object o : ev) {
                Catalogue.Field f = Catalogue.FIELDS.get(String.valueOf(o));
                if (f == null || (list && f.source() != Catalogue.Source.LIST && f.source() != Catalogue.Source.CONGRESS)
                        || (!list && f.source() == Catalogue.Source.LIST)) {
                    throw ParameterException.of("field_unknown", "evidence", o);
                }
                if (!evidence.contains(f.key())) {
                    evidence.add(f.key());
                }
            }
        }
        String citation = BoardText.check(text(map, "citation", true, MAX_TEXT), "citation", "citation");
        return new GuidedRule(id, scope, severity, List.copyOf(conditions), List.copyOf(evidence),
                words(map, "title", true), words(map, "message", true), words(map, "remedy", false), citation);
    }

    private static GuidedRule.Condition condition(Map<?, ?> c, boolean list, RuleSetParameters parameters) {
        String key = text(c, "field", true, 60);
        Catalogue.Field field = Catalogue.FIELDS.get(key);
        if (field == null || (list && field.source() != Catalogue.Source.LIST
                && field.source() != Catalogue.Source.CONGRESS) || (!list && field.source() == Catalogue.Source.LIST)) {
            throw ParameterException.of("field_unknown", "field", key);
        }
        String op = text(c, "op", true, 20);
        if (!field.operators().contains(op)) {
            throw ParameterException.of("operator_not_allowed", "op", op, key);
        }
        List<String> values = new ArrayList<>();
        String parameter = null;
        if (c.get("parameter") != null) {
            parameter = String.valueOf(c.get("parameter")).strip();
            ParameterDeclaration d = parameters.declarations().get(parameter);
            if (!PARAMETER.matcher(parameter).matches() || d == null) {
                throw ParameterException.of("unknown", "parameter", parameter);
            }
            if (!compatible(field, d.type(), op)) {
                throw ParameterException.of("parameter_type", "parameter", parameter, d.type(), key);
            }
        } else if (!op.equals("empty") && !op.equals("not_empty")) {
            Object v = c.get("value");
            if (v instanceof List<?> l) {
                l.forEach(o -> values.add(String.valueOf(o).strip()));
            } else if (v != null) {
                values.add(String.valueOf(v).strip());
            }
            if (values.isEmpty() || values.size() > 20 || (!op.equals("in") && values.size() != 1)) {
                throw ParameterException.of("value_missing", "value", key);
            }
            // Kept in their canonical form: the sentence shows and the rule compares what was meant ("060" → 60).
            values.replaceAll(value -> literal(field, op, value).canonical());
        }
        return new GuidedRule.Condition(key, op, List.copyOf(values), parameter);
    }

    private static boolean compatible(Catalogue.Field f, ParameterType t, String op) {
        if (op.equals("in")) {
            return t.kind().equals("codes") && t.codeList().equals(f.codeList());
        }
        return switch (f.type().startsWith("code:") ? "code" : f.type()) {
            case "integer" -> t.kind().equals("integer");
            case "decimal" -> t.isNumber();
            case "date" -> t.kind().equals("date");
            case "boolean" -> t.kind().equals("boolean");
            case "code" -> t.kind().equals("code") && t.codeList().equals(f.codeList());
            case "posts" -> t.kind().equals("code") && "Post".equals(t.codeList());
            default -> false;
        };
    }

    /**
     * A literal read once by its field's type: {@code canonical} is the value as the rule means it (kept in the
     * condition, shown in the sentence), {@code java} the Java source generated from the canonical value alone.
     */
    record Literal(String canonical, String java) {
    }

    /**
     * Reads a literal by the field's type. Whole numbers are base 10 ({@code "060"} is 60, {@code "09"} is 9: never
     * octal); decimals become an exact {@code BigDecimal} from text (a comma is a decimal point); dates are ISO or
     * {@code dd/MM/yyyy}; yes/no also as {@code có}/{@code không}. Anything else is a field error in words, so only
     * these generated forms ever reach the rule.
     */
    static Literal literal(Catalogue.Field f, String op, String value) {
        String type = f.type().startsWith("code:") || f.type().equals("posts") ? "code" : f.type();
        switch (type) {
            case "integer" -> {
                Matcher m = INTEGER.matcher(value);
                if (!m.matches()) {
                    throw ParameterException.of("not_integer", "value", value);
                }
                String canonical = Integer.toString(Integer.parseInt(m.group(1) + m.group(2), 10));
                return new Literal(canonical, canonical);
            }
            case "decimal" -> {
                if (!DECIMAL.matcher(value).matches()) {
                    throw ParameterException.of("not_decimal", "value", value);
                }
                BigDecimal d = new BigDecimal(value.replace(',', '.')).stripTrailingZeros();
                String canonical = (d.signum() == 0 ? BigDecimal.ZERO : d).toPlainString();
                return new Literal(canonical, "new java.math.BigDecimal(\"" + canonical + "\")");
            }
            case "date" -> {
                LocalDate d;
                try {
                    Matcher vn = VN_DATE.matcher(value);
                    d = vn.matches() ? LocalDate.of(Integer.parseInt(vn.group(3)), Integer.parseInt(vn.group(2)),
                            Integer.parseInt(vn.group(1))) : LocalDate.parse(value);
                } catch (java.time.DateTimeException ex) {
                    throw ParameterException.of("not_date", "value", value);
                }
                return new Literal(d.toString(), "java.time.LocalDate.of(" + d.getYear() + ", " + d.getMonthValue()
                        + ", " + d.getDayOfMonth() + ")");
            }
            case "boolean" -> {
                String canonical = switch (Code.fold(value)) {
                    case "true", "yes", "có" -> "true";
                    case "false", "no", "không" -> "false";
                    default -> throw ParameterException.of("not_boolean", "value", value);
                };
                return new Literal(canonical, canonical);
            }
            case "code" -> {
                Class<? extends Enum<?>> e = ParameterType.CODE_LISTS.get(f.codeList());
                for (Enum<?> constant : e.getEnumConstants()) {
                    if (constant.name().equals(value)) {
                        return new Literal(constant.name(), e.getSimpleName() + "." + constant.name());
                    }
                }
                throw ParameterException.of("code_unknown", "value", value, f.codeList());
            }
            default -> throw ParameterException.of("operator_not_allowed", "op", op, f.key());
        }
    }

    private static String text(Map<?, ?> map, String key, boolean required, int max) {
        Object v = map.get(key);
        String s = v == null ? "" : String.valueOf(v).strip();
        if (required && s.isEmpty()) {
            throw ParameterException.of("required", key);
        }
        if (s.length() > max) {
            throw ParameterException.of("too_long", key, max);
        }
        return s;
    }

    private static Map<String, String> words(Map<?, ?> map, String key, boolean required) {
        Object v = map.get(key);
        Map<String, String> out = new LinkedHashMap<>();
        if (v instanceof Map<?, ?> m) {
            for (String lang : List.of("vi", "en")) {
                Object t = m.get(lang);
                String s = t == null ? "" : String.valueOf(t).strip();
                if (required && s.isEmpty()) {
                    throw ParameterException.of("required", key + "." + lang);
                }
                if (s.length() > MAX_TEXT) {
                    throw ParameterException.of("too_long", key + "." + lang, MAX_TEXT);
                }
                out.put(lang, BoardText.check(s, key + "." + lang, key + "." + lang));
            }
        } else if (required) {
            throw ParameterException.of("required", key + ".vi");
        }
        return Collections.unmodifiableMap(out);
    }

    public Map<String, GuidedRule> byId() {
        return byId;
    }

    /** The generated DRL of every guided rule: path → text (shown read-only, compiled with the release's rules). */
    public Map<String, String> drl() {
        return drl;
    }

    // ---- the one template -------------------------------------------------------------------------------------

    /** The DRL of one validated guided rule. Only catalogue expressions, fixed operators and literals appear. */
    public static String generate(GuidedRule r) {
        List<String> nominee = new ArrayList<>();
        List<String> working = new ArrayList<>();
        List<String> congress = new ArrayList<>();
        List<String> listFacts = new ArrayList<>();
        for (GuidedRule.Condition c : r.conditions()) {
            Catalogue.Field f = Catalogue.FIELDS.get(c.field());
            String constraint = constraint(f, c);
            switch (f.source()) {
                case NOMINEE -> nominee.add(constraint);
                case WORKING_TIME -> working.add(constraint);
                case CONGRESS -> congress.add(constraint);
                default -> listFacts.add(constraint);
            }
        }
        boolean needsWorking = !working.isEmpty() || r.evidence().stream()
                .anyMatch(e -> Catalogue.FIELDS.get(e).source() == Catalogue.Source.WORKING_TIME);
        StringBuilder b = new StringBuilder();
        b.append("package org.slatecheck.rules.guided;\n\n");
        for (String imp : List.of("org.slatecheck.rules.model.*", "org.slatecheck.rules.params.Parameters",
                "org.slatecheck.rules.engine.Finding", "org.slatecheck.rules.engine.WorkingTime",
                "org.slatecheck.rules.engine.ListComposition")) {
            b.append("import ").append(imp).append(";\n");
        }
        b.append("\n// Generated from the guided rule ").append(r.id())
                .append(" by SlateCheck's fixed template; its wording is data, looked up by rule id.\n");
        b.append("rule \"").append(r.id()).append("\"\n");
        b.append("    @id(\"").append(r.id()).append("\") @severity(\"").append(r.severity().name())
                .append("\") @guided(\"true\")\n");
        b.append("when\n");
        b.append("    $c : Congress(").append(String.join(", ", congress)).append(")\n");
        b.append("    $p : Parameters()\n");
        if (r.isListRule()) {
            b.append("    $lc : ListComposition(").append(String.join(", ", listFacts)).append(")\n");
        } else {
            b.append("    $n : Nominee(").append(String.join(", ", nominee)).append(")\n");
            if (needsWorking) {
                List<String> w = new ArrayList<>();
                w.add("nominee == $n");
                w.addAll(working);
                b.append("    $w : WorkingTime(").append(String.join(", ", w)).append(")\n");
            }
        }
        b.append("then\n");
        b.append(r.isListRule() ? "    insert(Finding.list(drools.getRule()" : "    insert(Finding.nominee(drools.getRule(), $n");
        for (String e : r.evidence()) {
            b.append(", \"").append(e).append("\", ").append(Catalogue.FIELDS.get(e).evidence());
        }
        b.append("));\nend\n");
        return b.toString();
    }

    private static String constraint(Catalogue.Field f, GuidedRule.Condition c) {
        String x = f.expression();
        String op = c.op();
        if (op.equals("empty")) {
            return x + " == null";
        }
        if (op.equals("not_empty")) {
            return x + " != null";
        }
        if (f.type().equals("posts")) {
            String post = c.parameter() != null ? "(Post) $p.code(\"" + c.parameter() + "\")"
                    : literal(f, op, c.values().get(0)).java();
            return switch (op) {
                case "proposes" -> x.equals("proposedPosts") ? "proposes(" + post + ")" : x + " contains " + post;
                case "not_proposes" -> x.equals("proposedPosts") ? "!proposes(" + post + ")"
                        : x + " not contains " + post;
                default -> (x.equals("proposedPosts") ? "highestProposedRank" : "highestCurrentRank") + " >= "
                        + post + ".getRank()";
            };
        }
        if (op.equals("in")) {
            if (c.parameter() != null) {
                return "$p.hasCode(\"" + c.parameter() + "\", " + x + ")";
            }
            List<String> lits = new ArrayList<>();
            c.values().forEach(v -> lits.add(literal(f, op, v).java()));
            return x + " in (" + String.join(", ", lits) + ")";
        }
        String value;
        if (c.parameter() != null) {
            value = switch (f.type().startsWith("code:") ? "code" : f.type()) {
                case "integer" -> "$p.integer(\"" + c.parameter() + "\")";
                case "decimal" -> "$p.decimal(\"" + c.parameter() + "\")";
                case "date" -> "$p.date(\"" + c.parameter() + "\")";
                case "boolean" -> "((Boolean) $p.value(\"" + c.parameter() + "\"))";
                default -> "((" + ParameterType.CODE_LISTS.get(f.codeList()).getSimpleName() + ") $p.code(\""
                        + c.parameter() + "\"))";
            };
        } else {
            value = literal(f, op, c.values().get(0)).java();
        }
        boolean ordered = f.type().startsWith("code:");
        if (ordered && !op.equals("eq") && !op.equals("ne")) {
            return x + " != null && " + x + ".ordinal() " + symbol(op) + " " + value + ".ordinal()";
        }
        if (f.type().equals("date")) {
            return x + " != null && " + x + ".compareTo(" + value + ") " + symbol(op) + " 0";
        }
        if (f.type().equals("decimal")) {
            return x + ".compareTo(" + value + ") " + symbol(op) + " 0";
        }
        if (f.nullable() && f.type().equals("integer")) {
            return x + " != null && " + x + " " + symbol(op) + " " + value;
        }
        return x + " " + symbol(op) + " " + value;
    }

    private static String symbol(String op) {
        return switch (op) {
            case "eq" -> "==";
            case "ne" -> "!=";
            case "lt" -> "<";
            case "le" -> "<=";
            case "gt" -> ">";
            default -> ">=";
        };
    }

    /**
     * A literal of {@code f} in its canonical form, as a condition keeps it and the rule's sentence shows it
     * ({@code explain/GuidedSentence}): {@code "060"} → {@code 60}.
     */
    public static String canonical(Catalogue.Field f, String op, String value) {
        return literal(f, op, value).canonical();
    }

    /**
     * The group of the message bundles that names the codes of {@code codeList} ({@code sex.M} "nam",
     * {@code level.PROVINCE} "tỉnh", {@code list_kind.…}); the others are under {@code code.}.
     */
    public static String labelGroup(String codeList) {
        return switch (codeList == null ? "" : codeList) {
            case "Sex" -> "sex";
            case "Level" -> "level";
            case "ListKind" -> "list_kind";
            default -> "code";
        };
    }

    /**
     * The refusal in words of generated rules that do not compile ({@code compilerLines}: the compiler's messages,
     * which name generated classes no board member should read): a {@code guided_compile} error about the guided
     * rules at fault, or null when the errors are not in guided rules.
     */
    public ParameterException compileError(List<String> compilerLines) {
        if (byId.isEmpty() || compilerLines.stream().noneMatch(l -> l.contains("org/slatecheck/rules/guided/"))) {
            return null;
        }
        List<String> ids = byId.keySet().stream().filter(id -> compilerLines.stream().anyMatch(l -> l.contains(
                "guided/" + id + "."))).toList();
        if (ids.isEmpty()) {
            ids = List.copyOf(byId.keySet());
        }
        return ParameterException.of("guided_compile", "when", String.join(", ", ids))
                .at("guided/" + ids.get(0) + ".yaml");
    }

    /** The post rank used by "rank at least" (kept here so the template stays one place). */
    static int rank(Post p) {
        return p.getRank();
    }
}
