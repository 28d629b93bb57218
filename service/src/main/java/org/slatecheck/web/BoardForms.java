package org.slatecheck.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.slatecheck.governance.GovernanceException;
import org.slatecheck.governance.RuleSetCache;
import org.slatecheck.governance.RuleSetVersions;
import org.slatecheck.governance.SourceText;
import org.slatecheck.governance.VersionReview;
import org.slatecheck.rules.engine.RuleInfo;
import org.slatecheck.rules.engine.RuleSetSource;
import org.slatecheck.rules.explain.Labels;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.params.Citations;
import org.slatecheck.rules.params.Documents;
import org.slatecheck.rules.params.Parameter;
import org.slatecheck.rules.params.ParameterDeclaration;
import org.slatecheck.rules.params.RuleSetParameters;
import org.slatecheck.rules.params.RuleSwitches;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the boards' forms on a version page show (issue 17 item 8): the parameter table (every dated value with its
 * source document), the citations by document, the switches per rule, and the differences from the base version in
 * words. Built from the rules' Java model ({@link RuleSetParameters}, {@link Citations}, {@link RuleSwitches}), never
 * from the CSV text; the forms post to {@link ParameterTableController}, {@link CitationFormController} and
 * {@link SwitchFormController}, whose common frame is {@link BoardEdits}.
 */
@Component
public class BoardForms {
    /** Blank rows the citation form offers for new citations. */
    static final int NEW_CITATIONS = 3;

    private final RuleSetVersions versions;
    private final RuleSetCache cache;

    public BoardForms(RuleSetVersions versions, RuleSetCache cache) {
        this.versions = versions;
        this.cache = cache;
    }

    /** One dated value of a parameter in the table; {@code index} is its place in the parameter's entries. */
    public record EntryRow(int index, String from, String value, String source, SourceText parts) {
    }

    /** One parameter of the table: its declaration, its dated values, the codes it may take (null: typed in). */
    public record ParameterRow(String name, String label, boolean board, String type, String unit,
            List<EntryRow> entries, List<String> codes) {
        public boolean many() {
            return type.startsWith("codes:");
        }
    }

    /** One citation row of the form. */
    public record CitationRow(int index, Citations.Entry entry, String parameterLabel) {
    }

    /** One decision rule of the switch form: its severities, and its switch (null: as shipped). */
    public record SwitchRow(String rule, String title, String shipped, List<String> severities,
            RuleSwitches.Switch current, SourceText source) {
    }

    /**
     * Adds the forms' content and the differences in words of version {@code id} to the page's model; the rules'
     * severity bounds (which need the compiled version) only when {@code editable} (a draft of its author).
     */
    public void addTo(Model model, long id, RuleSetVersions.Version base, boolean editable, Locale locale) {
        Messages m = Messages.of(locale);
        RuleSetSource source = versions.source(id);
        Documents documents = documents(source);
        model.addAttribute("documents", documents.all());
        model.addAttribute("documentLabels", documentLabels(documents, m.locale().getLanguage()));
        RuleSetParameters parameters = source.parameterSet();
        model.addAttribute("paramTable", parameterTable(parameters, documents, m.locale().getLanguage()));
        model.addAttribute("parameterLabels", labels(parameters, m.locale().getLanguage()));
        List<CitationRow> citations = new ArrayList<>();
        try {
            Citations c = Citations.parse(source.citations(), RuleSetSource.CITATIONS, documents);
            for (Citations.Entry e : c.entries()) {
                citations.add(new CitationRow(citations.size(), e, parameterLabel(e.parameter(), parameters, m)));
            }
        } catch (RuntimeException unreadable) {
            // A version stored with citations this release cannot read: the file is shown whole below.
        }
        model.addAttribute("citationRows", citations);
        model.addAttribute("newCitations", java.util.stream.IntStream.range(citations.size(),
                citations.size() + NEW_CITATIONS).boxed().toList());
        Map<String, RuleInfo> rules = editable ? decisionRules(id) : Map.of();
        model.addAttribute("ruleChoices", ruleChoices(rules, citations, m));
        model.addAttribute("switchRows", switchRows(source, rules, documents, m));
        model.addAttribute("documentKinds", Documents.KINDS);
        org.slatecheck.rules.params.Term term;
        try {
            term = source.term() == null ? null : source.termData();
        } catch (RuntimeException unreadable) {
            term = null;
        }
        model.addAttribute("termData", term);
        model.addAttribute("termDirectives", term == null ? List.of() : term.directives());
        model.addAttribute("changesInWords", base == null ? List.of()
                : VersionReview.inWords(versions.files(base.id()), versions.files(id), m));
    }

