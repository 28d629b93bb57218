package org.slatecheck.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slatecheck.rules.engine.RuleSetSource;
import org.slatecheck.rules.params.Citations;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The citations of a draft as a form (issue 17 item 8): per row the rule, what it is the citation of (the rule, one
 * of its parameters, a level), the document from the registry's drop-down (or the board's own parameter, or
 * deliberately nothing), article, clause and the note in both languages; rows removed by their box, new rows added
 * in the blank ones. Saved as {@code citations.csv} through {@link BoardEdits#replaceFile} (read by
 * {@link Citations} and compiled as every edit is); nothing is saved when the rows are the same.
 *
 * <p>Fields, row {@code i}: {@code rule.i}, {@code parameter.i}, {@code document.i}, {@code article.i},
 * {@code clause.i}, {@code noteVi.i}, {@code noteEn.i}, {@code remove.i}; {@code rows} = how many rows.
 */
@Controller
public class CitationFormController {
    private final BoardEdits edits;

    public CitationFormController(BoardEdits edits) {
        this.edits = edits;
    }

    @PostMapping("/rulesets/{id}/citation-form")
    String save(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes flash,
            Locale locale) {
        return edits.post(id, "citation-form", flash, locale, (source, m) -> {
            List<Citations.Entry> before;
            try {
                before = Citations.parse(source.citations(), RuleSetSource.CITATIONS, BoardForms.documents(source))
                        .entries();
            } catch (RuntimeException unreadable) {
                before = List.of();
            }
            List<Citations.Entry> rows = rows(form);
            if (rows.equals(before)) {
                return BoardEdits.Outcome.unchanged(m);
            }
            edits.replaceFile(id, RuleSetSource.CITATIONS, csv(rows));
            return BoardEdits.Outcome.saved(m);
        });
    }

    /** The rows the form keeps, in its order: a row without a rule (a blank new row) or with its box ticked goes. */
    static List<Citations.Entry> rows(MultiValueMap<String, String> form) {
        int n;
        try {
            n = Integer.parseInt(first(form, "rows"));
        } catch (NumberFormatException e) {
            n = 0;
        }
        Set<String> removed = new HashSet<>(form.getOrDefault("remove", List.of()));
        List<Citations.Entry> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(n, 5000); i++) {
            String rule = first(form, "rule." + i);
            if (rule.isEmpty() || removed.contains(String.valueOf(i))) {
                continue;
            }
            rows.add(new Citations.Entry(rule, first(form, "parameter." + i), first(form, "document." + i),
                    first(form, "article." + i), first(form, "clause." + i), first(form, "noteVi." + i),
                    first(form, "noteEn." + i)));
        }
        return rows;
    }

    static String csv(List<Citations.Entry> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            p.printRecord("rule", "parameter", "document", "article", "clause", "note_vi", "note_en");
            for (Citations.Entry e : rows) {
                p.printRecord(e.rule(), e.parameter(), e.document(), e.article(), e.clause(), e.noteVi(),
                        e.noteEn());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String first(MultiValueMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v.strip();
    }
}
