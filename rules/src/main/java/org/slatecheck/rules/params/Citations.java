package org.slatecheck.rules.params;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slatecheck.rules.text.Messages;

/**
 * A term's citations, out of the rules (docs/specification.md section 5): {@code rule,parameter,document,article,
 * clause,note_vi,note_en}. A row names a document of the registry ({@link Documents}) by id, optionally its article
 * and clause, and a short qualifier in both languages that never restates a threshold (the message takes the value
 * from the parameter). A rule has several rows for the documents that apply over time; which apply to a congress
 * comes from the registry's dates, not from the row: a finding cites the rows whose document is in force on the
 * congress date (issued on or before it, not replaced before it) and names an amendment in force with the document it
 * amends. A row whose document is {@value #BOARD} is the board's own parameter (always in force); a rule with no row
 * in force on the date cites "Board parameter" — never a later or repealed text. A row naming a parameter is the
 * citation of the rule's findings resting on that parameter; {@code level:LEVEL} is the rule's citation at that
 * congress level; without either, the rule's own. A row whose document and notes are all empty says, deliberately,
 * that the rule's findings cite nothing (DAT-001). Immutable and thread-safe.
 */
public final class Citations {
    static final List<String> HEADER = List.of("rule", "parameter", "document", "article", "clause", "note_vi",
            "note_en");

    /** The document column of a row that rests on the board's own parameter, not on a text. */
    public static final String BOARD = "board";

    /** An article or clause: a number, a range ("34-36") or a letter point ("a"). */
    private static final Pattern ARTICLE = Pattern.compile("[0-9]{1,3}[a-z]?(-[0-9]{1,3}[a-z]?)?|[a-zđ]");
    private static final int MAX_NOTE = 300;

    /** One row; {@code document} is a registry id, {@value #BOARD}, or empty (cites nothing). */
    public record Entry(String rule, String parameter, String document, String article, String clause,
            String noteVi, String noteEn) {
        public boolean isBoard() {
            return BOARD.equals(document);
        }

        public boolean isNothing() {
            return document.isEmpty();
        }
    }

    /**
     * What a finding cites on one congress date: the text in Vietnamese and in English (each unconfirmed document
     * marked in it), whether every document cited was checked against its text, and the documents cited (with the
     * amendments named).
     */
    public record Cited(String vi, String en, boolean confirmed, List<String> documents) {
        public String text(String language) {
            return "en".equals(language) ? en : vi;
        }
    }

    private final Map<String, List<Entry>> byKey;
    private final List<Entry> entries;
    private final Documents documents;
    /**
     * What {@link #entry} gave per (rule, parameter, level, date): the rows and the registry never change, so one
     * resolution serves every finding of the same key (issue 20: building the text for every finding was a large part
     * of screening). Bounded: past {@link #CACHE_LIMIT} keys (a batch of very many congress dates) a resolution is
     * simply not kept. {@code -Dslatecheck.citationCache=false} turns it off (for measurements).
     */
    private final java.util.concurrent.ConcurrentHashMap<CacheKey, java.util.Optional<Cited>> cache =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 20_000;
    private static final boolean CACHE = !"false".equals(System.getProperty("slatecheck.citationCache"));

    private record CacheKey(String rule, String parameter, String level, LocalDate date) {
    }

    private Citations(List<Entry> entries, Documents documents) {
        this.entries = List.copyOf(entries);
        this.documents = documents;
        Map<String, List<Entry>> map = new LinkedHashMap<>();
        for (Entry e : entries) {
            map.computeIfAbsent(key(e.rule(), e.parameter()), k -> new ArrayList<>()).add(e);
        }
        this.byKey = Collections.unmodifiableMap(map);
    }

    private static String key(String rule, String parameter) {
        return parameter == null || parameter.isEmpty() ? rule : rule + "@" + parameter;
    }

