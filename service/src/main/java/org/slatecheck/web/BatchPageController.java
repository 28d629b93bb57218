package org.slatecheck.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.slatecheck.batch.BatchService;
import org.slatecheck.records.Listings;
import org.slatecheck.rules.text.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The batches in the browser: the list of batches of the user's scope (status, counts, time; filtered, sorted and
 * paged in SQL) with a form that starts one from a congresses file and a nominees file, and the page of a batch:
 * progress while it runs (refreshing itself), then the summary and its lists, paged, searchable and filterable, each
 * linking to its list's result.
 */
@Controller
public class BatchPageController {
    private final BatchService batches;
    private final Listings listings;
    private final Scope scope;

    public BatchPageController(BatchService batches, Listings listings, Scope scope) {
        this.batches = batches;
        this.listings = listings;
        this.scope = scope;
    }

    @GetMapping("/batches")
    public String batches(@RequestParam Map<String, String> params, Model model) {
        Listings.Query query = Listing.query(params, List.of("bstatus"), Listings.BATCH_SORTS.keySet(), "created",
                true);
        model.addAttribute("page", Listing.clamp(query, q -> listings.batches(scope.unit(), q)));
        model.addAttribute("query", query);
        model.addAttribute("links", Listing.links("/batches", query, params));
        model.addAttribute("batchStatuses", PageController.BATCH_STATUSES);
        return "batches";
    }

    /** Starts a batch from the form (the same as {@code POST /api/batches}) and shows its page. */
    @PostMapping("/batches")
    public String start(@RequestParam(required = false) MultipartFile congresses,
            @RequestParam(required = false) MultipartFile nominees, @RequestParam(required = false) String id,
            Model model, Locale locale, HttpServletResponse response) throws IOException {
        String name = id == null || id.isBlank() ? org.slatecheck.batch.BatchIds.generated() : id.strip();
        String error = null;
        if (congresses == null || congresses.isEmpty() || nominees == null || nominees.isEmpty()) {
            error = "ui.paging.batch_files";
        } else if (!org.slatecheck.batch.BatchIds.NAME.matcher(name).matches()) {
            error = "ui.paging.batch_bad_id";
        }
        if (error != null) {
            response.setStatus(400);
            model.addAttribute("startError", Messages.of(locale).raw(error));
            model.addAttribute("startId", id);
            return batches(Map.of(), model);
        }
        // The name within the user's unit, as in the API: another unit's batch of that name is another batch (never
        // reached nor revealed); this unit's is resumed.
        String unit = scope.unit();
        String batchId = org.slatecheck.batch.BatchIds.key(unit, name);
        if (batches.unitOf(batchId).isPresent()) {
            scope.record(batches.unitOf(batchId), "batch start", batchId);
        }
        batches.start(batchId, PageController.user(), unit, congresses.getBytes(), nominees.getBytes());
        return "redirect:/batches/" + batchId;
    }

    @GetMapping("/batches/{id}")
    public String batch(@PathVariable String id, @RequestParam Map<String, String> params, Model model,
            Locale locale) {
        Messages m = Messages.of(locale);
        // A bare name is the user's own unit's batch of that name (BatchService.resolve).
        id = batches.resolve(id, scope.unit());
        scope.record(batches.unitOf(id), "batch page", id);
        var state = batches.state(id, m).orElseThrow(() -> new ResponseStatusException(
                org.springframework.http.HttpStatus.NOT_FOUND));
        model.addAttribute("batch", state);
        // The name the unit gave it; the stored id (UNIT~name) stays in the addresses only.
        model.addAttribute("batchName", org.slatecheck.batch.BatchIds.name(id));
        boolean running = "VALIDATING".equals(state.get("status")) || "RUNNING".equals(state.get("status"));
        model.addAttribute("running", running);
        if (!running) {
            model.addAttribute("summary", batches.summary(id, m));
        }
        if (!running && state.get("checkId") != null) {
            UUID checkId = UUID.fromString((String) state.get("checkId"));
            Listings.Query query = Listing.query(params, List.of("status", "level", "rule", "viable"),
                    Listings.LIST_SORTS.keySet(), "position", false);
            model.addAttribute("page", Listing.clamp(query, q -> listings.lists(checkId, q)));
            model.addAttribute("query", query);
            model.addAttribute("links", Listing.links("/batches/" + id, query, params));
            model.addAttribute("levels", listings.levels(checkId));
            model.addAttribute("listStatuses", List.of("COMPLIANT", "NON_COMPLIANT"));
        }
        return "batch";
    }
}
