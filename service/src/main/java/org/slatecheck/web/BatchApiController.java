package org.slatecheck.web;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import org.slatecheck.batch.BatchService;
import org.slatecheck.rules.text.Messages;
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

    /** The stored id {@code id} means for the user, when visible ({@link Downloads#batchVisible}); 404 otherwise. */
    private String visible(String id, String what) {
        return downloads.batchVisible(id, what);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> start(@RequestPart("congresses") MultipartFile congresses,
            @RequestPart("nominees") MultipartFile nominees, @RequestParam(required = false) String id)
            throws IOException {
        // The name is the batch's name within the user's unit (issue 17 item 18): the same name in another unit is
        // another batch, so starting never answers differently for a name another unit uses, and never reaches its
        // batch. A batch of this unit with this name is resumed, as before.
        String name = id == null || id.isBlank() ? org.slatecheck.batch.BatchIds.generated() : id;
        if (!org.slatecheck.batch.BatchIds.NAME.matcher(name).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "id: letters, digits, . _ - only");
        }
        String unit = scope.unit();
        String batchId = org.slatecheck.batch.BatchIds.key(unit, name);
        if (batches.unitOf(batchId).isPresent()) {
            scope.record(batches.unitOf(batchId), "batch start", batchId);
        }
        batches.start(batchId, PageController.user(), unit, congresses.getBytes(), nominees.getBytes());
        return ResponseEntity.accepted().location(URI.create("/api/batches/" + batchId))
                .body(Map.of("id", batchId, "name", name, "status", "VALIDATING"));
    }

    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> get(@PathVariable String id, @RequestParam(defaultValue = "vi") String lang) {
        String key = visible(id, "progress");
        return batches.state(key, Messages.of(CheckApiController.language(lang)))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @PostMapping("/{id}/cancel")
    public ResponseEntity<Void> cancel(@PathVariable String id) {
        String key = visible(id, "cancel");
        return batches.cancel(key, PageController.user()) ? ResponseEntity.accepted().build() : ResponseEntity.notFound().build();
    }

    @GetMapping(value = "/{id}/summary", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> summary(@PathVariable String id, @RequestParam(defaultValue = "vi") String lang) {
        String key = visible(id, "summary");
        scope.downloaded("batch " + key, "summary json");
        return batches.summary(key, Messages.of(CheckApiController.language(lang)));
    }

    /** The summary as a printable PDF. */
    @GetMapping(value = "/{id}/summary.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> summaryPdf(@PathVariable String id, @RequestParam(defaultValue = "vi") String lang) {
        return downloads.batchSummaryPdf(id, Messages.of(CheckApiController.language(lang)));
    }

    /**
     * Per organisation (one list each): counts by outcome, the list's status and its viable list's status (without
     * its INELIGIBLE nominees, docs/specification.md section 6), as CSV in file order.
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
