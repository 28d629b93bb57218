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

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slatecheck.rules.model.Code;

/**
 * A term's arrangement of provinces (docs/specification.md section 6): {@code province,belongs_to,from,source}, one row
 * per province name as it was written before an arrangement, naming the province it belongs to from {@code from} on
 * (2025: 63 provinces → 34, Nghị quyết 202/2025/QH15, in force from 01/07/2025). Names compare as LOC-001 always
 * compared provinces ({@link Code#sameText}: trimmed, NFC, case-insensitive). A term without the file has no
 * arrangement ({@link #NONE}). Immutable; inserted into every session as a fact.
 */
public final class Provinces {
    static final List<String> HEADER = List.of("province", "belongs_to", "from", "source");

    /** No arrangement: every province is itself. */
    public static final Provinces NONE = new Provinces(List.of());

    /** One row: {@code province} belongs to {@code belongsTo} from {@code from}. */
    public record Entry(String province, String belongsTo, LocalDate from, String source) {
    }

    private final List<Entry> entries;
    /** Folded province → its rows, latest {@code from} first. */
    private final Map<String, List<Entry>> byName;

    private Provinces(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        Map<String, List<Entry>> map = new LinkedHashMap<>();
        for (Entry e : entries) {
            map.computeIfAbsent(Code.fold(e.province()), k -> new ArrayList<>()).add(e);
        }
        map.values().forEach(l -> l.sort((a, b) -> b.from().compareTo(a.from())));
        this.byName = Collections.unmodifiableMap(map);
    }

    /** Reads the file; null or blank text gives {@link #NONE}. */
    public static Provinces parse(String text, String origin) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        List<Entry> entries = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            if (!parser.getHeaderNames().equals(HEADER)) {
                throw ParameterException.of("header", null, String.join(",", HEADER)).at(origin);
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (CSVRecord r : parser) {
                String where = origin + ":" + parser.getCurrentLineNumber();
                String province = r.get("province");
                if (province.isEmpty() || r.get("belongs_to").isEmpty()) {
                    throw ParameterException.of("required", province).at(where);
                }
                LocalDate from;
                try {
                    from = LocalDate.parse(r.get("from"));
                } catch (DateTimeParseException e) {
                    throw ParameterException.of("not_date", province, r.get("from")).at(where);
                }
                if (r.get("source").isBlank()) {
                    throw ParameterException.of("source_missing", province).at(where);
                }
                for (String field : List.of("province", "belongs_to", "source")) {
                    if (r.get(field).length() > RuleSetParameters.MAX_TEXT) {
                        throw ParameterException.of("too_long", province, RuleSetParameters.MAX_TEXT).at(where);
                    }
                    BoardText.check(r.get(field), province, field);
                }
                if (!seen.add(Code.fold(province) + "|" + from)) {
                    throw ParameterException.of("entry_twice", province, from).at(where);
                }
                entries.add(new Entry(province, r.get("belongs_to"), from, r.get("source")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            if (e instanceof ParameterException) {
                throw e;
            }
            throw ParameterException.of("unreadable", null, origin).at(origin);
        }
        return new Provinces(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /**
     * The province {@code name} belongs to on {@code date}: the {@code belongs_to} of its latest row in force, else
     * {@code name} itself; null for null.
     */
    public String on(String name, LocalDate date) {
        if (name == null) {
            return null;
        }
        for (Entry e : byName.getOrDefault(Code.fold(name), List.of())) {
            if (date == null || !e.from().isAfter(date)) {
                return e.belongsTo();
            }
        }
        return name;
    }

    /** True when {@code a} and {@code b} are, on {@code date}, the same province (both non-empty). */
    public boolean same(String a, String b, LocalDate date) {
        return Code.sameText(on(a, date), on(b, date));
    }
}
