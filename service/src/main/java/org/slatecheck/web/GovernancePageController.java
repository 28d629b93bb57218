package org.slatecheck.web;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slatecheck.governance.ApiTokens;
import org.slatecheck.explanation.ExportCsv;
import org.slatecheck.governance.AuditLog;
import org.slatecheck.governance.GovernanceException;
import org.slatecheck.impact.ImpactAnalysis;
import org.slatecheck.governance.RuleSetRegistry;
import org.slatecheck.governance.UserAccounts;
import org.slatecheck.governance.VersionReview;
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
 * The governance pages: rule set versions (every file whole, the differences from the base version and the change
 * history), a draft's parameter form and rule case uploads, impact analysis, approval and activation; the audit
 * log; users. Every action redirects back with what happened (or every reason it was refused)
 * in the user's language.
 */
@Controller
public class GovernancePageController {
    private final RuleSetRegistry registry;
    private final ImpactAnalysis impact;
    private final AuditLog audit;
    private final UserAccounts users;
    private final ApiTokens tokens;
    private final org.slatecheck.governance.OrgUnits units;
    private final Scope scope;
    private final BoardForms boardForms;

    public GovernancePageController(RuleSetRegistry registry, ImpactAnalysis impact, AuditLog audit,
            UserAccounts users, ApiTokens tokens, org.slatecheck.governance.OrgUnits units, Scope scope,
            BoardForms boardForms) {
        this.boardForms = boardForms;
        this.tokens = tokens;
        this.units = units;
        this.scope = scope;
        this.registry = registry;
        this.impact = impact;
        this.audit = audit;
        this.users = users;
    }

    @GetMapping("/rulesets")
    String list(Model model) {
        model.addAttribute("versions", registry.versions());
        model.addAttribute("mayDraft", registry.governs(PageController.user(), "BOARD"));
        return "rulesets";
    }

