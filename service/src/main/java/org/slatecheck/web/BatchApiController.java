package org.slatecheck.web;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import org.slatecheck.batch.BatchService;
import org.slatecheck.rules.explain.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** Batches over HTTP: start one with an upload, follow its progress, cancel it, read its summary. */
@RestController
@RequestMapping("/api/batches")
public class BatchApiController {
    private final BatchService batches;
    private final Scope scope;
    private final Downloads downloads;

    public BatchApiController(BatchService batches, Scope scope, Downloads downloads) {
        this.batches = batches;
        this.scope = scope;
        this.downloads = downloads;
    }

    /** Returns when batch {@code id} exists and lies in the user's scope; 404 (and an audit entry) otherwise. */
    private void visible(String id, String what) {
        downloads.batchVisible(id, what);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> start(@RequestPart("congresses") MultipartFile congresses,
            @RequestPart("nominees") MultipartFile nominees, @RequestParam(required = false) String id)
            throws IOException {
        String batchId = id == null || id.isBlank() ? "batch-" + System.currentTimeMillis() : id;
        if (!batchId.matches("[A-Za-z0-9_.-]{1,100}")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "id: letters, digits, . _ - only");
        }
        // An id already taken by a batch of another unit's scope: 404 as for any of its records (it is never resumed
        // into, and nothing about it is shown). A batch of the user's scope is resumed, as before.
        if (batches.unitOf(batchId).isPresent()) {
            visible(batchId, "start");
        }
        batches.start(batchId, PageController.user(), scope.unit(), congresses.getBytes(), nominees.getBytes());
        return ResponseEntity.accepted().location(URI.create("/api/batches/" + batchId))
                .body(Map.of("id", batchId, "status", "VALIDATING"));
    }

    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> get(@PathVariable String id, @RequestParam(defaultValue = "vi") String lang) {
        visible(id, "progress");
        return batches.state(id, Messages.of(CheckApiController.language(lang)))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @PostMapping("/{id}/cancel")
    public ResponseEntity<Void> cancel(@PathVariable String id) {
        visible(id, "cancel");
        return batches.cancel(id, PageController.user()) ? ResponseEntity.accepted().build() : ResponseEntity.notFound().build();
    }

    @GetMapping(value = "/{id}/summary", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> summary(@PathVariable String id, @RequestParam(defaultValue = "vi") String lang) {
        visible(id, "summary");
        scope.downloaded("batch " + id, "summary json");
        return batches.summary(id, Messages.of(CheckApiController.language(lang)));
    }

    /** The summary as a printable PDF. */
    @GetMapping(value = "/{id}/summary.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> summaryPdf(@PathVariable String id, @RequestParam(defaultValue = "vi") String lang) {
        return downloads.batchSummaryPdf(id, Messages.of(CheckApiController.language(lang)));
    }

    /**
     * Per organisation (one list each): counts by outcome, the list's status and its viable list's status (without
     * its INELIGIBLE nominees, RULES.md section 6), as CSV in file order.
     */
    @GetMapping(value = "/{id}/organisations.csv", produces = "text/csv;charset=UTF-8")
    public ResponseEntity<byte[]> organisationsCsv(@PathVariable String id,
            @RequestParam(defaultValue = "vi") String lang) throws IOException {
        return downloads.batchOrganisationsCsv(id, Messages.of(CheckApiController.language(lang)));
    }

    /**
     * The per-organisation table as {@code .xlsx}: the columns of {@code organisations.csv}, headers and codes (level,
     * list kind, list status) as labels in the chosen language.
     */
    @GetMapping(value = "/{id}/organisations.xlsx", produces = ColumnsPageController.XLSX)
    public ResponseEntity<byte[]> organisationsXlsx(@PathVariable String id,
            @RequestParam(defaultValue = "vi") String lang) throws IOException {
        return downloads.batchOrganisationsXlsx(id, Messages.of(CheckApiController.language(lang)));
    }

    /** The per-level summary as CSV. */
    @GetMapping(value = "/{id}/summary.csv", produces = "text/csv;charset=UTF-8")
    public ResponseEntity<byte[]> summaryCsv(@PathVariable String id, @RequestParam(defaultValue = "vi") String lang)
            throws IOException {
        return downloads.batchSummaryCsv(id, Messages.of(CheckApiController.language(lang)));
    }
}
