package org.slatecheck.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slatecheck.explanation.ResultJson;
import org.slatecheck.records.CheckRecords;
import org.slatecheck.records.CheckSummary;
import org.slatecheck.rules.explain.Explainer;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.intake.Intake;
import org.slatecheck.screening.CheckService;
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

/**
 * The checks API (JSON; results are docs/specification.md section 7 objects). Input errors come back as RFC 9457 problem
 * details with the same line/column errors as the command line (see {@link ApiErrors}).
 */
@RestController
@RequestMapping("/api/checks")
public class CheckApiController {
    private final CheckService checks;
    private final CheckRecords records;
    private final Scope scope;
    private final Downloads downloads;

    public CheckApiController(CheckService checks, CheckRecords records, Scope scope, Downloads downloads) {
        this.checks = checks;
        this.records = records;
        this.scope = scope;
        this.downloads = downloads;
    }

    /**
     * Checks an upload ({@code congresses} and {@code nominees}, each a CSV file or an {@code .xlsx} spreadsheet,
     * told apart by content) and records it. The response has the results and the intake's {@code warnings}.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ObjectNode> create(@RequestPart("congresses") MultipartFile congresses,
            @RequestPart("nominees") MultipartFile nominees, @RequestParam(defaultValue = "vi") String lang)
            throws IOException {
        Locale locale = language(lang);
        CheckService.Recorded recorded = checks.check(PageController.user(), input(congresses, "congresses.csv"),
                input(nominees, "nominees.csv"));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("checkId", recorded.id().toString());
        body.set("results", results(recorded, locale));
        body.set("warnings", ResultJson.warnings(recorded.warnings(), Messages.of(locale)));
        return ResponseEntity.created(URI.create("/api/checks/" + recorded.id())).body(body);
    }

    /**
     * Checks rows sent as JSON: {@code {"congresses": [{column: value…}], "nominees": [...]}} with the CSV column
     * names. The rows become CSV text and go through exactly the same intake; item n is reported as line n + 1.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ObjectNode> createFromJson(@org.springframework.web.bind.annotation.RequestBody
            com.fasterxml.jackson.databind.JsonNode body, @RequestParam(defaultValue = "vi") String lang)
            throws IOException {
        Locale locale = language(lang);
        CheckService.Recorded recorded = checks.check(PageController.user(),
                new Intake.Input("congresses.json", csv(body.path("congresses"))),
                new Intake.Input("nominees.json", csv(body.path("nominees"))));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("checkId", recorded.id().toString());
        out.set("results", results(recorded, locale));
        out.set("warnings", ResultJson.warnings(recorded.warnings(), Messages.of(locale)));
        return ResponseEntity.created(URI.create("/api/checks/" + recorded.id())).body(out);
    }

    /** JSON rows as CSV: the header is every key in order of first appearance; values as text. */
    static byte[] csv(com.fasterxml.jackson.databind.JsonNode rows) throws IOException {
        java.util.LinkedHashSet<String> columns = new java.util.LinkedHashSet<>();
        for (var row : rows) {
            row.fieldNames().forEachRemaining(columns::add);
        }
        java.io.StringWriter out = new java.io.StringWriter();
        try (var p = new org.apache.commons.csv.CSVPrinter(out,
                org.apache.commons.csv.CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            if (!columns.isEmpty()) {
                p.printRecord(columns);
            }
            for (var row : rows) {
                List<String> cells = new java.util.ArrayList<>();
                for (String c : columns) {
                    var v = row.get(c);
                    cells.add(v == null || v.isNull() ? "" : v.isTextual() ? v.asText() : v.toString());
                }
                p.printRecord(cells);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The most recent checks of the user's unit and the units below it, newest first; {@code q} searches congress ids
     * and organisation names.
     */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public List<CheckSummary> list(@RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String q) {
        return records.recent(Math.max(1, Math.min(limit, 500)), scope.unit(), q);
    }

    /** A stored check, exactly as it was shown when it ran. */
    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode get(@PathVariable UUID id, @RequestParam(defaultValue = "vi") String lang) {
        Locale locale = language(lang);
        scope.check(id, "json");
        ArrayNode results = records.results(id, lang).orElseThrow(() -> notFound(id));
        scope.downloaded(id.toString(), "json");
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("checkId", id.toString());
        body.set("results", results);
        body.set("warnings", ResultJson.warnings(records.inputs(id).map(checks::warnings).orElse(List.of()),
                Messages.of(locale)));
        return body;
    }

    /** A stored check as CSV (one row per finding). */
    @GetMapping(value = "/{id}/report.csv", produces = "text/csv;charset=UTF-8")
    public ResponseEntity<byte[]> csv(@PathVariable UUID id, @RequestParam(defaultValue = "vi") String lang) {
        return downloads.checkCsv(id, Messages.of(language(lang)));
    }

    /**
     * A stored check as an {@code .xlsx} workbook: a summary sheet, a sheet per list and the list findings (see
     * {@link org.slatecheck.spreadsheets.ResultXlsx}).
     */
    @GetMapping(value = "/{id}/report.xlsx", produces = ColumnsPageController.XLSX)
    public ResponseEntity<byte[]> xlsx(@PathVariable UUID id, @RequestParam(defaultValue = "vi") String lang)
            throws IOException {
        return downloads.checkXlsx(id, Messages.of(language(lang)));
    }

    /** A stored check as a printable PDF. */
    @GetMapping(value = "/{id}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> pdf(@PathVariable UUID id, @RequestParam(defaultValue = "vi") String lang) {
        return downloads.checkPdf(id, Messages.of(language(lang)));
    }

    /**
     * Screens a stored check's files again and says whether the result is identical to the stored one (it is, as
     * long as the rule set version is the same).
     */
    @PostMapping(value = "/{id}/reproduce", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode reproduce(@PathVariable UUID id) {
        scope.check(id, "reproduce");
        scope.downloaded(id.toString(), "reproduce");
        var inputs = records.inputs(id).orElseThrow(() -> notFound(id));
        ArrayNode stored = records.results(id, "vi").orElseThrow(() -> notFound(id));
        ArrayNode again = ResultJson.of(checks.rerun(id, inputs), new Explainer(Messages.of(Messages.VI)));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("checkId", id.toString());
        // Compared as JSON text read back, as stored results are, so 0.3 and 15 compare by value, not by node type.
        body.put("identical", stored.equals(ResultJson.reparse(again)));
        body.set("results", again);
        return body;
    }

    static Intake.Input input(MultipartFile file, String fallbackName) throws IOException {
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? fallbackName
                : file.getOriginalFilename().replaceAll(".*[/\\\\]", "");
        return new Intake.Input(name, file.getBytes());
    }

    /**
     * The results of a check just recorded, in {@code locale}: the result JSON stored with the check (rendered once
     * for storage in both languages), not rendered a third time for the answer (issue 20: rendering was a quarter of
     * a 100-nominee API check's CPU time).
     */
    static com.fasterxml.jackson.databind.node.ArrayNode results(CheckService.Recorded recorded, Locale locale) {
        var rendered = recorded.rendered();
        var stored = rendered == null || rendered.vi().size() != recorded.results().size() ? null
                : locale.equals(Messages.VI) ? rendered.vi() : locale.equals(Messages.EN) ? rendered.en() : null;
        if (stored == null) {
            return ResultJson.of(recorded.results(), new Explainer(Messages.of(locale)));
        }
        com.fasterxml.jackson.databind.node.ArrayNode array = JsonNodeFactory.instance.arrayNode();
        stored.forEach(array::add);
        return array;
    }

    static Locale language(String lang) {
        Locale locale = Messages.language(lang);
        if (locale == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "lang must be vi or en");
        }
        return locale;
    }

    private static ResponseStatusException notFound(UUID id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no check " + id);
    }
}
