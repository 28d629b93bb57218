package org.slatecheck.web;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.slatecheck.batch.BatchService;
import org.slatecheck.explanation.ExportCsv;
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

    public BatchApiController(BatchService batches, Scope scope) {
        this.batches = batches;
        this.scope = scope;
    }

    /**
     * The stored id that {@code id} means for the user ({@link BatchService#resolve}: a bare name is a batch of the
     * user's own unit) when that batch exists and lies in the user's scope; 404 (and an audit entry when it exists)
     * otherwise.
     */
    private String visible(String id, String what) {
        String key = batches.resolve(id, scope.unit());
        scope.record(batches.unitOf(key), "batch " + what, key);
        return key;
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
        String key = visible(id, "summary.pdf");
        if (batches.state(key, Messages.of(Messages.VI)).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        scope.downloaded("batch " + key, "summary pdf");
        return ResponseEntity.ok().header("Content-Disposition", "inline; filename=\"batch-" + key + ".pdf\"")
                .body(org.slatecheck.explanation.PdfReport.batchSummary(key, batches.summary(key),
                        Messages.of(CheckApiController.language(lang))));
    }

    /**
     * Per organisation (one list each): counts by outcome, the list's status and its viable list's status (without
     * its INELIGIBLE nominees, RULES.md section 6), as CSV in file order.
     */
    @GetMapping(value = "/{id}/organisations.csv", produces = "text/csv;charset=UTF-8")
    public ResponseEntity<byte[]> organisationsCsv(@PathVariable String id,
            @RequestParam(defaultValue = "vi") String lang) throws IOException {
        Messages m = Messages.of(CheckApiController.language(lang));
        boolean codes = m.locale().getLanguage().equals("en");
        org.slatecheck.rules.explain.Labels lb = org.slatecheck.rules.explain.Labels.of(m);
        String key = visible(id, "organisations.csv");
        if (batches.state(key, Messages.of(Messages.VI)).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        scope.downloaded("batch " + key, "organisations csv");
        StringWriter out = new StringWriter();
        try (ExportCsv p = ExportCsv.to(out)) {
            List<String> header = List.of("congress_id", "organisation", "level", "term", "list_kind", "nominees",
                    "eligible", "review", "ineligible", "list_status", "viable_list_status");
            p.record(codes ? header : header.stream().map(h -> m.raw("csv." + (h.equals("congress_id") ? "congress"
                    : h))).toList());
            for (Map<String, Object> row : batches.organisations(key)) {
                p.record(row.get("congress_id"), row.get("organisation"),
                        codes ? row.get("level") : lb.level(row.get("level")), row.get("term"),
                        codes ? row.get("list_kind") : lb.listKind(row.get("list_kind")), row.get("nominees"),
                        row.get("eligible"), row.get("review"), row.get("ineligible"),
                        codes ? row.get("list_status") : lb.listStatus(row.get("list_status")),
                        codes ? row.get("viable_list_status") : lb.listStatus(row.get("viable_list_status")));
            }
        }
        return ResponseEntity.ok(("\uFEFF" + out).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The per-organisation table as {@code .xlsx}: the columns of {@code organisations.csv}, headers and codes (level,
     * list kind, list status) as labels in the chosen language.
     */
    @GetMapping(value = "/{id}/organisations.xlsx", produces = ColumnsPageController.XLSX)
    public ResponseEntity<byte[]> organisationsXlsx(@PathVariable String id,
            @RequestParam(defaultValue = "vi") String lang) throws IOException {
        Messages m = Messages.of(CheckApiController.language(lang));
        String key = visible(id, "organisations.xlsx");
        if (batches.state(key, Messages.of(Messages.VI)).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        scope.downloaded("batch " + key, "organisations xlsx");
        List<String> header = List.of(m.raw("export.summary.congress"), m.raw("export.summary.organisation"),
                m.raw("export.summary.level"), m.raw("export.summary.term"), m.raw("columns.codeset.list_kind"),
                m.raw("export.summary.nominees"), m.raw("export.summary.eligible"), m.raw("export.summary.review"),
                m.raw("export.summary.ineligible"), m.raw("export.summary.list_status"));
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (Map<String, Object> row : batches.organisations(key)) {
            rows.add(java.util.Arrays.asList(row.get("congress_id"), row.get("organisation"),
                    label(m, "columns.code.level.", row.get("level")), row.get("term"),
                    label(m, "columns.code.list_kind.", row.get("list_kind")), row.get("nominees"),
                    row.get("eligible"), row.get("review"), row.get("ineligible"),
                    label(m, "list.", row.get("list_status"))));
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.slatecheck.spreadsheets.TableXlsx.write(m.raw("export.sheet.organisations"), header, rows, out);
        return ResponseEntity.ok().header("Content-Disposition", DownloadNames.disposition("attachment",
                m.raw("export.file_prefix") + "-" + DownloadNames.safe(key) + ".xlsx")).body(out.toByteArray());
    }

    private static Object label(Messages m, String prefix, Object code) {
        return code == null || !m.has(prefix + code) ? code : m.raw(prefix + code);
    }

    /** The per-level summary as CSV. */
    @GetMapping(value = "/{id}/summary.csv", produces = "text/csv;charset=UTF-8")
    @SuppressWarnings("unchecked")
    public ResponseEntity<byte[]> summaryCsv(@PathVariable String id, @RequestParam(defaultValue = "vi") String lang)
            throws IOException {
        Messages m = Messages.of(CheckApiController.language(lang));
        boolean codes = m.locale().getLanguage().equals("en");
        String key = visible(id, "summary.csv");
        scope.downloaded("batch " + key, "summary csv");
        StringWriter out = new StringWriter();
        try (ExportCsv p = ExportCsv.to(out)) {
            List<String> header = List.of("level", "lists", "nominees", "eligible", "review", "ineligible",
                    "non_compliant", "viable_non_compliant");
            p.record(codes ? header : header.stream().map(h -> m.raw("csv." + h)).toList());
            for (Map<String, Object> row : (List<Map<String, Object>>) batches.summary(key).get("byLevel")) {
                p.record(codes ? row.get("level") : org.slatecheck.rules.explain.Labels.of(m).level(row.get("level")),
                        row.get("lists"), row.get("nominees"), row.get("eligible"),
                        row.get("review"), row.get("ineligible"), row.get("non_compliant"),
                        row.get("viable_non_compliant"));
            }
        }
        return ResponseEntity.ok(("\uFEFF" + out).getBytes(StandardCharsets.UTF_8));
    }
}
