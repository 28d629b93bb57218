package org.slatecheck.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;

import org.slatecheck.batch.BatchService;
import org.slatecheck.explanation.ExportCsv;
import org.slatecheck.explanation.PdfReport;
import org.slatecheck.explanation.ResultCsv;
import org.slatecheck.records.CheckRecords;
import org.slatecheck.records.CheckSummary;
import org.slatecheck.rules.explain.Labels;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.spreadsheets.ResultXlsx;
import org.slatecheck.spreadsheets.TableXlsx;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The downloads of a check and of a batch — report CSV, {@code .xlsx} and PDF; batch summary CSV and PDF, the
 * per-organisation CSV and {@code .xlsx} — made once for both ways in: the API ({@link CheckApiController},
 * {@link BatchApiController}, HTTP Basic or bearer) and the pages ({@link DownloadPageController}, the browser
 * session). Each one checks the record is in the signed-in user's scope first ({@link Scope}: 404 and an
 * {@code ACCESS_REFUSED} audit entry otherwise — a problem detail on the API, the error page on pages), then writes
 * a {@code DOWNLOAD} audit entry, then answers with its content type and file name.
 */
@Component
public class Downloads {
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    static final MediaType XLSX = MediaType.parseMediaType(ColumnsPageController.XLSX);

    private final CheckRecords records;
    private final BatchService batches;
    private final Scope scope;

    public Downloads(CheckRecords records, BatchService batches, Scope scope) {
        this.records = records;
        this.batches = batches;
        this.scope = scope;
    }

    /** Check {@code id} as CSV (one row per finding). */
    ResponseEntity<byte[]> checkCsv(UUID id, Messages m) {
        ArrayNode results = checkResults(id, m, "csv");
        byte[] body = ("\uFEFF" + ResultCsv.write(results, m)).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(CSV).header("Content-Disposition",
                DownloadNames.disposition("attachment", fileName(id, m, "csv"))).body(body);
    }

    /** Check {@code id} as a workbook: a summary sheet, a sheet per list and the list findings. */
    ResponseEntity<byte[]> checkXlsx(UUID id, Messages m) throws IOException {
        ArrayNode results = checkResults(id, m, "xlsx");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultXlsx.write(results, m, out);
        return ResponseEntity.ok().contentType(XLSX).header("Content-Disposition",
                DownloadNames.disposition("attachment", fileName(id, m, "xlsx"))).body(out.toByteArray());
    }

    /** Check {@code id} as a printable PDF (shown in the browser). */
    ResponseEntity<byte[]> checkPdf(UUID id, Messages m) {
        ArrayNode results = checkResults(id, m, "pdf");
        CheckSummary summary = records.summary(id).orElseThrow(() -> noCheck(id));
        byte[] body = PdfReport.write(results, records.structures(id), m, summary.createdAt());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header("Content-Disposition",
                DownloadNames.disposition("inline", DownloadNames.report(summary.congresses(), summary.createdAt(),
                        m, "pdf"))).body(body);
    }

    /** The stored results of check {@code id} in the language of {@code m}, once scope allows; audited. */
    private ArrayNode checkResults(UUID id, Messages m, String format) {
        scope.check(id, format);
        ArrayNode results = records.results(id, m.locale().getLanguage()).orElseThrow(() -> noCheck(id));
        scope.downloaded(id.toString(), format);
        return results;
    }

    /** The download name of check {@code id}'s report: {@code kiem-tra-<congress>-<date>.<extension>}. */
    private String fileName(UUID id, Messages m, String extension) {
        CheckSummary summary = records.summary(id).orElseThrow(() -> noCheck(id));
        return DownloadNames.report(summary.congresses(), summary.createdAt(), m, extension);
    }

    private static ResponseStatusException noCheck(UUID id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no check " + id);
    }

    /**
     * The stored id that {@code id} means for the user ({@link BatchService#resolve}: a bare name is a batch of the
     * user's own unit) when that batch exists and lies in the user's scope; 404 (and an audit entry when it exists)
     * otherwise.
     */
    String batchVisible(String id, String what) {
        String key = batches.resolve(id, scope.unit());
        scope.record(batches.unitOf(key), "batch " + what, key);
        return key;
    }

