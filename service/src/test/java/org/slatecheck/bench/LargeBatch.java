package org.slatecheck.bench;

import java.util.UUID;

import org.slatecheck.batch.BatchRunner;
import org.slatecheck.records.CheckRecords;
import org.slatecheck.records.SearchText;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A large stored batch written directly in SQL, for the paging tests and the pages benchmark: the lists of a real
 * screened check (its section 7 JSON, structure, nominee outcomes, names, input and findings) copied round-robin into
 * {@code lists} lists of a new batch, each with its own congress id ({@code <prefix>-000042}) and organisation
 * ({@code <organisation> · 42}). Screening 10,000 lists would take minutes; the pages only read stored rows.
 */
public final class LargeBatch {
    private LargeBatch() {
    }

    /** Creates batch {@code batchId} (status DONE) for {@code unit} from the lists of check {@code source}. */
    public static UUID create(CheckRecords records, UUID source, String batchId, String unit, int lists) {
        JdbcTemplate jdbc = records.jdbc();
        UUID check = BatchRunner.checkId(batchId);
        String prefix = batchId.toUpperCase(java.util.Locale.ROOT);
        int sourceLists = jdbc.queryForObject("select count(*) from list_result where check_id = ?", Integer.class,
                source);
        jdbc.update("insert into check_run (id, created_at, created_by, congresses_file, nominees_file, "
                + "congresses_sha256, nominees_sha256, lists, nominees, eligible, review, ineligible, "
                + "non_compliant_lists, unit_code) values (?, now(), 'bench', 'congresses.csv', 'nominees.csv', "
                + "repeat('0', 64), repeat('0', 64), 0, 0, 0, 0, 0, 0, ?)", check, unit);
        jdbc.update("insert into list_result (check_id, position, congress_id, organisation, level, term, list_kind, "
                + "rule_set_id, rule_set_version, rule_set_checksum, nominees, eligible, review, ineligible, "
                + "list_status, result_vi, result_en, facts, structure) select ?, g, ? || '-' || lpad(g::text, 6, '0'), "
                + "s.organisation || ' · ' || g, s.level, s.term, s.list_kind, s.rule_set_id, s.rule_set_version, "
                + "s.rule_set_checksum, s.nominees, s.eligible, s.review, s.ineligible, s.list_status, s.result_vi, "
                + "s.result_en, s.facts, s.structure from generate_series(0, ? - 1) g join list_result s on s.check_id = ? "
                + "and s.position = g % ?", check, prefix, lists, source, sourceLists);
        jdbc.update("insert into nominee_outcome (list_id, position, nominee_id, outcome, full_name, input, "
                + "search_text) select n.id, o.position, o.nominee_id, o.outcome, o.full_name, o.input, o.search_text "
                + "from list_result n "
                + "join list_result s on s.check_id = ? and s.position = n.position % ? "
                + "join nominee_outcome o on o.list_id = s.id where n.check_id = ?", source, sourceLists, check);
        jdbc.update("insert into finding (list_id, position, nominee_id, rule_id, severity, citation, evidence) "
                + "select n.id, f.position, f.nominee_id, f.rule_id, f.severity, f.citation, f.evidence "
                + "from list_result n join list_result s on s.check_id = ? and s.position = n.position % ? "
                + "join finding f on f.list_id = s.id where n.check_id = ?", source, sourceLists, check);
        // The lists' congress ids and organisations are new: folded in Java, as the application stores them.
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Long>) SearchText::backfill);
        records.summarise(check);
        jdbc.update("insert into batch_run (id, check_id, status, created_at, updated_at, congresses_sha256, "
                + "nominees_sha256, lists_total, nominees_total) select ?, id, 'DONE', created_at, now(), "
                + "repeat('0', 64), repeat('0', 64), lists, nominees from check_run where id = ?", batchId, check);
        jdbc.execute("analyze list_result");
        jdbc.execute("analyze nominee_outcome");
        jdbc.execute("analyze finding");
        return check;
    }
}
