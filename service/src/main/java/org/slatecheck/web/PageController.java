package org.slatecheck.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slatecheck.explanation.ViableFindings;
import org.slatecheck.records.CheckRecords;
import org.slatecheck.records.Listings;
import org.slatecheck.records.NomineeInput;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.intake.Columns;
import org.slatecheck.rules.intake.InputException;
import org.slatecheck.rules.intake.Intake;
import org.slatecheck.screening.CheckService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The pages: upload (a congress form or congresses.csv, plus the nominee file), result, nominee, history, and the
 * error page listing every line/column problem of a bad file. Server-rendered, Vietnamese first.
 */
@Controller
public class PageController {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OUTCOMES = List.of("ELIGIBLE", "REVIEW", "INELIGIBLE");
    /** Up to this many nominees a check is small: its result page folds the filters beyond outcome and search. */
    static final int SMALL_CHECK = 20;

    private final CheckService checks;
    private final CheckRecords records;
    private final Listings listings;
    private final Scope scope;
    private final org.slatecheck.governance.RuleSetCache registry;

    public PageController(CheckService checks, CheckRecords records, Listings listings, Scope scope,
            org.slatecheck.governance.RuleSetCache registry) {
        this.registry = registry;
        this.checks = checks;
        this.records = records;
        this.listings = listings;
        this.scope = scope;
    }

