package org.slatecheck.rules.params;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A term's citations, out of the rules: {@code rule,parameter,from,citation}. A rule's citation may carry several
 * entries, each in force from a date; a row naming a parameter is the citation of the rule's findings that rest on
 * that parameter (the inspection minimum of AGE-002, say), a row without one the rule's own. A finding cites the
 * entry in force on the congress date. A row whose parameter column is {@code level:LEVEL} is the rule's citation at
 * that congress level (HLT-001 cites one regulation at provincial level, another elsewhere). A row with an empty
 * citation says, deliberately, that the rule's findings cite nothing (DAT-001: missing data rests on no article; its
 * message asks for the dossier to be completed). Immutable and thread-safe.
 */
public final class Citations {
    static final List<String> HEADER = List.of("rule", "parameter", "from", "citation");
    /** The header with the English wording of each citation (the English reports quote it). */
    static final List<String> HEADER_EN = List.of("rule", "parameter", "from", "citation", "citation_en");

    /** One dated citation row; {@code citationEn} is its English wording (empty: the Vietnamese is shown). */
    public record Entry(String rule, String parameter, LocalDate from, String citation, String citationEn) {
        public Entry(String rule, String parameter, LocalDate from, String citation) {
            this(rule, parameter, from, citation, "");
        }

        /** The wording in {@code language} ({@code en} or else Vietnamese). */
        public String text(String language) {
            return "en".equals(language) && citationEn != null && !citationEn.isEmpty() ? citationEn : citation;
        }
    }

    private final Map<String, List<Entry>> byKey;
    private final List<Entry> entries;

    private Citations(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        Map<String, List<Entry>> map = new LinkedHashMap<>();
        for (Entry e : entries) {
            map.computeIfAbsent(key(e.rule(), e.parameter()), k -> new ArrayList<>()).add(e);
        }
        map.values().forEach(l -> l.sort((a, b) -> a.from() == null ? -1 : b.from() == null ? 1
                : a.from().compareTo(b.from())));
        this.byKey = Collections.unmodifiableMap(map);
    }

    private static String key(String rule, String parameter) {
        return parameter == null || parameter.isEmpty() ? rule : rule + "@" + parameter;
    }

    public static Citations parse(String text, String origin) {
        List<Entry> entries = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text == null ? "" : text), format)) {
            boolean english = parser.getHeaderNames().equals(HEADER_EN);
            if (!english && !parser.getHeaderNames().equals(HEADER)) {
                throw ParameterException.of("header", null, String.join(",", HEADER_EN)).at(origin);
            }
            for (CSVRecord r : parser) {
                String where = origin + ":" + parser.getCurrentLineNumber();
                String rule = r.get("rule");
                if (!RuleSwitches.RULE_ID.matcher(rule).matches()) {
                    throw ParameterException.of("rule_unknown", rule, rule).at(where);
                }
                String citation = r.get("citation");
                String citationEn = english && r.isSet("citation_en") ? r.get("citation_en") : "";
                if (citationEn.length() > RuleSetParameters.MAX_TEXT) {
                    throw ParameterException.of("too_long", rule, RuleSetParameters.MAX_TEXT).at(where);
                }
                if (citation.length() > RuleSetParameters.MAX_TEXT) {
                    throw ParameterException.of("too_long", rule, RuleSetParameters.MAX_TEXT).at(where);
                }
                try {
                    BoardText.check(citation, rule, "citation");
                    BoardText.check(citationEn, rule, "citation_en");
                    BoardText.check(r.get("parameter"), rule, "citation");
                } catch (ParameterException e) {
                    throw e.at(where);
                }
                LocalDate from;
                try {
                    from = r.get("from").isEmpty() ? null : LocalDate.parse(r.get("from"));
                } catch (DateTimeParseException e) {
                    throw ParameterException.of("not_date", rule, r.get("from")).at(where);
                }
                Entry entry = new Entry(rule, r.get("parameter"), from, citation, citationEn);
                for (Entry e : entries) {
                    if (key(e.rule(), e.parameter()).equals(key(rule, entry.parameter()))
                            && Objects.equals(e.from(), from)) {
                        throw ParameterException.of("entry_twice", rule, from == null ? "" : from.toString())
                                .at(where);
                    }
                }
                entries.add(entry);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new ParameterException("unreadable", null, origin + ": " + e.getMessage(), List.of(origin));
        }
        return new Citations(entries);
    }

    /** Every row, in file order. */
    public List<Entry> entries() {
        return entries;
    }

    /** True when {@code rule} has at least one citation row of its own. */
    public boolean has(String rule) {
        return byKey.containsKey(rule);
    }

    /**
     * What a finding of {@code rule} resting on {@code parameter} (may be null) cites on {@code date}: the
     * parameter's own row in force, else the rule's; null when nothing is in force then.
     */
    public String citation(String rule, String parameter, LocalDate date) {
        return citation(rule, parameter, null, date);
    }

    /**
     * What a finding of {@code rule} resting on {@code parameter} (may be null) at a congress of {@code level} (may
     * be null) cites on {@code date}: the parameter's row in force, else the level's ({@code level:LEVEL}), else the
     * rule's; null when nothing is in force then, "" when the rule deliberately cites nothing.
     */
    public String citation(String rule, String parameter, String level, LocalDate date) {
        Entry e = entry(rule, parameter, level, date);
        return e == null ? null : e.citation();
    }

    /** The row {@link #citation(String, String, String, LocalDate)} takes its wording from; null when none. */
    public Entry entry(String rule, String parameter, String level, LocalDate date) {
        Entry e = parameter == null ? null : inForce(byKey.get(key(rule, parameter)), date);
        if (e == null && level != null) {
            e = inForce(byKey.get(key(rule, LEVEL + level)), date);
        }
        return e != null ? e : inForce(byKey.get(rule), date);
    }

    /** The parameter-column prefix of a row that applies at one congress level. */
    public static final String LEVEL = "level:";

    private static Entry inForce(List<Entry> list, LocalDate date) {
        if (list == null) {
            return null;
        }
        Entry current = null;
        for (Entry e : list) {
            if (e.from() == null || date == null || !e.from().isAfter(date)) {
                current = e;
            }
        }
        return current;
    }
}
