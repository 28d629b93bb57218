package org.slatecheck.governance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.slatecheck.rules.engine.RuleSetSource;
import org.slatecheck.rules.explain.Labels;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.params.Citations;
import org.slatecheck.rules.params.Documents;
import org.slatecheck.rules.params.Parameter;
import org.slatecheck.rules.params.ParameterDeclaration;
import org.slatecheck.rules.params.RuleSetParameters;
import org.slatecheck.rules.params.RuleSwitches;
import org.slatecheck.rules.params.Term;

/**
 * The differences between a version and its base as sentences an approver reads (issue 17 item 8): a parameter's
 * value with its source before and after and the date it is in force from ("Thời hạn …: 12 tháng (QĐ 69) → 12 tháng
 * (QĐ 22), từ 01/01/2026"), citations added or removed by rule title and document, switches changed, other files by
 * kind. The version row ({@code ruleset.version}) is written by the service, not by a person: never a sentence.
 */
public final class ChangeWords {
    private ChangeWords() {
    }

    /** The sentences in {@code m}'s language, parameters first, then citations, switches and other files. */
    public static List<String> of(Map<String, RuleSetVersions.StoredFile> base,
            Map<String, RuleSetVersions.StoredFile> now, Messages m) {
        List<String> out = new ArrayList<>();
        Labels lb = Labels.of(m);
        Documents docsBefore = documents(base);
        Documents docsNow = documents(now);
        RuleSetParameters paramsNow = null;
        TreeSet<String> paths = new TreeSet<>(base.keySet());
        paths.addAll(now.keySet());
        try {
            paramsNow = parameterSet(now);
            RuleSetParameters before = parameterSet(base);
            parameters(before, paramsNow, docsBefore, docsNow, lb, m, out);
            paths.remove(RuleSetSource.PARAMETERS);
            paths.remove(RuleSetSource.VALUES);
        } catch (RuntimeException unreadable) {
            // Said as a changed file below.
        }
        try {
            Citations before = Citations.parse(content(base, RuleSetSource.CITATIONS), RuleSetSource.CITATIONS,
                    docsBefore);
            Citations after = Citations.parse(content(now, RuleSetSource.CITATIONS), RuleSetSource.CITATIONS,
                    docsNow);
            citations(before, after, paramsNow, lb, m, out);
            paths.remove(RuleSetSource.CITATIONS);
        } catch (RuntimeException unreadable) {
            // Said as a changed file below.
        }
        try {
            switches(RuleSwitches.parse(content(base, RuleSetSource.SWITCHES), RuleSetSource.SWITCHES),
                    RuleSwitches.parse(content(now, RuleSetSource.SWITCHES), RuleSetSource.SWITCHES), lb, m, out);
            paths.remove(RuleSetSource.SWITCHES);
        } catch (RuntimeException unreadable) {
            // Said as a changed file below.
        }
        try {
            documents(Documents.parse(content(base, RuleSetSource.DOCUMENTS), RuleSetSource.DOCUMENTS),
                    Documents.parse(content(now, RuleSetSource.DOCUMENTS), RuleSetSource.DOCUMENTS), m, out);
            paths.remove(RuleSetSource.DOCUMENTS);
        } catch (RuntimeException unreadable) {
            // Said as a changed file below.
        }
        if (base.containsKey(RuleSetSource.TERM) && now.containsKey(RuleSetSource.TERM)) {
            try {
                term(Term.parse(content(base, RuleSetSource.TERM), RuleSetSource.TERM),
                        Term.parse(content(now, RuleSetSource.TERM), RuleSetSource.TERM), docsNow, lb, m, out);
                paths.remove(RuleSetSource.TERM);
            } catch (RuntimeException unreadable) {
                // Said as a changed file below.
            }
        }
        for (String path : paths) {
            RuleSetVersions.StoredFile b = base.get(path);
            RuleSetVersions.StoredFile a = now.get(path);
            if (b == null) {
                out.add(m.text("review.words.file_added", lb.fileKind(a.kind()), path));
            } else if (a == null) {
                out.add(m.text("review.words.file_removed", lb.fileKind(b.kind()), path));
            } else if (!b.content().equals(a.content())) {
                out.add(m.text("review.words.file_changed", lb.fileKind(a.kind()), path));
            }
        }
        return out;
    }

