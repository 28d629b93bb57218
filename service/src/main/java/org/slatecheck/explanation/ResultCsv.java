package org.slatecheck.explanation;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.slatecheck.rules.explain.Labels;
import org.slatecheck.rules.text.Messages;

/**
 * The result as CSV, written from the docs/specification.md section 7 JSON (so a stored check prints exactly what was shown):
 * one row per finding (congress, nominee, outcome, rule, severity, title, message, citation, remedy, list); a nominee
 * without findings gets one row with an empty rule so that every nominee's outcome is in the file; list findings follow
 * each congress's nominees with an empty nominee and the list status as outcome, then the viable list's findings
 * (docs/specification.md section 6) with its status as outcome; the last column, {@code list}, tells them apart: {@code SUBMITTED}
 * or {@code VIABLE} (empty on nominee rows). Every cell goes through
 * {@link ExportCsv} (no cell is read as a formula). In Vietnamese the header names the columns in words and the
 * outcome, list status, severity and list are their labels (a file people open); the English file keeps the column
 * names and codes scripts read.
 */
public final class ResultCsv {
    public static final List<String> HEADER = List.of("congress_id", "nominee_id", "full_name", "outcome", "rule_id",
            "severity", "title", "message", "citation", "remedy", "list");

    /** The {@code list} cell of a finding of the list as submitted. */
    public static final String SUBMITTED = "SUBMITTED";
    /** The {@code list} cell of a finding of the viable list (without the INELIGIBLE nominees, docs/specification.md section 6). */
    public static final String VIABLE = "VIABLE";

    private ResultCsv() {
    }

    /** The codes' file (English column names and codes), as {@link #write(JsonNode, Messages)} in English. */
    public static String write(JsonNode results) {
        return write(results, Messages.of(Messages.EN));
    }

    /** @param results a JSON array of section 7 objects, worded in {@code messages}' language */
    public static String write(JsonNode results, Messages messages) {
        StringWriter out = new StringWriter();
        write(results, messages, out);
        return out.toString();
    }

    /**
     * As {@link #write(JsonNode, Messages)}, the results one at a time (made as they are asked for) to {@code out}: a
     * check of 10,000 lists never holds all their JSON at once (docs/specification.md section 2, a 512 MB heap).
     */
    public static void write(Iterable<JsonNode> results, Messages messages, java.io.Writer out) {
        Labels labels = messages.locale().getLanguage().equals("en") ? null : Labels.of(messages);
        String submitted = labels == null ? SUBMITTED : messages.raw("csv.list." + SUBMITTED);
        String viable = labels == null ? VIABLE : messages.raw("csv.list." + VIABLE);
        try (ExportCsv p = ExportCsv.to(out)) {
            p.record(labels == null ? HEADER : HEADER.stream().map(h -> messages.raw("csv." + (h.equals("congress_id")
                    ? "congress" : h))).toList());
            for (JsonNode r : results) {
                String congress = r.path("congress").path("id").asText();
                for (JsonNode n : r.path("nominees")) {
                    String id = n.path("nomineeId").asText();
                    String name = n.path("fullName").asText();
                    String outcome = labels == null ? n.path("outcome").asText()
                            : labels.outcome(n.path("outcome").asText());
                    if (n.path("findings").isEmpty()) {
                        p.record(congress, id, name, outcome, "", "", "", "", "", "", "");
                    }
                    for (JsonNode f : n.path("findings")) {
                        row(p, labels, congress, id, name, outcome, f, "");
                    }
                }
                String status = r.path("summary").path("listStatus").asText();
                for (JsonNode f : r.path("listFindings")) {
                    row(p, labels, congress, "", "", labels == null ? status : labels.listStatus(status), f, submitted);
                }
                String viableStatus = r.path("summary").path("viableListStatus").asText();
                for (JsonNode f : r.path("viableListFindings")) {
                    row(p, labels, congress, "", "", labels == null ? viableStatus : labels.listStatus(viableStatus), f,
                            viable);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(ExportCsv p, Labels labels, String congress, String id, String name, String outcome,
            JsonNode f, String list) throws IOException {
        String severity = f.path("severity").asText();
        p.record(congress, id, name, outcome, f.path("ruleId").asText(),
                labels == null ? severity : labels.severity(severity),
                f.path("title").asText(), f.path("message").asText(), f.path("citation").asText(),
                f.path("remedy").asText(), list);
    }
}
