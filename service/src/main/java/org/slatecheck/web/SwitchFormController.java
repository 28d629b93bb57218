package org.slatecheck.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slatecheck.governance.SourceText;
import org.slatecheck.rules.engine.RuleSetSource;
import org.slatecheck.rules.params.Documents;
import org.slatecheck.rules.params.RuleSwitches;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The switches of a draft as a form (issue 17 item 8): per decision rule, on or off, its severity among those the
 * rule allows (or as shipped), the reason and the source (a document of the registry, article, clause, note). A rule
 * left on at its shipped severity has no row; the rest is saved as {@code switches.csv} through
 * {@link BoardEdits#replaceFile} (read by {@link RuleSwitches}; the compile checks the severity bounds).
 *
 * <p>Fields per rule {@code R}: {@code rule} (every rule of the form, repeated), {@code on.R} (the box),
 * {@code severity.R}, {@code reason.R}, {@code d.R}, {@code a.R}, {@code c.R}, {@code n.R}.
 */
@Controller
public class SwitchFormController {
    private final BoardEdits edits;

    public SwitchFormController(BoardEdits edits) {
        this.edits = edits;
    }

    @PostMapping("/rulesets/{id}/switch-form")
    String save(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes flash,
            Locale locale) {
        return edits.post(id, "switch-form", flash, locale, (source, m) -> {
            Documents documents = BoardForms.documents(source);
            RuleSwitches before;
            try {
                before = RuleSwitches.parse(source.switches(), RuleSetSource.SWITCHES);
            } catch (RuntimeException unreadable) {
                before = RuleSwitches.parse("", RuleSetSource.SWITCHES);
            }
            List<String[]> rows = new ArrayList<>();
            boolean changed = false;
            for (String rule : form.getOrDefault("rule", List.of())) {
                boolean on = form.containsKey("on." + rule);
                String severity = first(form, "severity." + rule);
                RuleSwitches.Switch was = before.all().get(rule);
                SourceText parts = new SourceText(first(form, "d." + rule), first(form, "a." + rule),
                        first(form, "c." + rule), first(form, "n." + rule));
                String reason = first(form, "reason." + rule);
                if (on && severity.isEmpty()) {
                    changed |= was != null;
                    continue;
                }
                String text = was != null && parts.equals(SourceText.parse(was.source(), documents)) ? was.source()
                        : parts.text(documents);
                rows.add(new String[] {rule, on ? "yes" : "no", severity, reason, text});
                changed |= was == null || was.enabled() != on
                        || !severity.equals(was.severity() == null ? "" : was.severity().name())
                        || !reason.equals(was.reason()) || !text.equals(was.source());
            }
            // Rules with a switch that the form did not list (not compiled here) keep theirs.
            List<String> listed = form.getOrDefault("rule", List.of());
            for (RuleSwitches.Switch s : before.all().values()) {
                if (!listed.contains(s.rule())) {
                    rows.add(new String[] {s.rule(), s.enabled() ? "yes" : "no",
                        s.severity() == null ? "" : s.severity().name(), s.reason(), s.source()});
                }
            }
            if (!changed) {
                return BoardEdits.Outcome.unchanged(m);
            }
            edits.replaceFile(id, RuleSetSource.SWITCHES, csv(rows));
            return BoardEdits.Outcome.saved(m);
        });
    }

    static String csv(List<String[]> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            p.printRecord("rule", "enabled", "severity", "reason", "source");
            for (String[] r : rows) {
                p.printRecord((Object[]) r);
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