    /** Documents of the registry added, removed or changed, each named as a citation names it. */
    private static void documents(Documents before, Documents now, Messages m, List<String> out) {
        String lang = m.locale().getLanguage();
        for (Documents.Document d : now.all()) {
            Documents.Document was = before.get(d.id());
            String state = m.raw(d.confirmed() ? "review.words.document_confirmed"
                    : "review.words.document_unconfirmed");
            if (was == null) {
                out.add(m.text("review.words.document_added", d.reference(lang), d.title(lang), state));
            } else if (!was.equals(d)) {
                out.add(m.text("review.words.document_changed", d.reference(lang), d.title(lang), state));
            }
        }
        for (Documents.Document d : before.all()) {
            if (now.get(d.id()) == null) {
                out.add(m.text("review.words.document_removed", d.reference(lang)));
            }
        }
    }

    /**
     * The term: a new term made from the base, its congress season, its directives (as the registry names them), and
     * the levels when they changed.
     */
    private static void term(Term before, Term now, Documents documents, Labels lb, Messages m, List<String> out) {
        String lang = m.locale().getLanguage();
        if (!before.id().equals(now.id())) {
            out.add(m.text("review.words.term_new", now.id(), before.id()));
        }
        if (!before.seasonFrom().equals(now.seasonFrom()) || !before.seasonTo().equals(now.seasonTo())) {
            out.add(m.text("review.words.term_season", lb.date(before.seasonFrom()), lb.date(before.seasonTo()),
                    lb.date(now.seasonFrom()), lb.date(now.seasonTo())));
        }
        if (!before.directives().equals(now.directives())) {
            List<String> names = new ArrayList<>();
            for (String id : now.directives()) {
                Documents.Document d = documents.get(id);
                names.add(d == null ? id : d.reference(lang) + " " + d.title(lang));
            }
            out.add(names.isEmpty() ? m.raw("review.words.term_no_directive")
                    : m.text("review.words.term_directives", String.join("; ", names)));
        }
        if (!before.levels().keySet().equals(now.levels().keySet())) {
            out.add(m.text("review.words.term_levels", String.join(", ",
                    now.levels().keySet().stream().map(lb::level).toList())));
        }
    }

    private static String content(Map<String, RuleSetVersions.StoredFile> files, String path) {
        RuleSetVersions.StoredFile f = files.get(path);
        return f == null ? "" : f.content();
    }

    /** A version's parameters: the declarations with the term's values (or a version stored in the former format). */
    private static RuleSetParameters parameterSet(Map<String, RuleSetVersions.StoredFile> files) {
        if (!files.containsKey(RuleSetSource.VALUES)) {
            return RuleSetParameters.parseLegacy(content(files, RuleSetSource.PARAMETERS), RuleSetSource.PARAMETERS);
        }
        return RuleSetParameters.parse(content(files, RuleSetSource.PARAMETERS), content(files, RuleSetSource.VALUES),
                RuleSetSource.VALUES);
    }

    private static Documents documents(Map<String, RuleSetVersions.StoredFile> files) {
        try {
            return Documents.parse(content(files, RuleSetSource.DOCUMENTS), RuleSetSource.DOCUMENTS);
        } catch (RuntimeException e) {
            return Documents.empty();
        }
    }

    private static void parameters(RuleSetParameters before, RuleSetParameters now, Documents docsBefore,
            Documents docsNow, Labels lb, Messages m, List<String> out) {
        String lang = m.locale().getLanguage();
        for (Map.Entry<String, ParameterDeclaration> e : now.declarations().entrySet()) {
            String name = e.getKey();
            if (name.equals("ruleset.version")) {
                continue;
            }
            ParameterDeclaration d = e.getValue();
            Map<LocalDate, Parameter> old = byDate(before.entries().getOrDefault(name, List.of()));
            Map<LocalDate, Parameter> neu = byDate(now.entries().getOrDefault(name, List.of()));
            List<LocalDate> dates = new ArrayList<>(old.keySet());
            neu.keySet().forEach(x -> {
                if (!dates.contains(x)) {
                    dates.add(x);
                }
            });
            dates.sort((a, b) -> a == null ? -1 : b == null ? 1 : a.compareTo(b));
            for (LocalDate from : dates) {
                Parameter was = old.get(from);
                Parameter is = neu.get(from);
                if (is == null) {
                    out.add(m.text("review.words.param_removed", d.label(lang), value(was, d, lb),
                            SourceText.shortName(was, docsBefore, lang), lb.date(from)));
                    continue;
                }
                Documents wasDocs = docsBefore;
                if (was == null) {
                    // A new dated value: what it follows is the value in force before that date.
                    for (Parameter p : now.entries().get(name)) {
                        if (p != is && (p.from() == null || p.from().isBefore(from))) {
                            was = p;
                        }
                    }
                    wasDocs = docsNow;
                } else if (was.value().equals(is.value()) && was.source().equals(is.source())) {
                    continue;
                }
                String after = m.text("review.words.value", value(is, d, lb),
                        SourceText.shortName(is, docsNow, lang));
                String text = was == null ? after : m.text("review.words.value", value(was, d, lb),
                        SourceText.shortName(was, wasDocs, lang)) + " → " + after;
                out.add(from == null ? m.text("review.words.param", d.label(lang), text)
                        : m.text("review.words.param_from", d.label(lang), text, lb.date(from)));
            }
        }
    }

