package org.slatecheck.explanation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.slatecheck.rules.explain.Labels;
import org.slatecheck.rules.text.Messages;

/**
 * A printable PDF of a stored check (Apache PDFBox) in the form of a party document: the heading (issuing body and
 * "Số: ……" on the left, "ĐẢNG CỘNG SẢN VIỆT NAM" underlined with the place and date line on the right), the title,
 * the organisations and congresses and when the report was made (Vietnam time), then per congress the summary, the
 * structure table (the shares as on the result page), the list findings, the viable list's status and findings (the
 * list without its INELIGIBLE nominees; findings the viable list did not change named once, {@link ViableFindings}),
 * a table of every nominee with outcome and number of findings, and every flagged nominee's findings with message,
 * remedy and citation; at the end a signature block (the preparer and, for the personnel subcommittee, its
 * representative); every page numbered "Trang x/y". Codes are shown as words of the report's
 * language. Text is set in DejaVu Sans, shipped in the jar and embedded in the PDF, so Vietnamese diacritics render
 * and extract correctly.
 */
public final class PdfReport extends PdfPages {
    private PdfReport(PDDocument doc) throws IOException {
        super(doc, true);
    }

    /**
     * @param results section 7 objects as stored; {@code messages} for the labels
     * @param createdAt when the check ran (an instant, timestamp or ISO text), printed in Vietnam time
     */
    public static byte[] write(JsonNode results, Messages messages, Object createdAt) {
        return write(results, List.of(), messages, createdAt);
    }

