package org.slatecheck.explanation;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slatecheck.rules.engine.Finding;
import org.slatecheck.rules.engine.NomineeResult;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.explain.Explainer;

/**
 * The result as CSV: one row per finding (congress, nominee, outcome, rule, severity, title, message, citation);
 * a nominee without findings gets one row with an empty rule so that every nominee's outcome is in the file; list
 * findings follow each congress's nominees with an empty nominee and the list status as outcome.
 */
public final class ResultCsv {
    public static final List<String> HEADER = List.of("congress_id", "nominee_id", "full_name", "outcome", "rule_id",
            "severity", "title", "message", "citation");

    private ResultCsv() {
    }

    public static String write(List<ScreeningResult> results, Explainer explainer) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            p.printRecord(HEADER);
            for (ScreeningResult r : results) {
                String congress = r.congress().getId();
                for (NomineeResult n : r.nominees()) {
                    String id = n.nominee().getNomineeId();
                    String name = n.nominee().getFullName();
                    if (n.findings().isEmpty()) {
                        p.printRecord(congress, id, name, n.outcome(), "", "", "", "", "");
                    }
                    for (Finding f : n.findings()) {
                        p.printRecord(congress, id, name, n.outcome(), f.getRuleId(), f.getSeverity(),
                                explainer.title(f.getRuleId()), explainer.message(f), f.getCitation());
                    }
                }
                for (Finding f : r.listFindings()) {
                    p.printRecord(congress, "", "", r.listStatus(), f.getRuleId(), f.getSeverity(),
                            explainer.title(f.getRuleId()), explainer.message(f), f.getCitation());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
