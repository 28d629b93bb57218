package org.slatecheck.rules.explain;

import java.util.ArrayList;
import java.util.List;

import org.slatecheck.rules.guided.Catalogue;
import org.slatecheck.rules.guided.GuidedRule;
import org.slatecheck.rules.guided.GuidedRules;
import org.slatecheck.rules.text.Messages;

/**
 * A board's guided rule in words (moved here from {@code GuidedRules} so the guided rules need no labels: the
 * engine reads guided rules, and the words about them sit above the engine with the other explanations).
 */
public final class GuidedSentence {
    private GuidedSentence() {
    }

    /**
     * The rule as a sentence a board member and an approver read: "Nếu nhân sự được đề xuất chức vụ bí thư và trình
     * độ lý luận chính trị thấp hơn cử nhân thì: Cần xem xét — …".
     */
    public static String of(GuidedRule r, Messages m) {
        String lang = m.locale().getLanguage();
        List<String> parts = new ArrayList<>();
        for (GuidedRule.Condition c : r.conditions()) {
            Catalogue.Field f = Catalogue.FIELDS.get(c.field());
            String what;
            if (c.parameter() != null) {
                what = m.text("guided.parameter", c.parameter());
            } else {
                List<String> shown = new ArrayList<>();
                for (String v : c.values()) {
                    shown.add(shown(f, GuidedRules.canonical(f, c.op(), v), m));
                }
                what = String.join(", ", shown);
            }
            String key = "guided.op." + c.op() + (f.key().equals("current_posts") ? ".current" : "");
            parts.add(m.text(key, f.label(lang), what));
        }
        String subject = m.raw(r.isListRule() ? "guided.if.list" : "guided.if.nominee");
        return m.text("guided.sentence", subject, String.join(" " + m.raw("guided.and") + " ", parts),
                m.raw("severity." + r.severity().name()), r.text("title", lang));
    }

    /** A canonical literal as a reader of {@code m}'s language writes it: 60, 7,5, 31/01/2026, có, a code's name. */
    private static String shown(Catalogue.Field f, String canonical, Messages m) {
        boolean vi = !m.locale().getLanguage().equals("en");
        return switch (f.type().startsWith("code:") || f.type().equals("posts") ? "code" : f.type()) {
            case "decimal" -> vi ? canonical.replace('.', ',') : canonical;
            case "date" -> Labels.of(m).date(canonical);
            case "boolean" -> Labels.of(m).yesNo(canonical);
            case "code" -> Labels.of(m).code(GuidedRules.labelGroup(f.codeList()), canonical);
            default -> canonical;
        };
    }
}
