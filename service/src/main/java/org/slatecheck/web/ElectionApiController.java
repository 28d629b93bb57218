package org.slatecheck.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slatecheck.election.ElectionJson;
import org.slatecheck.election.ElectionRefused;
import org.slatecheck.election.ElectionRun;
import org.slatecheck.election.Elections;
import org.slatecheck.governance.RuleSetCache;
import org.slatecheck.records.StoredInputs;
import org.slatecheck.rules.election.Body;
import org.slatecheck.rules.election.TallyFile;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.intake.CongressList;
import org.slatecheck.rules.intake.InputException;
import org.slatecheck.rules.intake.Intake;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Elections through the API (issue 21): {@code POST /api/elections/decide} decides a tally for uploaded candidates at
 * once (the same JSON as {@code slatecheck.jar elect --format json}); {@code POST /api/elections} stores an election
 * of a stored check's list or of uploaded candidates; {@code …/{id}/tally} enters the tally (a second entry by
 * another member is compared with the first), {@code …/{id}/decide} decides, {@code …/{id}/confirm} is the counting
 * board head's confirmation (four eyes), after which the election is immutable; {@code GET …/{id}} shows it all.
 * Organisation scope as for checks: another unit's election is a 404. Refusals are problem details in words.
 */
@RestController
@RequestMapping("/api/elections")
public class ElectionApiController {
    private final Elections elections;
    private final RuleSetCache registry;
    private final Scope scope;

    public ElectionApiController(Elections elections, RuleSetCache registry, Scope scope) {
        this.elections = elections;
        this.registry = registry;
        this.scope = scope;
    }