    /** Reads {@code text} strictly against the document registry {@code documents}. */
    public static Citations parse(String text, String origin, Documents documents) {
        List<Entry> entries = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text == null ? "" : text), format)) {
            if (!parser.getHeaderNames().equals(HEADER)) {
                throw ParameterException.of("header", null, String.join(",", HEADER)).at(origin);
            }
            for (CSVRecord r : parser) {
                String where = origin + ":" + parser.getCurrentLineNumber();
                if (r.size() != HEADER.size()) {
                    throw ParameterException.of("header", null, String.join(",", HEADER)).at(where);
                }
                String rule = r.get("rule");
                if (!RuleSwitches.RULE_ID.matcher(rule).matches()) {
                    throw ParameterException.of("rule_unknown", rule, rule).at(where);
                }
                Entry entry = new Entry(rule, r.get("parameter"), r.get("document"), r.get("article"),
                        r.get("clause"), r.get("note_vi"), r.get("note_en"));
                try {
                    check(entry, documents);
                } catch (ParameterException e) {
                    throw e.at(where);
                }
                for (Entry e : entries) {
                    if (key(e.rule(), e.parameter()).equals(key(rule, entry.parameter()))
                            && e.document().equals(entry.document()) && e.article().equals(entry.article())
                            && e.clause().equals(entry.clause())) {
                        throw ParameterException.of("entry_twice", rule, entry.document()).at(where);
                    }
                }
                entries.add(entry);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new ParameterException("unreadable", null, origin + ": " + e.getMessage(), List.of(origin));
        }
        return new Citations(entries, documents);
    }

    private static void check(Entry e, Documents documents) {
        String rule = e.rule();
        BoardText.check(e.parameter(), rule, "citation");
        BoardText.check(e.document(), rule, "document.id");
        BoardText.check(e.noteVi(), rule, "citation");
        BoardText.check(e.noteEn(), rule, "citation_en");
        if (e.noteVi().length() > MAX_NOTE || e.noteEn().length() > MAX_NOTE) {
            throw ParameterException.of("too_long", rule, MAX_NOTE);
        }
        if (e.noteVi().isEmpty() != e.noteEn().isEmpty()) {
            throw ParameterException.of("label_missing", rule);
        }
        for (String part : new String[] {e.article(), e.clause()}) {
            if (!part.isEmpty() && !ARTICLE.matcher(part).matches()) {
                throw ParameterException.of("citation_article", rule, part);
            }
        }
        if (!e.clause().isEmpty() && e.article().isEmpty()) {
            throw ParameterException.of("citation_article", rule, e.clause());
        }
        if (e.isNothing()) {
            if (!e.article().isEmpty() || !e.noteVi().isEmpty()) {
                throw ParameterException.of("document_unknown", rule, "");
            }
            return;
        }
        if (e.isBoard()) {
            if (!e.article().isEmpty()) {
                throw ParameterException.of("citation_article", rule, e.article());
            }
            return;
        }
        if (documents.get(e.document()) == null) {
            throw ParameterException.of("document_unknown", rule, e.document());
        }
    }

    /** Every row, in file order. */
    public List<Entry> entries() {
        return entries;
    }

    /** The document registry the rows name. */
    public Documents documents() {
        return documents;
    }

    /** True when {@code rule} has at least one citation row of its own. */
    public boolean has(String rule) {
        return byKey.containsKey(rule);
    }

    /** The Vietnamese text a finding of {@code rule} resting on {@code parameter} cites on {@code date}. */
    public String citation(String rule, String parameter, LocalDate date) {
        return citation(rule, parameter, null, date);
    }

    /**
     * The Vietnamese text a finding of {@code rule} resting on {@code parameter} (may be null) at a congress of
     * {@code level} (may be null) cites on {@code date} (null: as of now); null when the rule has no row at all, ""
     * when it deliberately cites nothing.
     */
    public String citation(String rule, String parameter, String level, LocalDate date) {
        Cited c = entry(rule, parameter, level, date);
        return c == null ? null : c.vi();
    }

    /**
     * What a finding of {@code rule} resting on {@code parameter} (may be null) at a congress of {@code level} (may be
     * null) cites on {@code date} (null: as of now): the parameter's rows in force, else the level's
     * ({@code level:LEVEL}), else the rule's; when none is in force, "Board parameter". Null when the rule has no row.
     */
    public Cited entry(String rule, String parameter, String level, LocalDate date) {
        if (!CACHE || date == null) {
            return resolve(rule, parameter, level, date);
        }
        CacheKey key = new CacheKey(rule, parameter, level, date);
        java.util.Optional<Cited> known = cache.get(key);
        if (known == null) {
            known = java.util.Optional.ofNullable(resolve(rule, parameter, level, date));
            if (cache.size() < CACHE_LIMIT) {
                cache.putIfAbsent(key, known);
            }
        }
        return known.orElse(null);
    }

    private Cited resolve(String rule, String parameter, String level, LocalDate date) {
        if (!byKey.containsKey(rule) && (parameter == null || !byKey.containsKey(key(rule, parameter)))
                && (level == null || !byKey.containsKey(key(rule, LEVEL + level)))) {
            return null;
        }
        List<Entry> rows = parameter == null ? List.of() : inForce(byKey.get(key(rule, parameter)), date);
        if (rows.isEmpty() && level != null) {
            rows = inForce(byKey.get(key(rule, LEVEL + level)), date);
        }
        if (rows.isEmpty()) {
            rows = inForce(byKey.get(rule), date);
        }
        if (rows.size() == 1 && rows.get(0).isNothing()) {
            return new Cited("", "", true, List.of());
        }
        if (rows.isEmpty()) {
            return new Cited(Messages.of(Messages.VI).raw("citation.board"),
                    Messages.of(Messages.EN).raw("citation.board"), true, List.of());
        }
        return new Cited(render(rows, date, "vi"), render(rows, date, "en"), rows.stream()
                .allMatch(e -> confirmed(e, date)), List.copyOf(cited(rows, date)));
    }

    /** The parameter-column prefix of a row that applies at one congress level. */
    public static final String LEVEL = "level:";

    /** The rows of {@code list} in force on {@code date}: board rows always, document rows by the registry. */
    private List<Entry> inForce(List<Entry> list, LocalDate date) {
        if (list == null) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        for (Entry e : list) {
            if (e.isNothing() || e.isBoard() || documents.get(e.document()).inForce(date)) {
                out.add(e);
            }
        }
        return out;
    }

    private boolean confirmed(Entry e, LocalDate date) {
        if (e.isBoard() || e.isNothing()) {
            return true;
        }
        Documents.Document d = documents.get(e.document());
        return d.confirmed() && (!d.amendedOn(date) || documents.get(d.amendedBy()).confirmed());
    }

    private List<String> cited(List<Entry> rows, LocalDate date) {
        List<String> ids = new ArrayList<>();
        for (Entry e : rows) {
            if (!e.isBoard() && !e.isNothing()) {
                Documents.Document d = documents.get(e.document());
                ids.add(d.id());
                if (d.amendedOn(date)) {
                    ids.add(d.amendedBy());
                }
            }
        }
        return ids;
    }

    /**
     * The rows as one text in {@code language}: "Quy định 69-QĐ/TW ngày 6/7/2022, Điều 2 khoản 5 (sửa đổi, bổ sung
     * bởi Quy định 264-QĐ/TW ngày 14/2/2025): note; …", board rows first, a note shared by consecutive rows written
     * once after the last of them. A document not checked against its text is marked: once at the end when no
     * document of the citation was checked, else after each unchecked one.
     */
    private String render(List<Entry> rows, LocalDate date, String language) {
        Messages m = Messages.of(Messages.language(language));
        List<Entry> ordered = new ArrayList<>(rows);
        ordered.sort((a, b) -> Boolean.compare(!a.isBoard(), !b.isBoard()));
        boolean anyDocument = ordered.stream().anyMatch(e -> !e.isBoard());
        boolean noneChecked = anyDocument && ordered.stream().filter(e -> !e.isBoard())
                .noneMatch(e -> confirmed(e, date));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < ordered.size(); i++) {
            Entry e = ordered.get(i);
            String note = "en".equals(language) ? e.noteEn() : e.noteVi();
            Entry next = i + 1 < ordered.size() ? ordered.get(i + 1) : null;
            boolean shared = next != null && !e.isBoard() && !next.isBoard() && !note.isEmpty()
                    && note.equals("en".equals(language) ? next.noteEn() : next.noteVi());
            if (i > 0) {
                text.append("; ");
            }
            if (e.isBoard()) {
                text.append(note.isEmpty() ? m.raw("citation.board") : m.text("citation.board_note", note));
                continue;
            }
            Documents.Document d = documents.get(e.document());
            text.append(d.reference(language));
            if (!e.article().isEmpty()) {
                String key = e.clause().isEmpty() ? e.article().contains("-") ? "citation.articles"
                        : "citation.article" : "citation.article_clause";
                text.append(", ").append(m.text(key, e.article(), e.clause()));
            }
            if (d.amendedOn(date)) {
                text.append(' ').append(m.text("citation.amended", documents.get(d.amendedBy()).reference(language)));
            }
            if (!noneChecked && !confirmed(e, date)) {
                text.append(' ').append(m.raw("citation.unconfirmed"));
            }
            if (!note.isEmpty() && !shared) {
                text.append(": ").append(note);
            }
        }
        if (noneChecked) {
            text.append(' ').append(m.raw("citation.unconfirmed"));
        }
        return text.toString();
    }
}