    /**
     * @param structures the stored structure panels of the lists, in list order (as the result page shows them);
     *     a list without one prints no structure table
     */
    public static byte[] write(JsonNode results, List<JsonNode> structures, Messages messages, Object createdAt) {
        Labels labels = Labels.of(messages);
        try (PDDocument doc = new PDDocument()) {
            PdfReport r = new PdfReport(doc);
            r.newPage();
            r.partyHeader(results, messages);
            r.centred(r.bold, 15, messages.raw("pdf.title"));
            r.gap(4);
            List<String> organisations = new ArrayList<>();
            List<String> congresses = new ArrayList<>();
            for (JsonNode list : results) {
                String organisation = list.path("congress").path("organisation").asText();
                if (!organisations.contains(organisation)) {
                    organisations.add(organisation);
                }
                congresses.add(list.path("congress").path("id").asText());
            }
            r.text(r.bold, 11, messages.text("pdf.organisations", String.join("; ", organisations)));
            r.text(r.regular, 10, messages.text("pdf.congress", String.join(", ", congresses)));
            r.text(r.regular, 9, messages.text("pdf.generated", Labels.time(createdAt)));
            r.gap(8);
            int position = 0;
            for (JsonNode list : results) {
                r.congress(list, position < structures.size() ? structures.get(position) : null, messages, labels);
                position++;
            }
            r.signatures(messages);
            return r.finish(8.5f, (page, pages) -> messages.text("pdf.page", page, pages));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A batch summary: per level the counts by outcome, the rules that fired most, the lists not compliant. */
    @SuppressWarnings("unchecked")
    public static byte[] batchSummary(String batchId, java.util.Map<String, Object> summary, Messages m) {
        Labels labels = Labels.of(m);
        try (PDDocument doc = new PDDocument()) {
            PdfReport r = new PdfReport(doc);
            r.newPage();
            r.text(r.bold, 16, m.raw("pdf.batch_title"));
            r.text(r.regular, 10, m.raw("ui.batch.title") + " " + batchId);
            r.text(r.regular, 9, m.text("pdf.generated", Labels.time(java.time.Instant.now())));
            r.gap(8);
            r.text(r.bold, 13, m.raw("ui.batch.summary"));
            for (java.util.Map<String, Object> row : (List<java.util.Map<String, Object>>) summary.get("byLevel")) {
                r.text(r.regular, 10, m.text("ui.batch.level_line", labels.level(row.get("level")), row.get("lists"),
                        row.get("nominees"), row.get("eligible"), row.get("review"), row.get("ineligible"),
                        row.get("non_compliant")) + "; " + m.raw("ui.batch.viable_non_compliant") + ": "
                        + row.get("viable_non_compliant"));
            }
            r.gap(6);
            r.text(r.bold, 12, m.raw("ui.batch.top_rules"));
            for (java.util.Map<String, Object> row : (List<java.util.Map<String, Object>>) summary.get("topRules")) {
                r.text(r.regular, 10, row.get("rule_id") + " " + m.raw("title." + row.get("rule_id")) + ": "
                        + row.get("findings"));
            }
            r.gap(6);
            r.text(r.bold, 12, m.raw("ui.batch.non_compliant_lists"));
            for (java.util.Map<String, Object> row
                    : (List<java.util.Map<String, Object>>) summary.get("nonCompliantLists")) {
                r.text(r.regular, 9, row.get("congress_id") + " · " + row.get("organisation") + " · "
                        + labels.level(row.get("level")));
            }
            r.gap(6);
            r.text(r.bold, 12, m.raw("ui.batch.viable_non_compliant_lists"));
            for (java.util.Map<String, Object> row
                    : (List<java.util.Map<String, Object>>) summary.get("viableNonCompliantLists")) {
                r.text(r.regular, 9, row.get("congress_id") + " · " + row.get("organisation") + " · "
                        + labels.level(row.get("level")));
            }
            r.signatures(m);
            return r.finish(8.5f, (page, pages) -> m.text("pdf.page", page, pages));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The heading of a party document (Quy định 66-QĐ/TW on the form of party documents): on the left the issuing
     * body — the organisation when the check holds one, a blank to fill in when it holds several —, "Tiểu ban nhân sự"
     * under it and the number line "Số: ……" left blank; on the right "ĐẢNG CỘNG SẢN VIỆT NAM" underlined and the
     * place and date line.
     */
    private void partyHeader(JsonNode results, Messages m) throws IOException {
        java.util.Set<String> organisations = new java.util.LinkedHashSet<>();
        for (JsonNode list : results) {
            organisations.add(list.path("congress").path("organisation").asText());
        }
        String issuer = organisations.size() == 1 ? organisations.iterator().next() : m.raw("pdf.header.issuer_blank");
        partyHeader(issuer, m.raw("pdf.header.body"), m.raw("pdf.header.number"), m);
    }

    /**
     * The structure table of a list, the shares as the result page shows them: each share's count of the list, its
     * target ("không có chỉ tiêu" where none applies) and whether it is met; the list size against the seats.
     */
    private void structure(JsonNode bars, Messages m, Labels labels) throws IOException {
        if (bars == null || !bars.isArray() || bars.isEmpty()) {
            return;
        }
        gap(4);
        text(bold, 10.5f, m.raw("ui.result.structure"));
        float[] columns = {10, 150, 290, 420};
        row(bold, 9, columns, m.raw("pdf.structure.share"), m.raw("pdf.structure.count"),
                m.raw("pdf.structure.target"), m.raw("pdf.structure.met"));
        for (JsonNode b : bars) {
            String key = b.path("key").asText();
            String label = m.has("ui.structure." + key) ? m.raw("ui.structure." + key) : key;
            if (key.equals("size")) {
                // The size line spans the count and target columns.
                row(regular, 9, new float[] {columns[0], columns[1], columns[3]}, label,
                        labels.sizeValue(b.path("count").asInt(), b.path("seats").asInt(), b.path("minCount").asInt(),
                                b.path("maxCount").asInt()),
                        m.raw(b.path("ok").asBoolean() ? "pdf.structure.yes" : "pdf.structure.no"));
                continue;
            }
            String count = b.path("count").asInt() + "/" + b.path("total").asInt() + " = "
                    + labels.percent(b.path("percent").decimalValue());
            String target;
            String met;
            if (!b.has("min")) {
                target = m.raw("ui.structure.no_target");
                met = "—";
            } else {
                target = b.has("max") ? labels.number(b.path("min").decimalValue()) + "–"
                        + labels.percent(b.path("max").decimalValue()) : "≥ " + labels.percent(b.path("min").decimalValue());
                met = m.raw(b.path("ok").asBoolean() ? "pdf.structure.yes" : "pdf.structure.no");
            }
            row(regular, 9, columns, label, count, target, met);
        }
        gap(4);
    }

    /** Every nominee of the list with the outcome and the number of findings, flagged or not. */
    private void nomineeTable(JsonNode r, Messages m) throws IOException {
        gap(4);
        text(bold, 10.5f, m.raw("pdf.nominees"));
        float[] columns = {10, 70, 290, 420};
        row(bold, 9, columns, m.raw("ui.result.id"), m.raw("ui.result.name"), m.raw("ui.result.outcome"),
                m.raw("pdf.findings_count"));
        for (JsonNode n : r.path("nominees")) {
            row(regular, 9, columns, n.path("nomineeId").asText(), n.path("fullName").asText(),
                    m.raw("outcome." + n.path("outcome").asText()), String.valueOf(n.path("findings").size()));
        }
        gap(4);
    }

    private void congress(JsonNode r, JsonNode structure, Messages m, Labels labels) throws IOException {
        JsonNode c = r.path("congress");
        JsonNode s = r.path("summary");
        text(bold, 13, c.path("organisation").asText() + " (" + c.path("id").asText() + ")");
        text(regular, 10, m.text("ui.result.congress", labels.level(c.path("level").asText()),
                c.path("term").asText(), labels.month(c.path("referenceMonth").asText()),
                labels.date(c.path("congressDate").asText()), r.path("ruleSet").path("version").asText()));
        text(regular, 10, m.text("report.summary", s.path("nominees").asInt(), s.path("eligible").asInt(),
                s.path("review").asInt(), s.path("ineligible").asInt()));
        text(bold, 10, m.raw("list." + s.path("listStatus").asText()));
        structure(structure, m, labels);
        for (JsonNode f : r.path("listFindings")) {
            finding(f, m, 10);
        }
        viable(r, m);
        if (!r.path("notChecked").isEmpty()) {
            List<String> ids = new java.util.ArrayList<>();
            r.path("notChecked").forEach(id -> ids.add(id.asText()));
            for (String line : labels.notChecked(ids)) {
                text(regular, 10, line);
            }
        }
        nomineeTable(r, m);
        gap(6);
        boolean any = false;
        for (JsonNode n : r.path("nominees")) {
            if (!n.path("findings").isEmpty() && !any) {
                text(bold, 10.5f, m.raw("pdf.findings_by_nominee"));
                any = true;
            }
        }
        for (JsonNode n : r.path("nominees")) {
            if (n.path("findings").isEmpty()) {
                continue;
            }
            text(bold, 11, n.path("nomineeId").asText() + "  " + n.path("fullName").asText() + " — "
                    + m.raw("outcome." + n.path("outcome").asText()));
            for (JsonNode f : n.path("findings")) {
                finding(f, m, 10);
            }
            gap(3);
        }
        gap(12);
    }

    /**
     * The viable list (docs/specification.md section 6): one line when nobody is INELIGIBLE, else its status and findings. A check
     * stored before the viable list existed has none and prints none.
     */
    private void viable(JsonNode r, Messages m) throws IOException {
        JsonNode s = r.path("summary");
        if (!s.has("viableListStatus")) {
            return;
        }
        int excluded = s.path("ineligible").asInt();
        gap(3);
        if (excluded == 0) {
            text(regular, 10, m.raw("viable.same"));
            return;
        }
        text(bold, 10, m.text("viable." + s.path("viableListStatus").asText(), excluded,
                s.path("nominees").asInt() - excluded));
        for (JsonNode f : ViableFindings.changed(r)) {
            finding(f, m, 10);
        }
        List<String> unchanged = ViableFindings.unchanged(r);
        if (!unchanged.isEmpty()) {
            text(regular, 9.5f, 10, m.text("viable.unchanged", String.join("; ", unchanged)));
        }
    }

    private void finding(JsonNode f, Messages m, float indent) throws IOException {
        text(regular, 9.5f, indent, "• " + f.path("ruleId").asText() + " [" + m.raw("severity."
                + f.path("severity").asText()) + "] " + f.path("title").asText() + ": " + f.path("message").asText());
        if (!f.path("remedy").asText().isEmpty()) {
            text(regular, 8.5f, indent + 10, m.text("report.remedy", f.path("remedy").asText()));
        }
        if (!f.path("citation").asText().isEmpty()) {
            text(regular, 8.5f, indent + 10, m.text("report.citation", f.path("citation").asText()));
        }
    }

    /**
     * The signature block: the place and date line on the right, then two columns, the preparer ("Người lập biểu")
     * on the left and the personnel subcommittee ("TM. Tiểu ban nhân sự") on the right, each with room to sign.
     * Kept whole on one page.
     */
    private void signatures(Messages m) throws IOException {
        room(150);
        gap(24);
        float left = MARGIN + 20;
        float right = MARGIN + WIDTH / 2 + 20;
        at(regular, 10, right, y, m.raw("pdf.signature.place"));
        gap(18);
        at(bold, 11, left, y, m.raw("pdf.signature.preparer"));
        at(bold, 11, right, y, m.raw("pdf.signature.board"));
        gap(14);
        at(regular, 8.5f, left, y, m.raw("pdf.signature.sign"));
        at(regular, 8.5f, right, y, m.raw("pdf.signature.sign_seal"));
        gap(80);
    }
}