    private static Map<LocalDate, Parameter> byDate(List<Parameter> entries) {
        Map<LocalDate, Parameter> map = new LinkedHashMap<>();
        entries.forEach(p -> map.put(p.from(), p));
        return map;
    }

    private static String value(Parameter p, ParameterDeclaration d, Labels lb) {
        String v = lb.parameterValue(p.value(), d.type().toString(), d.unit());
        return v.isEmpty() ? "—" : v;
    }

    private static void citations(Citations before, Citations after, RuleSetParameters params, Labels lb, Messages m,
            List<String> out) {
        List<Citations.Entry> removed = new ArrayList<>(before.entries());
        List<Citations.Entry> added = new ArrayList<>();
        for (Citations.Entry e : after.entries()) {
            if (!removed.remove(e)) {
                added.add(e);
            }
        }
        for (Citations.Entry e : removed) {
            out.add(m.text("review.words.citation_removed", Labels.ruleNames(m, List.of(e.rule())),
                    citation(e, before.documents(), params, lb, m)));
        }
        for (Citations.Entry e : added) {
            out.add(m.text("review.words.citation_added", Labels.ruleNames(m, List.of(e.rule())),
                    citation(e, after.documents(), params, lb, m)));
        }
    }

    /** One citation row in words: the document, article and clause, the note, what it is the citation of. */
    static String citation(Citations.Entry e, Documents documents, RuleSetParameters params, Labels lb, Messages m) {
        String lang = m.locale().getLanguage();
        StringBuilder out = new StringBuilder();
        if (e.isNothing()) {
            out.append(m.raw("review.words.cites_nothing"));
        } else if (e.isBoard()) {
            out.append(m.raw("citation.board"));
        } else {
            Documents.Document d = documents.get(e.document());
            out.append(d == null ? e.document() : d.reference(lang));
            if (!e.article().isEmpty()) {
                out.append(", ").append(m.text(e.clause().isEmpty() ? "citation.article" : "citation.article_clause",
                        e.article(), e.clause()));
            }
        }
        String note = "en".equals(lang) ? e.noteEn() : e.noteVi();
        if (!note.isEmpty()) {
            out.append(": ").append(note);
        }
        if (!e.parameter().isEmpty()) {
            String about;
            if (e.parameter().startsWith(Citations.LEVEL)) {
                about = m.text("review.words.at_level", lb.level(e.parameter().substring(Citations.LEVEL.length())));
            } else {
                ParameterDeclaration d = params == null ? null : params.declarations().get(e.parameter());
                about = m.text("review.words.for_parameter", d == null ? e.parameter() : d.label(lang));
            }
            out.append(" (").append(about).append(')');
        }
        return out.toString();
    }

    private static void switches(RuleSwitches before, RuleSwitches after, Labels lb, Messages m, List<String> out) {
        TreeSet<String> rules = new TreeSet<>(before.all().keySet());
        rules.addAll(after.all().keySet());
        for (String rule : rules) {
            RuleSwitches.Switch was = before.all().get(rule);
            RuleSwitches.Switch is = after.all().get(rule);
            String title = Labels.ruleNames(m, List.of(rule));
            if (is == null) {
                out.add(m.text("review.words.switch_removed", title));
            } else if (was == null || !Objects.equals(was, is)) {
                boolean wasOn = was == null || was.enabled();
                String because = m.text("review.words.because", is.reason(), is.source());
                if (!is.enabled()) {
                    out.add(m.text("review.words.switch_off", title, because));
                } else {
                    String severityWas = was == null || was.severity() == null ? m.raw("review.words.shipped_severity")
                            : lb.severity(was.severity());
                    String severityIs = is.severity() == null ? m.raw("review.words.shipped_severity")
                            : lb.severity(is.severity());
                    out.add(!wasOn ? m.text("review.words.switch_on", title, severityIs, because)
                            : m.text("review.words.switch_severity", title, severityWas, severityIs, because));
                }
            }
        }
    }
}