    @PostMapping(value = "/decide", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> decide(@RequestPart("congresses") MultipartFile congresses,
            @RequestPart("candidates") MultipartFile candidates, @RequestPart("tally") MultipartFile tally,
            @RequestParam(required = false) String congress, @RequestParam(defaultValue = "vi") String lang)
            throws IOException {
        String language = CheckApiController.language(lang).getLanguage();
        List<CongressList> lists = Intake.read(CheckApiController.input(congresses, "congresses.csv"),
                CheckApiController.input(candidates, "candidates.csv"), registry.snapshot()).lists();
        CongressList list = ElectionRun.pick(lists, congress);
        if (list == null) {
            throw new ElectionRefused("congress", false, List.of(), String.join(", ",
                    lists.stream().map(l -> l.congress().getId()).toList()));
        }
        return ElectionRun.decide(registry.snapshot(), list, tally.getBytes()).json(language);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> create(@RequestParam(required = false) UUID check,
            @RequestParam(required = false) String congress, @RequestParam(defaultValue = "COMMITTEE") String body,
            @RequestParam(defaultValue = "1") int round,
            @RequestPart(value = "congresses", required = false) MultipartFile congresses,
            @RequestPart(value = "candidates", required = false) MultipartFile candidates) throws IOException {
        Body b;
        try {
            b = Body.valueOf(body);
        } catch (IllegalArgumentException e) {
            throw new ElectionRefused("body", false, List.of(), body);
        }
        StoredInputs inputs;
        if (check != null) {
            scope.check(check, "election");
            inputs = elections.checkInputs(check).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } else if (congresses != null && candidates != null) {
            Intake.Input c = CheckApiController.input(congresses, "congresses.csv");
            Intake.Input n = CheckApiController.input(candidates, "candidates.csv");
            inputs = new StoredInputs(c.name(), c.content(), n.name(), n.content());
        } else {
            throw new ElectionRefused("source", false, List.of());
        }
        UUID id = elections.create(PageController.user(), scope.unit(), check, inputs, congress, b, round);
        return ResponseEntity.created(URI.create("/api/elections/" + id)).body(Map.of("id", id.toString()));
    }

    /**
     * The elections of the user's unit and the units below it, newest first, one page at a time ({@code page} from 1,
     * {@code size} 20, 50, 100 or 200) with the links of the previous and next pages.
     */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> list(@RequestParam Map<String, String> params) {
        var query = ElectionPageController.query(params);
        var page = Listing.clamp(query, q -> elections.page(scope.unit(), q));
        var links = Listing.links("/api/elections", query, params);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("page", page.page() + 1);
        out.put("pages", page.pages());
        out.put("size", page.size());
        out.put("total", page.total());
        out.put("previous", page.hasPrevious() ? links.page(page.page()) : null);
        out.put("next", page.hasNext() ? links.page(page.page() + 2) : null);
        out.put("elections", page.rows().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id().toString());
            m.put("congress", e.congressId());
            m.put("body", e.body().name());
            m.put("round", e.round());
            m.put("createdAt", e.createdAt().toString());
            m.put("createdBy", e.createdBy());
            m.put("status", e.status());
            m.put("confirmed", e.confirmed());
            return m;
        }).toList());
        return out;
    }

    @PostMapping(value = "/{id}/tally", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> tally(@PathVariable UUID id, @RequestPart("tally") MultipartFile tally)
            throws IOException {
        inScope(id, "tally");
        int entry = elections.enter(PageController.user(), id, CheckApiController.input(tally, "tally.csv").name(),
                tally.getBytes());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entry", entry);
        out.put("mismatches", elections.mismatches(id));
        return ResponseEntity.status(HttpStatus.CREATED).body(out);
    }

    @PostMapping(value = "/{id}/decide", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> decideStored(@PathVariable UUID id, @RequestParam(defaultValue = "vi") String lang) {
        String language = CheckApiController.language(lang).getLanguage();
        inScope(id, "decide");
        return elections.decide(PageController.user(), id).json(language);
    }

    @PostMapping(value = "/{id}/confirm", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> confirm(@PathVariable UUID id, @RequestParam(defaultValue = "vi") String lang) {
        inScope(id, "confirm");
        elections.confirm(PageController.user(), id);
        return view(id, lang);
    }

    /**
     * A confirmed election decided again from what is stored (list, tally, the rule set version it was decided with)
     * and compared with the stored result: {@code identical}, the {@code differences} in words, {@code notes} on what
     * it was decided with, and the result decided now. Audited.
     */
    @PostMapping(value = "/{id}/reproduction", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> reproduce(@PathVariable UUID id, @RequestParam(defaultValue = "vi") String lang) {
        Messages m = Messages.of(CheckApiController.language(lang));
        inScope(id, "reproduce");
        Elections.Reproduction r = elections.reproduce(PageController.user(), id, m);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id.toString());
        out.put("identical", r.identical());
        out.put("summary", r.identical() ? m.raw("election.reproduce.identical")
                : m.text("election.reproduce.different", r.differences().size()));
        out.put("differences", r.differences());
        out.put("notes", r.notes());
        out.put("ruleSetVersion", r.ruleSetVersion());
        out.put("result", r.result());
        return out;
    }

    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> view(@PathVariable UUID id, @RequestParam(defaultValue = "vi") String lang) {
        String language = CheckApiController.language(lang).getLanguage();
        inScope(id, "view");
        Elections.Row row = elections.row(id).orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id.toString());
        out.put("check", row.checkId() == null ? null : row.checkId().toString());
        out.put("congress", row.congressId());
        out.put("body", row.body().name());
        out.put("round", row.round());
        out.put("entries", elections.entries(id).stream().map(e -> Map.of("entry", e.number(), "by", e.by(),
                "at", e.at().toString())).toList());
        out.put("mismatches", elections.mismatches(id));
        out.put("decision", elections.decision(id, language).orElse(null));
        out.put("confirmation", elections.confirmation(id).orElse(null));
        out.put("confirmed", elections.confirmed(id));
        return out;
    }

    private void inScope(UUID id, String what) {
        scope.record(elections.unitOf(id), "election " + what, id.toString());
    }

    @ExceptionHandler(InputException.class)
    public ProblemDetail inputErrors(InputException e, WebRequest request) {
        return new ApiErrors().inputErrors(e, request);
    }

    @ExceptionHandler(TallyFile.TallyException.class)
    public ProblemDetail tallyErrors(TallyFile.TallyException e, WebRequest request) {
        Messages m = messages(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                m.text("api.input_errors", e.problems().size()));
        problem.setTitle(m.raw("election.api.tally_title"));
        problem.setProperty("errors", e.problems().stream().map(p -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("line", p.line());
            x.put("message", m.text(p.key(), p.args().toArray()));
            return x;
        }).toList());
        return problem;
    }

    @ExceptionHandler(ElectionRefused.class)
    public ProblemDetail refused(ElectionRefused e, WebRequest request) {
        Messages m = messages(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.conflict() ? HttpStatus.CONFLICT
                : HttpStatus.BAD_REQUEST, m.text(e.key(), e.args().toArray()));
        problem.setTitle(m.raw("election.api.refused_title"));
        if (!e.mismatches().isEmpty()) {
            problem.setProperty("mismatches", e.mismatches());
        }
        return problem;
    }

    private static Messages messages(WebRequest request) {
        var l = Messages.language(request.getParameter("lang"));
        return Messages.of(l == null ? Messages.VI : l);
    }
}
