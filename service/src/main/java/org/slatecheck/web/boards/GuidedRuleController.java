package org.slatecheck.web.boards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slatecheck.governance.GovernanceException;
import org.slatecheck.governance.RuleSetVersions;
import org.slatecheck.rules.engine.RuleSetSource;
import org.slatecheck.rules.explain.GuidedSentence;
import org.slatecheck.rules.explain.Labels;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.guided.Catalogue;
import org.slatecheck.rules.guided.GuidedRule;
import org.slatecheck.rules.guided.GuidedRules;
import org.slatecheck.rules.model.Severity;
import org.slatecheck.rules.params.Documents;
import org.slatecheck.rules.params.ParameterException;
import org.slatecheck.rules.params.ParameterType;
import org.slatecheck.rules.params.RuleSetParameters;
import org.slatecheck.web.BoardEdits;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The guided-rule builder (issue 17 item 8): a board picks each condition's field, comparison and value from lists in
 * its language, the severity, the wording and the citation (a document of the rule set's registry), and reads the
 * rule as a sentence while it chooses — the page's small script asks {@code /guided/preview}; without script the
 * "Xem câu" button shows it. Saving generates the rule's YAML here and stores it through
 * {@link BoardEdits#replaceFile} (the same validation as the YAML route, which stays for the API).
 */
@Controller
public class GuidedRuleController {
    private final BoardEdits edits;

    public GuidedRuleController(BoardEdits edits) {
        this.edits = edits;
    }

    /** One choice of a list: its value, its label, whether it is chosen. */
    public record Option(String value, String label, boolean selected) {
    }

    /** A group of fields ("Nhân sự", "Danh sách"…). */
    public record FieldGroup(String label, List<Option> fields) {
    }

    /**
     * One condition as the page draws it: its field list, the comparisons its field allows, and how its value is
     * chosen ({@code kind}: {@code none}, {@code choice} — a list, several for "one of" —, {@code date}, {@code number}).
     */
    public record ConditionView(int index, List<FieldGroup> fields, List<Option> ops, String kind, boolean multiple,
            List<Option> choices, String value) {
    }

    @GetMapping("/rulesets/{id}/guided/new")
    String create(@PathVariable long id, Model model, Locale locale) {
        RuleSetVersions.Version v = editable(id);
        GuidedRuleForm form = new GuidedRuleForm();
        form.id = nextId(id);
        form.conditions.add(new GuidedRuleForm.Condition());
        return page(v, form, model, Messages.of(locale), false, List.of());
    }

    @GetMapping("/rulesets/{id}/guided/{rule:[A-Z]{3}-9\\d{2}}")
    String edit(@PathVariable long id, @PathVariable String rule, Model model, Locale locale) {
        RuleSetVersions.Version v = editable(id);
        RuleSetSource source = edits.source(id);
        String yaml = source.guidedFiles().get(RuleSetSource.GUIDED + rule + ".yaml");
        if (yaml == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        GuidedRule r;
        try {
            r = GuidedRules.read(yaml, parameters(source));
        } catch (ParameterException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return page(v, GuidedRuleForm.of(r, documents(source)), model, Messages.of(locale), true, List.of());
    }

    /**
     * The form sent: {@code action} {@code save} stores the rule and goes back to the version; {@code add} and
     * {@code remove} change the conditions; anything else ("Xem câu") shows the form again with the sentence.
     */
    @PostMapping("/rulesets/{id}/guided")
    String submit(@PathVariable long id, @RequestParam MultiValueMap<String, String> all, Model model,
            RedirectAttributes flash, Locale locale) {
        RuleSetVersions.Version v = editable(id);
        Messages m = Messages.of(locale);
        GuidedRuleForm form = GuidedRuleForm.from(all);
        String action = all.getFirst("action") == null ? "preview" : all.getFirst("action");
        if (action.equals("add") && form.conditions.size() < GuidedRules.MAX_CONDITIONS) {
            form.conditions.add(new GuidedRuleForm.Condition());
        } else if (action.startsWith("remove.") && form.conditions.size() > 1) {
            try {
                form.conditions.remove(Integer.parseInt(action.substring(7)));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                // Nothing to remove: the form is shown as it was.
            }
        } else if (action.equals("save")) {
            List<String> problems = save(id, form, m);
            if (problems.isEmpty()) {
                flash.addFlashAttribute("ok", m.text("guided.form.saved", form.id));
                return "redirect:/rulesets/" + id;
            }
            return page(v, form, model, m, !form.editing.isEmpty(), problems);
        }
        return page(v, form, model, m, !form.editing.isEmpty(), List.of());
    }

    /** The sentence of the form as it stands and what keeps it from being saved, for the page's script. */
    @PostMapping(value = "/rulesets/{id}/guided/preview", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> preview(@PathVariable long id, @RequestParam MultiValueMap<String, String> all,
            Locale locale) {
        editable(id);
        Messages m = Messages.of(locale);
        GuidedRuleForm form = GuidedRuleForm.from(all);
        RuleSetSource source = edits.source(id);
        List<String> problems = new ArrayList<>();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sentence", sentence(form, source, m, problems));
        out.put("problems", problems);
        out.put("save", m.text("guided.form.save", form.id));
        return out;
    }

    private List<String> save(long id, GuidedRuleForm form, Messages m) {
        RuleSetSource source = edits.source(id);
        Documents documents = documents(source);
        try {
            if (!form.editing.isEmpty() && !form.editing.equals(form.id)) {
                throw ParameterException.of("guided_id", "id", form.id);
            }
            if (form.editing.isEmpty() && source.guidedFiles().containsKey(RuleSetSource.GUIDED + form.id + ".yaml")) {
                return List.of(m.text("guided.form.id_taken", form.id));
            }
            String yaml = GuidedRuleForm.yaml(GuidedRules.fromMap(form.toMap(documents, false), parameters(source)));
            // The stored text is read back by the reader every file goes through before it is saved.
            GuidedRules.read(yaml, parameters(source));
            edits.replaceFile(id, RuleSetSource.GUIDED + form.id + ".yaml", yaml);
            return List.of();
        } catch (ParameterException e) {
            return List.of(problem(e, m));
        } catch (GovernanceException e) {
            return e.getProblems().stream().map(p -> new GovernanceException.Problem(p.key(), words(p.args(), m),
                    null).text(m)).toList();
        }
    }

    private String page(RuleSetVersions.Version v, GuidedRuleForm form, Model model, Messages m, boolean editing,
            List<String> problems) {
        RuleSetSource source = edits.source(v.id());
        List<String> sentenceProblems = new ArrayList<>();
        model.addAttribute("v", v);
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("sentence", sentence(form, source, m, sentenceProblems));
        model.addAttribute("problems", problems.isEmpty() ? sentenceProblems : problems);
        model.addAttribute("conditions", conditionViews(form, m));
        model.addAttribute("severities", severities(form, m));
        model.addAttribute("documents", documentOptions(documents(source), form.document, m));
        model.addAttribute("placeholders", placeholders(form, m));
        model.addAttribute("saveLabel", m.text("guided.form.save", form.id));
        return "guided-rule";
    }

    /** The rule as the sentence an approver will read, or "…" and why not yet. */
    private static String sentence(GuidedRuleForm form, RuleSetSource source, Messages m, List<String> problems) {
        if (form.conditions.stream().anyMatch(c -> c.field.isEmpty() || c.op.isEmpty())) {
            problems.add(m.raw("guided.form.choose_all"));
            return "…";
        }
        try {
            GuidedRule r = GuidedRules.fromMap(form.toMap(documents(source), true), parameters(source));
            return GuidedSentence.of(r, m);
        } catch (ParameterException e) {
            problems.add(problem(e, m));
            return "…";
        }
    }

    /** A refusal of the rule's data in words, its field named as the form names it. */
    private static String problem(ParameterException e, Messages m) {
        String text = new GovernanceException.Problem("data.error." + e.key(), words(e.args(), m), null).text(m);
        String field = e.field() == null ? null : e.field().replaceAll("\\..*", "");
        String key = "guided.form.field." + field;
        return field != null && m.has(key) ? m.raw(key) + ": " + text : text;
    }

    /** Arguments of a refusal as words: a catalogue field by its label, a comparison by its name, a code by its. */
    private static List<Object> words(List<Object> args, Messages m) {
        String lang = m.locale().getLanguage();
        return args.stream().map(a -> {
            String s = String.valueOf(a);
            if (Catalogue.FIELDS.containsKey(s)) {
                return (Object) Catalogue.FIELDS.get(s).label(lang);
            }
            if (m.has("guided.opname." + s)) {
                return m.raw("guided.opname." + s);
            }
            if (m.has("severity." + s)) {
                return m.raw("severity." + s);
            }
            if (m.has("guided.form.codelist." + s)) {
                return m.raw("guided.form.codelist." + s);
            }
            return a;
        }).toList();
    }

    private List<ConditionView> conditionViews(GuidedRuleForm form, Messages m) {
        String lang = m.locale().getLanguage();
        Labels lb = Labels.of(m);
        List<ConditionView> out = new ArrayList<>();
        for (int i = 0; i < form.conditions.size(); i++) {
            GuidedRuleForm.Condition c = form.conditions.get(i);
            Catalogue.Field field = Catalogue.FIELDS.get(c.field);
            List<FieldGroup> groups = new ArrayList<>();
            for (Catalogue.Source s : Catalogue.Source.values()) {
                List<Option> fields = Catalogue.FIELDS.values().stream().filter(f -> f.source() == s)
                        .map(f -> new Option(f.key(), f.label(lang), f.key().equals(c.field))).toList();
                groups.add(new FieldGroup(m.raw("guided.form.group." + s.name()), fields));
            }
            List<Option> ops = field == null ? List.of() : field.operators().stream().map(op -> new Option(op,
                    m.raw("guided.opname." + op), op.equals(c.op))).toList();
            String kind = "none";
            List<Option> choices = List.of();
            if (field != null && !c.op.equals("empty") && !c.op.equals("not_empty")) {
                String type = field.type();
                if (field.codeList() != null) {
                    kind = "choice";
                    String group = GuidedRules.labelGroup(field.codeList());
                    choices = java.util.Arrays.stream(ParameterType.CODE_LISTS.get(field.codeList())
                            .getEnumConstants()).map(e -> new Option(e.name(), lb.code(group, e.name()),
                                    c.values.contains(e.name()))).toList();
                } else if (type.equals("boolean")) {
                    kind = "choice";
                    choices = List.of(new Option("true", m.raw("label.yes"), c.values.contains("true")),
                            new Option("false", m.raw("label.no"), c.values.contains("false")));
                } else if (type.equals("date")) {
                    kind = "date";
                } else if (type.equals("integer") || type.equals("decimal")) {
                    kind = "number";
                }
            }
            out.add(new ConditionView(i, groups, ops, kind, c.op.equals("in"), choices, c.getValue()));
        }
        return out;
    }

    private static List<Option> severities(GuidedRuleForm form, Messages m) {
        boolean list = form.isListRule();
        return java.util.Arrays.stream(Severity.values()).filter(s -> s.isListSeverity() == list)
                .map(s -> new Option(s.name(), m.raw("severity." + s.name()), s.name().equals(form.severity)))
                .toList();
    }

    private static List<Option> documentOptions(Documents documents, String chosen, Messages m) {
        String lang = m.locale().getLanguage();
        return documents.all().stream().map(d -> new Option(d.id(), d.reference(lang) + " — " + d.title(lang),
                d.id().equals(chosen))).toList();
    }

    /** The fields a message may show the value of: {@code {field}} and the field's label. */
    private static List<Option> placeholders(GuidedRuleForm form, Messages m) {
        @SuppressWarnings("unchecked")
        List<String> evidence = (List<String>) form.toMap(Documents.empty(), true).get("evidence");
        return evidence.stream().map(k -> new Option("{" + k + "}", Catalogue.FIELDS.get(k).label(
                m.locale().getLanguage()), false)).toList();
    }

    /** The next free id of the board's guided rules: BTC-901, BTC-902… */
    private String nextId(long id) {
        var taken = edits.source(id).guidedFiles().keySet();
        for (int n = 901; n <= 999; n++) {
            if (!taken.contains(RuleSetSource.GUIDED + "BTC-" + n + ".yaml")) {
                return "BTC-" + n;
            }
        }
        return "BTC-999";
    }

    /** Version {@code id}, when the signed-in user may edit it (a central board member, its author, a draft). */
    private RuleSetVersions.Version editable(long id) {
        return edits.editable(id);
    }

    private static RuleSetParameters parameters(RuleSetSource source) {
        return source.parameterSet();
    }

    private static Documents documents(RuleSetSource source) {
        String text = source.documents();
        return text == null || text.isBlank() ? Documents.empty() : Documents.parse(text, RuleSetSource.DOCUMENTS);
    }
}
