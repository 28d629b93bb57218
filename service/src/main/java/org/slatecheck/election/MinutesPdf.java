package org.slatecheck.election;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.slatecheck.explanation.PdfPages;
import org.slatecheck.rules.text.Messages;

/**
 * The minutes of the count (biên bản kiểm phiếu) as PDF, from a stored decision: the party-document heading (the
 * organisation and the counting board on the left, "ĐẢNG CỘNG SẢN VIỆT NAM" underlined and the place and date on the
 * right), the counts (convened, each deduction, the base, the ballots), every candidate's votes and percentage of the
 * base with the outcome, those elected in order, the tie and the next round's list, the elected committee's
 * structure, the grounds, and the signatures of the counting board; "Trang x/y". Drawn by {@link PdfPages}, as the
 * check report.
 */
public final class MinutesPdf extends PdfPages {
    private MinutesPdf(PDDocument doc) throws IOException {
        super(doc, false);
    }

    /** The minutes of {@code result} (an {@link ElectionJson} tree) for {@code organisation}, in {@code m}'s language. */
    @SuppressWarnings("unchecked")
    public static byte[] write(Map<String, Object> result, String organisation, Messages m) {
        try (PDDocument doc = new PDDocument()) {
            MinutesPdf p = new MinutesPdf(doc);
            p.newPage();
            p.header(organisation, m);
            Map<String, Object> e = (Map<String, Object>) result.get("election");
            Map<String, Object> ballots = (Map<String, Object>) result.get("ballots");
            p.centred(p.bold, 15, m.raw("election.pdf.title"));
            p.centred(p.regular, 11, m.text("election.pdf.subtitle", e.get("bodyLabel"), e.get("round"),
                    e.get("seats")));
            p.gap(8);
            p.text(p.bold, 11, m.raw("election.pdf.counts"));
            p.text(p.regular, 10, m.text("election.pdf.kind", e.get("kindLabel"), e.get("convened")));
            for (Map<String, Object> d : (List<Map<String, Object>>) e.get("deductions")) {
                p.text(p.regular, 10, "  − " + d.get("reasonLabel") + ": " + d.get("count")
                        + (String.valueOf(d.get("note")).isBlank() ? "" : " (" + d.get("note") + ")"));
            }
            p.text(p.regular, 10, m.text("election.pdf.base", e.get("base"), e.get("needsMoreThan")));
            p.text(p.regular, 10, m.text("election.pdf.ballots", ballots.get("issued"), ballots.get("returned"),
                    ballots.get("valid"), ballots.get("invalid")));
            p.gap(6);
            p.text(p.bold, 11, m.text("election.pdf.status", result.get("statusLabel")));
            for (Map<String, Object> err : (List<Map<String, Object>>) result.get("errors")) {
                p.text(p.regular, 10, "  ! " + err.get("message"));
            }
            p.gap(4);
            float[] cols = {0, 28, 220, 275, 345};
            p.row(p.bold, 9.5f, cols, m.raw("election.pdf.no"), m.raw("election.pdf.name"),
                    m.raw("election.pdf.votes"), m.raw("election.pdf.percent"), m.raw("election.pdf.outcome"));
            int i = 0;
            List<Map<String, Object>> candidates = (List<Map<String, Object>>) result.get("candidates");
            for (Map<String, Object> c : candidates) {
                p.row(p.regular, 9.5f, cols, String.valueOf(++i), String.valueOf(c.get("name")),
                        String.valueOf(c.get("votes")), String.valueOf(c.get("percentOfBase")),
                        String.valueOf(c.get("outcomeLabel")));
            }
            p.gap(6);
            p.text(p.bold, 11, m.text("election.pdf.elected", ((List<?>) result.get("elected")).size()));
            int n = 0;
            for (Object id : (List<?>) result.get("elected")) {
                p.text(p.regular, 10, "  " + (++n) + ". " + name(candidates, id));
            }
            List<?> tied = (List<?>) result.get("tied");
            if (!tied.isEmpty()) {
                p.gap(4);
                p.text(p.bold, 11, m.text("election.pdf.tied", result.get("seatsLeft")));
                for (Object id : tied) {
                    p.text(p.regular, 10, "  − " + name(candidates, id));
                }
            }
            List<?> next = (List<?>) result.get("nextRound");
            if (!next.isEmpty()) {
                p.gap(4);
                p.text(p.bold, 11, m.raw("election.pdf.next_round"));
                int k = 0;
                for (Object id : next) {
                    p.text(p.regular, 10, "  " + (++k) + ". " + name(candidates, id));
                }
            }
            if (result.get("decision") != null) {
                p.text(p.regular, 10, String.valueOf(result.get("decision")));
            }
            Map<String, Object> body = (Map<String, Object>) result.get("electedBody");
            if (body != null) {
                p.gap(4);
                p.text(p.bold, 11, m.raw("election.pdf.body"));
                p.text(p.regular, 10, m.text("election.text.body", body.get("members"), body.get("women"),
                        body.get("under40"), body.get("minority")));
                for (Map<String, Object> f : (List<Map<String, Object>>) body.get("findings")) {
                    p.text(p.regular, 10, "  − " + f.get("message"));
                }
            }
            p.gap(4);
            p.text(p.bold, 10, m.raw("election.text.citation"));
            for (Object c : (List<?>) result.get("citations")) {
                p.text(p.regular, 9, "  " + c);
            }
            p.signatures(m);
            return p.finish(8, (page, pages) -> m.text("election.pdf.page", page, pages));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(List<Map<String, Object>> candidates, Object id) {
        return candidates.stream().filter(c -> c.get("id").equals(id)).map(c -> c.get("name") + " (" + c.get("votes")
                + ")").findFirst().orElse(String.valueOf(id));
    }

    private void header(String organisation, Messages m) throws IOException {
        partyHeader(organisation == null || organisation.isBlank() ? m.raw("pdf.header.issuer_blank") : organisation,
                m.raw("election.pdf.board"), null, m);
    }

    private void signatures(Messages m) throws IOException {
        room(130);
        y -= 24;
        float left = MARGIN + WIDTH / 4;
        float right = MARGIN + 3 * WIDTH / 4;
        centredAt(bold, 10.5f, left, y, m.raw("election.pdf.members"));
        centredAt(bold, 10.5f, right, y, m.raw("election.pdf.head"));
        centredAt(regular, 9, left, y - 13, m.raw("pdf.signature.sign"));
        centredAt(regular, 9, right, y - 13, m.raw("pdf.signature.sign"));
        y -= 100;
    }
}
