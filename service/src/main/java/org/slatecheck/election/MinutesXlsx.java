package org.slatecheck.election;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slatecheck.rules.text.Messages;
import org.slatecheck.spreadsheets.TableXlsx;

/** The minutes' table as .xlsx: one row per candidate (votes, percentage of the base, outcome, explanation). */
public final class MinutesXlsx {
    private MinutesXlsx() {
    }

    @SuppressWarnings("unchecked")
    public static byte[] write(Map<String, Object> result, Messages m) {
        List<List<Object>> rows = new ArrayList<>();
        int i = 0;
        for (Map<String, Object> c : (List<Map<String, Object>>) result.get("candidates")) {
            rows.add(List.of(++i, String.valueOf(c.get("id")), String.valueOf(c.get("name")), c.get("votes"),
                    String.valueOf(c.get("percentOfBase")), String.valueOf(c.get("outcomeLabel")),
                    String.valueOf(c.get("explanation"))));
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            TableXlsx.write(m.raw("election.pdf.title"), List.of(m.raw("election.pdf.no"), m.raw("election.xlsx.id"),
                    m.raw("election.pdf.name"), m.raw("election.pdf.votes"), m.raw("election.pdf.percent"),
                    m.raw("election.pdf.outcome"), m.raw("election.xlsx.explanation")), rows, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
