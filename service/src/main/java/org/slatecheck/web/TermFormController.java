package org.slatecheck.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slatecheck.rules.engine.RuleSetSource;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.params.Documents;
import org.slatecheck.rules.params.Term;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A draft's term as a form (issue 18: a board edits the new term without writing CSV): its congress season (first and
 * last congress date) and its directives — documents of the draft's registry, ticked in a list (a new directive is
 * first added with the document form, {@link DocumentFormController}). The {@code term} row's words are made from the
 * registry ("Nhiệm kỳ 2030-2035 (Chỉ thị 12-CT/TW ngày 14/6/2029 …)"), never typed twice. Saved as {@code term.csv}
 * through {@link BoardEdits#replaceFile} (read by {@link Term}, its directives checked against the registry, and
 * compiled as every edit is); nothing is saved when nothing changed. The levels stay as they are.
 *
 * <p>Fields: {@code seasonFrom}, {@code seasonTo} (dates), {@code directive} (document ids, repeated).
 */
@Controller
public class TermFormController {
    private final BoardEdits edits;

    public TermFormController(BoardEdits edits) {
        this.edits = edits;
    }

    @PostMapping("/rulesets/{id}/term-form")
    String save(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes flash,
            Locale locale) {
        return edits.post(id, "term-form", flash, locale, (source, m) -> {
            Term before = source.termData();
            Documents documents = Documents.parse(source.documents(), RuleSetSource.DOCUMENTS);
            List<String> ids = new ArrayList<>();
            for (String d : form.getOrDefault("directive", List.of())) {
                if (!d.isBlank() && !ids.contains(d.strip())) {
                    ids.add(d.strip());
                }
            }
            List<String> problems = new ArrayList<>();
            for (String d : ids) {
                if (documents.get(d) == null) {
                    problems.add(m.text("data.error.document_unknown", d));
                }
            }
            LocalDate from = date(form.getFirst("seasonFrom"), before.seasonFrom(), problems, m);
            LocalDate to = date(form.getFirst("seasonTo"), before.seasonTo(), problems, m);
            if (!problems.isEmpty()) {
                return BoardEdits.Outcome.refused(problems);
            }
            Term after = before.withDirectives(ids, from, to, termWords(before.id(), ids, documents));
            if (after.text().equals(before.text())) {
                return BoardEdits.Outcome.unchanged(m);
            }
            edits.replaceFile(id, RuleSetSource.TERM, after.text());
            return BoardEdits.Outcome.saved(m);
        });
    }

    /**
     * What the {@code term} row says: the term and its directives as the registry names them, in Vietnamese (the
     * file's language); "Nhiệm kỳ 2030-2035" alone when no directive is named.
     */
    static String termWords(String term, List<String> ids, Documents documents) {
        StringBuilder out = new StringBuilder("Nhiệm kỳ ").append(term);
        if (!ids.isEmpty()) {
            out.append(" (");
            for (int i = 0; i < ids.size(); i++) {
                Documents.Document d = documents.get(ids.get(i));
                out.append(i == 0 ? "" : "; ").append(d.reference("vi")).append(" ").append(d.title("vi"));
            }
            out.append(")");
        }
        return out.toString();
    }

    private static LocalDate date(String text, LocalDate unchanged, List<String> problems, Messages m) {
        if (text == null || text.isBlank()) {
            return unchanged;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(m.text("data.error.not_date", text.strip()));
            return unchanged;
        }
    }
}