    /** The signed-in user's name (who a check is recorded for). */
    static String user() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "anonymous" : auth.getName();
    }

    @GetMapping("/")
    public String upload(Model model, Locale locale) {
        CongressForm.addTo(model, Map.of(), Map.of(), List.of(), registry.snapshot().terms());
        return "upload";
    }

    /**
     * Checks an upload: the congresses file if given, else the congress form; then shows the result. When the form
     * was used and the input has errors, the upload page comes back with what was typed and each error of the form
     * next to its field (the nominee file's errors listed above it); a congresses file's errors get the error page.
     */
    @PostMapping("/checks")
    public String check(@RequestParam(required = false) MultipartFile congresses, @RequestParam MultipartFile nominees,
            @RequestParam Map<String, String> form, Model model, Locale locale, HttpServletResponse response)
            throws IOException {
        if (congresses != null && !congresses.isEmpty()) {
            return run(CheckApiController.input(congresses, "congresses.csv"),
                    CheckApiController.input(nominees, "nominees.csv"), model, locale, response);
        }
        Map<String, String> typed = CongressForm.withId(CongressForm.typed(form));
        Messages m = Messages.of(locale);
        String formName = m.raw("ui.congress_form");
        try {
            CheckService.Recorded recorded = checks.check(user(), new Intake.Input(formName, congressCsv(typed)),
                    CheckApiController.input(nominees, "nominees.csv"));
            return "redirect:/checks/" + recorded.id();
        } catch (InputException e) {
            Map<String, List<String>> fieldErrors = new LinkedHashMap<>();
            List<String> otherErrors = new ArrayList<>();
            for (var x : e.getErrors()) {
                if (x.file().equals(formName) && Columns.CONGRESS.containsKey(x.column())) {
                    fieldErrors.computeIfAbsent(x.column(), k -> new ArrayList<>()).add(x.reason(m));
                } else {
                    otherErrors.add(x.format(m));
                }
            }
            CongressForm.addTo(model, typed, fieldErrors, otherErrors, registry.snapshot().terms());
            response.setStatus(400);
            return "upload";
        }
    }

    /** Checks the shipped sample lists. */
    @PostMapping("/checks/sample")
    public String sample(Model model, Locale locale, HttpServletResponse response) throws IOException {
        return run(new Intake.Input("congresses.csv", resource("slatecheck/samples/congresses.csv")),
                new Intake.Input("nominees.csv", resource("slatecheck/samples/nominees.csv")), model, locale, response);
    }

    private String run(Intake.Input congresses, Intake.Input nominees, Model model, Locale locale,
            HttpServletResponse response) {
        try {
            CheckService.Recorded recorded = checks.check(user(), congresses, nominees);
            return "redirect:/checks/" + recorded.id();
        } catch (InputException e) {
            Messages m = Messages.of(locale);
            List<Map<String, Object>> errors = new ArrayList<>();
            e.getErrors().forEach(x -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("file", x.file());
                row.put("line", x.line());
                row.put("column", x.column());
                row.put("message", x.reason(m));
                errors.add(row);
            });
            model.addAttribute("errors", errors);
            response.setStatus(400);
            return "errors";
        }
    }

    /**
     * The checks of the user's unit and the units below it, one row per check, paged in SQL: {@code q} searches
     * congress ids and organisations; filters {@code kind} (batch or single check) and {@code bstatus} (batch status).
     */
    @GetMapping("/checks")
    public String history(@RequestParam Map<String, String> params, Model model) {
        Listings.Query query = Listing.query(params, List.of("kind", "bstatus"), Listings.CHECK_SORTS.keySet(),
                "created", true);
        model.addAttribute("page", Listing.clamp(query, q -> listings.checks(scope.unit(), q)));
        model.addAttribute("query", query);
        model.addAttribute("links", Listing.links("/checks", query, params));
        model.addAttribute("batchStatuses", BATCH_STATUSES);
        return "history";
    }

    /** Statuses a stored batch can have (the filter of the history and batches pages). */
    static final List<String> BATCH_STATUSES = List.of("RUNNING", "DONE", "CANCELLED", "FAILED");

    /**
     * The result of a check: its nominees paged in SQL (50 a page), grouped under their list (its status, structure
     * and list findings) in list order, or as one table when sorted otherwise. {@code q} searches names, nominee ids,
     * congress ids and organisations; filters {@code outcome}, {@code rule}, {@code status}, {@code level},
     * {@code list}.
     */
    @GetMapping("/checks/{id}")
    public String result(@PathVariable UUID id, @RequestParam Map<String, String> params, Model model,
            Locale locale) {
        String lang = Messages.of(locale).locale().getLanguage();
        scope.check(id, "page");
        var summary = listings.check(id).orElseThrow(() -> new ResponseStatusException(
                org.springframework.http.HttpStatus.NOT_FOUND));
        scope.downloaded(id.toString(), "page");
        Listings.Query query = Listing.query(params, List.of("outcome", "rule", "status", "level", "list"),
                Listings.NOMINEE_SORTS.keySet(), "position", false);
        Listings.Page<Listings.NomineeRow> page = Listing.clamp(query, q -> listings.nominees(id, q));
        List<Integer> positions = page.rows().stream().map(Listings.NomineeRow::list).distinct().toList();
        Map<Integer, String[]> stored = listings.results(id, positions, lang);
        Map<Integer, Listings.ListRow> lists = new LinkedHashMap<>();
        listings.listsAt(id, positions).forEach(l -> lists.put(l.position(), l));
        // One group per run of rows from the same list; in list order that is one group per list.
        List<Map<String, Object>> groups = new ArrayList<>();
        Map<Integer, Map<String, Object>> results = new LinkedHashMap<>();
        for (Listings.NomineeRow row : page.rows()) {
            Map<String, Object> r = results.computeIfAbsent(row.list(), p -> readMap(stored.get(p)[0]));
            Map<String, Object> group = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (group == null || !group.get("position").equals(row.list())) {
                group = new LinkedHashMap<>();
                group.put("position", row.list());
                group.put("list", lists.get(row.list()));
                group.put("r", r);
                group.put("structure", JSON.convertValue(read(stored.get(row.list())[1]), List.class));
                group.put("viableStructure", JSON.convertValue(read(stored.get(row.list())[2]), List.class));
                JsonNode result = read(stored.get(row.list())[0]);
                group.put("viableChanged", JSON.convertValue(ViableFindings.changed(result), List.class));
                group.put("viableUnchanged", ViableFindings.unchanged(result));
                group.put("rows", new ArrayList<Map<String, Object>>());
                groups.add(group);
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("row", row);
            entry.put("n", ((List<?>) r.get("nominees")).get(row.position()));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) group.get("rows");
            rows.add(entry);
        }
        int listCount = listings.listCount(id);
        // A batch list rendered on open under other words than its batch ran with says so (issue 20).
        model.addAttribute("catalogueChanged", positions.stream().anyMatch(p -> stored.get(p) != null
                && stored.get(p).length > 3 && stored.get(p)[3] != null));
        model.addAttribute("id", id);
        model.addAttribute("summary", summary);
        model.addAttribute("page", page);
        model.addAttribute("groups", groups);
        model.addAttribute("grouped", "position".equals(query.sort()));
        model.addAttribute("query", query);
        model.addAttribute("links", Listing.links("/checks/" + id, query, params));
        model.addAttribute("outcome", query.filter("outcome"));
        // Rows narrowed to some nominees: each list's panels (structure, list findings, viable list) fold to one line.
        model.addAttribute("narrowed", query.filter("outcome") != null || query.filter("rule") != null
                || query.q() != null);
        // The filters beyond outcome and search fold away for a small check unless one of them is in use.
        model.addAttribute("moreFilters", summary.nominees() > SMALL_CHECK || query.filter("rule") != null
                || query.filter("status") != null || query.filter("level") != null || query.filter("list") != null);
        Messages messages = Messages.of(locale);
        model.addAttribute("warnings", records.inputs(id).map(checks::warnings).orElse(List.of()).stream()
                .map(w -> w.format(messages)).toList());
        model.addAttribute("outcomes", OUTCOMES);
        model.addAttribute("rules", listings.rules(id, query.filter("list") == null ? null
                : Integer.valueOf(query.filter("list")), listCount, 200));
        model.addAttribute("levels", listings.levels(id));
        model.addAttribute("listStatuses", List.of("COMPLIANT", "NON_COMPLIANT"));
        model.addAttribute("listCount", listCount);
        // A choice of list by name when there are few; a search finds a list among many.
        model.addAttribute("listChoices", listCount <= 200 ? listings.lists(id, new Listings.Query(null, Map.of(),
                "position", false, 0, 200)).rows() : List.of());
        if (query.filter("list") != null) {
            listings.lists(id, new Listings.Query(null, Map.of("list", query.filter("list")), "position", false, 0, 1))
                    .rows().stream().findFirst().ifPresent(l -> model.addAttribute("chosenList", l));
        }
        return "result";
    }

    /**
     * A nominee of a stored check: the outcome with the age and remaining working time the rules derived, every
     * finding with its title, message, evidence, remedy and citation, then the input data as read (every column,
     * labelled in the page language), and the previous and next nominee of the list.
     */
    @GetMapping("/checks/{id}/lists/{list}/nominees/{nomineeId}")
    public String nominee(@PathVariable UUID id, @PathVariable int list, @PathVariable String nomineeId, Model model,
            Locale locale) {
        Messages m = Messages.of(locale);
        scope.check(id, "dossier");
        Listings.StoredNominee stored = listings.nominee(id, list, nomineeId).orElseThrow(
                () -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
        Map<Integer, String[]> result = listings.results(id, List.of(list), m.locale().getLanguage());
        Map<String, Object> r = readMap(result.get(list)[0]);
        // The dossier's check and list only: never the nominee's id or name in the audit log.
        scope.downloaded(id.toString(), "dossier list " + list);
        model.addAttribute("id", id);
        model.addAttribute("list", list);
        model.addAttribute("congress", r.get("congress"));
        model.addAttribute("nominee", ((List<?>) r.get("nominees")).get(stored.position()));
        model.addAttribute("input", stored.input() == null ? null : NomineeInput.display(read(stored.input()), m));
        model.addAttribute("derived", stored.input() == null ? List.of()
                : NomineeInput.derived(read(stored.input()), m));
        model.addAttribute("position", stored.position() + 1);
        model.addAttribute("count", ((List<?>) r.get("nominees")).size());
        model.addAttribute("previous", listings.nomineeAt(id, list, stored.position() - 1).orElse(null));
        model.addAttribute("next", listings.nomineeAt(id, list, stored.position() + 1).orElse(null));
        return "nominee";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readMap(String json) {
        return JSON.convertValue(read(json), Map.class);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("stored JSON does not read", e);
        }
    }

    /** The congress form as a one-row congresses CSV, so it goes through exactly the same intake. */
    static byte[] congressCsv(Map<String, String> form) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            List<String> columns = new ArrayList<>(Columns.CONGRESS.keySet());
            p.printRecord(columns);
            p.printRecord(columns.stream().map(c -> form.getOrDefault(c, "")).toList());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = PageController.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("no " + path);
            }
            return in.readAllBytes();
        }
    }
}
