package org.slatecheck.rules.params;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.slatecheck.rules.model.Level;

/**
 * A term as data (its rule set's {@code term.csv}, part of the version's content and checksum): its id
 * ({@code 2025-2030}), its congress season (first and last congress date) and the levels that exist on each date of
 * it (docs/specification.md sections 2 and 5). Columns {@code entry,value,from,to,earlier_level,source}; one {@code term} row
 * (value: the id), one {@code season} row (from, to), optional {@code directive} rows (value: the id of a
 * document of the registry, {@code documents.csv}, that opens the term — the Politburo's directive on its
 * congresses; a board names them with the term form), one {@code level} row per level that exists in the term
 * (value: the level's code; from and to empty for the whole season; {@code earlier_level}: for a level that exists
 * only from a date, the level such a congress had before it — a commune congress before 01/07/2025 was a grassroots
 * one). Read strictly: every problem is a {@link ParameterException} naming the entry, in words in both languages.
 * Immutable and thread-safe.
 */
public final class Term {
    static final String[] HEADER = {"entry", "value", "from", "to", "earlier_level", "source"};
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("(\\d{4})-(\\d{4})");

    /** The period in which a level exists in the term (null bounds: the season's), and what it was before. */
    public record LevelPeriod(Level level, LocalDate from, LocalDate to, Level earlier, String source) {
        /** True when the level exists on {@code date} (bounds included). */
        public boolean existsOn(LocalDate date) {
            return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
        }
    }

    private final String id;
    private final LocalDate seasonFrom;
    private final LocalDate seasonTo;
    private final String termSource;
    private final String seasonSource;
    private final Map<Level, LevelPeriod> levels;
    private final List<String> directives;

    public Term(String id, LocalDate seasonFrom, LocalDate seasonTo, String termSource, String seasonSource,
            List<LevelPeriod> levels) {
        this(id, seasonFrom, seasonTo, termSource, seasonSource, levels, List.of());
    }

    /** As above, with the ids of the term's directives (documents of the registry), in order, each once. */
    public Term(String id, LocalDate seasonFrom, LocalDate seasonTo, String termSource, String seasonSource,
            List<LevelPeriod> levels, List<String> directives) {
        java.util.regex.Matcher m = id == null ? null : ID.matcher(id);
        if (m == null || !m.matches() || Integer.parseInt(m.group(2)) <= Integer.parseInt(m.group(1))) {
            throw ParameterException.of("term_id", "term", id == null ? "" : id);
        }
        if (seasonFrom == null || seasonTo == null) {
            throw ParameterException.of("term_season_missing", "season");
        }
        if (seasonFrom.isAfter(seasonTo)) {
            throw ParameterException.of("term_dates", "season", seasonFrom, seasonTo);
        }
        Map<Level, LevelPeriod> map = new LinkedHashMap<>();
        for (LevelPeriod p : levels) {
            String field = "level." + p.level().name();
            if (map.put(p.level(), p) != null) {
                throw ParameterException.of("term_level_twice", field, p.level().name());
            }
            if (p.from() != null && p.to() != null && p.from().isAfter(p.to())) {
                throw ParameterException.of("term_dates", field, p.from(), p.to());
            }
            for (LocalDate d : new LocalDate[] {p.from(), p.to()}) {
                if (d != null && (d.isBefore(seasonFrom) || d.isAfter(seasonTo))) {
                    throw ParameterException.of("term_level_outside", field, d, seasonFrom, seasonTo);
                }
            }
            if (p.earlier() == p.level()) {
                throw ParameterException.of("term_earlier_level", field, p.level().name());
            }
        }
        if (map.isEmpty()) {
            throw ParameterException.of("term_no_level", "level");
        }
        this.id = id;
        this.seasonFrom = seasonFrom;
        this.seasonTo = seasonTo;
        this.termSource = termSource;
        this.seasonSource = seasonSource;
        this.levels = Collections.unmodifiableMap(map);
        for (String d : directives) {
            if (!Documents.ID.matcher(d).matches()) {
                throw ParameterException.of("document_id", "directive", d);
            }
        }
        if (new java.util.HashSet<>(directives).size() != directives.size()) {
            throw ParameterException.of("term_once", "directive", "directive");
        }
        this.directives = List.copyOf(directives);
    }

