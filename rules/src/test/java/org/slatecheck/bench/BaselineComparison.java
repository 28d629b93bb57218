package org.slatecheck.bench;

import java.util.List;
import java.util.Objects;

import org.slatecheck.rules.engine.Finding;
import org.slatecheck.rules.engine.ListComposition;
import org.slatecheck.rules.engine.NomineeResult;
import org.slatecheck.rules.engine.ScreeningResult;

/** Compares two results of one list completely; says where they first differ, readably. */
public final class BaselineComparison {
    private BaselineComparison() {
    }

    /** Null when equal; otherwise the first difference (nominee, field, both values). */
    public static String difference(ScreeningResult a, ScreeningResult b) {
        if (!Objects.equals(a.ruleSetChecksum(), b.ruleSetChecksum())) {
            return "rule set " + a.ruleSetChecksum() + " vs " + b.ruleSetChecksum();
        }
        if (a.nominees().size() != b.nominees().size()) {
            return "nominee count " + a.nominees().size() + " vs " + b.nominees().size();
        }
        for (int i = 0; i < a.nominees().size(); i++) {
            NomineeResult x = a.nominees().get(i);
            NomineeResult y = b.nominees().get(i);
            String id = x.nominee().getNomineeId();
            if (!id.equals(y.nominee().getNomineeId())) {
                return "nominee order at " + i + ": " + id + " vs " + y.nominee().getNomineeId();
            }
            if (x.outcome() != y.outcome()) {
                return id + " outcome " + x.outcome() + " vs " + y.outcome() + "; findings " + describe(x.findings())
                        + " vs " + describe(y.findings());
            }
            if (!x.findings().equals(y.findings())) {
                return id + " findings " + describe(x.findings()) + " vs " + describe(y.findings());
            }
        }
        if (!a.listFindings().equals(b.listFindings())) {
            return "list findings " + describe(a.listFindings()) + " vs " + describe(b.listFindings());
        }
        if (!a.notChecked().equals(b.notChecked())) {
            return "not checked " + a.notChecked() + " vs " + b.notChecked();
        }
        if (!composition(a.composition()).equals(composition(b.composition()))) {
            return "composition " + composition(a.composition()) + " vs " + composition(b.composition());
        }
        if (!a.viableListFindings().equals(b.viableListFindings())) {
            return "viable list findings " + describe(a.viableListFindings()) + " vs "
                    + describe(b.viableListFindings());
        }
        if (!composition(a.viableComposition()).equals(composition(b.viableComposition()))) {
            return "viable composition " + composition(a.viableComposition()) + " vs "
                    + composition(b.viableComposition());
        }
        return null;
    }

    private static String composition(ListComposition c) {
        return c == null ? "none" : c.getTotal() + "/" + c.getWomen() + "/" + c.getWomenStandingOrAbove() + "/"
                + c.getUnder40() + "/" + c.getBand() + "/" + c.getMinority();
    }

    private static String describe(List<Finding> findings) {
        StringBuilder s = new StringBuilder("[");
        for (Finding f : findings) {
            s.append(f.getRuleId()).append('/').append(f.getSeverity()).append(' ').append(f.getEvidence())
                    .append(" «").append(f.getCitation()).append("» ");
        }
        return s.append(']').toString();
    }
}