    /** Batch {@code id}'s per-level summary as CSV. */
    @SuppressWarnings("unchecked")
    ResponseEntity<byte[]> batchSummaryCsv(String name, Messages m) throws IOException {
        boolean codes = m.locale().getLanguage().equals("en");
        String id = batchVisible(name, "summary.csv");
        scope.downloaded("batch " + id, "summary csv");
        StringWriter out = new StringWriter();
        try (ExportCsv p = ExportCsv.to(out)) {
            List<String> header = List.of("level", "lists", "nominees", "eligible", "review", "ineligible",
                    "non_compliant", "viable_non_compliant");
            p.record(codes ? header : header.stream().map(h -> m.raw("csv." + h)).toList());
            for (Map<String, Object> row : (List<Map<String, Object>>) batches.summary(id).get("byLevel")) {
                p.record(codes ? row.get("level") : Labels.of(m).level(row.get("level")),
                        row.get("lists"), row.get("nominees"), row.get("eligible"),
                        row.get("review"), row.get("ineligible"), row.get("non_compliant"),
                        row.get("viable_non_compliant"));
            }
        }
        return ResponseEntity.ok().contentType(CSV).body(("\uFEFF" + out).getBytes(StandardCharsets.UTF_8));
    }

    /** Batch {@code id}'s summary as a printable PDF. */
    ResponseEntity<byte[]> batchSummaryPdf(String name, Messages m) {
        String id = batchVisible(name, "summary.pdf");
        existing(id);
        scope.downloaded("batch " + id, "summary pdf");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"batch-" + id + ".pdf\"")
                .body(PdfReport.batchSummary(id, batches.summary(id), m));
    }

    /**
     * Per organisation (one list each) of batch {@code id}: counts by outcome, the list's status and its viable
     * list's status (without its INELIGIBLE nominees, docs/specification.md section 6), as CSV in file order.
     */
    ResponseEntity<byte[]> batchOrganisationsCsv(String name, Messages m) throws IOException {
        boolean codes = m.locale().getLanguage().equals("en");
        Labels lb = Labels.of(m);
        String id = batchVisible(name, "organisations.csv");
        existing(id);
        scope.downloaded("batch " + id, "organisations csv");
        StringWriter out = new StringWriter();
        try (ExportCsv p = ExportCsv.to(out)) {
            List<String> header = List.of("congress_id", "organisation", "level", "term", "list_kind", "nominees",
                    "eligible", "review", "ineligible", "list_status", "viable_list_status");
            p.record(codes ? header : header.stream().map(h -> m.raw("csv." + (h.equals("congress_id") ? "congress"
                    : h))).toList());
            for (Map<String, Object> row : batches.organisations(id)) {
                p.record(row.get("congress_id"), row.get("organisation"),
                        codes ? row.get("level") : lb.level(row.get("level")), row.get("term"),
                        codes ? row.get("list_kind") : lb.listKind(row.get("list_kind")), row.get("nominees"),
                        row.get("eligible"), row.get("review"), row.get("ineligible"),
                        codes ? row.get("list_status") : lb.listStatus(row.get("list_status")),
                        codes ? row.get("viable_list_status") : lb.listStatus(row.get("viable_list_status")));
            }
        }
        return ResponseEntity.ok().contentType(CSV).body(("\uFEFF" + out).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The per-organisation table of batch {@code id} as {@code .xlsx}: the columns of the CSV, headers and codes
     * (level, list kind, list status) as labels in the chosen language.
     */
    ResponseEntity<byte[]> batchOrganisationsXlsx(String name, Messages m) throws IOException {
        String id = batchVisible(name, "organisations.xlsx");
        existing(id);
        scope.downloaded("batch " + id, "organisations xlsx");
        List<String> header = List.of(m.raw("export.summary.congress"), m.raw("export.summary.organisation"),
                m.raw("export.summary.level"), m.raw("export.summary.term"), m.raw("columns.codeset.list_kind"),
                m.raw("export.summary.nominees"), m.raw("export.summary.eligible"), m.raw("export.summary.review"),
                m.raw("export.summary.ineligible"), m.raw("export.summary.list_status"));
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (Map<String, Object> row : batches.organisations(id)) {
            rows.add(java.util.Arrays.asList(row.get("congress_id"), row.get("organisation"),
                    label(m, "columns.code.level.", row.get("level")), row.get("term"),
                    label(m, "columns.code.list_kind.", row.get("list_kind")), row.get("nominees"),
                    row.get("eligible"), row.get("review"), row.get("ineligible"),
                    label(m, "list.", row.get("list_status"))));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableXlsx.write(m.raw("export.sheet.organisations"), header, rows, out);
        return ResponseEntity.ok().contentType(XLSX).header("Content-Disposition", DownloadNames.disposition(
                "attachment", m.raw("export.file_prefix") + "-" + DownloadNames.safe(id) + ".xlsx"))
                .body(out.toByteArray());
    }

    /** A batch whose unit is known but whose state is gone: 404 as for one that never was. */
    private void existing(String id) {
        if (batches.state(id, Messages.of(Messages.VI)).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static Object label(Messages m, String prefix, Object code) {
        return code == null || !m.has(prefix + code) ? code : m.raw(prefix + code);
    }
}
