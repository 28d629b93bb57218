package org.slatecheck.rules.params;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
 * The registry of the texts SlateCheck cites ({@code documents.csv}, one file for every term, docs/specification.md
 * section 5): each document's id, kind, number, issuer, date issued and in force, titles, what replaced it and
 * from when, what amended it and from when, and whether its content was checked against the text
 * ({@code confirmed}) or only against secondary reports ({@code unconfirmed}), with the source of that judgement.
 * Citations name documents by id ({@link Citations}); the text a user reads is built here, never typed twice.
 * Immutable and thread-safe.
 */
public final class Documents {
    public static final List<String> HEADER = List.of("id", "kind", "number", "issuer", "issued", "in_force_from",
            "title_vi", "title_en", "replaced_by", "replaced_on", "amended_by", "amended_on", "confirmed",
            "confirmation_source");

    /** A document id: capital letters and digits in dash-separated groups, e.g. {@code QD-190-2024}. */
    static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]{0,11}(-[A-Z0-9]{1,12}){0,4}");

    /** The kinds a document may be, as the registry writes them, with the bundle code of each. */
    public static final Map<String, String> KINDS;

    static {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("Chỉ thị", "DIRECTIVE");
        k.put("Kết luận", "CONCLUSION");
        k.put("Quy định", "REGULATION");
        k.put("Quyết định", "DECISION");
        k.put("Hướng dẫn", "GUIDANCE");
        k.put("Điều lệ", "STATUTE");
        k.put("Luật", "LAW");
        k.put("Nghị định", "DECREE");
        k.put("Bộ luật", "CODE");
        k.put("Nghị quyết", "RESOLUTION");
        KINDS = Collections.unmodifiableMap(k);
    }

    /** Kinds named by their title ("Bộ luật Lao động số 45/2019/QH14"), not by kind and number. */
    private static final List<String> NAMED = List.of("Điều lệ", "Luật", "Bộ luật");

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d/M/yyyy");
    private static final int MAX_FIELD = 300;

    /** One registry row. Dates may be null where the registry leaves them empty (replacement, amendment). */
    public record Document(String id, String kind, String number, String issuer, LocalDate issued,
            LocalDate inForceFrom, String titleVi, String titleEn, String replacedBy, LocalDate replacedOn,
            String amendedBy, LocalDate amendedOn, boolean confirmed, String confirmationSource) {

        /** The first day it is in force: {@code in_force_from}, else the day it was issued. */
        public LocalDate start() {
            return inForceFrom != null ? inForceFrom : issued;
        }

        /**
         * True when it can be cited for a congress on {@code date}: issued on or before it, in force by then and not
         * replaced on or before it. A null date (no congress: the rule catalogue) means "as of now": not replaced.
         */
        public boolean inForce(LocalDate date) {
            if (date == null) {
                return replacedOn == null;
            }
            return !issued.isAfter(date) && !start().isAfter(date) && (replacedOn == null || date.isBefore(replacedOn));
        }

        /** True when its amendment is in force on {@code date} (null: as of now). */
        public boolean amendedOn(LocalDate date) {
            return amendedBy != null && (date == null || !amendedOn.isAfter(date));
        }

        /** The kind in {@code language} ("Quy định" / "Regulation"). */
        public String kindIn(String language) {
            return Messages.of(Messages.language(language)).raw("document.kind." + KINDS.get(kind));
        }

        /** The title in {@code language} (the Vietnamese where the English is empty). */
        public String title(String language) {
            return "en".equals(language) && !titleEn.isEmpty() ? titleEn : titleVi;
        }

        /**
         * How a citation names it in {@code language}: "Quy định 190-QĐ/TW ngày 10/10/2024" / "Regulation 190-QĐ/TW
         * of 10/10/2024"; a code, law or statute by its title ("Bộ luật Lao động số 45/2019/QH14 ngày 20/11/2019").
         */
        public String reference(String language) {
            Messages m = Messages.of(Messages.language(language));
            String date = SHORT.format(issued);
            if (NAMED.contains(kind) || number.isEmpty()) {
                return number.isEmpty() ? m.text("document.named", title(language), date)
                        : m.text("document.named_number", title(language), number, date);
            }
            return m.text("document.reference", kindIn(language), number, date);
        }
    }

    private final Map<String, Document> byId;

    private Documents(Map<String, Document> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /** No documents (a rule set whose citations name none). */
    public static Documents empty() {
        return new Documents(new LinkedHashMap<>());
    }

    /** Reads {@code text} strictly: a refusal names the row ({@code origin:line}) and the field, in words. */
    public static Documents parse(String text, String origin) {
        Map<String, Document> docs = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text == null ? "" : text), format)) {
            if (!parser.getHeaderNames().equals(HEADER)) {
                throw ParameterException.of("header", null, String.join(",", HEADER)).at(origin);
            }
            for (CSVRecord r : parser) {
                String where = origin + ":" + parser.getCurrentLineNumber();
                try {
                    Document d = row(r);
                    if (docs.containsKey(d.id())) {
                        throw ParameterException.of("document_twice", d.id(), d.id());
                    }
                    docs.put(d.id(), d);
                } catch (ParameterException e) {
                    throw e.at(where);
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new ParameterException("unreadable", null, origin + ": " + e.getMessage(), List.of(origin));
        }
        for (Document d : docs.values()) {
            for (String other : new String[] {d.replacedBy(), d.amendedBy()}) {
                if (other != null && !docs.containsKey(other)) {
                    throw ParameterException.of("document_unknown", d.id(), other).at(origin);
                }
            }
            if (d.replacedBy() != null && docs.get(d.replacedBy()).issued().isAfter(d.replacedOn())) {
                throw ParameterException.of("document_order", d.id(), d.replacedBy(), d.replacedOn()).at(origin);
            }
            if (d.amendedBy() != null && docs.get(d.amendedBy()).issued().isAfter(d.amendedOn())) {
                throw ParameterException.of("document_order", d.id(), d.amendedBy(), d.amendedOn()).at(origin);
            }
        }
        return new Documents(docs);
    }

    private static Document row(CSVRecord r) {
        if (r.size() != HEADER.size()) {
            throw ParameterException.of("header", null, String.join(",", HEADER));
        }
        String id = r.get("id");
        for (String column : HEADER) {
            String v = r.get(column);
            if (v.length() > MAX_FIELD) {
                throw ParameterException.of("too_long", id, MAX_FIELD);
            }
            BoardText.check(v, id, "document." + column);
        }
        if (!ID.matcher(id).matches()) {
            throw ParameterException.of("document_id", id, id);
        }
        String kind = r.get("kind");
        if (!KINDS.containsKey(kind)) {
            throw ParameterException.of("document_kind", id, kind, String.join(", ", KINDS.keySet()));
        }
        if (r.get("title_vi").isEmpty() || r.get("issuer").isEmpty()) {
            throw ParameterException.of("required", id);
        }
        if (r.get("number").isEmpty() && !NAMED.contains(kind)) {
            throw ParameterException.of("required", id);
        }
        LocalDate issued = date(r, "issued", id, true);
        LocalDate inForce = date(r, "in_force_from", id, false);
        if (inForce != null && inForce.isBefore(issued)) {
            throw ParameterException.of("document_before_issue", id, inForce, issued);
        }
        String replacedBy = optionalId(r, "replaced_by", id);
        LocalDate replacedOn = date(r, "replaced_on", id, false);
        String amendedBy = optionalId(r, "amended_by", id);
        LocalDate amendedOn = date(r, "amended_on", id, false);
        if ((replacedBy == null) != (replacedOn == null) || (amendedBy == null) != (amendedOn == null)) {
            throw ParameterException.of("document_pair", id);
        }
        if (replacedOn != null && replacedOn.isBefore(issued) || amendedOn != null && amendedOn.isBefore(issued)) {
            throw ParameterException.of("document_before_issue", id, replacedOn != null ? replacedOn : amendedOn,
                    issued);
        }
        String confirmed = r.get("confirmed");
        if (!confirmed.equals("confirmed") && !confirmed.equals("unconfirmed")) {
            throw ParameterException.of("document_confirmed", id, confirmed);
        }
        if (r.get("confirmation_source").isEmpty()) {
            throw ParameterException.of("source_missing", id);
        }
        return new Document(id, kind, r.get("number"), r.get("issuer"), issued, inForce, r.get("title_vi"),
                r.get("title_en"), replacedBy, replacedOn, amendedBy, amendedOn, confirmed.equals("confirmed"),
                r.get("confirmation_source"));
    }

    private static String optionalId(CSVRecord r, String column, String id) {
        String v = r.get(column);
        if (v.isEmpty()) {
            return null;
        }
        if (v.equals(id)) {
            throw ParameterException.of("document_unknown", id, v);
        }
        return v;
    }

    private static LocalDate date(CSVRecord r, String column, String id, boolean required) {
        String v = r.get(column);
        if (v.isEmpty()) {
            if (required) {
                throw ParameterException.of("required", id);
            }
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw ParameterException.of("not_date", id, v);
        }
    }

    /** The document {@code id}; null when the registry has none. */
    public Document get(String id) {
        return byId.get(id);
    }

    /** Every document, in file order. */
    public List<Document> all() {
        return new ArrayList<>(byId.values());
    }
}
