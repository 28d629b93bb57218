package org.slatecheck.governance;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.slatecheck.rules.engine.RuleSet;
import org.slatecheck.rules.engine.RuleSetException;
import org.slatecheck.rules.engine.RuleSetSource;
import org.slatecheck.rules.engine.RuleSets;
import org.slatecheck.rules.params.ParameterException;
import org.slatecheck.rules.params.Parameters;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rule sets as versioned records: each version is its DRL files and parameter file, a term, a status (DRAFT →
 * APPROVED → ACTIVE → RETIRED), author, approver, activator and a content checksum. The shipped sets are seeded on
 * first start. Checks take a {@link #snapshot()} of the active versions when they start; activation swaps the map in
 * one write, so checks in flight finish on the version they started with and new ones use the new version.
 */
@Service
public class RuleSetRegistry {
    static final String PARAMETERS_PATH = "parameters.csv";
    /** Where a rule case file lives: {@code org/slatecheck/rules/<topic>/<RULE-ID>.cases.yaml}. */
    static final String CASES_PATH = "org/slatecheck/rules/[a-z]+/[A-Z]{3}-\\d{3}\\.cases\\.yaml";

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Map<Long, RuleSet> compiled = new ConcurrentHashMap<>();
    /** Term → id of its ACTIVE version; replaced as a whole on activation, never modified in place. */
    private volatile Map<String, Long> active = Map.of();

    /** One edit of a draft: which file, by whom, when, and its whole content before (null: added) and after. */
    public record Change(long id, java.time.OffsetDateTime at, String actor, String path, String kind, String before,
            String after) {
    }

    /** A version's record. */
    public record Version(long id, String term, String version, String status, String author, String approvedBy,
            String activatedBy, String checksum, Long basedOn, LocalDate effectiveDate) {
    }

    public RuleSetRegistry(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        seed();
        reloadActive();
    }

    /** First start: the shipped rule sets become the ACTIVE versions of their terms. */
    private void seed() {
        for (String term : RuleSets.TERMS) {
            Integer n = jdbc.queryForObject("select count(*) from rule_set_version where term = ?", Integer.class,
                    term);
            if (n != null && n == 0) {
                RuleSetSource source = RuleSetSource.shipped(term);
                String version = Parameters.parse(source.parameters(), term).version();
                long id = insert(term, version, "ACTIVE", "system", null, source, shippedCases(source));
                jdbc.update("update rule_set_version set activated_by = 'system', activated_at = now(), "
                        + "approved_by = 'system', approved_at = now(), effective_date = current_date where id = ?", id);
                audit.append("system", "RULESET_SEEDED", version, null, source.checksum(), "shipped rule set");
            }
        }
    }

    private void reloadActive() {
        Map<String, Long> map = new HashMap<>();
        jdbc.query("select term, id from rule_set_version where status = 'ACTIVE'",
                rs -> {
                    map.put(rs.getString(1), rs.getLong(2));
                });
        active = Map.copyOf(map);
    }

    /** The rule case files shipped beside the rules: {@code <rule folder>/<rule id>.cases.yaml} on the classpath. */
    static Map<String, String> shippedCases(RuleSetSource source) {
        Map<String, String> cases = new TreeMap<>();
        java.util.regex.Pattern id = java.util.regex.Pattern.compile("@id\\(\"([A-Z]{3}-\\d{3})\"\\)");
        source.drlFiles().forEach((path, text) -> {
            String folder = path.substring(0, path.lastIndexOf('/') + 1);
            java.util.regex.Matcher m = id.matcher(text);
            while (m.find()) {
                String file = folder + m.group(1) + ".cases.yaml";
                try (var in = RuleSetRegistry.class.getClassLoader().getResourceAsStream(file)) {
                    if (in != null) {
                        cases.put(file, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        return cases;
    }

    /** The content checksum of a version: its rules and parameters (the rule set checksum) and its case files. */
    static String contentChecksum(RuleSetSource source, Map<String, String> cases) {
        StringBuilder s = new StringBuilder(source.checksum());
        cases.forEach((path, text) -> s.append('\0').append(path).append('\0').append(text));
        return org.slatecheck.records.CheckRecords.sha256(s.toString());
    }

    private long insert(String term, String version, String status, String author, Long basedOn,
            RuleSetSource source, Map<String, String> cases) {
        Long id = jdbc.queryForObject("insert into rule_set_version (term, version, status, author, created_at, "
                + "checksum, based_on) values (?,?,?,?,?,?,?) returning id", Long.class, term, version, status,
                author, Timestamp.from(Instant.now()), contentChecksum(source, cases), basedOn);
        cases.forEach((path, text) -> jdbc.update("insert into rule_set_file (version_id, path, kind, content) "
                + "values (?,?,'CASES',?)", id, path, text));
        source.drlFiles().forEach((path, text) -> jdbc.update("insert into rule_set_file (version_id, path, kind, "
                + "content) values (?,?,'DRL',?)", id, path, text));
        jdbc.update("insert into rule_set_file (version_id, path, kind, content) values (?,?,'PARAMETERS',?)", id,
                PARAMETERS_PATH, source.parameters());
        return id;
    }

    // ---- reading --------------------------------------------------------------------------------------------------

    public List<Version> versions() {
        return jdbc.query("select * from rule_set_version order by term desc, id desc", (rs, i) -> version(rs));
    }

    public Optional<Version> get(long id) {
        return jdbc.query("select * from rule_set_version where id = ?", (rs, i) -> version(rs), id).stream()
                .findFirst();
    }

    public Optional<Version> byVersion(String version) {
        return jdbc.query("select * from rule_set_version where version = ?", (rs, i) -> version(rs), version)
                .stream().findFirst();
    }

    private static Version version(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.sql.Date effective = rs.getDate("effective_date");
        long basedOn = rs.getLong("based_on");
        Long base = rs.wasNull() ? null : basedOn;
        return new Version(rs.getLong("id"), rs.getString("term"), rs.getString("version"), rs.getString("status"),
                rs.getString("author"), rs.getString("approved_by"), rs.getString("activated_by"),
                rs.getString("checksum"), base, effective == null ? null : effective.toLocalDate());
    }

    public RuleSetSource source(long id) {
        Version v = get(id).orElseThrow(() -> new IllegalArgumentException("no rule set version " + id));
        Map<String, String> drl = new TreeMap<>();
        String[] parameters = {null};
        jdbc.query("select path, kind, content from rule_set_file where version_id = ?", rs -> {
            if (rs.getString(2).equals("PARAMETERS")) {
                parameters[0] = rs.getString(3);
            } else if (rs.getString(2).equals("DRL")) {
                drl.put(rs.getString(1), rs.getString(3));
            }
        }, id);
        return new RuleSetSource(v.term(), drl, parameters[0]);
    }

    /** Keeps an edit's whole before and after content (in the edit's transaction: both land, or neither). */
    private void recordChange(long id, String actor, String path, String kind, String before, String after) {
        jdbc.update("insert into rule_set_change (version_id, at, actor, path, kind, before_content, after_content) "
                + "values (?,?,?,?,?,?,?)", id, Timestamp.from(Instant.now()), actor, path, kind, before, after);
    }

    /** The edits of version {@code id}, oldest first, each with the whole content before and after. */
    public List<Change> changes(long id) {
        return jdbc.query("select * from rule_set_change where version_id = ? order by id", (rs, i) -> new Change(
                rs.getLong("id"), rs.getTimestamp("at").toInstant().atOffset(java.time.ZoneOffset.UTC),
                rs.getString("actor"), rs.getString("path"),
                rs.getString("kind"), rs.getString("before_content"), rs.getString("after_content")), id);
    }

    /** The checksum of the content stored for version {@code id} now, computed again from its files. */
    public String storedChecksum(long id) {
        return contentChecksum(source(id), cases(id));
    }

    /** One stored file of a version: its path, its kind (as stored: DRL, PARAMETERS, CASES, …) and content. */
    public record StoredFile(String path, String kind, String content) {
    }

    /** Every file of version {@code id}, whatever its kind, by path. */
    public Map<String, StoredFile> files(long id) {
        Map<String, StoredFile> files = new TreeMap<>();
        jdbc.query("select path, kind, content from rule_set_file where version_id = ?", rs -> {
            files.put(rs.getString(1), new StoredFile(rs.getString(1), rs.getString(2), rs.getString(3)));
        }, id);
        return files;
    }

    /** The rule case files of a version: path → YAML text. */
    public Map<String, String> cases(long id) {
        Map<String, String> cases = new TreeMap<>();
        jdbc.query("select path, content from rule_set_file where version_id = ? and kind = 'CASES'",
                rs -> {
                    cases.put(rs.getString(1), rs.getString(2));
                }, id);
        return cases;
    }

    /** The compiled rule set of a version (compiled once; DRL shared between versions compiles once). */
    public RuleSet compiled(long id) {
        return compiled.computeIfAbsent(id, k -> RuleSet.compile(source(k)));
    }

    /** The active version of every term, as of now: what a check that starts now uses from start to end. */
    public Function<String, RuleSet> snapshot() {
        Map<String, Long> now = active;
        return term -> {
            Long id = now.get(term);
            return id == null ? null : compiled(id);
        };
    }

    /**
     * The parameters of {@code term} in a snapshot without waiting for its rules to compile (the intake needs them
     * to read congress rows while the rules may still be compiling).
     */
    public Parameters parameters(Function<String, RuleSet> snapshot, String term) {
        Long id = active.get(term);
        RuleSet ready = id == null ? null : compiled.get(id);
        if (ready != null || id == null) {
            RuleSet r = ready != null ? ready : snapshot.apply(term);
            return r == null ? null : r.getParameters();
        }
        return Parameters.parse(source(id).parameters(), term);
    }

    /** The version that a stored check used for {@code term}, by its version string. */
    public Optional<RuleSet> compiledByVersion(String version) {
        return byVersion(version).map(v -> compiled(v.id()));
    }

    /**
     * The rule sets a stored check (or batch) used, by term, from the versions its lists recorded — still available
     * after they were retired. Empty for a check that stored nothing yet.
     */
    public Map<String, RuleSet> usedBy(java.util.UUID checkId) {
        Map<String, RuleSet> used = new HashMap<>();
        for (Map<String, Object> row : jdbc.queryForList("select distinct term, rule_set_version from list_result "
                + "where check_id = ?", checkId)) {
            compiledByVersion((String) row.get("rule_set_version")).ifPresent(r -> used.put((String) row.get("term"), r));
        }
        return used;
    }

    /** The parameter rows of a version: name → [value, board_parameter, source], in file order. */
    public Map<String, List<String>> parameterRows(long id) {
        return parameterRows(source(id).parameters());
    }

    static Map<String, List<String>> parameterRows(String csv) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (CSVParser p = CSVParser.parse(new StringReader(csv),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord r : p) {
                rows.put(r.get("parameter"), List.of(r.get("value"), r.get("board_parameter"), r.get("source")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    // ---- drafting -------------------------------------------------------------------------------------------------

    /** A new DRAFT copied from version {@code baseId}, with the next free version number of its term. */
    @Transactional
    public long createDraft(long baseId, String author) {
        // A shared lock: the base's content cannot change (be edited) while it is copied.
        Version base = lock(baseId, "for share");
        RuleSetSource source = source(baseId);
        String version = nextVersion(base.term());
        Map<String, List<String>> rows = parameterRows(source.parameters());
        List<String> v = rows.get("ruleset.version");
        rows.put("ruleset.version", List.of(version, v.get(1), v.get(2)));
        RuleSetSource draft = new RuleSetSource(base.term(), source.drlFiles(), csv(rows));
        Map<String, String> cases = cases(baseId);
        long id = insert(base.term(), version, "DRAFT", author, baseId, draft, cases);
        audit.append(author, "DRAFT_CREATED", version, base.checksum(), contentChecksum(draft, cases),
                "from " + base.version());
        return id;
    }

    private String nextVersion(String term) {
        int max = 0;
        for (String v : jdbc.queryForList("select version from rule_set_version where term = ?", String.class, term)) {
            String tail = v.substring(v.lastIndexOf('.') + 1);
            if (tail.matches("\\d{1,6}")) {
                max = Math.max(max, Integer.parseInt(tail));
            }
        }
        return term + "." + (max + 1);
    }

    /**
     * Sets parameter values and their sources on a draft (only its author may). Every value needs a source; the
     * whole file must read (types, ranges, required parameters) and the rule set must compile, or nothing changes.
     */
    @Transactional
    public void saveParameters(long id, String actor, Map<String, String> values, Map<String, String> sources) {
        Version v = editable(id, actor);
        RuleSetSource before = source(id);
        Map<String, List<String>> rows = parameterRows(before.parameters());
        List<GovernanceException.Problem> problems = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : rows.entrySet()) {
            String name = e.getKey();
            if (name.equals("ruleset.version")) {
                continue;
            }
            String value = values.getOrDefault(name, e.getValue().get(0)).strip();
            String src = sources.getOrDefault(name, e.getValue().get(2)).strip();
            if (src.isEmpty()) {
                problems.add(GovernanceException.Problem.of("governance.source_missing", name));
            }
            if (!value.equals(e.getValue().get(0)) || !src.equals(e.getValue().get(2))) {
                changed.add(name);
            }
            e.setValue(List.of(value, e.getValue().get(1), src));
        }
        if (!problems.isEmpty()) {
            throw new GovernanceException(problems);
        }
        RuleSetSource after = new RuleSetSource(v.term(), before.drlFiles(), csv(rows));
        compileOrRefuse(after);
        jdbc.update("update rule_set_file set content = ? where version_id = ? and kind = 'PARAMETERS'",
                after.parameters(), id);
        recordChange(id, actor, PARAMETERS_PATH, "PARAMETERS", before.parameters(), after.parameters());
        String checksum = contentChecksum(after, cases(id));
        jdbc.update("update rule_set_version set checksum = ? where id = ?", checksum, id);
        evictCompiled(id);
        audit.append(actor, "PARAMETERS_CHANGED", v.version(), v.checksum(), checksum, String.join(", ", changed));
    }

    /**
     * Adds or replaces a rule case file of a draft (only its author may): the cases encode what the rules must
     * decide, so a changed threshold needs changed cases. The file must read as a case file. This is the only file a
     * user can upload: rules (DRL) are code and are never taken from a user, so any other path is refused.
     */
    @Transactional
    public void replaceCases(long id, String actor, String path, String text) {
        if (path == null || !path.endsWith(".cases.yaml")) {
            throw GovernanceException.of("governance.only_cases", path == null ? "" : path);
        }
        if (!path.matches(CASES_PATH)) {
            throw GovernanceException.of("governance.cases_path", path);
        }
        Version v = editable(id, actor);
        try {
            org.slatecheck.rules.cases.CaseFile.parse(path, text);
        } catch (IllegalArgumentException e) {
            throw GovernanceException.of("governance.cases_unreadable", e.getMessage());
        }
        recordChange(id, actor, path, "CASES", cases(id).get(path), text);
        jdbc.update("delete from rule_set_file where version_id = ? and path = ?", id, path);
        jdbc.update("insert into rule_set_file (version_id, path, kind, content) values (?,?,'CASES',?)", id, path,
                text);
        String checksum = contentChecksum(source(id), cases(id));
        jdbc.update("update rule_set_version set checksum = ? where id = ?", checksum, id);
        audit.append(actor, "CASES_CHANGED", v.version() + " " + path, v.checksum(), checksum, null);
    }

    private static void compileOrRefuse(RuleSetSource source) {
        try {
            RuleSet.compile(source);
        } catch (ParameterException e) {
            throw GovernanceException.of("governance.parameter_error", e.getMessage());
        } catch (RuleSetException e) {
            List<GovernanceException.Problem> problems = new ArrayList<>();
            for (String line : e.details()) {
                problems.add(GovernanceException.Problem.of("governance.compile_error", line));
            }
            throw new GovernanceException(problems.isEmpty()
                    ? List.of(GovernanceException.Problem.of("governance.compile_error", e.getMessage())) : problems);
        }
    }

    /**
     * Locks the row of version {@code id} until the transaction ends and reads it as it is now (after any
     * transaction that held the lock has committed). Every edit and the approval take this lock first and decide on
     * what it returns, so they run one after the other: nothing lands in a version after its approval, and an
     * approval sees the content of the last edit that committed.
     */
    private Version lock(long id, String mode) {
        return jdbc.query("select * from rule_set_version where id = ? " + mode, (rs, i) -> version(rs), id).stream()
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no rule set version " + id));
    }

    /** Forgets the compiled rule set of an edited draft now and again when the edit has committed. */
    private void evictCompiled(long id) {
        compiled.remove(id);
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            compiled.remove(id);
                        }
                    });
        }
    }

    /** The draft {@code id}, locked for this transaction; refused unless it is a DRAFT and {@code actor} its author. */
    private Version editable(long id, String actor) {
        Version v = lock(id, "for update");
        if (!v.status().equals("DRAFT")) {
            throw GovernanceException.of("governance.not_draft");
        }
        if (!v.author().equals(actor)) {
            throw GovernanceException.forbidden("governance.not_author");
        }
        return v;
    }

    static String csv(Map<String, List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            p.printRecord("parameter", "value", "board_parameter", "source");
            for (Map.Entry<String, List<String>> e : rows.entrySet()) {
                p.printRecord(e.getKey(), e.getValue().get(0), e.getValue().get(1), e.getValue().get(2));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    // ---- approval and activation --------------------------------------------------------------------------------

    /**
     * Approves a draft: four eyes (not its author), naming the content checksum the approver saw — refused as a
     * conflict when it is missing or not the draft's current checksum — and only after an impact analysis with every
     * rule case passing was run on exactly that content. The version row is locked first, so no edit can land
     * between the checks and the approval, or after it.
     */
    @Transactional
    public void approve(long id, String actor, String seenChecksum) {
        Version v = lock(id, "for update");
        if (!v.status().equals("DRAFT")) {
            throw GovernanceException.of("governance.not_draft");
        }
        if (v.author().equals(actor)) {
            throw GovernanceException.forbidden("governance.own_draft");
        }
        if (seenChecksum == null || seenChecksum.isBlank()) {
            throw GovernanceException.conflict("governance.checksum_missing");
        }
        if (!seenChecksum.strip().equalsIgnoreCase(v.checksum().strip())) {
            throw GovernanceException.conflict("governance.checksum_changed", abbreviate(seenChecksum.strip()),
                    abbreviate(v.checksum()));
        }
        List<Map<String, Object>> reports = jdbc.queryForList("select cases_failed from impact_report where "
                + "version_id = ? and version_checksum = ? order by id desc limit 1", id, v.checksum());
        if (reports.isEmpty()) {
            throw GovernanceException.of("governance.no_impact");
        }
        int failed = ((Number) reports.get(0).get("cases_failed")).intValue();
        if (failed > 0) {
            throw GovernanceException.of("governance.cases_failed", failed);
        }
        int approved = jdbc.update("update rule_set_version set status = 'APPROVED', approved_by = ?, "
                + "approved_at = now() where id = ? and status = 'DRAFT' and checksum = ?", actor, id, v.checksum());
        if (approved != 1) { // cannot happen while the row is locked; never approve other content than was seen
            throw GovernanceException.conflict("governance.checksum_changed", abbreviate(seenChecksum.strip()),
                    abbreviate(v.checksum()));
        }
        audit.append(actor, "RULESET_APPROVED", v.version(), v.checksum(), v.checksum(), null);
    }

    /** The first 16 characters of a checksum, as the pages show it (also of whatever a client sent). */
    private static String abbreviate(String checksum) {
        return checksum.length() > 16 ? checksum.substring(0, 16) : checksum;
    }

    /**
     * Makes an approved version (or an earlier, retired one: rollback) the active version of its term. It is compiled
     * before the swap, so no check ever waits for it; the previous active version is retired.
     */
    @Transactional
    public synchronized void activate(long id, String actor) {
        Version v = lock(id, "for update");
        if (!(v.status().equals("APPROVED") || (v.status().equals("RETIRED") && v.approvedBy() != null))) {
            throw GovernanceException.of("governance.not_approved");
        }
        compiled(id);
        List<Version> previous = jdbc.query("select * from rule_set_version where term = ? and status = 'ACTIVE'",
                (rs, i) -> version(rs), v.term());
        jdbc.update("update rule_set_version set status = 'RETIRED' where term = ? and status = 'ACTIVE'", v.term());
        jdbc.update("update rule_set_version set status = 'ACTIVE', activated_by = ?, activated_at = now(), "
                + "effective_date = current_date where id = ?", actor, id);
        audit.append(actor, "RULESET_ACTIVATED", v.version(),
                previous.isEmpty() ? null : previous.get(0).checksum(), v.checksum(),
                previous.isEmpty() ? null : "replaces " + previous.get(0).version());
        Map<String, Long> next = new HashMap<>(active);
        next.put(v.term(), id);
        // The swap happens when the transaction has committed, so a check never sees a version the database does not.
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        active = Map.copyOf(next);
                    }
                });
    }
}
