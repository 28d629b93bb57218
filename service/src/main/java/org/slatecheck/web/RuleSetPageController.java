package org.slatecheck.web;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slatecheck.explanation.ExportCsv;
import org.slatecheck.governance.GovernanceException;
import org.slatecheck.governance.OrgUnits;
import org.slatecheck.governance.RuleSetApprovals;
import org.slatecheck.governance.RuleSetDrafts;
import org.slatecheck.governance.RuleSetVersions;
import org.slatecheck.governance.VersionReview;
import org.slatecheck.impact.ImpactAnalysis;
import org.slatecheck.rules.text.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rule set pages: the versions, one version (every file whole, the differences from the base version and the
 * change history, the boards' forms), a new draft or term, deleting a draft, a draft's parameter form, data and rule
 * case uploads, impact analysis (run, page, CSV), approval and activation. Every action redirects back with what
 * happened (or every reason it was refused) in the user's language. The audit page is {@link AuditPageController}'s,
 * the administration of users, tokens and units {@link AdminPageController}'s.
 */
@Controller
public class RuleSetPageController {
    private final RuleSetVersions versions;
    private final RuleSetDrafts drafts;
    private final RuleSetApprovals approvals;
    private final ImpactAnalysis impact;
    private final OrgUnits units;
    private final Scope scope;
    private final BoardForms boardForms;

    public RuleSetPageController(RuleSetVersions versions, RuleSetDrafts drafts, RuleSetApprovals approvals,
            ImpactAnalysis impact, OrgUnits units, Scope scope, BoardForms boardForms) {
        this.versions = versions;
        this.drafts = drafts;
        this.approvals = approvals;
        this.impact = impact;
        this.units = units;
        this.scope = scope;
        this.boardForms = boardForms;
    }

    @GetMapping("/rulesets")
    String list(Model model) {
        model.addAttribute("versions", versions.versions());
        model.addAttribute("mayDraft", approvals.governs(PageController.user(), "BOARD"));
        return "rulesets";
    }

    @GetMapping("/rulesets/{id}")
    String show(@PathVariable long id, Model model, Locale locale) {
        RuleSetVersions.Version v = versions.get(id).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND));
        model.addAttribute("v", v);
        Map<String, List<String>> parameterRows = drafts.parameterRows(id);
        model.addAttribute("parameters", parameterRows);
        model.addAttribute("choices", choices(parameterRows));
        model.addAttribute("documentChoices", drafts.documentChoices(id, locale.getLanguage()));
        org.slatecheck.rules.engine.RuleSetSource source = versions.source(id);
        model.addAttribute("drlFiles", source.drlFiles().keySet());
        model.addAttribute("caseFiles", source.caseFiles().keySet());
        model.addAttribute("citations", source.citations());
        model.addAttribute("switches", source.switches());
        model.addAttribute("guided", drafts.guidedView(id, locale.getLanguage()));
        model.addAttribute("catalogue", org.slatecheck.rules.guided.Catalogue.FIELDS.values());
        String me = PageController.user();
        boolean board = approvals.governs(me, "BOARD");
        model.addAttribute("mayDraft", board);
        model.addAttribute("mayApprove", approvals.governs(me, "APPROVER"));
        model.addAttribute("editable", board && v.status().equals("DRAFT") && v.author().equals(me));
        // Whose work it is: the author's, approver's and activator's units beside their names.
        Map<String, String> unitOf = new HashMap<>();
        for (String who : java.util.Arrays.asList(v.author(), v.approvedBy(), v.activatedBy())) {
            if (who != null) {
                unitOf.put(who, units.label(versions.unitOf(who)));
            }
        }
        model.addAttribute("unitOf", unitOf);
        model.addAttribute("impact", impact.latest(id, scope.unit()).orElse(null));
        // What the reviewer sees: every file whole, the differences from the base version, every edit.
        Map<String, RuleSetVersions.StoredFile> files = versions.files(id);
        RuleSetVersions.Version base = v.basedOn() == null ? null : versions.get(v.basedOn()).orElse(null);
        List<VersionReview.FileDiff> diff = base == null ? List.of()
                : VersionReview.compare(versions.files(base.id()), files);
        model.addAttribute("files", VersionReview.files(files));
        model.addAttribute("base", base);
        model.addAttribute("diff", diff);
        model.addAttribute("differing", diff.stream().map(VersionReview.FileDiff::path).toList());
        model.addAttribute("history", VersionReview.history(versions.changes(id)));
        // The boards' forms (parameter table, citations, switches) and the differences in words.
        boardForms.addTo(model, id, base, board && v.status().equals("DRAFT") && v.author().equals(me), locale);
        return "ruleset";
    }

    /**
     * The codes a code parameter may take (parameter → its code list's constants), so the form offers them by name
     * ("Nghị định 135/2020/NĐ-CP", "tỉnh") in a drop-down or as boxes instead of a text field holding the code.
     */
    static Map<String, List<String>> choices(Map<String, List<String>> parameterRows) {
        Map<String, List<String>> choices = new HashMap<>();
        parameterRows.forEach((name, row) -> {
            Class<? extends Enum<?>> type = org.slatecheck.rules.params.ParameterType.parse(row.get(6), name)
                    .enumClass();
            if (type != null) {
                choices.put(name, java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
            }
        });
        return choices;
    }

    /**
     * The ticked codes of a "codes" parameter, {@code ;}-separated; the stored value itself when the same codes are
     * ticked (in whatever order), so saving the form unchanged changes nothing.
     */
    private String ticked(long id, String name, List<String> submitted) {
        List<String> codes = submitted.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
        List<String> row = drafts.parameterRows(id).get(name);
        if (row != null) {
            java.util.Set<String> stored = new java.util.HashSet<>();
            for (String c : row.get(0).split(";")) {
                if (!c.isBlank()) {
                    stored.add(c.strip());
                }
            }
            if (stored.equals(new java.util.HashSet<>(codes))) {
                return row.get(0);
            }
        }
        return String.join(";", codes);
    }

    @PostMapping("/rulesets/{id}/drafts")
    String draft(@PathVariable long id) {
        return "redirect:/rulesets/" + drafts.createDraft(id, PageController.user());
    }

    /**
     * A new term as a draft made from version {@code id} (the form under the version's actions: term, first and last
     * congress date); to the new draft, or back with the reasons it was refused.
     */
    @PostMapping("/rulesets/{id}/terms")
    String term(@PathVariable long id, @RequestParam(required = false) String term,
            @RequestParam(required = false) String seasonFrom, @RequestParam(required = false) String seasonTo,
            RedirectAttributes flash, Locale locale) {
        try {
            return "redirect:/rulesets/" + drafts.createTerm(id, PageController.user(), term,
                    RuleSetApiController.date(seasonFrom), RuleSetApiController.date(seasonTo));
        } catch (GovernanceException e) {
            flash.addFlashAttribute("problems", problems(id, e, Messages.of(locale)));
            return "redirect:/rulesets/" + id;
        }
    }

    /**
     * Deletes a draft (its author only): the form's check box confirms it (the pages run no script, so the
     * confirmation is the box, checked again here). Back to the list with what happened, or to the draft with the
     * reasons it was refused.
     */
    @PostMapping("/rulesets/{id}/delete")
    String deleteDraft(@PathVariable long id, @RequestParam(required = false) String confirm,
            RedirectAttributes flash, Locale locale) {
        Messages m = Messages.of(locale);
        if (!"yes".equals(confirm)) {
            flash.addFlashAttribute("problems", List.of(m.raw("governance.delete_unconfirmed")));
            return "redirect:/rulesets/" + id;
        }
        try {
            RuleSetVersions.Version v = drafts.deleteDraft(id, PageController.user());
            flash.addFlashAttribute("ok", m.text("ui.rulesets.deleted", v.version()));
            return "redirect:/rulesets";
        } catch (GovernanceException e) {
            flash.addFlashAttribute("problems", problems(id, e, m));
            return "redirect:/rulesets/" + id;
        }
    }

    @PostMapping("/rulesets/{id}/parameters")
    String parameters(@PathVariable long id, @RequestParam org.springframework.util.MultiValueMap<String, String> all,
            RedirectAttributes flash, Locale locale) {
        Map<String, String> values = new HashMap<>();
        Map<String, String> sources = new HashMap<>();
        Map<String, String> from = new HashMap<>();
        Map<String, String> documents = new HashMap<>();
        Map<String, String> form = new HashMap<>();
        all.forEach((k, list) -> form.put(k, list.isEmpty() ? "" : list.get(0)));
        form.forEach((k, val) -> {
            if (k.startsWith("value.")) {
                // Several codes of a "codes" parameter come as ticked boxes (after an empty hidden field): joined.
                values.put(k.substring(6), all.get(k).size() == 1 ? val : ticked(id, k.substring(6), all.get(k)));
            } else if (k.startsWith("source.")) {
                sources.put(k.substring(7), val);
            } else if (k.startsWith("from.")) {
                from.put(k.substring(5), val);
            } else if (k.startsWith("document.")) {
                documents.put(k.substring(9), val);
            }
        });
        return act(id, flash, locale, "ui.rulesets.saved",
                () -> drafts.saveParameters(id, PageController.user(), values, sources, from, documents));
    }

    /** Citations, switches or a guided rule, edited as text and read by their strict readers (never compiled). */
    @PostMapping("/rulesets/{id}/data")
    String data(@PathVariable long id, @RequestParam String path, @RequestParam(required = false) String content,
            @RequestParam(required = false) String remove, RedirectAttributes flash, Locale locale) {
        return act(id, flash, locale, "ui.rulesets.saved", () -> drafts.replaceFile(id, PageController.user(),
                path, remove != null ? null : content == null ? "" : content.replace("\r\n", "\n")));
    }

    @PostMapping("/rulesets/{id}/cases")
    String cases(@PathVariable long id, @RequestParam String path, @RequestParam MultipartFile file,
            RedirectAttributes flash, Locale locale) throws IOException {
        String text = new String(file.getBytes(), StandardCharsets.UTF_8);
        return act(id, flash, locale, "ui.rulesets.cases_saved",
                () -> drafts.replaceFile(id, PageController.user(), path, text));
    }

    @PostMapping("/rulesets/{id}/impact")
    String runImpact(@PathVariable long id, RedirectAttributes flash, Locale locale) {
        return act(id, flash, locale, "ui.rulesets.impact_done", () -> impact.run(id, PageController.user(), 200));
    }

    /** The form sends the checksum of the content the page showed (a hidden field). */
    @PostMapping("/rulesets/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) String checksum, RedirectAttributes flash,
            Locale locale) {
        return act(id, flash, locale, "ui.rulesets.approved",
                () -> approvals.approve(id, PageController.user(), checksum));
    }

    /** Activation needs the confirmation box ticked (the pages run no script: the box is checked here). */
    @PostMapping("/rulesets/{id}/activate")
    String activate(@PathVariable long id, @RequestParam(required = false) String confirm, RedirectAttributes flash,
            Locale locale) {
        if (!"yes".equals(confirm)) {
            flash.addFlashAttribute("problems", List.of(Messages.of(locale).raw("governance.activate_unconfirmed")));
            return "redirect:/rulesets/" + id;
        }
        return act(id, flash, locale, "ui.rulesets.activated", () -> approvals.activate(id, PageController.user()));
    }

    private String act(long id, RedirectAttributes flash, Locale locale, String ok, Runnable action) {
        Messages m = Messages.of(locale);
        try {
            action.run();
            flash.addFlashAttribute("ok", m.raw(ok));
        } catch (GovernanceException e) {
            flash.addFlashAttribute("problems", problems(id, e, m));
        }
        return "redirect:/rulesets/" + id;
    }

    /**
     * The reasons of a refusal in the reader's language; a reason about a parameter names it by its label, not by
     * its technical name.
     */
    private List<String> problems(long id, GovernanceException e, Messages m) {
        Map<String, List<String>> rows;
        try {
            rows = drafts.parameterRows(id);
        } catch (RuntimeException unreadable) {
            return e.texts(m);
        }
        boolean en = m.locale().getLanguage().equals("en");
        return e.getProblems().stream().map(p -> {
            // A parameter named in the reason's arguments reads as its label too.
            List<Object> args = p.args().stream().map(x -> x instanceof String n && rows.containsKey(n)
                    ? (Object) (en ? rows.get(n).get(5) : rows.get(n).get(4)) : x).toList();
            p = new GovernanceException.Problem(p.key(), args, p.field());
            List<String> row = p.field() == null ? null : rows.get(p.field());
            if (row == null) {
                return p.text(m);
            }
            String label = en ? row.get(5) : row.get(4);
            return new GovernanceException.Problem(p.key(), p.args(), null).text(m).transform(t ->
                    label + ": " + t);
        }).toList();
    }

    @GetMapping("/rulesets/{id}/impact")
    String impactPage(@PathVariable long id, Model model) {
        model.addAttribute("v", versions.get(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        var report = impact.latest(id, scope.unit()).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND));
        scope.downloaded("impact " + report.get("id"), "page");
        model.addAttribute("impact", report);
        return "impact";
    }

    @GetMapping(value = "/rulesets/{id}/impact.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<byte[]> impactCsv(@PathVariable long id, Locale locale) throws IOException {
        var report = impact.latest(id, scope.unit()).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND));
        scope.downloaded("impact " + report.get("id"), "csv");
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"impact-" + id + ".csv\"")
                .body(impactCsv((com.fasterxml.jackson.databind.JsonNode) report.get("report"), Messages.of(locale)));
    }

    /** The impact report as CSV with the codes (English column names), as {@link #impactCsv(com.fasterxml.jackson.databind.JsonNode, Messages)}. */
    static byte[] impactCsv(com.fasterxml.jackson.databind.JsonNode report) throws IOException {
        return impactCsv(report, Messages.of(Messages.EN));
    }

    /**
     * The impact report as CSV (with a byte-order mark), every cell through {@link ExportCsv}; in Vietnamese with the
     * columns named in words and outcomes and list statuses as labels, in English with the codes scripts read.
     */
    static byte[] impactCsv(com.fasterxml.jackson.databind.JsonNode report, Messages m) throws IOException {
        boolean codes = m.locale().getLanguage().equals("en");
        org.slatecheck.rules.explain.Labels lb = org.slatecheck.rules.explain.Labels.of(m);
        StringWriter out = new StringWriter();
        try (ExportCsv p = ExportCsv.to(out)) {
            boolean header = true;
            for (List<String> row : ImpactAnalysis.csvRows(report)) {
                if (codes) {
                    p.record(row);
                } else if (header) {
                    p.record(row.stream().map(h -> m.raw("csv." + (h.equals("congress_id") ? "congress" : h)))
                            .toList());
                } else {
                    boolean nominee = row.get(0).startsWith("nominee");
                    List<String> r = new java.util.ArrayList<>(row);
                    r.set(0, m.raw("csv.kind." + row.get(0)));
                    r.set(4, nominee ? lb.outcome(row.get(4)) : lb.listStatus(row.get(4)));
                    r.set(5, nominee ? lb.outcome(row.get(5)) : lb.listStatus(row.get(5)));
                    for (int i = 8; i <= 9; i++) {
                        r.set(i, row.get(i).isEmpty() ? "" : lb.listStatus(row.get(i)));
                    }
                    p.record(r);
                }
                header = false;
            }
        }
        return ("\uFEFF" + out).getBytes(StandardCharsets.UTF_8);
    }

    /** An unknown version id in a path: a 404 page, never a stack trace. */
    @org.springframework.web.bind.annotation.ExceptionHandler(IllegalArgumentException.class)
    void unknown(IllegalArgumentException e) {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
