package org.slatecheck.rules.params;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A term's parameters: the release's declarations ({@code data/parameters.csv}, one per parameter for every term:
 * {@code id,type,min,max,unit,set_by,dated_by,label_vi,label_en}) with the term's dated values ({@code
 * data/rulesets/TERM/values.csv}: {@code parameter,from,value,document,article,clause,note}). A value row names a
 * declared parameter, the date from which it is in force (empty: from the start of the term), the value and its
 * source: a document id of the registry (empty where no document fixes it: a board parameter's default) with
 * optional article and clause, and a note that never restates the value. A rule uses the value in force on the
 * congress date ({@link #at(LocalDate)}): the one with the latest {@code from} not after it; a parameter dated by the
 * age reached (the retirement ages) is read by {@link #valueOn}. Immutable and thread-safe.
 */
public final class RuleSetParameters {
    /** The header of the declaration file (the release's, one for every term). */
    public static final List<String> DECLARATION_HEADER = List.of("id", "type", "min", "max", "unit", "set_by",
            "dated_by", "label_vi", "label_en");
    /** The header of a term's values file. */
    public static final List<String> HEADER = List.of("parameter", "from", "value", "document", "article", "clause",
            "note");
    /** The header of a parameter file stored before the declarations moved out of the terms (read only). */
    static final List<String> LEGACY_HEADER = List.of("parameter", "type", "min", "max", "unit", "board_parameter",
            "label_vi", "label_en", "from", "value", "source");
    /** Longest text a board may give a value or a note (they are data shown on pages, never code). */
    public static final int MAX_TEXT = 2000;

    private final Map<String, ParameterDeclaration> declarations;
    private final Map<String, List<Parameter>> entries;
    /** The dates on which some entry starts, ascending: the resolved values change only there. */
    private final LocalDate[] changes;
    private final Map<Integer, Parameters> resolved = new ConcurrentHashMap<>();
    /** Values computed from this file alone, once ({@link #derived}). */
    private final Map<Class<?>, Object> derived = new ConcurrentHashMap<>();

    private RuleSetParameters(Map<String, ParameterDeclaration> declarations, Map<String, List<Parameter>> entries) {
        this.declarations = Collections.unmodifiableMap(declarations);
        this.entries = Collections.unmodifiableMap(entries);
        TreeSet<LocalDate> dates = new TreeSet<>();
        entries.forEach((name, l) -> l.forEach(p -> {
            if (p.from() != null && !declarations.get(name).byAgeReached()) {
                dates.add(p.from());
            }
        }));
        this.changes = dates.toArray(new LocalDate[0]);
        if (!declarations.containsKey("ruleset.version") || entries.getOrDefault("ruleset.version", List.of())
                .stream().noneMatch(Parameter::isSet)) {
            throw ParameterException.of("missing", "ruleset.version");
        }
    }

    private static CSVFormat format() {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
    }

    /**
     * Reads the release's declarations ({@code declarations}) and a term's values file ({@code values});
     * {@code origin} names the values file in error messages (with the line).
     */
    public static RuleSetParameters parse(String declarations, String values, String origin) {
        Map<String, ParameterDeclaration> declared = declarations(declarations, "parameters.csv");
        Map<String, List<Parameter>> entries = new LinkedHashMap<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(values == null ? "" : values), format())) {
            if (!parser.getHeaderNames().equals(HEADER)) {
                throw ParameterException.of("header", null, String.join(",", HEADER));
            }
            for (CSVRecord r : parser) {
                try {
                    String name = r.get("parameter");
                    ParameterDeclaration d = declared.get(name);
                    if (d == null) {
                        throw ParameterException.of("not_declared", name);
                    }
                    addEntry(entries.computeIfAbsent(name, k -> new ArrayList<>()), d, date(r.get("from"), name),
                            r.get("value"), r.get("document"), r.get("article"), r.get("clause"), r.get("note"));
                } catch (ParameterException e) {
                    throw e.at(origin + ":" + parser.getCurrentLineNumber());
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new ParameterException("unreadable", null, origin + ": " + e.getMessage(), List.of(origin));
        }
        // Values in the order of the declarations (the declaration file's order is the form's and the docs').
        Map<String, List<Parameter>> ordered = new LinkedHashMap<>();
        declared.keySet().forEach(n -> {
            if (entries.containsKey(n)) {
                ordered.put(n, entries.get(n));
            }
        });
        try {
            return new RuleSetParameters(declared, ordered);
        } catch (ParameterException e) {
            throw e.at(origin);
        }
    }

    /** Reads the declaration file: id → declaration, in file order; each parameter declared once. */
    public static Map<String, ParameterDeclaration> declarations(String text, String origin) {
        Map<String, ParameterDeclaration> declarations = new LinkedHashMap<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text == null ? "" : text), format())) {
            if (!parser.getHeaderNames().equals(DECLARATION_HEADER)) {
                throw ParameterException.of("header", null, String.join(",", DECLARATION_HEADER));
            }
            for (CSVRecord r : parser) {
                try {
                    String name = r.get("id");
                    if (declarations.containsKey(name)) {
                        throw ParameterException.of("declared_twice", name);
                    }
                    String setBy = r.get("set_by");
                    if (!setBy.equals("board") && !setBy.equals("central")) {
                        throw ParameterException.of("board_flag", name);
                    }
                    String datedBy = r.get("dated_by");
                    if (!datedBy.equals(ParameterDeclaration.BY_CONGRESS)
                            && !datedBy.equals(ParameterDeclaration.BY_AGE_REACHED)) {
                        throw ParameterException.of("dated_by", name);
                    }
                    declarations.put(name, declaration(name, r.get("type"), r.get("min"), r.get("max"),
                            r.get("unit"), setBy.equals("board"), r.get("label_vi"), r.get("label_en"), datedBy));
                } catch (ParameterException e) {
                    throw e.at(origin + ":" + parser.getCurrentLineNumber());
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new ParameterException("unreadable", null, origin + ": " + e.getMessage(), List.of(origin));
        }
        return declarations;
    }

    private static ParameterDeclaration declaration(String name, String type, String min, String max, String unit,
            boolean board, String labelVi, String labelEn, String datedBy) {
        if (!name.matches("[a-z][a-z0-9_]*(\\.[A-Za-z0-9_]+)*") || name.length() > 100) {
            throw ParameterException.of("name_invalid", name);
        }
        ParameterDeclaration d = new ParameterDeclaration(name, ParameterType.parse(type, name), decimal(min, name),
                decimal(max, name), unit, board, labelVi, labelEn, datedBy);
        if (d.labelVi().isBlank() || d.labelEn().isBlank()) {
            throw ParameterException.of("label_missing", name);
        }
        BoardText.check(d.labelVi(), name, "label_vi");
        BoardText.check(d.labelEn(), name, "label_en");
        BoardText.check(d.unit(), name, "unit");
        return d;
    }

    private static void addEntry(List<Parameter> list, ParameterDeclaration d, LocalDate from, String value,
            String document, String article, String clause, String note) {
        String name = d.name();
        for (Parameter p : list) {
            if (java.util.Objects.equals(p.from(), from)) {
                throw ParameterException.of("entry_twice", name, from == null ? "" : from.toString());
            }
        }
        if (document.isBlank() && note.isBlank()) {
            throw ParameterException.of("source_missing", name);
        }
        if (!document.isEmpty() && !Documents.ID.matcher(document).matches()) {
            throw ParameterException.of("document_unknown", name, document);
        }
        if (value.length() > MAX_TEXT || note.length() > MAX_TEXT || article.length() > 20 || clause.length() > 20) {
            throw ParameterException.of("too_long", name, MAX_TEXT);
        }
        BoardText.check(value, name, "value");
        BoardText.check(article, name, "source");
        BoardText.check(clause, name, "source");
        BoardText.check(note, name, "source");
        list.add(new Parameter(name, from, value, d.type().parseValue(value, name, d.min(), d.max()), document,
                article, clause, note));
        list.sort((a, b) -> a.from() == null ? -1 : b.from() == null ? 1 : a.from().compareTo(b.from()));
    }

    /**
     * Reads a parameter file stored before the declarations moved out of the terms (declaration columns on each
     * term's first row of a parameter, the source as prose): a stored version's history stays readable. Its prose
     * source becomes the note; the retired code type of the retirement schedule reads as text.
     */
    public static RuleSetParameters parseLegacy(String text, String origin) {
        Map<String, ParameterDeclaration> declarations = new LinkedHashMap<>();
        Map<String, List<Parameter>> entries = new LinkedHashMap<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text == null ? "" : text), format())) {
            if (!parser.getHeaderNames().equals(LEGACY_HEADER)) {
                throw ParameterException.of("header", null, String.join(",", HEADER));
            }
            for (CSVRecord r : parser) {
                try {
                    String name = r.get("parameter");
                    ParameterDeclaration d = declarations.get(name);
                    if (d == null) {
                        String type = r.get("type").equals("code:RetirementSchedule") ? "text" : r.get("type");
                        d = declaration(name, type, r.get("min"), r.get("max"), r.get("unit"),
                                r.get("board_parameter").equals("yes"), r.get("label_vi"), r.get("label_en"),
                                ParameterDeclaration.BY_CONGRESS);
                        declarations.put(name, d);
                        entries.put(name, new ArrayList<>());
                    }
                    addEntry(entries.get(name), d, date(r.get("from"), name), r.get("value"), "", "", "",
                            r.get("source"));
                } catch (ParameterException e) {
                    throw e.at(origin + ":" + parser.getCurrentLineNumber());
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new ParameterException("unreadable", null, origin + ": " + e.getMessage(), List.of(origin));
        }
        try {
            return new RuleSetParameters(declarations, entries);
        } catch (ParameterException e) {
            throw e.at(origin);
        }
    }

    private static BigDecimal decimal(String text, String name) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw ParameterException.of("not_decimal", name, text);
        }
    }

    private static LocalDate date(String text, String name) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ParameterException.of("not_date", name, text);
        }
    }

    /** The values in force on {@code date} (the congress date); null means the latest entries. */
    public Parameters at(LocalDate date) {
        int epoch = changes.length;
        if (date != null) {
            epoch = 0;
            while (epoch < changes.length && !changes[epoch].isAfter(date)) {
                epoch++;
            }
        }
        return resolved.computeIfAbsent(epoch, e -> resolve(e == 0 ? null : changes[e - 1]));
    }

    /** The entries in force on {@code day}; null: only the undated ones (before the first dated change). */
    private Parameters resolve(LocalDate day) {
        Map<String, Parameter> inForce = new LinkedHashMap<>();
        entries.forEach((name, list) -> {
            Parameter current = null;
            for (Parameter p : list) {
                if (p.from() == null || (day != null && !p.from().isAfter(day))) {
                    current = p;
                }
            }
            if (current != null) {
                inForce.put(name, current);
            }
        });
        return new Parameters(this, inForce);
    }

    /** Every declared parameter (the release's declarations), in declaration order. */
    public Map<String, ParameterDeclaration> declarations() {
        return declarations;
    }

    /**
     * The typed value of {@code name} in force on {@code date} (its latest value from a date not after it, else the
     * undated one), null when none is: how a parameter dated by the age reached is read (the retirement age of a
     * person who reaches it in the year of {@code date}).
     */
    public Object valueOn(String name, LocalDate date) {
        if (!declarations.containsKey(name)) {
            throw ParameterException.of("unknown", name);
        }
        Object current = null;
        for (Parameter p : entries.getOrDefault(name, List.of())) {
            if (p.from() == null || !p.from().isAfter(date)) {
                current = p.typed();
            }
        }
        return current;
    }

    /**
     * The value of type {@code type} computed from this file by {@code make}, made once and kept as long as the file
     * (the retirement schedule: {@code WorkingTime#schedule}). {@code make} must depend on this file alone; the file
     * is immutable, so the value never goes stale.
     */
    public <T> T derived(Class<T> type, java.util.function.Function<RuleSetParameters, T> make) {
        return type.cast(derived.computeIfAbsent(type, t -> make.apply(this)));
    }

    /** Every valued parameter's entries, oldest first, in declaration order (a parameter this term does not value is absent). */
    public Map<String, List<Parameter>> entries() {
        return entries;
    }

    /**
     * The parameters having a value that cites document {@code id} (for the documents page: what rests on a
     * document besides the rules' citations), in declaration order.
     */
    public List<String> citing(String id) {
        List<String> out = new ArrayList<>();
        entries.forEach((name, list) -> {
            if (list.stream().anyMatch(p -> p.document().equals(id))) {
                out.add(name);
            }
        });
        return out;
    }

    /** The rule set's version string (its latest entry). */
    public String version() {
        List<Parameter> v = entries.get("ruleset.version");
        return v.get(v.size() - 1).value();
    }

    /**
     * This file with {@code overrides} applied: each named parameter keeps its declaration and gets a single entry
     * in force from the start with the given value (a rule case's override). An unknown name is an error.
     */
    public RuleSetParameters withOverrides(Map<String, String> overrides) {
        Map<String, List<Parameter>> copy = new LinkedHashMap<>();
        entries.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
        overrides.forEach((name, value) -> {
            ParameterDeclaration d = declarations.get(name);
            if (d == null) {
                throw ParameterException.of("unknown", name);
            }
            copy.put(name, new ArrayList<>(List.of(new Parameter(name, null, value == null ? "" : value,
                    d.type().parseValue(value, name, d.min(), d.max()), "", "", "", "override of " + name))));
        });
        return new RuleSetParameters(new LinkedHashMap<>(declarations), copy);
    }

    /** The term's values file text (as {@link #write} writes it). */
    public String text() {
        return write(declarations, entries);
    }

    /**
     * The values file text of {@code entries}, parameters in the order of {@code declarations} (the editing form
     * writes the file through this). Declarations are not written: they come with the release.
     */
    public static String write(Map<String, ParameterDeclaration> declarations, Map<String, List<Parameter>> entries) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            p.printRecord(HEADER);
            for (String name : declarations.keySet()) {
                for (Parameter e : entries.getOrDefault(name, List.of())) {
                    p.printRecord(name, date(e), e.value(), e.document(), e.article(), e.clause(), e.note());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String date(Parameter p) {
        return p.from() == null ? "" : p.from().toString();
    }
}
