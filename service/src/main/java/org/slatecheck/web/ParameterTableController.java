package org.slatecheck.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slatecheck.governance.RuleSetDrafts;
import org.slatecheck.governance.SourceText;
import org.slatecheck.rules.engine.RuleSetSource;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.params.Documents;
import org.slatecheck.rules.params.RuleSetParameters;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The parameter table of a draft (issue 17 item 8): every dated value of every parameter with its value, the date it
 * is in force from and its source — a document of the registry, article, clause and a note — and one more dated
 * value per parameter (in force from a later date, so a term carries two values of one parameter). Only what
 * changed is saved, through {@link RuleSetDrafts#saveParameters} (the path of {@code PUT …/parameters}); the source
 * is stored in the values file's columns (document id, article, clause, note).
 *
 * <p>Fields, for entry {@code i} of parameter {@code P} ({@code i} = {@code new} for the added dated value):
 * {@code v.P.i} value (a code list's boxes come several times), {@code f.P.i} in force from, {@code d.P.i} document
 * id, {@code a.P.i} article, {@code c.P.i} clause, {@code n.P.i} note.
 */
@Controller
public class ParameterTableController {
    private final BoardEdits edits;

    public ParameterTableController(BoardEdits edits) {
        this.edits = edits;
    }

    /** One value to save: the entry of {@code name} in force from {@code from} ("" = from the start of the term). */
    record Change(String name, String from, String value, SourceText source) {
    }

    @PostMapping("/rulesets/{id}/parameter-table")
    String save(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes flash,
            Locale locale) {
        return edits.post(id, "parameter-table", flash, locale, (source, m) -> {
            Documents documents = BoardForms.documents(source);
            RuleSetParameters parameters = source.parameterSet();
            List<String> problems = new ArrayList<>();
            List<Change> changes = changes(form, parameters, documents, m, problems);
            if (!problems.isEmpty()) {
                return BoardEdits.Outcome.refused(problems);
            }
            if (changes.isEmpty()) {
                return BoardEdits.Outcome.unchanged(m);
            }
            // saveParameters takes one entry per parameter: two entries of one parameter go in two rounds.
            for (List<Change> round : rounds(changes)) {
                Map<String, String> values = new LinkedHashMap<>();
                Map<String, String> notes = new LinkedHashMap<>();
                Map<String, String> from = new LinkedHashMap<>();
                Map<String, String> docs = new LinkedHashMap<>();
                Map<String, String> articles = new LinkedHashMap<>();
                Map<String, String> clauses = new LinkedHashMap<>();
                for (Change c : round) {
                    values.put(c.name(), c.value());
                    notes.put(c.name(), c.source().note());
                    from.put(c.name(), c.from());
                    docs.put(c.name(), c.source().document());
                    articles.put(c.name(), c.source().article());
                    clauses.put(c.name(), c.source().clause());
                }
                edits.saveParameters(id, values, notes, from, docs, articles, clauses);
            }
            return BoardEdits.Outcome.saved(m);
        });
    }

    /** The entries whose value or source the form changed, and the new dated values filled in. */
    static List<Change> changes(MultiValueMap<String, String> form, RuleSetParameters parameters, Documents documents,
            Messages m, List<String> problems) {
        List<Change> changes = new ArrayList<>();
        for (BoardForms.ParameterRow row : BoardForms.parameterTable(parameters, documents, m.locale()
                .getLanguage())) {
            String p = row.name();
            for (BoardForms.EntryRow e : row.entries()) {
                String key = p + "." + e.index();
                if (!form.containsKey("v." + key)) {
                    continue;
                }
                String value = value(form, "v." + key, row);
                SourceText s = sourceOf(form, key);
                boolean sameValue = row.many() ? codes(value).equals(codes(e.value())) : value.equals(e.value());
                if (sameValue && s.equals(e.parts())) {
                    continue;
                }
                changes.add(new Change(p, e.from(), sameValue ? e.value() : value, s));
            }
            String key = p + ".new";
            String value = form.containsKey("v." + key) ? value(form, "v." + key, row) : "";
            String from = first(form, "f." + key);
            if (value.isEmpty() && from.isEmpty()) {
                continue;
            }
            if (from.isEmpty()) {
                problems.add(row.label() + ": " + m.raw("ui.boards.new_from_missing"));
                continue;
            }
            changes.add(new Change(p, from, value, sourceOf(form, key)));
        }
        return changes;
    }

    private static SourceText sourceOf(MultiValueMap<String, String> form, String key) {
        return new SourceText(first(form, "d." + key), first(form, "a." + key), first(form, "c." + key),
                first(form, "n." + key));
    }

    private static String value(MultiValueMap<String, String> form, String name, BoardForms.ParameterRow row) {
        List<String> all = form.getOrDefault(name, List.of());
        if (row.many()) {
            return String.join(";", all.stream().map(String::strip).filter(v -> !v.isEmpty()).toList());
        }
        return all.isEmpty() ? "" : all.get(0).strip();
    }

    private static java.util.Set<String> codes(String value) {
        java.util.Set<String> set = new HashSet<>();
        for (String c : value.split(";")) {
            if (!c.isBlank()) {
                set.add(c.strip());
            }
        }
        return set;
    }

    private static String first(MultiValueMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v.strip();
    }

    static List<List<Change>> rounds(List<Change> changes) {
        List<List<Change>> rounds = new ArrayList<>();
        for (Change c : changes) {
            List<Change> target = null;
            for (List<Change> r : rounds) {
                if (r.stream().noneMatch(x -> x.name().equals(c.name()))) {
                    target = r;
                    break;
                }
            }
            if (target == null) {
                target = new ArrayList<>();
                rounds.add(target);
            }
            target.add(c);
        }
        return rounds;
    }
}
