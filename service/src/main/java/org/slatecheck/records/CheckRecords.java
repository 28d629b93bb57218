package org.slatecheck.records;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.slatecheck.explanation.ResultJson;
import org.slatecheck.rules.engine.Finding;
import org.slatecheck.rules.engine.NomineeResult;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.explain.Explainer;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.model.Outcome;
import org.slatecheck.rules.model.ListStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Check records in PostgreSQL: the run (who, when, input files and their SHA-256, summary), each congress list
 * (rule set id, version, checksum, summary, and the section 7 JSON exactly as shown in both languages), nominee
 * outcomes and findings with evidence; the viable list (docs/specification.md section 6) as well: its status, structure panel and
 * findings ({@code finding.viable}). A check is written in one transaction: all of it or nothing.
 */
@Repository
public class CheckRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final StoredResults stored;

    public CheckRecords(JdbcTemplate jdbc, StoredResults stored) {
        this.jdbc = jdbc;
        this.stored = stored;
    }

    /** Stores a check made by {@code user} for organisation unit {@code unit} and returns its id. */
    @Transactional
    public UUID save(String user, String unit, StoredInputs inputs, List<ScreeningResult> results) {
        return save(user, unit, inputs, results, null);
    }

    /**
     * The result JSON of each list as stored, in Vietnamese and in English, in list order: an API check answers with
     * the one of its language instead of rendering the result a third time (issue 20). Filled by
     * {@link #save(String, String, StoredInputs, List, Rendered)}.
     */
    public record Rendered(List<com.fasterxml.jackson.databind.node.ObjectNode> vi,
            List<com.fasterxml.jackson.databind.node.ObjectNode> en) {
        public Rendered() {
            this(new ArrayList<>(), new ArrayList<>());
        }
    }

    /** {@link #save(String, String, StoredInputs, List)}, keeping the rendered results in {@code rendered} (may be null). */
    public UUID save(String user, String unit, StoredInputs inputs, List<ScreeningResult> results, Rendered rendered) {
        UUID id = UUID.randomUUID();
        int nominees = 0;
        int[] outcomes = new int[3];
        int nonCompliant = 0;
        int viableNonCompliant = 0;
        for (ScreeningResult r : results) {
            nominees += r.nominees().size();
            outcomes[0] += (int) r.count(Outcome.ELIGIBLE);
            outcomes[1] += (int) r.count(Outcome.REVIEW);
            outcomes[2] += (int) r.count(Outcome.INELIGIBLE);
            nonCompliant += r.listStatus() == ListStatus.NON_COMPLIANT ? 1 : 0;
            viableNonCompliant += r.viableListStatus() == ListStatus.NON_COMPLIANT ? 1 : 0;
        }
        jdbc.update("insert into check_run (id, created_at, created_by, congresses_file, nominees_file, "
                + "congresses_sha256, nominees_sha256, congresses_csv, nominees_csv, lists, nominees, eligible, review, "
                + "ineligible, non_compliant_lists, viable_non_compliant_lists, unit_code) "
                + "values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                id, Timestamp.from(java.time.Instant.now()), user, inputs.congressesFile(), inputs.nomineesFile(),
                sha256(inputs.congresses()), sha256(inputs.nominees()), inputs.congresses(), inputs.nominees(),
                results.size(), nominees, outcomes[0], outcomes[1], outcomes[2], nonCompliant, viableNonCompliant,
                unit);
        int position = 0;
        for (ScreeningResult r : results) {
            saveList(id, position++, r, rendered);
        }
        return id;
    }

    private void saveList(UUID id, int position, ScreeningResult r, Rendered rendered) {
        var vi = ResultJson.of(r, new Explainer(Messages.of(Messages.VI)));
        var en = ResultJson.of(r, new Explainer(Messages.of(Messages.EN)));
        if (rendered != null) {
            rendered.vi().add(vi);
            rendered.en().add(en);
        }
        Long listId = jdbc.queryForObject("insert into list_result (check_id, position, congress_id, organisation, "
                + "level, term, list_kind, rule_set_id, rule_set_version, rule_set_checksum, nominees, eligible, "
                + "review, ineligible, list_status, result_vi, result_en, structure, viable_list_status, "
                + "viable_structure, search_text) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,cast(? as json),"
                + "cast(? as json),cast(? as json),?,cast(? as json),?) returning id",
                Long.class,
                id, position, r.congress().getId(), r.congress().getOrganisation(), r.congress().getLevel().name(),
                r.congress().getTerm(), r.congress().getListKind().name(), r.ruleSetId(), r.ruleSetVersion(),
                r.ruleSetChecksum(), r.nominees().size(), (int) r.count(Outcome.ELIGIBLE),
                (int) r.count(Outcome.REVIEW), (int) r.count(Outcome.INELIGIBLE), r.listStatus().name(),
                json(vi), json(en),
                json(org.slatecheck.explanation.StructurePanel.of(r)), r.viableListStatus().name(),
                json(org.slatecheck.explanation.StructurePanel.viable(r)),
                SearchText.of(r.congress().getId(), r.congress().getOrganisation()));
        List<Object[]> outcomeRows = new ArrayList<>();
        List<Object[]> findingRows = new ArrayList<>();
        int n = 0;
        for (NomineeResult nr : r.nominees()) {
            outcomeRows.add(new Object[] {listId, n++, nr.nominee().getNomineeId(), nr.outcome().name(),
                nr.nominee().getFullName(), json(NomineeInput.of(nr.nominee(),
                        NomineeInput.workingTime(nr.nominee(), r.congress(), r.parameters()))),
                SearchText.of(nr.nominee().getNomineeId(), nr.nominee().getFullName())});
            for (Finding f : nr.findings()) {
                findingRows.add(findingRow(listId, findingRows.size(), f, false));
            }
        }
        for (Finding f : r.listFindings()) {
            findingRows.add(findingRow(listId, findingRows.size(), f, false));
        }
        for (Finding f : r.viableListFindings()) {
            findingRows.add(findingRow(listId, findingRows.size(), f, true));
        }
        jdbc.batchUpdate("insert into nominee_outcome (list_id, position, nominee_id, outcome, full_name, input, "
                + "search_text) values (?,?,?,?,?,cast(? as jsonb),?)", outcomeRows);
        jdbc.batchUpdate("insert into finding (list_id, position, nominee_id, rule_id, severity, citation, evidence, "
                + "viable) values (?,?,?,?,?,?,cast(? as jsonb),?)", findingRows);
    }

    /**
     * A screened list rendered into COPY rows, without its database id (the writer prepends it): rendering is the
     * costly part and runs on the screening threads; the one writer only streams the rows.
     */
    public record PreparedList(int position, String congressId, int nominees, String listRow, String outcomeRows,
            String findingRows) {
    }

    /**
     * A batch list's rows as {@link #saveList} writes them (outcomes, findings, structure panels), except the result:
     * not rendered in two languages but stored as facts ({@link org.slatecheck.explanation.ResultFacts}), rendered
     * when the list is opened (issue 20, render on open; {@link StoredResults}).
     */
    public static PreparedList prepare(int position, ScreeningResult r) {
        CopyText list = new CopyText();
        list.row(position, r.congress().getId(), r.congress().getOrganisation(), r.congress().getLevel().name(),
                r.congress().getTerm(), r.congress().getListKind().name(), r.ruleSetId(), r.ruleSetVersion(),
                r.ruleSetChecksum(), r.nominees().size(), r.count(Outcome.ELIGIBLE), r.count(Outcome.REVIEW),
                r.count(Outcome.INELIGIBLE), r.listStatus().name(), null, null,
                json(org.slatecheck.explanation.StructurePanel.of(r)),
                r.viableListStatus().name(), json(org.slatecheck.explanation.StructurePanel.viable(r)),
                SearchText.of(r.congress().getId(), r.congress().getOrganisation()),
                org.slatecheck.explanation.ResultFacts.of(r, org.slatecheck.explanation.MessageCatalogue.version()));
        CopyText outcomes = new CopyText();
        CopyText findings = new CopyText();
        int n = 0;
        int f = 0;
        for (NomineeResult nr : r.nominees()) {
            outcomes.row(n++, nr.nominee().getNomineeId(), nr.outcome().name(), nr.nominee().getFullName(),
                    json(NomineeInput.of(nr.nominee(), NomineeInput.workingTime(nr.nominee(), r.congress(),
                            r.parameters()))), SearchText.of(nr.nominee().getNomineeId(),
                            nr.nominee().getFullName()));
            for (Finding finding : nr.findings()) {
                findings.row(findingValues(f++, finding, false));
            }
        }
        for (Finding finding : r.listFindings()) {
            findings.row(findingValues(f++, finding, false));
        }
        for (Finding finding : r.viableListFindings()) {
            findings.row(findingValues(f++, finding, true));
        }
        return new PreparedList(position, r.congress().getId(), r.nominees().size(), list.toString(),
                outcomes.toString(), findings.toString());
    }

    /**
     * Stores prepared lists of a batch in one transaction with {@code COPY}: all of them or none, so a killed batch
     * never leaves half a list (or half a group) behind.
     */
    @Transactional
    public void storeLists(UUID checkId, List<PreparedList> lists) {
        if (lists.isEmpty()) {
            return;
        }
        List<Long> ids = jdbc.queryForList("select nextval(pg_get_serial_sequence('list_result', 'id')) "
                + "from generate_series(1, ?)", Long.class, lists.size());
        StringBuilder listRows = new StringBuilder();
        StringBuilder outcomeRows = new StringBuilder();
        StringBuilder findingRows = new StringBuilder();
        for (int i = 0; i < lists.size(); i++) {
            String id = String.valueOf(ids.get(i));
            listRows.append(id).append('\t').append(checkId).append('\t').append(lists.get(i).listRow());
            prefix(outcomeRows, id, lists.get(i).outcomeRows());
            prefix(findingRows, id, lists.get(i).findingRows());
        }
        copy("list_result (id, check_id, position, congress_id, organisation, level, term, list_kind, rule_set_id, "
                + "rule_set_version, rule_set_checksum, nominees, eligible, review, ineligible, list_status, result_vi, "
                + "result_en, structure, viable_list_status, viable_structure, search_text, facts)", listRows);
        copy("nominee_outcome (list_id, position, nominee_id, outcome, full_name, input, search_text)", outcomeRows);
        copy("finding (list_id, position, nominee_id, rule_id, severity, citation, evidence, viable)", findingRows);
    }

    /** Each line of {@code rows} with the list id in front (COPY text escapes newlines, so lines are rows). */
    private static void prefix(StringBuilder out, String id, String rows) {
        int from = 0;
        while (from < rows.length()) {
            int end = rows.indexOf('\n', from);
            out.append(id).append('\t').append(rows, from, end + 1);
            from = end + 1;
        }
    }

    private void copy(String target, CharSequence rows) {
        if (rows.length() == 0) {
            return;
        }
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Long>) con -> {
            try {
                return con.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
                        .copyIn("COPY " + target + " FROM STDIN", new java.io.StringReader(rows.toString()));
            } catch (java.io.IOException e) {
                throw new java.sql.SQLException("COPY into " + target + " failed", e);
            }
        });
    }

    /** Rows in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash escapes. */
    static final class CopyText {
        private final StringBuilder text = new StringBuilder(1024);

        void row(Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                Object v = values[i];
                if (v == null) {
                    text.append("\\N");
                    continue;
                }
                String s = v.toString();
                int from = 0;
                for (int c = 0; c < s.length(); c++) {
                    char ch = s.charAt(c);
                    if (ch == '\\' || ch == '\n' || ch == '\r' || ch == '\t') {
                        text.append(s, from, c).append('\\').append(switch (ch) {
                            case '\n' -> 'n';
                            case '\r' -> 'r';
                            case '\t' -> 't';
                            default -> '\\';
                        });
                        from = c + 1;
                    }
                }
                text.append(s, from, s.length());
            }
            text.append('\n');
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /**
     * Creates the check run of a batch (no input files kept: they are referenced by their SHA-256), made by
     * {@code user} for organisation unit {@code unit}.
     */
    @Transactional
    public void createBatchRun(UUID id, String user, String unit, String congressesFile, String nomineesFile,
            String congressesSha, String nomineesSha) {
        jdbc.update("insert into check_run (id, created_at, created_by, congresses_file, nominees_file, "
                + "congresses_sha256, nominees_sha256, lists, nominees, eligible, review, ineligible, "
                + "non_compliant_lists, viable_non_compliant_lists, unit_code) values (?,?,?,?,?,?,?,0,0,0,0,0,0,0,?) "
                + "on conflict (id) do nothing",
                id, Timestamp.from(java.time.Instant.now()), user, congressesFile, nomineesFile, congressesSha,
                nomineesSha, unit);
    }

    /** The organisation unit a stored check was made for; empty when there is no such check. */
    public Optional<String> unitOf(UUID id) {
        return jdbc.queryForList("select unit_code from check_run where id = ?", String.class, id).stream()
                .findFirst();
    }

    /** Recomputes a check run's summary from its stored lists. */
    @Transactional
    public void summarise(UUID id) {
        jdbc.update("update check_run c set lists = s.lists, nominees = s.nominees, eligible = s.eligible, "
                + "review = s.review, ineligible = s.ineligible, non_compliant_lists = s.nc, "
                + "viable_non_compliant_lists = s.vnc from (select count(*) lists, "
                + "coalesce(sum(nominees),0) nominees, coalesce(sum(eligible),0) eligible, coalesce(sum(review),0) review, "
                + "coalesce(sum(ineligible),0) ineligible, count(*) filter (where list_status = 'NON_COMPLIANT') nc, "
                + "count(*) filter (where viable_list_status = 'NON_COMPLIANT') vnc "
                + "from list_result where check_id = ?) s where c.id = ?", id, id);
    }

    /** The congress ids already stored for a check. */
    public java.util.Set<String> storedCongresses(UUID id) {
        return new java.util.HashSet<>(jdbc.queryForList("select congress_id from list_result where check_id = ?",
                String.class, id));
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    private static Object[] findingRow(Long listId, int position, Finding f, boolean viable) {
        Object[] values = findingValues(position, f, viable);
        Object[] row = new Object[values.length + 1];
        row[0] = listId;
        System.arraycopy(values, 0, row, 1, values.length);
        return row;
    }

    /** A finding's column values; {@code viable} for a finding of the viable list (docs/specification.md section 6). */
    private static Object[] findingValues(int position, Finding f, boolean viable) {
        var evidence = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, Object> e : f.getEvidence().entrySet()) {
            evidence.set(e.getKey(), ResultJson.value(e.getValue()));
        }
        return new Object[] {position, f.getNomineeId(), f.getRuleId(), f.getSeverity().name(), f.getCitation(),
                json(evidence), viable};
    }

    /** The most recent checks of every unit, newest first (the command line, tests). */
    public List<CheckSummary> recent(int limit) {
        return recent(limit, null, null);
    }

    /**
     * The most recent checks made for {@code scope} or a unit below it (every unit when null), newest first;
     * {@code query}, when given, keeps the checks with a list whose congress id or organisation contains it (without
     * regard to diacritics or case).
     */
    public List<CheckSummary> recent(int limit, String scope, String query) {
        return recent(limit, scope, query, null);
    }

    private List<CheckSummary> recent(int limit, String scope, String query, UUID id) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        if (id != null) {
            where.append(" and c.id = ?");
            args.add(id);
        }
        if (scope != null) {
            where.append(" and c.unit_code in ").append(org.slatecheck.governance.OrgUnits.SUBTREE);
            args.add(scope);
        }
        String like = SearchText.pattern(query);
        if (like != null) {
            // Folded as the stored search text is: "hung" finds "Hùng" (issue 17 item 11).
            where.append(" and exists (select 1 from list_result q where q.check_id = c.id and q.search_text like ?)");
            args.add(like);
        }
        args.add(limit);
        return jdbc.query("select c.*, (select string_agg(l.congress_id, '\u001f' order by l.position) from list_result l "
                + "where l.check_id = c.id) as congress_ids, (select string_agg(l.organisation, '\u001f' order by "
                + "l.position) from list_result l where l.check_id = c.id) as organisations from check_run c"
                + where + " order by c.created_at desc limit ?", (rs, i) -> new CheckSummary(rs.getObject("id", UUID.class),
                        rs.getObject("created_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                        rs.getString("created_by"), split(rs.getString("congress_ids")),
                        split(rs.getString("organisations")), rs.getInt("lists"), rs.getInt("nominees"),
                        rs.getInt("eligible"), rs.getInt("review"), rs.getInt("ineligible"),
                        rs.getInt("non_compliant_lists")), args.toArray());
    }

    /** A stored check's summary. */
    public Optional<CheckSummary> summary(UUID id) {
        // By its id in SQL: the history of every unit is never read to find one check.
        return recent(1, null, null, id).stream().findFirst();
    }

    /**
     * The section 7 results of a stored check in {@code lang} (vi or en): a check's exactly as shown when it ran, a
     * batch's rendered now from its stored facts ({@link StoredResults}).
     */
    public Optional<ArrayNode> results(UUID id, String lang) {
        String column = "en".equals(lang) ? "result_en" : "result_vi";
        StoredResults.Renderer renderer = stored.renderer(lang);
        List<String> rows = jdbc.query("select " + column + "::text, facts from list_result where check_id = ? "
                + "order by position", (rs, i) -> renderer.text(rs.getString(1), rs.getString(2)), id);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (String row : rows) {
            try {
                array.add(JSON.readTree(row));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored result of check " + id + " is not JSON", e);
            }
        }
        return Optional.of(array);
    }

    /** The structure panels of a stored check's lists, in list order. */
    public List<JsonNode> structures(UUID id) {
        return jdbc.queryForList("select coalesce(structure::text, '[]') from list_result where check_id = ? "
                + "order by position", String.class, id).stream().map(CheckRecords::read).toList();
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not read", e);
        }
    }

    /** The uploaded files of a stored check. */
    public Optional<StoredInputs> inputs(UUID id) {
        return jdbc.query("select congresses_file, congresses_csv, nominees_file, nominees_csv from check_run where id = ?",
                (rs, i) -> new StoredInputs(rs.getString(1), rs.getBytes(2), rs.getString(3), rs.getBytes(4)), id)
                .stream().findFirst();
    }

    /** How many checks are stored. */
    public long count() {
        Long n = jdbc.queryForObject("select count(*) from check_run", Long.class);
        return n == null ? 0 : n;
    }

    private static List<String> split(String s) {
        return s == null ? List.of() : Arrays.asList(s.split("\u001f"));
    }

    static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of text as UTF-8. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
