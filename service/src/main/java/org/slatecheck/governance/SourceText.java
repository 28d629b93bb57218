package org.slatecheck.governance;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slatecheck.rules.params.Documents;

/**
 * A source as the board's forms edit it: a document of the registry, its article and clause, and a note. A parameter
 * value keeps them as fields ({@link #of(Parameter)}, the values file's columns); a switch keeps its source as one
 * text, written as the citation reads — "Quy định 22-QĐ/TW ngày 10/1/2025, Điều 5 khoản 2: note" — and read back by
 * the document's reference at its start ({@link #parse}); a text naming no registry document is all note.
 */
public record SourceText(String document, String article, String clause, String note) {
    private static final Pattern ARTICLE = Pattern.compile("^,? Điều ([0-9]{1,3}[a-z]?(?:-[0-9]{1,3}[a-z]?)?)"
            + "(?: khoản ([0-9]{1,3}[a-z]?|[a-zđ]))?");
    private static final Pattern SHORT = Pattern.compile("([0-9]+)-([^/]+)/.*");

    public SourceText {
        document = document == null ? "" : document.strip();
        article = article == null ? "" : article.strip();
        clause = clause == null ? "" : clause.strip();
        note = note == null ? "" : note.strip();
    }

    /** The source of a parameter value, from its fields. */
    public static SourceText of(org.slatecheck.rules.params.Parameter p) {
        return new SourceText(p.document(), p.article(), p.clause(), p.note());
    }

    /** The short name of a parameter value's source in a sentence of the diff ("QĐ 69"; the note without a document). */
    public static String shortName(org.slatecheck.rules.params.Parameter p, Documents documents, String language) {
        Documents.Document d = p.document().isEmpty() ? null : documents.get(p.document());
        if (d == null) {
            String t = p.note();
            return t.length() > 60 ? t.substring(0, 59) + "…" : t;
        }
        Matcher m = SHORT.matcher(d.number());
        return m.matches() ? m.group(2) + " " + m.group(1) : d.reference(language);
    }

    /** Reads a stored source text: the longest registry reference it starts with, then article, clause and note. */
    public static SourceText parse(String source, Documents documents) {
        String text = source == null ? "" : source.strip();
        Documents.Document best = null;
        for (Documents.Document d : documents.all()) {
            String ref = d.reference("vi");
            if (text.startsWith(ref) && (best == null || ref.length() > best.reference("vi").length())) {
                best = d;
            }
        }
        if (best == null) {
            return new SourceText("", "", "", text);
        }
        String rest = text.substring(best.reference("vi").length());
        String article = "";
        String clause = "";
        Matcher m = ARTICLE.matcher(rest);
        if (m.find()) {
            article = m.group(1);
            clause = m.group(2) == null ? "" : m.group(2);
            rest = rest.substring(m.end());
        }
        rest = rest.strip();
        while (!rest.isEmpty() && (rest.charAt(0) == ':' || rest.charAt(0) == ';' || rest.charAt(0) == ',')) {
            rest = rest.substring(1).strip();
        }
        return new SourceText(best.id(), article, clause, rest);
    }

    /** The source text for the parameter file (in Vietnamese, as the registry's references read). */
    public String text(Documents documents) {
        Documents.Document d = document.isEmpty() ? null : documents.get(document);
        if (d == null) {
            return note;
        }
        StringBuilder out = new StringBuilder(d.reference("vi"));
        if (!article.isEmpty()) {
            out.append(", Điều ").append(article);
            if (!clause.isEmpty()) {
                out.append(" khoản ").append(clause);
            }
        }
        if (!note.isEmpty()) {
            out.append(": ").append(note);
        }
        return out.toString();
    }

    /**
     * The short name of a source in a sentence of the diff: "QĐ 69" for Quy định 69-QĐ/TW, the reference for a
     * document numbered otherwise, the text itself (cut) when it names no registry document.
     */
    public static String shortName(String source, Documents documents, String language) {
        SourceText s = parse(source, documents);
        Documents.Document d = s.document().isEmpty() ? null : documents.get(s.document());
        if (d == null) {
            String t = s.note();
            return t.length() > 60 ? t.substring(0, 59) + "…" : t;
        }
        Matcher m = SHORT.matcher(d.number());
        return m.matches() ? m.group(2) + " " + m.group(1) : d.reference(language);
    }
}
