package org.slatecheck.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slatecheck.rules.engine.RuleSetSource;
import org.slatecheck.rules.params.Documents;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A new document in a draft's registry, as a form (issue 18: a board adds the new term's directive without writing
 * CSV): kind (drop-down of the registry's kinds), number and symbol, issuing body, date issued, in force from, title in
 * Vietnamese and English, whether its content was checked against the text and the source of that judgement. The id
 * is the board's or made from kind, number and year ({@code CT-12-2029}). The row is appended to
 * {@code documents.csv} and saved through {@link BoardEdits#replaceFile} — read by {@link Documents} and
 * compiled as every edit is, so a refusal (an id twice, a date in the wrong order, a missing title) comes back in
 * words and nothing changes.
 *
 * <p>Fields: {@code docId}, {@code kind}, {@code number}, {@code issuer}, {@code issued}, {@code inForceFrom},
 * {@code titleVi}, {@code titleEn}, {@code confirmed} ({@code confirmed}/{@code unconfirmed}),
 * {@code confirmationSource}.
 */
@Controller
public class DocumentFormController {
    private final BoardEdits edits;

    public DocumentFormController(BoardEdits edits) {
        this.edits = edits;
    }

    @PostMapping("/rulesets/{id}/document-form")
    String add(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes flash,
            Locale locale) {
        return edits.post(id, "document-form", flash, locale, (source, m) -> {
            String kind = first(form, "kind");
            String number = first(form, "number");
            String issued = first(form, "issued");
            String docId = first(form, "docId").toUpperCase(Locale.ROOT);
            if (docId.isEmpty()) {
                docId = idFor(kind, number, issued);
            }
            String confirmed = "confirmed".equals(first(form, "confirmed")) ? "confirmed" : "unconfirmed";
            List<String> row = List.of(docId, kind, number, first(form, "issuer"), issued, first(form, "inForceFrom"),
                    first(form, "titleVi"), first(form, "titleEn"), "", "", "", "", confirmed,
                    first(form, "confirmationSource"));
            edits.replaceFile(id, RuleSetSource.DOCUMENTS, withRow(source.documents(), row));
            Documents.Document added = Documents.parse(edits.source(id).documents(), RuleSetSource.DOCUMENTS)
                    .get(docId);
            return BoardEdits.Outcome.ok(m.text("ui.documents.added", added == null ? docId
                    : added.reference(m.locale().getLanguage())));
        });
    }

    /**
     * An id made from the kind's initials, the number's leading digits and the year issued ("Chỉ thị", "12-CT/TW",
     * 2029-06-14 → {@code CT-12-2029}), as the registry's own ids are.
     */
    static String idFor(String kind, String number, String issued) {
        StringBuilder id = new StringBuilder();
        for (String word : fold(kind).split("\\s+")) {
            if (!word.isEmpty()) {
                id.append(word.charAt(0));
            }
        }
        if (id.length() == 0) {
            id.append("VB");
        }
        String digits = number.replaceAll("^([0-9]+).*$", "$1");
        if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit)) {
            id.append('-').append(digits);
        }
        if (issued.matches("\\d{4}-.*")) {
            id.append('-').append(issued, 0, 4);
        }
        return id.toString();
    }

    private static String fold(String text) {
        String s = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return s.toUpperCase(Locale.ROOT).replaceAll("[^A-Z ]", "");
    }

    /**
     * The registry's text with {@code row} appended: the rows before kept byte for byte (so the file diff the
     * approver sees is the one new line); an empty registry gets its header first.
     */
    static String withRow(String documents, List<String> row) {
        StringBuilder text = new StringBuilder(documents == null ? "" : documents);
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            if (text.toString().isBlank()) {
                text.setLength(0);
                p.printRecord(Documents.HEADER);
            }
            p.printRecord(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
        return text.append(out).toString();
    }

    private static String first(MultiValueMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v.strip();
    }
}
