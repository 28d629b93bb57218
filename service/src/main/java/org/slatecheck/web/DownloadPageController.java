package org.slatecheck.web;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

import org.slatecheck.rules.text.Messages;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The downloads the pages link to, under the pages' own addresses so the browser session (form sign-in, session
 * cookie) is what authorises them: the {@code /api/**} chain is stateless and refuses that session (issue 17). GET
 * only, changing nothing but the audit log, so CSRF does not apply; scoped as the result and batch pages are (a record
 * outside the user's unit is the 404 page, with an {@code ACCESS_REFUSED} audit entry); each written to the audit log
 * as a {@code DOWNLOAD}, as the API's. The content is exactly the API's ({@link Downloads}); the language is the
 * page's ({@code ?lang=} on the link, else the language cookie).
 */
@Controller
public class DownloadPageController {
    private final Downloads downloads;

    public DownloadPageController(Downloads downloads) {
        this.downloads = downloads;
    }

    @GetMapping(value = "/checks/{id}/report.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<byte[]> checkCsv(@PathVariable UUID id, Locale locale) {
        return downloads.checkCsv(id, Messages.of(locale));
    }

    @GetMapping(value = "/checks/{id}/report.xlsx", produces = ColumnsPageController.XLSX)
    ResponseEntity<byte[]> checkXlsx(@PathVariable UUID id, Locale locale) throws IOException {
        return downloads.checkXlsx(id, Messages.of(locale));
    }

    @GetMapping(value = "/checks/{id}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> checkPdf(@PathVariable UUID id, Locale locale) {
        return downloads.checkPdf(id, Messages.of(locale));
    }

    @GetMapping(value = "/batches/{id}/summary.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<byte[]> batchSummaryCsv(@PathVariable String id, Locale locale) throws IOException {
        return downloads.batchSummaryCsv(id, Messages.of(locale));
    }

    @GetMapping(value = "/batches/{id}/summary.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> batchSummaryPdf(@PathVariable String id, Locale locale) {
        return downloads.batchSummaryPdf(id, Messages.of(locale));
    }

    @GetMapping(value = "/batches/{id}/organisations.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<byte[]> batchOrganisationsCsv(@PathVariable String id, Locale locale) throws IOException {
        return downloads.batchOrganisationsCsv(id, Messages.of(locale));
    }

    @GetMapping(value = "/batches/{id}/organisations.xlsx", produces = ColumnsPageController.XLSX)
    ResponseEntity<byte[]> batchOrganisationsXlsx(@PathVariable String id, Locale locale) throws IOException {
        return downloads.batchOrganisationsXlsx(id, Messages.of(locale));
    }
}
