package org.slatecheck.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.slatecheck.governance.AuditLog;
import org.slatecheck.governance.GovernanceException;
import org.slatecheck.impact.ImpactAnalysis;
import org.slatecheck.governance.RuleSetApprovals;
import org.slatecheck.governance.RuleSetDrafts;
import org.slatecheck.governance.RuleSetVersions;
import org.slatecheck.governance.TextDiff;
import org.slatecheck.governance.VersionReview;
import org.slatecheck.rules.text.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The governance workflow over HTTP (HTTP Basic): versions, drafts, parameters, rule case files, impact analysis,
 * approval, activation, and the audit log. Refusals are RFC 9457 problem details listing every reason; a refusal
 * because of who asks (four eyes, not the author) is 403, an approval of other content than the current (checksum
 * missing or changed) is 409.
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
public class RuleSetApiController {
    private final RuleSetVersions versions;
    private final RuleSetDrafts drafts;
    private final RuleSetApprovals approvals;
    private final ImpactAnalysis impact;
    private final AuditLog audit;

    private final Scope scope;

    public RuleSetApiController(RuleSetVersions versions, RuleSetDrafts drafts, RuleSetApprovals approvals,
            ImpactAnalysis impact, AuditLog audit, Scope scope) {
        this.scope = scope;
        this.versions = versions;
        this.drafts = drafts;
        this.approvals = approvals;
        this.impact = impact;
        this.audit = audit;
    }

    @GetMapping("/api/rulesets")
    public List<RuleSetVersions.Version> versions() {
        return versions.versions();
    }

