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
 * A term's parameter file: every parameter's declaration (type, range, unit, labels, board parameter) and its dated
 * entries, each with its source. Columns: {@code parameter,type,min,max,unit,board_parameter,label_vi,label_en,from,
 * value,source}; a parameter's first row declares it, further rows of the same parameter (declaration columns left
 * empty) add entries in force from a later date. A rule uses the entry in force on the congress date
 * ({@link #at(LocalDate)}): the one with the latest {@code from} not after it. Immutable and thread-safe.
 */
public final class RuleSetParameters {
    static final String[] HEADER = {"parameter", "type", "min", "max", "unit", "board_parameter", "label_vi",
        "label_en", "from", "value", "source"};
    /** Longest text a board may give a value or a source (they are data shown on pages, never code). */
    public static final int MAX_TEXT = 2000;

    private final Map<String, ParameterDeclaration> declarations;
    private final Map<String, List<Parameter>> entries;
    /** The dates on which some entry starts, ascending: the resolved values change only there. */
    private final LocalDate[] changes;
    private final Map<Integer, Parameters> resolved = new ConcurrentHashMap<>();

    private RuleSetParameters(Map<String, ParameterDeclaration> declarations, Map<String, List<Parameter>> entries) {
        this.declarations = Collections.unmodifiableMap(declarations);
        this.entries = Collections.unmodifiableMap(entries);
        TreeSet<LocalDate> dates = new TreeSet<>();
        entries.values().forEach(l -> l.forEach(p -> {
            if (p.from() != null) {
                dates.add(p.from());
            }
        }));
        this.changes = dates.toArray(new LocalDate[0]);
        if (!declarations.containsKey("ruleset.version") || entries.get("ruleset.version").stream()
                .noneMatch(Parameter::isSet)) {
            throw ParameterException.of("missing", "ruleset.version");
        }
    }

    /** Reads a parameter file; {@code origin} names it in error messages (with the line). */
    public static RuleSetParameters parse(String text, String origin) {
        Map<String, ParameterDeclaration> declarations = new LinkedHashMap<>();
        Map<String, List<Parameter>> entries = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            if (!parser.getHeaderNames().equals(List.of(HEADER))) {
                throw ParameterException.of("header", null, String.join(",", HEADER));
            }
            for (CSVRecord r : parser) {
                try {
                    read(r, declarations, entries);
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

    private static void read(CSVRecord r, Map<String, ParameterDeclaration> declarations,
            Map<String, List<Parameter>> entries) {
        String name = r.get("parameter");
        if (!name.matches("[a-z][a-z0-9_]*(\\.[A-Za-z0-9_]+)*") || name.length() > 100) {
            throw ParameterException.of("name_invalid", name);
        }
        ParameterDeclaration d = declarations.get(name);
        if (d == null) {
            String board = r.get("board_parameter");
            if (!board.equals("yes") && !board.equals("no")) {
                throw ParameterException.of("board_flag", name);
            }
            d = new ParameterDeclaration(name, ParameterType.parse(r.get("type"), name), decimal(r.get("min"), name),
                    decimal(r.get("max"), name), r.get("unit"), board.equals("yes"), r.get("label_vi"),
                    r.get("label_en"));
            if (d.labelVi().isBlank() || d.labelEn().isBlank()) {
                throw ParameterException.of("label_missing", name);
            }
            BoardText.check(d.labelVi(), name, "label_vi");
            BoardText.check(d.labelEn(), name, "label_en");
            BoardText.check(d.unit(), name, "unit");
            declarations.put(name, d);
            entries.put(name, new ArrayList<>());
        } else {
            for (String column : new String[] {"type", "min", "max", "unit", "board_parameter", "label_vi",
                "label_en"}) {
                if (!r.get(column).isEmpty()) {
                    throw ParameterException.of("declared_twice", name);
                }
            }
        }
        LocalDate from = date(r.get("from"), name);
        List<Parameter> list = entries.get(name);
        for (Parameter p : list) {
            if (java.util.Objects.equals(p.from(), from)) {
                throw ParameterException.of("entry_twice", name, from == null ? "" : from.toString());
            }
        }
        String value = r.get("value");
        String source = r.get("source");
        if (source.isBlank()) {
            throw ParameterException.of("source_missing", name);
        }
        if (value.length() > MAX_TEXT || source.length() > MAX_TEXT) {
            throw ParameterException.of("too_long", name, MAX_TEXT);
        }
        BoardText.check(value, name, "value");
        BoardText.check(source, name, "source");
        list.add(new Parameter(name, from, value, d.type().parseValue(value, name, d.min(), d.max()), source));
        list.sort((a, b) -> a.from() == null ? -1 : b.from() == null ? 1 : a.from().compareTo(b.from()));
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

    public Map<String, ParameterDeclaration> declarations() {
        return declarations;
    }

    /** Every parameter's entries, oldest first, in file order of the parameters. */
    public Map<String, List<Parameter>> entries() {
        return entries;
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
                    d.type().parseValue(value, name, d.min(), d.max()), "override of " + name))));
        });
        return new RuleSetParameters(new LinkedHashMap<>(declarations), copy);
    }

    /** This file's text (declarations and entries, as {@link #write} writes them). */
    public String text() {
        return write(declarations, entries);
    }

    /** The file text of {@code declarations} and {@code entries} (the editing form writes the file through this). */
    public static String write(Map<String, ParameterDeclaration> declarations, Map<String, List<Parameter>> entries) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            p.printRecord((Object[]) HEADER);
            for (Map.Entry<String, ParameterDeclaration> e : declarations.entrySet()) {
                ParameterDeclaration d = e.getValue();
                boolean first = true;
                for (Parameter entry : entries.getOrDefault(e.getKey(), List.of())) {
                    if (first) {
                        p.printRecord(d.name(), d.type(), plain(d.min()), plain(d.max()), d.unit(),
                                d.boardParameter() ? "yes" : "no", d.labelVi(), d.labelEn(), date(entry),
                                entry.value(), entry.source());
                        first = false;
                    } else {
                        p.printRecord(d.name(), "", "", "", "", "", "", "", date(entry), entry.value(),
                                entry.source());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String plain(BigDecimal d) {
        return d == null ? "" : d.toPlainString();
    }

    private static String date(Parameter p) {
        return p.from() == null ? "" : p.from().toString();
    }
}
