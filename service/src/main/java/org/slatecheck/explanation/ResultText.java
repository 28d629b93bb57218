package org.slatecheck.explanation;

import java.util.List;

import org.slatecheck.rules.engine.Finding;
import org.slatecheck.rules.engine.NomineeResult;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.explain.Explainer;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.model.Outcome;

/**
 * A readable report for a terminal: per congress, the summary, list findings, the viable list's status and findings
 * (docs/specification.md section 6), then every nominee with findings.
 */
public final class ResultText {
    private ResultText() {
    }

    public static String write(List<ScreeningResult> results, Explainer explainer) {
        return write(results, explainer, List.of());
    }

    /** The report, headed by the intake's warnings (columns ignored or absent, congresses not evaluated). */
    public static String write(List<ScreeningResult> results, Explainer explainer,
            List<org.slatecheck.rules.intake.InputWarning> warnings) {
        Messages m = explainer.messages();
        StringBuilder b = new StringBuilder();
        if (!warnings.isEmpty()) {
            b.append(m.raw("report.warnings")).append('\n');
            for (var w : warnings) {
                b.append("   ! ").append(w.format(m)).append('\n');
            }
            b.append('\n');
        }
        for (ScreeningResult r : results) {
            var c = r.congress();
            b.append("══ ").append(c.getOrganisation()).append(" (").append(c.getId()).append(")\n");
            b.append("   ").append(m.text("report.congress", org.slatecheck.rules.explain.Labels.of(m).level(c.getLevel()), c.getTerm(),
                    org.slatecheck.rules.explain.Labels.of(m).listKind(c.getListKind()),
                    explainer.format(c.getReferenceMonth()), explainer.format(c.getCongressDate()),
                    c.getCommitteeSeats())).append('\n');
            b.append("   ").append(m.text("report.ruleset", r.ruleSetVersion(), r.ruleSetChecksum().substring(0, 12)))
                    .append('\n');
            b.append("   ").append(m.text("report.summary", r.nominees().size(), r.count(Outcome.ELIGIBLE),
                    r.count(Outcome.REVIEW), r.count(Outcome.INELIGIBLE))).append('\n');
            b.append("   ").append(m.raw("list." + r.listStatus())).append('\n');
            for (Finding f : r.listFindings()) {
                line(b, "   ", f, explainer);
            }
            // The viable list (docs/specification.md section 6): said once when it is the list as submitted, else its own block.
            if (r.viableExcluded() == 0) {
                b.append("   ").append(m.raw("viable.same")).append('\n');
            } else {
                b.append("   ").append(m.text("viable." + r.viableListStatus(), r.viableExcluded(),
                        r.nominees().size() - r.viableExcluded())).append('\n');
                for (Finding f : r.viableListFindings()) {
                    line(b, "   ", f, explainer.viableMessage(f, r.viableExcluded()), explainer);
                }
            }
            // Why each check was not made: a column the file lacks, or a limit nobody gave (docs/specification.md section 6).
            for (String line : org.slatecheck.rules.explain.Labels.notChecked(m, r.notChecked())) {
                b.append("   ").append(line).append('\n');
            }
            b.append('\n');
            for (NomineeResult n : r.nominees()) {
                b.append(String.format("   %-12s %-28s %s%n", n.nominee().getNomineeId(), n.nominee().getFullName(),
                        m.raw("outcome." + n.outcome())));
                for (Finding f : n.findings()) {
                    line(b, "      ", f, explainer);
                }
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String indent, Finding f, Explainer explainer) {
        line(b, indent, f, explainer.message(f), explainer);
    }

    private static void line(StringBuilder b, String indent, Finding f, String message, Explainer explainer) {
        Messages m = explainer.messages();
        b.append(indent).append("• ").append(f.getRuleId()).append(" [").append(m.raw("severity." + f.getSeverity()))
                .append("] ").append(explainer.title(f)).append(": ").append(message)
                .append('\n');
        String remedy = explainer.remedy(f);
        if (!remedy.isEmpty()) {
            b.append(indent).append("  ").append(m.text("report.remedy", remedy)).append('\n');
        }
        if (!explainer.citation(f).isEmpty()) {
            b.append(indent).append("  ").append(m.text("report.citation", explainer.citation(f))).append('\n');
        }
    }
}
