package org.slatecheck.rules.election;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.params.Documents;

/**
 * The words of an election result in one language: each finding's message filled from its evidence ("6 phiếu / cơ
 * sở 11: trúng cử (cần trên 5,5)"), the labels of bodies, kinds, reasons, outcomes and statuses, and the citations of
 * the rules in force on the congress date through the document registry (Quyết định 244-QĐ/TW before 10/10/2024,
 * Quy định 190-QĐ/TW from then; Điều lệ Đảng, Điều 12), each with its confirmation state as the registry has it.
 */
public final class ElectionExplainer {
    private final Messages m;
    private final String language;
    private final Documents documents;

    public ElectionExplainer(String language, Documents documents) {
        this.language = "en".equals(language) ? "en" : "vi";
        this.m = Messages.of(Messages.language(this.language));
        this.documents = documents;
    }

    /** The shipped document registry ({@code slatecheck/documents.csv} on the classpath). */
    public static Documents shippedDocuments() {
        try (var in = ElectionExplainer.class.getClassLoader().getResourceAsStream("slatecheck/documents.csv")) {
            if (in == null) {
                throw new IllegalStateException("the document registry is not on the classpath");
            }
            return Documents.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    "documents.csv");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String language() { return language; }
    public Messages messages() { return m; }

    /** "5,5" / "5.5": half of {@code n} in words of the language. */
    public String half(int n) {
        return n % 2 == 0 ? String.valueOf(n / 2) : (n / 2) + ("vi".equals(language) ? ",5" : ".5");
    }

    /** A percentage with two decimals in the language's way ("54,55 %" / "54.55%"). */
    public String percent(java.math.BigDecimal p) {
        if (p == null) {
            return "";
        }
        return "vi".equals(language) ? p.toPlainString().replace('.', ',') + " %" : p.toPlainString() + "%";
    }

    /** The finding's message, filled from its evidence (plus {@code half}). */
    public String message(ElectionFinding f) {
        Map<String, String> values = new LinkedHashMap<>();
        f.getEvidence().forEach((k, v) -> values.put(k, String.valueOf(v)));
        Integer base = f.getEvidence().get("base");
        if (base != null) {
            values.put("half", half(base));
        }
        return m.text(f.messageKey(), values);
    }

    /** The rule's title. */
    public String title(String ruleId) {
        return m.raw("election.title." + ruleId);
    }

    public String body(Body b) { return m.raw("election.body." + b.name()); }
    public String kind(VoterKind k) { return m.raw("election.kind." + k.name()); }
    public String reason(DeductionReason r) { return m.raw("election.reason." + r.name()); }
    public String outcome(ElectionResult.Outcome o) { return m.raw("election.outcome." + o.name()); }
    public String status(ElectionResult.Status s) { return m.raw("election.status." + s.name()); }

    /** The explanation of a candidate's result (empty while the tally has errors). */
    public String explain(ElectionResult.CandidateResult r) {
        return r.finding() == null ? m.raw("election.undecided") : message(r.finding());
    }

    /**
     * The citations of {@code ruleId} in force on {@code date}: "Quy định 190-QĐ/TW ngày 10/10/2024 (chưa đối chiếu
     * văn bản gốc)", "Điều lệ Đảng Cộng sản Việt Nam ngày 19/1/2011, Điều 12 (…)".
     */
    public List<String> citations(ElectionRules rules, String ruleId, LocalDate date) {
        ElectionRules.RuleMeta meta = rules.rules().get(ruleId);
        List<String> out = new ArrayList<>();
        if (meta == null) {
            return out;
        }
        for (String c : meta.citations()) {
            String[] parts = c.split(":", 2);
            Documents.Document d = documents.get(parts[0]);
            if (d == null || !d.inForce(date)) {
                continue;
            }
            StringBuilder s = new StringBuilder(d.reference(language));
            if (parts.length == 2) {
                s.append(", ").append(m.text("citation.article", parts[1]));
            }
            if (!d.confirmed()) {
                s.append(' ').append(m.raw("citation.unconfirmed"));
            }
            out.add(s.toString());
        }
        return out;
    }

    /** The citations of every rule that concluded something in {@code result}, once each, in rule order. */
    public List<String> citations(ElectionResult result) {
        Set<String> out = new LinkedHashSet<>();
        for (ElectionFinding f : result.findings()) {
            out.addAll(citations(result.rules(), f.getRuleId(), result.election().getCongressDate()));
        }
        if (out.isEmpty()) {
            out.addAll(citations(result.rules(), "ELE-007", result.election().getCongressDate()));
        }
        return new ArrayList<>(out);
    }
}