    /** Document id → how the drop-downs and the read-only tables name it: reference and title. */
    static Map<String, String> documentLabels(Documents documents, String language) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Documents.Document d : documents.all()) {
            String ref = d.reference(language);
            out.put(d.id(), ref.contains(d.title(language)) ? ref : ref + " – " + d.title(language));
        }
        return out;
    }

    static Documents documents(RuleSetSource source) {
        try {
            return Documents.parse(source.documents(), RuleSetSource.DOCUMENTS);
        } catch (RuntimeException e) {
            return Documents.empty();
        }
    }

    /**
     * A value's source as the read-only table shows it, in the page's language: the document as the registry names
     * it, its article and clause, then the note (the board's own words).
     */
    static String shownSource(Parameter p, Documents documents, String language) {
        Documents.Document d = p.document().isEmpty() ? null : documents.get(p.document());
        StringBuilder out = new StringBuilder(d != null ? d.reference(language) : p.document());
        boolean en = "en".equals(language);
        if (!p.article().isEmpty()) {
            out.append(out.length() > 0 ? ", " : "").append(en ? "Article " : "Điều ").append(p.article());
            if (!p.clause().isEmpty()) {
                out.append(en ? " clause " : " khoản ").append(p.clause());
            }
        }
        if (!p.note().isEmpty()) {
            out.append(out.length() > 0 ? ": " : "").append(p.note());
        }
        return out.toString();
    }

    static List<ParameterRow> parameterTable(RuleSetParameters parameters, Documents documents, String language) {
        List<ParameterRow> rows = new ArrayList<>();
        parameters.declarations().forEach((name, d) -> {
            if (name.equals("ruleset.version")) {
                return;
            }
            List<EntryRow> entries = new ArrayList<>();
            for (Parameter p : parameters.entries().getOrDefault(name, List.of())) {
                entries.add(new EntryRow(entries.size(), p.from() == null ? "" : p.from().toString(), p.value(),
                        shownSource(p, documents, language), SourceText.of(p)));
            }
            Class<? extends Enum<?>> type = d.type().enumClass();
            rows.add(new ParameterRow(name, d.label(language), d.boardParameter(), d.type().toString(),
                    d.unit(), entries, type == null ? null
                            : Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        });
        return rows;
    }

    private static Map<String, String> labels(RuleSetParameters parameters, String language) {
        Map<String, String> labels = new LinkedHashMap<>();
        parameters.declarations().forEach((name, d) -> {
            if (!name.equals("ruleset.version")) {
                labels.put(name, d.label(language));
            }
        });
        return labels;
    }

    private static String parameterLabel(String parameter, RuleSetParameters parameters, Messages m) {
        if (parameter.isEmpty()) {
            return "";
        }
        if (parameter.startsWith(Citations.LEVEL)) {
            return m.text("review.words.at_level", Labels.of(m).level(parameter.substring(Citations.LEVEL
                    .length())));
        }
        ParameterDeclaration d = parameters.declarations().get(parameter);
        return d == null ? parameter : d.label(m.locale().getLanguage());
    }

    /** The version's decision rules by id (from its compiled rules); empty when it does not compile here. */
    Map<String, RuleInfo> decisionRules(long id) {
        try {
            Map<String, RuleInfo> rules = new TreeMap<>();
            cache.compiled(id).decisionRules().values().forEach(r -> rules.put(r.id(), r));
            return rules;
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    /** Rule id → "title (id)" for the citation form's drop-down: every decision rule and every rule cited. */
    private static Map<String, String> ruleChoices(Map<String, RuleInfo> rules, List<CitationRow> citations,
            Messages m) {
        Map<String, String> out = new TreeMap<>();
        rules.keySet().forEach(r -> out.put(r, Labels.ruleNames(m, List.of(r))));
        citations.forEach(c -> out.put(c.entry().rule(), Labels.ruleNames(m, List.of(c.entry().rule()))));
        return out;
    }

    private static List<SwitchRow> switchRows(RuleSetSource source, Map<String, RuleInfo> rules, Documents documents,
            Messages m) {
        RuleSwitches switches;
        try {
            switches = RuleSwitches.parse(source.switches(), RuleSetSource.SWITCHES);
        } catch (RuntimeException e) {
            return List.of();
        }
        List<SwitchRow> rows = new ArrayList<>();
        rules.forEach((id, info) -> {
            RuleSwitches.Switch s = switches.all().get(id);
            rows.add(new SwitchRow(id, Labels.ruleNames(m, List.of(id)), info.severity().name(),
                    info.severities().stream().map(Enum::name).toList(), s,
                    SourceText.parse(s == null ? "" : s.source(), documents)));
        });
        // Read-only (or rules not compiled here): the switches as stored.
        switches.all().values().forEach(s -> {
            if (!rules.containsKey(s.rule())) {
                rows.add(new SwitchRow(s.rule(), Labels.ruleNames(m, List.of(s.rule())), null, List.of(), s,
                        SourceText.parse(s.source(), documents)));
            }
        });
        return rows;
    }

    /**
     * The reasons of a refusal in the reader's language; a reason about a parameter is prefixed with its label, and
     * a parameter named among the arguments reads as its label too.
     */
    List<String> problems(long id, GovernanceException e, Messages m) {
        Map<String, String> labels;
        try {
            labels = labels(versions.source(id).parameterSet(),
                    m.locale().getLanguage());
        } catch (RuntimeException unreadable) {
            return e.texts(m);
        }
        return e.getProblems().stream().map(p -> {
            List<Object> args = p.args().stream().map(x -> x instanceof String n && labels.containsKey(n)
                    ? (Object) labels.get(n) : x).toList();
            String text = new GovernanceException.Problem(p.key(), args, null).text(m);
            return p.field() != null && labels.containsKey(p.field()) ? labels.get(p.field()) + ": " + text : text;
        }).toList();
    }
}