    @GetMapping("/api/rulesets/{id}")
    public Map<String, Object> version(@PathVariable long id) {
        Map<String, Object> out = new LinkedHashMap<>();
        RuleSetVersions.Version version = versions.get(id).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND));
        out.put("version", version);
        // The units of the author, the approver and the activator (the central unit governs the national sets).
        Map<String, String> units = new LinkedHashMap<>();
        units.put("author", versions.unitOf(version.author()));
        units.put("approvedBy", version.approvedBy() == null ? null : versions.unitOf(version.approvedBy()));
        units.put("activatedBy", version.activatedBy() == null ? null : versions.unitOf(version.activatedBy()));
        out.put("units", units);
        Map<String, Object> parameters = new LinkedHashMap<>();
        drafts.parameterRows(id).forEach((k, v) -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("value", v.get(0));
            p.put("boardParameter", v.get(1).equals("yes"));
            // The source of the value: a document of the registry (by id; empty when none) and a note.
            p.put("document", v.get(8).isEmpty() ? null : v.get(8));
            p.put("article", v.get(9).isEmpty() ? null : v.get(9));
            p.put("clause", v.get(10).isEmpty() ? null : v.get(10));
            p.put("note", v.get(2));
            // The former name of the note (clients written before the source became a document and a note).
            p.put("source", v.get(2));
            p.put("from", v.get(3).isEmpty() ? null : v.get(3));
            p.put("label", Map.of("vi", v.get(4), "en", v.get(5)));
            p.put("type", v.get(6));
            parameters.put(k, p);
        });
        out.put("parameters", parameters);
        // What a reviewer needs: every file whole, the differences from the base version, every edit.
        Map<String, RuleSetVersions.StoredFile> files = versions.files(id);
        out.put("files", files.values());
        Long basedOn = versions.get(id).orElseThrow().basedOn();
        RuleSetVersions.Version base = basedOn == null ? null : versions.get(basedOn).orElse(null);
        out.put("basedOn", base == null ? null : Map.of("id", base.id(), "version", base.version(), "checksum",
                base.checksum()));
        List<Map<String, Object>> diff = new ArrayList<>();
        if (base != null) {
            for (VersionReview.FileDiff d : VersionReview.compare(versions.files(base.id()), files)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("path", d.path());
                row.put("kind", d.kind());
                row.put("status", d.status());
                row.put("linesAdded", d.linesAdded());
                row.put("linesRemoved", d.linesRemoved());
                row.put("hunks", d.hunks().stream().map(RuleSetApiController::hunk).toList());
                diff.add(row);
            }
        }
        out.put("diff", diff);
        // The same differences as sentences, in both languages (never the version row): what an approver reads.
        Map<String, List<String>> words = new LinkedHashMap<>();
        for (String language : List.of("vi", "en")) {
            words.put(language, base == null ? List.of() : VersionReview.inWords(versions.files(base.id()), files,
                    org.slatecheck.rules.text.Messages.of(java.util.Locale.forLanguageTag(language))));
        }
        out.put("changesInWords", words);
        List<Map<String, Object>> changes = new ArrayList<>();
        for (VersionReview.ChangeView c : VersionReview.history(versions.changes(id))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", c.change().id());
            row.put("at", c.change().at().toString());
            row.put("actor", c.change().actor());
            row.put("path", c.change().path());
            row.put("kind", c.change().kind());
            row.put("before", c.change().before());
            row.put("after", c.change().after());
            row.put("hunks", c.hunks().stream().map(RuleSetApiController::hunk).toList());
            changes.add(row);
        }
        out.put("changes", changes);
        out.put("guidedRules", drafts.guidedView(id, "vi"));
        return out;
    }

    /** A hunk of a line diff: its lines as {op: SAME|REMOVED|ADDED, old, new, text} (line numbers, 0 for none). */
    static List<Map<String, Object>> hunk(TextDiff.Hunk hunk) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (TextDiff.Line l : hunk.lines()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("op", l.op());
            line.put("old", l.oldNumber());
            line.put("new", l.newNumber());
            line.put("text", l.text());
            if (l.noNewlineAtEnd()) {
                line.put("noNewlineAtEnd", true);
            }
            lines.add(line);
        }
        return lines;
    }

    @PostMapping("/api/rulesets/{id}/drafts")
    public ResponseEntity<Map<String, Object>> draft(@PathVariable long id) {
        long draft = drafts.createDraft(id, PageController.user());
        return ResponseEntity.status(HttpStatus.CREATED).body(version(draft));
    }

    /**
     * A new term as a draft made from version {@code id}: body {@code {"term": "2030-2035", "seasonFrom":
     * "2029-06-01", "seasonTo": "2031-12-31"}} (dates {@code YYYY-MM-DD}); 201 with the draft. Only a central board
     * member; the draft goes through the same editing, impact analysis, approval and activation as any other.
     */
    @PostMapping(value = "/api/rulesets/{id}/terms", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> term(@PathVariable long id, @RequestBody JsonNode body) {
        long draft = drafts.createTerm(id, PageController.user(), body.path("term").asText(null),
                date(body.path("seasonFrom").asText(null)), date(body.path("seasonTo").asText(null)));
        return ResponseEntity.status(HttpStatus.CREATED).body(version(draft));
    }

    /** A date of a request body, or null when absent; a malformed one is refused in words. */
    static java.time.LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw GovernanceException.of("data.error.not_date", text);
        }
    }

    /**
     * Deletes a draft (only its author, only a DRAFT, audited): 204, and the version is gone from {@code GET
     * /api/rulesets} and answers 404 from then on.
     */
    @DeleteMapping("/api/rulesets/{id}")
    public ResponseEntity<Void> deleteDraft(@PathVariable long id) {
        drafts.deleteDraft(id, PageController.user());
        return ResponseEntity.noContent().build();
    }

    /**
     * Body: {@code {"name": {"value": "…", "from": "2029-01-01", "document": "CT-45-2025", "note": "…"}, …}} (a
     * document id of the registry, "" for none; {@code source} is read as the note too); parameters and fields not
     * named keep what they had.
     * The only way the values file changes (not {@code PUT …/files}); compiled with no connection held, at most
     * {@code slatecheck.limits.max-compiles-per-user} at once per user and {@code max-compiles} in all (more: 429
     * with Retry-After); 409 when the draft changed while this edit was compiled.
     */
    @PutMapping(value = "/api/rulesets/{id}/parameters", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> parameters(@PathVariable long id, @RequestBody JsonNode body) {
        Map<String, String> values = new HashMap<>();
        Map<String, String> sources = new HashMap<>();
        Map<String, String> from = new HashMap<>();
        Map<String, String> documents = new HashMap<>();
        body.fields().forEachRemaining(e -> {
            if (e.getValue().has("document")) {
                documents.put(e.getKey(), e.getValue().get("document").asText());
            }
            if (e.getValue().has("note")) {
                sources.put(e.getKey(), e.getValue().get("note").asText());
            }
            if (e.getValue().has("from")) {
                from.put(e.getKey(), e.getValue().get("from").asText());
            }
            if (e.getValue().has("value")) {
                values.put(e.getKey(), e.getValue().get("value").asText());
            }
            if (e.getValue().has("source")) {
                sources.put(e.getKey(), e.getValue().get("source").asText());
            }
        });
        drafts.saveParameters(id, PageController.user(), values, sources, from, documents);
        return version(id);
    }

    /**
     * Body: {@code {"path": "…", "content": "…"}} for a data file — {@code citations.csv}, {@code switches.csv},
     * {@code guided/ID.yaml}, a rule case file — or {@code {"path": "…", "remove": true}}. Rules (DRL) are not data:
     * a DRL path is refused (400) and nothing changes; nor are {@code parameters.csv} and {@code values.csv} replaced as files (400 naming
     * the parameters form, {@code PUT …/parameters}).
     */
    @PutMapping(value = "/api/rulesets/{id}/files", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> file(@PathVariable long id, @RequestBody JsonNode body) {
        String path = body.path("path").asText();
        String content = body.path("remove").asBoolean(false) ? null : body.path("content").asText();
        drafts.replaceFile(id, PageController.user(), path, content);
        return version(id);
    }

    @PostMapping("/api/rulesets/{id}/impact")
    public Object runImpact(@PathVariable long id, @RequestParam(defaultValue = "200") int checks) {
        impact.run(id, PageController.user(), Math.max(1, Math.min(checks, 2000)));
        return impact.latest(id, scope.unit()).orElseThrow();
    }

    /** The latest impact report the user's unit may see (made at their unit or below it). */
    @GetMapping("/api/rulesets/{id}/impact")
    public Object latestImpact(@PathVariable long id) {
        var report = impact.latest(id, scope.unit()).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND));
        scope.downloaded("impact " + report.get("id"), "json");
        return report;
    }

    /**
     * Approves the content the approver saw: its checksum as the query parameter {@code checksum} or in a JSON body
     * {@code {"checksum": "…"}} (the parameter wins when both are given). Missing or not the version's current
     * checksum: 409 and nothing changes.
     */
    @PostMapping("/api/rulesets/{id}/approve")
    public Map<String, Object> approve(@PathVariable long id, @RequestParam(required = false) String checksum,
            @RequestBody(required = false) JsonNode body) {
        String seen = checksum;
        if (seen == null && body != null && body.hasNonNull("checksum")) {
            seen = body.get("checksum").asText();
        }
        approvals.approve(id, PageController.user(), seen);
        return version(id);
    }

    @PostMapping("/api/rulesets/{id}/activate")
    public Map<String, Object> activate(@PathVariable long id) {
        approvals.activate(id, PageController.user());
        return version(id);
    }

    /**
     * The audit log of the reader's unit and the units below it, newest first: filters {@code action}, {@code user},
     * {@code unit} (with the units below it), {@code from} and {@code to} (dates, inclusive), paging by {@code page}
     * (from 0) and {@code size} (or {@code limit}); the body is the page's entries, the headers {@code X-Total-Count}
     * and {@code X-Total-Pages} say how many match.
     */
    @GetMapping("/api/audit")
    public ResponseEntity<List<Map<String, Object>>> audit(@RequestParam(required = false) String action,
            @RequestParam(required = false) String user, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) Integer limit) {
        int n = size != null ? size : limit != null ? limit : 200;
        var result = audit.search(AuditPage.filter(action, user, unit, from, to, scope.unit()), Math.max(0, page),
                Math.max(1, Math.min(n, 5000)));
        return ResponseEntity.ok().header("X-Total-Count", String.valueOf(result.total()))
                .header("X-Total-Pages", String.valueOf(result.pages())).body(result.entries());
    }

    /** An unknown version id: 404. */
    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<ProblemDetail> unknown(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatus(HttpStatus.NOT_FOUND));
    }

    @ExceptionHandler(GovernanceException.class)
    public ResponseEntity<ProblemDetail> refused(GovernanceException e,
            org.springframework.web.context.request.WebRequest request) {
        String lang = request.getParameter("lang");
        Messages m = Messages.of(CheckApiController.language(lang));
        HttpStatus status = e.isForbidden() ? HttpStatus.FORBIDDEN
                : e.isConflict() ? HttpStatus.CONFLICT
                : e.isBusy() ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, String.join("; ", e.texts(m)));
        problem.setProperty("errors", e.texts(m));
        problem.setProperty("codes", e.getProblems().stream().map(GovernanceException.Problem::key).toList());
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
        if (e.isBusy()) {
            answer.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        return answer.body(problem);
    }
}