    @GetMapping("/rulesets/{id}")
    String show(@PathVariable long id, Model model, Locale locale) {
        RuleSetRegistry.Version v = registry.get(id).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND));
        model.addAttribute("v", v);
        Map<String, List<String>> parameterRows = registry.parameterRows(id);
        model.addAttribute("parameters", parameterRows);
        model.addAttribute("choices", choices(parameterRows));
        model.addAttribute("documentChoices", registry.documentChoices(id, locale.getLanguage()));
        org.slatecheck.rules.engine.RuleSetSource source = registry.source(id);
        model.addAttribute("drlFiles", source.drlFiles().keySet());
        model.addAttribute("caseFiles", source.caseFiles().keySet());
        model.addAttribute("citations", source.citations());
        model.addAttribute("switches", source.switches());
        model.addAttribute("guided", registry.guidedView(id, locale.getLanguage()));
        model.addAttribute("catalogue", org.slatecheck.rules.guided.Catalogue.FIELDS.values());
        String me = PageController.user();
        boolean board = registry.governs(me, "BOARD");
        model.addAttribute("mayDraft", board);
        model.addAttribute("mayApprove", registry.governs(me, "APPROVER"));
        model.addAttribute("editable", board && v.status().equals("DRAFT") && v.author().equals(me));
        // Whose work it is: the author's, approver's and activator's units beside their names.
        Map<String, String> unitOf = new HashMap<>();
        for (String who : java.util.Arrays.asList(v.author(), v.approvedBy(), v.activatedBy())) {
            if (who != null) {
                unitOf.put(who, units.label(registry.unitOf(who)));
            }
        }
        model.addAttribute("unitOf", unitOf);
        model.addAttribute("impact", impact.latest(id, scope.unit()).orElse(null));
        // What the reviewer sees: every file whole, the differences from the base version, every edit.
        Map<String, RuleSetRegistry.StoredFile> files = registry.files(id);
        RuleSetRegistry.Version base = v.basedOn() == null ? null : registry.get(v.basedOn()).orElse(null);
        List<VersionReview.FileDiff> diff = base == null ? List.of()
                : VersionReview.compare(registry.files(base.id()), files);
        model.addAttribute("files", VersionReview.files(files));
        model.addAttribute("base", base);
        model.addAttribute("diff", diff);
        model.addAttribute("differing", diff.stream().map(VersionReview.FileDiff::path).toList());
        model.addAttribute("history", VersionReview.history(registry.changes(id)));
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
        List<String> row = registry.parameterRows(id).get(name);
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
        return "redirect:/rulesets/" + registry.createDraft(id, PageController.user());
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
            return "redirect:/rulesets/" + registry.createTerm(id, PageController.user(), term,
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
            RuleSetRegistry.Version v = registry.deleteDraft(id, PageController.user());
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
                () -> registry.saveParameters(id, PageController.user(), values, sources, from, documents));
    }

    /** Citations, switches or a guided rule, edited as text and read by their strict readers (never compiled). */
    @PostMapping("/rulesets/{id}/data")
    String data(@PathVariable long id, @RequestParam String path, @RequestParam(required = false) String content,
            @RequestParam(required = false) String remove, RedirectAttributes flash, Locale locale) {
        return act(id, flash, locale, "ui.rulesets.saved", () -> registry.replaceFile(id, PageController.user(),
                path, remove != null ? null : content == null ? "" : content.replace("\r\n", "\n")));
    }

    @PostMapping("/rulesets/{id}/cases")
    String cases(@PathVariable long id, @RequestParam String path, @RequestParam MultipartFile file,
            RedirectAttributes flash, Locale locale) throws IOException {
        String text = new String(file.getBytes(), StandardCharsets.UTF_8);
        return act(id, flash, locale, "ui.rulesets.cases_saved",
                () -> registry.replaceFile(id, PageController.user(), path, text));
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
                () -> registry.approve(id, PageController.user(), checksum));
    }

    /** Activation needs the confirmation box ticked (the pages run no script: the box is checked here). */
    @PostMapping("/rulesets/{id}/activate")
    String activate(@PathVariable long id, @RequestParam(required = false) String confirm, RedirectAttributes flash,
            Locale locale) {
        if (!"yes".equals(confirm)) {
            flash.addFlashAttribute("problems", List.of(Messages.of(locale).raw("governance.activate_unconfirmed")));
            return "redirect:/rulesets/" + id;
        }
        return act(id, flash, locale, "ui.rulesets.activated", () -> registry.activate(id, PageController.user()));
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
            rows = registry.parameterRows(id);
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
        model.addAttribute("v", registry.get(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
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

    /** The audit log of the reader's scope, filtered (action, user, unit, dates) and paged on the server. */
    @GetMapping("/audit")
    String audit(@RequestParam(required = false) String action, @RequestParam(required = false) String user,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, Model model) {
        int n = Math.max(1, Math.min(size, 500));
        AuditLog.Page result = audit.search(AuditPage.filter(action, user, unit, from, to, scope.unit()),
                Math.max(0, page), n);
        model.addAttribute("entries", result.entries());
        model.addAttribute("page", result);
        Map<String, String> filters = new java.util.LinkedHashMap<>();
        filters.put("action", action == null ? "" : action);
        filters.put("user", user == null ? "" : user);
        filters.put("unit", unit == null ? "" : unit);
        filters.put("from", from == null ? "" : from);
        filters.put("to", to == null ? "" : to);
        model.addAttribute("filters", filters);
        model.addAttribute("size", n);
        return "audit";
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        String unit = scope.unit();
        String me = PageController.user();
        List<Map<String, Object>> all = users.all(unit);
        java.util.Set<String> grantable = users.grantable(me);
        model.addAttribute("users", all);
        model.addAttribute("roles", UserAccounts.ROLE_ORDER);
        model.addAttribute("grantable", grantable);
        // Rows the administrator may change: itself, and users holding only roles it may grant.
        model.addAttribute("manageable", all.stream().filter(u -> me.equals(u.get("username"))
                || grantable.containsAll(java.util.Arrays.stream(String.valueOf(u.get("roles")).split(","))
                        .map(String::strip).filter(r -> !r.isEmpty()).toList()))
                .map(u -> (String) u.get("username")).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("me", me);
        model.addAttribute("units", units.within(unit));
        return "users";
    }

    @PostMapping("/admin/users")
    String createUser(@RequestParam String username, @RequestParam(required = false) String fullName,
            @RequestParam String password, @RequestParam(required = false) List<String> roles,
            @RequestParam(required = false) String unit, RedirectAttributes flash, Locale locale) {
        Messages m = Messages.of(locale);
        try {
            users.create(PageController.user(), username, fullName, password, roles(roles),
                    unit == null || unit.isBlank() ? scope.unit() : unit.strip());
            flash.addFlashAttribute("ok", m.text("ui.users.created", username));
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("problems", List.of(m.raw(e.getMessage())));
        }
        return "redirect:/admin/users";
    }

    /** Saves a user's full name and roles (the check boxes of the user's row). */
    @PostMapping("/admin/users/update")
    String updateUser(@RequestParam String username, @RequestParam(required = false) String fullName,
            @RequestParam(required = false) List<String> roles, RedirectAttributes flash, Locale locale) {
        return userChange(username, flash, locale, "ui.users.saved", () -> {
            users.setRoles(PageController.user(), username, roles(roles));
            if (fullName != null) {
                users.setFullName(PageController.user(), username, fullName);
            }
        });
    }

    /** Disables ({@code enabled=false}) or enables a user. */
    @PostMapping("/admin/users/enabled")
    String enableUser(@RequestParam String username, @RequestParam boolean enabled, RedirectAttributes flash,
            Locale locale) {
        return userChange(username, flash, locale, enabled ? "ui.users.enabled_done" : "ui.users.disabled_done",
                () -> users.setEnabled(PageController.user(), username, enabled));
    }

    /** Sets a new password for a user (the password policy applies). */
    @PostMapping("/admin/users/password")
    String resetPassword(@RequestParam String username, @RequestParam String password, RedirectAttributes flash,
            Locale locale) {
        return userChange(username, flash, locale, "ui.users.password_done",
                () -> users.resetPassword(PageController.user(), username, password));
    }

    private String userChange(String username, RedirectAttributes flash, Locale locale, String done, Runnable change) {
        Messages m = Messages.of(locale);
        try {
            change.run();
            flash.addFlashAttribute("ok", m.text(done, username));
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("problems", List.of(m.raw(e.getMessage())));
        }
        return "redirect:/admin/users";
    }

    /** Roles from check boxes (one value each) or typed ("BOARD, APPROVER"), upper case, each once. */
    static List<String> roles(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().flatMap(v -> Arrays.stream(v.split("[,+\\s]+"))).map(String::strip)
                .filter(r -> !r.isEmpty()).map(r -> r.toUpperCase(Locale.ROOT)).distinct().toList();
    }

    /** Issues an API token for a user; it is shown once, on the page the redirect leads to, and stored hashed. */
    @PostMapping("/admin/tokens")
    String issueToken(@RequestParam String username, RedirectAttributes flash, Locale locale) {
        try {
            flash.addFlashAttribute("token", tokens.issue(PageController.user(), username));
            flash.addFlashAttribute("tokenUser", username);
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("problems", List.of(Messages.of(locale).raw(e.getMessage())));
        }
        return "redirect:/admin/users";
    }

    /** A new organisation unit below one of the admin's scope. */
    @PostMapping("/admin/units")
    String createUnit(@RequestParam String code, @RequestParam String name, @RequestParam String parent,
            @RequestParam String level, RedirectAttributes flash, Locale locale) {
        Messages m = Messages.of(locale);
        try {
            units.create(PageController.user(), code.strip(), name, parent.strip(), level.strip());
            flash.addFlashAttribute("ok", code.strip());
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("problems", List.of(m.raw(e.getMessage())));
        }
        return "redirect:/admin/users";
    }

    /** Units from CSV (code, name, parent_code, level): all of them or none. */
    @PostMapping("/admin/units/import")
    String importUnits(@RequestParam MultipartFile file, RedirectAttributes flash, Locale locale) throws IOException {
        Messages m = Messages.of(locale);
        try {
            int n = units.importCsv(PageController.user(), file.getBytes());
            flash.addFlashAttribute("ok", m.text("ui.units.imported", n));
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("problems", List.of(m.raw(e.getMessage())));
        }
        return "redirect:/admin/users";
    }
}