    /** Reads a term file; {@code origin} names it in error messages (with the line). */
    public static Term parse(String text, String origin) {
        if (text == null) {
            throw ParameterException.of("unreadable", null, origin).at(origin);
        }
        String id = null;
        String termSource = null;
        LocalDate from = null;
        LocalDate to = null;
        String seasonSource = null;
        boolean seasonSeen = false;
        List<LevelPeriod> levels = new ArrayList<>();
        List<String> directives = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            if (!parser.getHeaderNames().equals(List.of(HEADER))) {
                throw ParameterException.of("header", null, String.join(",", HEADER)).at(origin);
            }
            for (CSVRecord r : parser) {
                try {
                    String entry = r.get("entry");
                    String value = r.get("value");
                    String source = r.get("source");
                    switch (entry) {
                        case "term" -> {
                            if (id != null) {
                                throw ParameterException.of("term_once", "term", "term");
                            }
                            id = value;
                            termSource = source(source, "term");
                        }
                        case "season" -> {
                            if (seasonSeen) {
                                throw ParameterException.of("term_once", "season", "season");
                            }
                            seasonSeen = true;
                            from = date(r.get("from"), "season.from");
                            to = date(r.get("to"), "season.to");
                            seasonSource = source(source, "season");
                        }
                        case "directive" -> directives.add(value);
                        case "level" -> {
                            Level level = level(value, "level");
                            String field = "level." + level.name();
                            String earlier = r.get("earlier_level");
                            levels.add(new LevelPeriod(level, date(r.get("from"), field + ".from"),
                                    date(r.get("to"), field + ".to"),
                                    earlier.isEmpty() ? null : level(earlier, field + ".earlier_level"),
                                    source.isEmpty() ? "" : BoardText.check(source, field, "source")));
                        }
                        default -> throw ParameterException.of("term_entry_unknown", "entry", entry);
                    }
                } catch (ParameterException e) {
                    throw e.at(origin + ":" + parser.getCurrentLineNumber());
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new ParameterException("unreadable", null, origin + ": " + e.getMessage(), List.of(origin));
        }
        try {
            return new Term(id, from, to, termSource, seasonSource, levels, directives);
        } catch (ParameterException e) {
            throw e.at(origin);
        }
    }

    private static String source(String text, String field) {
        if (text.isBlank()) {
            throw ParameterException.of("source_missing", field);
        }
        if (text.length() > RuleSetParameters.MAX_TEXT) {
            throw ParameterException.of("too_long", field, RuleSetParameters.MAX_TEXT);
        }
        return BoardText.check(text, field, "source");
    }

    private static Level level(String code, String field) {
        try {
            return Level.valueOf(code);
        } catch (IllegalArgumentException e) {
            throw ParameterException.of("code_unknown", field, code, "Level");
        }
    }

    private static LocalDate date(String text, String field) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ParameterException.of("not_date", field, text);
        }
    }

    public String id() {
        return id;
    }

    /** The first congress date of the term's season. */
    public LocalDate seasonFrom() {
        return seasonFrom;
    }

    /** The last congress date of the term's season. */
    public LocalDate seasonTo() {
        return seasonTo;
    }

    /** True when {@code date} lies in the season (bounds included). */
    public boolean inSeason(LocalDate date) {
        return !date.isBefore(seasonFrom) && !date.isAfter(seasonTo);
    }

    /** The levels of the term, in file order, each with its period. */
    public Map<Level, LevelPeriod> levels() {
        return levels;
    }

    /** The period of {@code level} in this term, or null when the level has no congress in it. */
    public LevelPeriod level(Level level) {
        return levels.get(level);
    }

    /** The levels that exist on {@code date}, in file order. */
    public List<Level> levelsOn(LocalDate date) {
        return levels.values().stream().filter(p -> p.existsOn(date)).map(LevelPeriod::level).toList();
    }

    /** The ids of the term's directives (documents of the registry), in file order; empty when none is named. */
    public List<String> directives() {
        return directives;
    }

    /** What the {@code term} row says of the term (its directives in words). */
    public String termSource() {
        return termSource;
    }

    /** This term with other directives and season, and the {@code term} row's text {@code termSource}. */
    public Term withDirectives(List<String> ids, LocalDate from, LocalDate to, String termSource) {
        return new Term(id, from, to, termSource, seasonSource, new ArrayList<>(levels.values()), ids);
    }

    /**
     * This term with another id and season (a new term made from this one: same levels without their dates, no
     * directive — the new term's are the board's to name).
     */
    public Term next(String newId, LocalDate from, LocalDate to) {
        List<LevelPeriod> copy = new ArrayList<>();
        levels.values().forEach(p -> {
            boolean ended = p.to() != null;
            if (!ended) {
                copy.add(new LevelPeriod(p.level(), null, null, null, p.source()));
            }
        });
        return new Term(newId, from, to, "Nhiệm kỳ " + newId, seasonSource, copy);
    }

    /** This term's file text (as {@link #parse} reads it). */
    public String text() {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            p.printRecord((Object[]) HEADER);
            p.printRecord("term", id, "", "", "", termSource);
            p.printRecord("season", "", seasonFrom, seasonTo, "", seasonSource);
            for (String d : directives) {
                p.printRecord("directive", d, "", "", "", "");
            }
            for (LevelPeriod l : levels.values()) {
                p.printRecord("level", l.level().name(), l.from() == null ? "" : l.from(),
                        l.to() == null ? "" : l.to(), l.earlier() == null ? "" : l.earlier().name(), l.source());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return id + " (" + seasonFrom + " – " + seasonTo + ")";
    }
}
