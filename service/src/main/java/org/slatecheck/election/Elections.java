package org.slatecheck.election;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.slatecheck.governance.AuditLog;
import org.slatecheck.governance.RuleSetCache;
import org.slatecheck.records.CheckRecords;
import org.slatecheck.records.Listings;
import org.slatecheck.records.StoredInputs;
import org.slatecheck.rules.election.Body;
import org.slatecheck.rules.election.CandidateVotes;
import org.slatecheck.rules.election.Deduction;
import org.slatecheck.rules.election.ElectionRules;
import org.slatecheck.rules.election.TallyFile;
import org.slatecheck.rules.intake.CongressList;
import org.slatecheck.rules.engine.RuleSet;
import org.slatecheck.rules.engine.RuleSetSnapshot;
import org.slatecheck.rules.intake.Intake;
import org.slatecheck.rules.text.Messages;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored elections: created from a stored check's list (its files, copied so the election reproduces whatever
 * happens to the check) or from uploaded candidates; the tally entered once, or twice by two members (double
 * entry: every difference is listed and nothing is decided until they agree); the decision (the ELE rules and the
 * elected committee's structure, stored in both languages); the confirmation by the counting board's head — another
 * member than those who entered or decided — after which nothing changes (refused here, and by a trigger). Every
 * entry, decision and confirmation is written to the audit log, without names or votes.
 */
@Service
public class Elections {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final CheckRecords checks;
    private final RuleSetCache registry;

    public Elections(JdbcTemplate jdbc, AuditLog audit, CheckRecords checks, RuleSetCache registry) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.checks = checks;
        this.registry = registry;
    }

    /** A difference between the two entries: what, and each entry's value. */
    public record Mismatch(String item, String first, String second) {
    }

    /** The stored election's row. */
    public record Row(UUID id, String unit, UUID checkId, String congressId, Body body, int round,
            StoredInputs inputs, String createdBy) {
    }

    /** Creates an election of {@code body}, round {@code round}, for congress {@code congressId} of the files. */
    @Transactional
    public UUID create(String user, String unit, UUID checkId, StoredInputs inputs, String congressId, Body body,
            int round) {
        if (round < 1 || round > 20) {
            throw new ElectionRefused("round", false, List.of());
        }
        CongressList list = list(inputs, congressId);
        UUID id = UUID.randomUUID();
        jdbc.update("insert into election (id, unit_code, check_id, congress_id, body, round, congresses_file, "
                + "congresses_csv, nominees_file, nominees_csv, created_by, created_at) values (?,?,?,?,?,?,?,?,?,?,?,?)",
                id, unit, checkId, list.congress().getId(), body.name(), round, inputs.congressesFile(),
                inputs.congresses(), inputs.nomineesFile(), inputs.nominees(), user, Timestamp.from(Instant.now()));
        audit.append(user, "ELECTION_CREATE", "election " + id, null, null, body.name() + " " + round);
        return id;
    }

    /** The files of stored check {@code checkId} (empty when there is no such check). */
    public Optional<StoredInputs> checkInputs(UUID checkId) {
        return checks.inputs(checkId);
    }

    private CongressList list(StoredInputs inputs, String congressId) {
        return list(inputs, congressId, registry.snapshot());
    }

    private static CongressList list(StoredInputs inputs, String congressId, RuleSetSnapshot snapshot) {
        List<CongressList> lists = Intake.read(new Intake.Input(inputs.congressesFile(), inputs.congresses()),
                new Intake.Input(inputs.nomineesFile(), inputs.nominees()), snapshot).lists();
        CongressList list = ElectionRun.pick(lists, congressId);
        if (list == null) {
            throw new ElectionRefused("congress", false, List.of(), String.join(", ",
                    lists.stream().map(l -> l.congress().getId()).toList()));
        }
        return list;
    }

    public Optional<Row> row(UUID id) {
        return jdbc.query("select id, unit_code, check_id, congress_id, body, round, congresses_file, congresses_csv, "
                + "nominees_file, nominees_csv, created_by from election where id = ?", (rs, i) -> new Row(
                rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
                Body.valueOf(rs.getString(5)), rs.getInt(6), new StoredInputs(rs.getString(7), rs.getBytes(8),
                rs.getString(9), rs.getBytes(10)), rs.getString(11)), id).stream().findFirst();
    }

    /** The unit of election {@code id}, for the organisation scope (empty: no such election). */
    public Optional<String> unitOf(UUID id) {
        return jdbc.queryForList("select unit_code from election where id = ?", String.class, id).stream()
                .findFirst();
    }

    public boolean confirmed(UUID id) {
        Integer n = jdbc.queryForObject("select count(*) from election_confirmation where election_id = ?",
                Integer.class, id);
        return n != null && n > 0;
    }

    /** One tally entry: its number, who made it and the file. */
    public record Entry(int number, String by, Instant at, String file, byte[] content) {
    }

    public List<Entry> entries(UUID id) {
        return jdbc.query("select entry_no, entered_by, entered_at, tally_file, tally_csv from election_tally_entry "
                + "where election_id = ? order by entry_no", (rs, i) -> new Entry(rs.getInt(1), rs.getString(2),
                rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getBytes(5)), id);
    }

    /**
     * Enters a tally (the first entry, or the second by another member). The file must read for the election's list
     * ({@link TallyFile}); returns the entry's number.
     */
    @Transactional
    public int enter(String user, UUID id, String file, byte[] content) {
        Row row = row(id).orElseThrow();
        if (confirmed(id)) {
            throw ElectionRefused.conflict("confirmed");
        }
        read(row, content);
        List<Entry> entries = entries(id);
        if (entries.size() >= 2) {
            throw ElectionRefused.conflict("two_entries");
        }
        if (entries.size() == 1 && entries.get(0).by().equals(user)) {
            throw ElectionRefused.conflict("same_member");
        }
        int number = entries.size() + 1;
        jdbc.update("insert into election_tally_entry (election_id, entry_no, entered_by, entered_at, tally_file, "
                + "tally_csv) values (?,?,?,?,?,?)", id, number, user, Timestamp.from(Instant.now()), file, content);
        audit.append(user, "ELECTION_TALLY", "election " + id, null, CheckRecords.sha256(
                java.util.HexFormat.of().formatHex(content)), "entry " + number);
        return number;
    }

    private TallyFile.Read read(Row row, byte[] content) {
        CongressList list = list(row.inputs(), row.congressId());
        TallyFile.Read read = TallyFile.read(content, list.congress(), list.nominees());
        if (read.election().getBody() != row.body() || read.election().getRound() != row.round()) {
            throw new ElectionRefused("other_body", false, List.of());
        }
        return read;
    }

    /** The differences between the two entries (empty with fewer than two, or when they agree). */
    public List<Mismatch> mismatches(UUID id) {
        List<Entry> entries = entries(id);
        if (entries.size() < 2) {
            return List.of();
        }
        Row row = row(id).orElseThrow();
        return compare(read(row, entries.get(0).content()), read(row, entries.get(1).content()));
    }

    static List<Mismatch> compare(TallyFile.Read a, TallyFile.Read b) {
        Map<String, String> x = items(a);
        Map<String, String> y = items(b);
        List<Mismatch> out = new ArrayList<>();
        for (String k : x.keySet()) {
            if (!Objects.equals(x.get(k), y.get(k))) {
                out.add(new Mismatch(k, x.get(k), y.get(k)));
            }
        }
        for (String k : y.keySet()) {
            if (!x.containsKey(k)) {
                out.add(new Mismatch(k, null, y.get(k)));
            }
        }
        return out;
    }

    private static Map<String, String> items(TallyFile.Read r) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kind", r.election().getKind().name());
        m.put("seats", String.valueOf(r.election().getSeats()));
        m.put("convened", String.valueOf(r.election().getConvened()));
        for (Deduction d : r.election().getDeductions()) {
            m.merge("deduct " + d.getReason().name(), String.valueOf(d.getCount()),
                    (p, q) -> String.valueOf(Integer.parseInt(p) + Integer.parseInt(q)));
        }
        m.put("issued", String.valueOf(r.tally().getIssued()));
        m.put("returned", String.valueOf(r.tally().getReturned()));
        m.put("valid", String.valueOf(r.tally().getValid()));
        m.put("invalid", String.valueOf(r.tally().getInvalid()));
        for (CandidateVotes c : r.votes()) {
            m.put(c.getCandidateId(), String.valueOf(c.getVotes()));
        }
        return m;
    }

    /** Decides from the entries (one, or two that agree) and stores the result in both languages. */
    @Transactional
    public ElectionRun.Decided decide(String user, UUID id) {
        Row row = row(id).orElseThrow();
        if (confirmed(id)) {
            throw ElectionRefused.conflict("confirmed");
        }
        List<Entry> entries = entries(id);
        if (entries.isEmpty()) {
            throw ElectionRefused.conflict("no_entry");
        }
        List<Mismatch> mismatches = mismatches(id);
        if (!mismatches.isEmpty()) {
            throw new ElectionRefused("mismatch", true, mismatches, mismatches.size());
        }
        RuleSetSnapshot snapshot = registry.snapshot();
        CongressList list = list(row.inputs(), row.congressId(), snapshot);
        ElectionRun.Decided decided = ElectionRun.decide(snapshot, list,
                TallyFile.read(entries.get(0).content(), list.congress(), list.nominees()));
        // What it was decided with, for reproducing it: the term's rule set version and the release's ELE rules.
        RuleSet used = snapshot.ruleSet(list.congress().getTerm());
        jdbc.update("delete from election_decision where election_id = ?", id);
        jdbc.update("insert into election_decision (election_id, decided_by, decided_at, status, result_vi, result_en, "
                + "rule_set_version, rule_set_checksum, election_rules_checksum) values (?,?,?,?,?,?,?,?,?)", id, user,
                Timestamp.from(Instant.now()), decided.result().status().name(),
                ElectionJson.write(decided.json("vi")), ElectionJson.write(decided.json("en")),
                used == null ? null : used.getVersion(), used == null ? null : used.getChecksum(),
                ElectionRules.shipped().checksum());
        audit.append(user, "ELECTION_DECIDE", "election " + id, null, null, decided.result().status().name());
        return decided;
    }

    /** The stored decision in {@code lang} (empty before deciding), with who decided. */
    public Optional<Map<String, Object>> decision(UUID id, String lang) {
        return jdbc.query("select decided_by, decided_at, status, result_vi, result_en from election_decision "
                + "where election_id = ?", (rs, i) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("decidedBy", rs.getString(1));
                    m.put("decidedAt", rs.getTimestamp(2).toInstant().toString());
                    m.put("status", rs.getString(3));
                    try {
                        m.put("result", JSON.readValue("en".equals(lang) ? rs.getString(5) : rs.getString(4),
                                Map.class));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("stored election result does not read", e);
                    }
                    return m;
                }, id).stream().findFirst();
    }

    /**
     * Confirms the decision: by the counting board's head, a member other than those who entered the tally or
     * decided. Afterwards the election is immutable.
     */
    @Transactional
    public void confirm(String user, UUID id) {
        if (confirmed(id)) {
            throw ElectionRefused.conflict("confirmed");
        }
        List<String> decidedBy = jdbc.queryForList("select decided_by from election_decision where election_id = ?",
                String.class, id);
        if (decidedBy.isEmpty()) {
            throw ElectionRefused.conflict("not_decided");
        }
        boolean entered = entries(id).stream().anyMatch(e -> e.by().equals(user));
        if (entered || decidedBy.get(0).equals(user)) {
            throw ElectionRefused.conflict("four_eyes");
        }
        jdbc.update("insert into election_confirmation (election_id, confirmed_by, confirmed_at) values (?,?,?)", id,
                user, Timestamp.from(Instant.now()));
        audit.append(user, "ELECTION_CONFIRM", "election " + id, null, null, null);
    }

    /** Who confirmed and when (empty before). */
    public Optional<Map<String, Object>> confirmation(UUID id) {
        return jdbc.query("select confirmed_by, confirmed_at from election_confirmation where election_id = ?",
                (rs, i) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("confirmedBy", rs.getString(1));
                    m.put("confirmedAt", rs.getTimestamp(2).toInstant().toString());
                    return m;
                }, id).stream().findFirst();
    }

    /**
     * A confirmed election decided again: whether both stored languages are identical to the result decided now, the
     * differences in words (in the language asked for), notes on what it was decided with (the rule set version, the
     * election rules), the version used now, and the result decided now.
     */
    public record Reproduction(boolean identical, List<String> differences, List<String> notes, String ruleSetVersion,
            Map<String, Object> result) {
    }

    /**
     * Decides confirmed election {@code id} again from what is stored — the list's files, the tally entry, the rule
     * set version it was decided with (the active one when the decision recorded none, or that version is gone) — and
     * compares the result with the stored one in both languages. Audited with the checksums of both results; changes
     * nothing else.
     */
    public Reproduction reproduce(String user, UUID id, Messages m) {
        Row row = row(id).orElseThrow();
        if (!confirmed(id)) {
            throw ElectionRefused.conflict("not_confirmed");
        }
        Map<String, Object> stored = jdbc.queryForMap("select result_vi, result_en, rule_set_version, "
                + "election_rules_checksum from election_decision where election_id = ?", id);
        List<Entry> entries = entries(id);
        String recorded = (String) stored.get("rule_set_version");
        RuleSetSnapshot snapshot = registry.snapshot();
        List<String> notes = new ArrayList<>();
        Optional<RuleSet> version = recorded == null ? Optional.empty() : registry.compiledByVersion(recorded);
        if (version.isPresent()) {
            snapshot = snapshot.withCompiled(List.of(version.get()));
        }
        CongressList list = list(row.inputs(), row.congressId(), snapshot);
        RuleSet now = snapshot.ruleSet(list.congress().getTerm());
        String nowVersion = now == null ? null : now.getVersion();
        if (recorded == null) {
            notes.add(m.text("election.reproduce.version_unknown", nowVersion));
        } else if (version.isEmpty()) {
            notes.add(m.text("election.reproduce.version_missing", recorded, nowVersion));
        } else {
            notes.add(m.text("election.reproduce.version", recorded));
        }
        String rulesChecksum = (String) stored.get("election_rules_checksum");
        if (rulesChecksum != null && !rulesChecksum.strip().equals(ElectionRules.shipped().checksum())) {
            notes.add(m.raw("election.reproduce.rules_changed"));
        }
        ElectionRun.Decided again = ElectionRun.decide(snapshot, list,
                TallyFile.read(entries.get(0).content(), list.congress(), list.nominees()));
        String lang = m.locale().getLanguage();
        String otherLang = "en".equals(lang) ? "vi" : "en";
        String againThis = ElectionJson.write(again.json(lang));
        String againOther = ElectionJson.write(again.json(otherLang));
        String storedThis = (String) stored.get("en".equals(lang) ? "result_en" : "result_vi");
        String storedOther = (String) stored.get("en".equals(lang) ? "result_vi" : "result_en");
        List<String> differences;
        boolean otherSame;
        try {
            differences = ReproductionWords.differences(JSON.readTree(storedThis), JSON.readTree(againThis), m);
            otherSame = JSON.readTree(storedOther).equals(JSON.readTree(againOther));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored election result does not read", e);
        }
        if (!otherSame) {
            differences = new ArrayList<>(differences);
            differences.add(m.text("election.reproduce.diff.other_language",
                    m.raw("election.reproduce.language." + otherLang)));
        }
        boolean identical = differences.isEmpty();
        String storedVi = (String) stored.get("result_vi");
        String againVi = "vi".equals(lang) ? againThis : againOther;
        audit.append(user, "ELECTION_REPRODUCE", "election " + id, CheckRecords.sha256(storedVi),
                CheckRecords.sha256(againVi), identical ? "identical" : "differs " + differences.size());
        return new Reproduction(identical, differences, notes, nowVersion, again.json(lang));
    }

    /** One line of the elections list. */
    public record Summary(UUID id, String congressId, Body body, int round, Instant createdAt, String createdBy,
            String status, boolean confirmed) {
    }

    /**
     * The elections of {@code unit} and the units below it, newest first, one page of {@code query} (its page and
     * size; the scope in the same WHERE as the count).
     */
    public Listings.Page<Summary> page(String unit, Listings.Query query) {
        String where = " where e.unit_code in " + org.slatecheck.governance.OrgUnits.SUBTREE;
        Long total = jdbc.queryForObject("select count(*) from election e" + where, Long.class, unit);
        List<Summary> rows = jdbc.query("select e.id, e.congress_id, e.body, e.round, e.created_at, e.created_by, "
                + "d.status, c.election_id is not null from election e left join election_decision d on d.election_id "
                + "= e.id left join election_confirmation c on c.election_id = e.id" + where
                + " order by e.created_at desc, e.id limit ? offset ?",
                (rs, i) -> new Summary(rs.getObject(1, UUID.class), rs.getString(2), Body.valueOf(rs.getString(3)),
                        rs.getInt(4), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7),
                        rs.getBoolean(8)), unit, query.size(), (long) query.page() * query.size());
        return new Listings.Page<>(rows, total == null ? 0 : total, query.page(), query.size());
    }

    /** The list voted on in election {@code id}: the congress and its candidates. */
    public CongressList list(UUID id) {
        Row row = row(id).orElseThrow();
        return list(row.inputs(), row.congressId());
    }
}
