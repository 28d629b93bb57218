package org.slatecheck.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.intake.ColumnGuide;
import org.slatecheck.rules.intake.ColumnGuide.CodeSet;
import org.slatecheck.rules.intake.ColumnGuide.Column;
import org.slatecheck.rules.intake.ColumnGuide.File;
import org.slatecheck.spreadsheets.InputTemplates;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The "Cột và mã" page (every column of both input files, its codes) and the downloadable templates at stable
 * addresses ({@code /templates/nominees.xlsx}, {@code /templates/congresses.csv}…); both generated from
 * {@link ColumnGuide}, never written by hand.
 */
@Controller
public class ColumnsPageController {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final org.slatecheck.governance.RuleSetCache registry;

    public ColumnsPageController(org.slatecheck.governance.RuleSetCache registry) {
        this.registry = registry;
    }

    /** The terms' code set: the terms with an active rule set now (a term activated later shows without restart). */
    private CodeSet terms() {
        return ColumnGuide.terms(registry.snapshot().terms());
    }

    @GetMapping("/columns")
    public String columns(Model model, Locale locale) {
        Messages m = Messages.of(locale);
        Messages vi = Messages.of(Messages.VI);
        Messages en = Messages.of(Messages.EN);
        CodeSet terms = terms();
        List<Map<String, Object>> files = new ArrayList<>();
        for (File f : File.values()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Column c : ColumnGuide.of(f)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", c.name());
                row.put("header", c.header());
                row.put("alias", c.alias());
                row.put("required", c.need() == ColumnGuide.Need.REQUIRED);
                row.put("need", InputTemplates.need(c, m));
                row.put("format", m.raw("columns.format." + c.format().name()));
                row.put("meaning", m.raw(c.meaningKey()));
                CodeSet codes = c.dropDown(terms) != null ? c.dropDown(terms) : c.codes();
                row.put("codeSet", codes == null ? null : codes.key());
                row.put("codeSetTitle", codes == null ? null : m.raw("columns.codeset." + codes.key()));
                rows.add(row);
            }
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("key", f.baseName());
            file.put("title", m.raw("ui.columns.file." + f.name()));
            file.put("columns", rows);
            files.add(file);
        }
        List<Map<String, Object>> sets = new ArrayList<>();
        for (CodeSet s : ColumnGuide.codeSets(terms)) {
            List<Map<String, String>> codes = new ArrayList<>();
            for (String code : s.codes()) {
                codes.add(Map.of("code", code, "vi", s.name(code, vi), "en", s.name(code, en)));
            }
            List<String> usedBy = new ArrayList<>();
            for (File f : File.values()) {
                for (Column c : ColumnGuide.of(f)) {
                    CodeSet cs = c.dropDown(terms) != null ? c.dropDown(terms) : c.codes();
                    if (cs != null && cs.key().equals(s.key()) && !usedBy.contains(c.name())) {
                        usedBy.add(c.name());
                    }
                }
            }
            sets.add(Map.of("key", s.key(), "title", m.raw("columns.codeset." + s.key()), "codes", codes,
                    "usedBy", String.join(", ", usedBy)));
        }
        model.addAttribute("files", files);
        model.addAttribute("codeSets", sets);
        return "columns";
    }

    /** A template as {@code .xlsx} (instructions in the page's language, headers always Vietnamese). */
    @GetMapping("/templates/{file}.xlsx")
    public ResponseEntity<byte[]> xlsx(@PathVariable String file, Locale locale) {
        File f = file(file);
        return ResponseEntity.ok().header("Content-Type", XLSX)
                .header("Content-Disposition", DownloadNames.disposition("attachment", templateName(f, "xlsx")))
                .body(InputTemplates.xlsx(f, Messages.of(locale), terms()));
    }

    /** A template as CSV (UTF-8 with a byte-order mark). */
    @GetMapping("/templates/{file}.csv")
    public ResponseEntity<byte[]> csv(@PathVariable String file) {
        File f = file(file);
        return ResponseEntity.ok().header("Content-Type", "text/csv;charset=UTF-8")
                .header("Content-Disposition", DownloadNames.disposition("attachment", templateName(f, "csv")))
                .body(InputTemplates.csv(f));
    }

    private static String templateName(File f, String extension) {
        return "mau-" + f.baseName() + "." + extension;
    }

    private static File file(String name) {
        File f = File.ofBaseName(name);
        if (f == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return f;
    }
}
