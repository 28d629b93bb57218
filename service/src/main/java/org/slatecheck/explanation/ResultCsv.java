package org.slatecheck.explanation;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;


/**
 * The result as CSV, written from the RULES.md section 7 JSON (so a stored check prints exactly what was shown):
 * one row per finding (congress, nominee, outcome, rule, severity, title, message, citation, remedy, list); a nominee
 * without findings gets one row with an empty rule so that every nominee's outcome is in the file; list findings follow
 * each congress's nominees with an empty nominee and the list status as outcome, then the viable list's findings
 * (RULES.md section 6) with its status as outcome; the last column, {@code list}, tells them apart: {@code SUBMITTED}
 * or {@code VIABLE} (empty on nominee rows). Every cell goes through
 * {@link ExportCsv} (no cell is read as a formula).
 */
public final class ResultCsv {
    public static final List<String> HEADER = List.of("congress_id", "nominee_id", "full_name", "outcome", "rule_id",
            "severity", "title", "message", "citation", "remedy", "list");

    /** The {@code list} cell of a finding of the list as submitted. */
    public static final String SUBMITTED = "SUBMITTED";
    /** The {@code list} cell of a finding of the viable list (without the INELIGIBLE nominees, RULES.md section 6). */
    public static final String VIABLE = "VIABLE";

    private ResultCsv() {
    }

    /** @param results a JSON array of section 7 objects */
    public static String write(JsonNode results) {
        StringWriter out = new StringWriter();
        try (ExportCsv p = ExportCsv.to(out)) {
            p.record(HEADER);
            for (JsonNode r : results) {
                String congress = r.path("congress").path("id").asText();
                for (JsonNode n : r.path("nominees")) {
                    String id = n.path("nomineeId").asText();
                    String name = n.path("fullName").asText();
                    String outcome = n.path("outcome").asText();
                    if (n.path("findings").isEmpty()) {
                        p.record(congress, id, name, outcome, "", "", "", "", "", "", "");
                    }
                    for (JsonNode f : n.path("findings")) {
                        row(p, congress, id, name, outcome, f, "");
                    }
                }
                for (JsonNode f : r.path("listFindings")) {
                    row(p, congress, "", "", r.path("summary").path("listStatus").asText(), f, SUBMITTED);
                }
                for (JsonNode f : r.path("viableListFindings")) {
                    row(p, congress, "", "", r.path("summary").path("viableListStatus").asText(), f, VIABLE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void row(ExportCsv p, String congress, String id, String name, String outcome, JsonNode f,
            String list) throws IOException {
        p.record(congress, id, name, outcome, f.path("ruleId").asText(), f.path("severity").asText(),
                f.path("title").asText(), f.path("message").asText(), f.path("citation").asText(),
                f.path("remedy").asText(), list);
    }
}
