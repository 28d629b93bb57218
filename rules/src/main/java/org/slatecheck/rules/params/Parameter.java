package org.slatecheck.rules.params;

import java.time.LocalDate;

/**
 * One dated value of a rule-set parameter in a term's values file: the value as written (empty when not set), its
 * parsed Java value (null when not set), the date from which it is in force (null: from the start of the term) and
 * its source — a document of the registry ({@code documents.csv}, by id; empty when no document fixes it, e.g. a
 * board parameter's default), optionally its article and clause, and a short note that never restates the value.
 */
public record Parameter(String name, LocalDate from, String value, Object typed, String document, String article,
        String clause, String note) {

    public Parameter {
        document = document == null ? "" : document;
        article = article == null ? "" : article;
        clause = clause == null ? "" : clause;
        note = note == null ? "" : note;
    }

    public boolean isSet() {
        return typed != null;
    }

    /** The same value with another parsed value (the reader fills it in). */
    Parameter typed(Object parsed) {
        return new Parameter(name, from, value, parsed, document, article, clause, note);
    }

    /**
     * The source as one line of plain text, for a page or a log of changes: "CT-45-2025, Điều 4 khoản 5: note"
     * (document id, article, clause, note; parts left empty are left out).
     */
    public String source() {
        StringBuilder s = new StringBuilder(document);
        if (!article.isEmpty()) {
            s.append(s.length() > 0 ? ", " : "").append("Điều ").append(article);
            if (!clause.isEmpty()) {
                s.append(" khoản ").append(clause);
            }
        }
        if (!note.isEmpty()) {
            s.append(s.length() > 0 ? ": " : "").append(note);
        }
        return s.toString();
    }
}
