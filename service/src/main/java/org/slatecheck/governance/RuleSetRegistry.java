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

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.slatecheck.rules.engine.RuleSet;
import org.slatecheck.rules.engine.RuleSetException;
import org.slatecheck.rules.engine.RuleSetSnapshot;
import org.slatecheck.rules.engine.RuleSetSource;
import org.slatecheck.rules.engine.RuleSets;
import org.slatecheck.rules.params.ParameterException;
import org.slatecheck.rules.params.Parameter;
import org.slatecheck.rules.params.ParameterDeclaration;
import org.slatecheck.rules.params.Parameters;
import org.slatecheck.rules.params.RuleSetParameters;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rule sets as versioned records: each version is its DRL files, parameter file and rule case files, a term, a status (DRAFT →
 * APPROVED → ACTIVE → RETIRED; a draft its author deletes stays as a DELETED row without content), author,
 * approver, activator and a content checksum. The shipped sets are seeded on
 * first start. Checks take a {@link #snapshot()} of the active versions when they start; activation swaps the map in
 * one write, so checks in flight finish on the version they started with and new ones use the new version.
 */
@Service
public class RuleSetRegistry {
    static final String PARAMETERS_PATH = "parameters.csv";
    /** Where a rule case file lives: {@code org/slatecheck/rules/<FAMILY>/<RULE-ID>/<RULE-ID>.cases.yaml}. */

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    /** The short transaction in which an edit, compiled beforehand, locks the version row and writes. */
    private final TransactionTemplate transactions;
    private final DraftLimits limits;
    /** Versions kept compiled besides the active ones (least recently used evicted first). */
    static final int RECENT = 4;

    /**
     * Compiled versions: the ACTIVE ones plus the {@value #RECENT} others used last. An evicted version is compiled
     * again when needed (to reproduce an old check, say); its KieBase and session pool are released when no cached
     * version shares them. A check in flight holds its RuleSet, so eviction never disturbs it.
     */
    private final Map<Long, RuleSet> compiled = new ConcurrentHashMap<>();
    /** Version id → tick of its last use, for the LRU of the non-active versions. */
    private final Map<Long, Long> lastUsed = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong ticks = new java.util.concurrent.atomic.AtomicLong();
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

    public RuleSetRegistry(JdbcTemplate jdbc, AuditLog audit, PlatformTransactionManager transactions,
            DraftLimits limits) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactions);
        this.limits = limits;
        // Several instances starting at once on an empty database (issue 22): one seeds, the others wait for it and
        // then find the versions it stored (the lock ends with the transaction).
        this.transactions.executeWithoutResult(status -> {
            jdbc.execute("select pg_advisory_xact_lock(" + SEED_LOCK + ")");
            seed();
        });
        reloadActive();
    }

    /** The PostgreSQL advisory lock key held while the shipped rule sets are seeded ("SLATE22" in ASCII digits). */
    static final long SEED_LOCK = 83_76_65_84_69_50_50L;

    /**
     * First start: the shipped rule sets become the ACTIVE versions of their terms. A later release that ships a
     * version the database does not hold proposes it as a DRAFT (author {@code release}) that goes through the same
     * impact analysis and four-eyes approval. Only when the active version of a term cannot run under this release
     * (stored in a format this release no longer reads) is the release's version activated at once, with an audit
     * row saying so — checks must keep working.
     */
    private void seed() {
        for (String term : RuleSets.terms()) {
            RuleSetSource source = RuleSetSource.shipped(term);
            String version = source.parameterSet().version();
            Integer n = jdbc.queryForObject("select count(*) from rule_set_version where term = ?", Integer.class,
                    term);
            if (n != null && n == 0) {
                long id = insert(term, version, "ACTIVE", "system", null, source);
                jdbc.update("update rule_set_version set activated_by = 'system', activated_at = now(), "
                        + "approved_by = 'system', approved_at = now(), effective_date = current_date where id = ?", id);
                audit.append("system", "RULESET_SEEDED", version, null, source.checksum(), "shipped rule set");
                continue;
            }
            if (byVersion(version).isPresent()) {
                continue;
            }
            Long activeId = jdbc.query("select id from rule_set_version where term = ? and status = 'ACTIVE'",
                    (rs, i) -> rs.getLong(1), term).stream().findFirst().orElse(null);
            boolean runs = activeId != null && runs(activeId);
            long id = insert(term, version, runs ? "DRAFT" : "ACTIVE", "release", activeId, source);
            if (runs) {
                audit.append("system", "RULESET_PROPOSED", version, null, source.checksum(),
                        "shipped with this release; needs impact analysis and approval");
            } else {
                jdbc.update("update rule_set_version set status = 'RETIRED' where term = ? and status = 'ACTIVE' "
                        + "and id <> ?", term, id);
                jdbc.update("update rule_set_version set activated_by = 'system', activated_at = now(), "
                        + "approved_by = 'system', approved_at = now(), effective_date = current_date where id = ?", id);
                audit.append("system", "RULESET_RELEASE_ACTIVATED", version, null, source.checksum(),
                        "the active version is stored in a format this release does not run");
            }
        }
    }

    private boolean runs(long id) {
        try {
            RuleSet.compile(releaseRulesOnly(id, source(id)));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Reads which version of each term is active from the database again (after a change made outside the registry:
     * an operator's repair, a test putting the shipped state back).
     */
    public void reloadActive() {
        Map<String, Long> map = new HashMap<>();
        jdbc.query("select term, id from rule_set_version where status = 'ACTIVE'",
                rs -> {
                    map.put(rs.getString(1), rs.getLong(2));
                });
        active = Map.copyOf(map);
    }

    /** The checksum of a version: of all its files, the same value its compiled {@link RuleSet} records. */
    static String contentChecksum(RuleSetSource source) {
        return source.checksum();
    }

    /** The kind a file is stored as, by its path. */
    static String kind(String path) {
        if (path.endsWith(".drl")) {
            return "DRL";
        }
        if (path.endsWith(".cases.yaml")) {
            return "CASES";
        }
        if (path.startsWith(RuleSetSource.GUIDED)) {
            return "GUIDED";
        }
        return switch (path) {
            case RuleSetSource.TERM -> "TERM";
            case RuleSetSource.PARAMETERS -> "PARAMETERS";
            case RuleSetSource.VALUES -> "VALUES";
            case RuleSetSource.CITATIONS -> "CITATIONS";
            case RuleSetSource.SWITCHES -> "SWITCHES";
            case RuleSetSource.DOCUMENTS -> "DOCUMENTS";
            case RuleSetSource.PROVINCES -> "PROVINCES";
            default -> throw new IllegalArgumentException("not a rule set file: " + path);
        };
    }

    private long insert(String term, String version, String status, String author, Long basedOn,
            RuleSetSource source) {
        Long id = jdbc.queryForObject("insert into rule_set_version (term, version, status, author, created_at, "
                + "checksum, based_on) values (?,?,?,?,?,?,?) returning id", Long.class, term, version, status,
                author, Timestamp.from(Instant.now()), contentChecksum(source), basedOn);
        source.files().forEach((path, text) -> jdbc.update("insert into rule_set_file (version_id, path, kind, "
                + "content) values (?,?,?,?)", id, path, kind(path), text));
        return id;
    }

    // ---- reading --------------------------------------------------------------------------------------------------

    /** Every version but the deleted drafts. */
    public List<Version> versions() {
        return jdbc.query("select * from rule_set_version where status <> 'DELETED' order by term desc, id desc",
                (rs, i) -> version(rs));
    }

    /** Version {@code id}; empty for an unknown id and for a deleted draft (its row stays; its content is gone). */
    public Optional<Version> get(long id) {
        return jdbc.query("select * from rule_set_version where id = ? and status <> 'DELETED'",
                (rs, i) -> version(rs), id).stream().findFirst();
    }

    /** The version named {@code version}, also a deleted draft's (its name is never given out again). */
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
        Map<String, String> files = new TreeMap<>();
        jdbc.query("select path, content from rule_set_file where version_id = ?", rs -> {
            files.put(rs.getString(1), rs.getString(2));
        }, id);
        return new RuleSetSource(v.term(), files);
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
        return source(id).checksum();
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
        lastUsed.put(id, ticks.incrementAndGet());
        RuleSet r = compiled.computeIfAbsent(id, k -> RuleSet.compile(releaseRulesOnly(k, source(k))));
        trim();
        return r;
    }

    /**
     * {@code source} when its rule files are this release's; otherwise refused: a version stored with other DRL (an
     * upload from before the upload was removed, or rules of another release) is never compiled by this one.
     */
    public static RuleSetSource releaseRulesOnly(long id, RuleSetSource source) {
        if (!source.hasReleaseRules()) {
            throw GovernanceException.of("governance.foreign_rules", id);
        }
        return source;
    }

    /** How many versions are compiled now (the active ones plus at most {@value #RECENT} others). */
    public int compiledCount() {
        return compiled.size();
    }

    /** Evicts the least recently used non-active versions beyond {@value #RECENT}. */
    private synchronized void trim() {
        Map<String, Long> now = active;
        List<Long> others = new ArrayList<>();
        for (Long id : compiled.keySet()) {
            if (!now.containsValue(id)) {
                others.add(id);
            }
        }
        if (others.size() <= RECENT) {
            return;
        }
        others.sort(java.util.Comparator.comparingLong(id -> lastUsed.getOrDefault(id, 0L)));
        for (Long id : others.subList(0, others.size() - RECENT)) {
            forget(id);
        }
    }

    /** Drops a compiled version; its KieBase goes too unless another cached version shares it. */
    private synchronized void forget(long id) {
        RuleSet evicted = compiled.remove(id);
        lastUsed.remove(id);
        if (evicted != null) {
            RuleSet.release(evicted, compiled.values());
        }
    }

    /**
     * The active version of every term, as of now: what a check that starts now uses from start to end. Versions and
     * checksums come without compiling; each term compiles on first use (once per version, shared by snapshots).
     */
    public RuleSetSnapshot snapshot() {
        Map<String, Long> now = active;
        List<RuleSetSnapshot.Entry> entries = new ArrayList<>();
        now.values().forEach(id -> entries.add(entry(id)));
        return RuleSetSnapshot.ofEntries(entries);
    }

    /** Version {@code id} as an entry of a snapshot (an impact analysis puts a draft in place of the active one). */
    public RuleSetSnapshot.Entry entry(long id) {
        RuleSet ready = compiled.get(id);
        if (ready != null) {
            return RuleSetSnapshot.Entry.of(ready, () -> source(id));
        }
        Version v = get(id).orElseThrow(() -> new IllegalArgumentException("no rule set version " + id));
        return RuleSetSnapshot.Entry.lazy(new RuleSetSnapshot.Version(v.term(), v.version(), v.checksum()),
                () -> source(id), () -> compiled(id));
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

    /**
     * The parameter rows of a version as the editing form shows them: name → [value, board_parameter, note, from,
     * label_vi, label_en, type, unit, document, article, clause] of the entry in force last (the latest), for every
     * parameter the term values, in declaration order. The source of a value is a document of the registry
     * (by id, empty when none: a board parameter's default) with its article and clause, and a note.
     */
    public Map<String, List<String>> parameterRows(long id) {
        return parameterRows(source(id).parameterSet());
    }

    static Map<String, List<String>> parameterRows(RuleSetParameters file) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        file.entries().forEach((name, entries) -> {
            ParameterDeclaration d = file.declarations().get(name);
            if (entries.isEmpty()) {
                return;
            }
            Parameter last = entries.get(entries.size() - 1);
            rows.put(name, List.of(last.value(), d.boardParameter() ? "yes" : "no", last.note(),
                    last.from() == null ? "" : last.from().toString(), d.labelVi(), d.labelEn(),
                    d.type().toString(), d.unit(), last.document(), last.article(), last.clause()));
        });
        return rows;
    }

    /**
     * The guided rules of a version as an approver reads them: id, severity, the rule as a sentence in
     * {@code language}, its citation, its data (YAML) and the DRL the fixed template generates from it (read-only).
     */
    public List<Map<String, String>> guidedView(long id, String language) {
        RuleSetSource source = source(id);
        RuleSetParameters parameters = source.parameterSet();
        org.slatecheck.rules.text.Messages m = org.slatecheck.rules.text.Messages.of(
                java.util.Locale.forLanguageTag(language));
        List<Map<String, String>> out = new ArrayList<>();
        source.guidedFiles().forEach((path, yaml) -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("path", path);
            row.put("yaml", yaml);
            try {
                org.slatecheck.rules.guided.GuidedRule r = org.slatecheck.rules.guided.GuidedRules.read(yaml, parameters);
                row.put("id", r.id());
                row.put("severity", r.severity().name());
                row.put("sentence", org.slatecheck.rules.explain.GuidedSentence.of(r, m));
                row.put("citation", r.citation());
                row.put("drl", org.slatecheck.rules.guided.GuidedRules.generate(r));
            } catch (org.slatecheck.rules.params.ParameterException e) {
                row.put("id", path);
                row.put("sentence", GovernanceException.Problem.data(e).text(m));
            }
            out.add(row);
        });
        return out;
    }

    // ---- who governs ----------------------------------------------------------------------------------------------

    /**
     * Whether {@code actor} governs the national rule sets in {@code role}: an enabled user of the central unit
     * ({@value OrgUnits#ROOT}) holding that role — BOARD (or APPROVER, which includes it) drafts, edits and analyses;
     * APPROVER approves and activates. Roles held at any other unit, and ADMIN, govern nothing here
     * (docs/decisions.md, "Who governs the national rule sets").
     */
    public boolean governs(String actor, String role) {
        if (actor == null || actor.length() > 100) {
            return false;
        }
        List<String> found = jdbc.queryForList("select roles from app_user where username = ? and enabled and "
                + "unit_code = ?", String.class, actor, OrgUnits.ROOT);
        if (found.isEmpty()) {
            return false;
        }
        List<String> roles = java.util.Arrays.stream(found.get(0).split(",")).map(String::strip).toList();
        return roles.contains(role) || (role.equals("BOARD") && roles.contains("APPROVER"));
    }

    /**
     * Refuses (403, written to the audit log even though the action's transaction rolls back) an actor who does not
     * govern the national rule sets in {@code role} ({@link #governs}); {@code what}: the action, for the log.
     */
    public void requireGoverns(String actor, String role, long id, String what) {
        if (governs(actor, role)) {
            return;
        }
        String subject = get(id).map(Version::version).orElse(String.valueOf(id));
        audit.appendAlone(actor, "ACCESS_REFUSED", subject, null, null, "ruleset " + what);
        throw GovernanceException.forbidden(role.equals("APPROVER") ? "governance.central_approver"
                : "governance.central_board");
    }

    // ---- drafting -------------------------------------------------------------------------------------------------

    /**
     * A new DRAFT copied from version {@code baseId}, with the next free version number of its term; refused when
     * {@code author} already has {@link DraftLimits#maxOpenDrafts()} open drafts of that term.
     */
    @Transactional
    public long createDraft(long baseId, String author) {
        get(baseId).orElseThrow(() -> new IllegalArgumentException("no rule set version " + baseId));
        requireGoverns(author, "BOARD", baseId, "draft");
        // A shared lock: the base's content cannot change (be edited) while it is copied.
        Version base = lock(baseId, "for share");
        // Drafts of a term are created one after the other: the count of open drafts and the next version number
        // are decided on what the drafts created before have committed.
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> {
        }, "rule_set_draft " + base.term());
        List<String> open = jdbc.queryForList("select version from rule_set_version where term = ? and author = ? "
                + "and status = 'DRAFT' order by id", String.class, base.term(), author);
        if (open.size() >= limits.maxOpenDrafts()) {
            throw GovernanceException.of("governance.too_many_drafts", open.size(), base.term(),
                    String.join(", ", open));
        }
        RuleSetSource source = source(baseId);
        String version = nextVersion(base.term());
        RuleSetSource draft = source.withValues(withEntry(source.parameterSet(), "ruleset.version", version,
                null, null, null, true));
        long id = insert(base.term(), version, "DRAFT", author, baseId, draft);
        audit.append(author, "DRAFT_CREATED", version, base.checksum(), contentChecksum(draft),
                "from " + base.version());
        return id;
    }

    /**
     * A NEW term as a DRAFT made from version {@code baseId} (the latest term, say): {@code term} ({@code 2030-2035},
     * no version of it yet), its congress season {@code from}–{@code to}, the base's levels that have not ended (a
     * level that ended in the base term does not come back), and the base's rules, citations and parameters — except
     * the default reference months, which are the new term's directive's to give and start unset (a congress must
     * give its month until the board sets them). Only a central board member may ({@link #requireGoverns}); it then
     * goes through the same editing, impact analysis, four eyes and activation as any draft, and once active the
     * intake, the form, the columns page and the templates know the term without a restart.
     */
    @Transactional
    public long createTerm(long baseId, String author, String term, LocalDate from, LocalDate to) {
        get(baseId).orElseThrow(() -> new IllegalArgumentException("no rule set version " + baseId));
        requireGoverns(author, "BOARD", baseId, "draft");
        Version base = lock(baseId, "for share");
        String id = term == null ? "" : term.strip();
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> {
        }, "rule_set_draft " + id);
        Integer n = jdbc.queryForObject("select count(*) from rule_set_version where term = ?", Integer.class, id);
        if (n != null && n > 0) {
            throw GovernanceException.of("governance.term_exists", id);
        }
        if (from == null || to == null) {
            throw GovernanceException.of("data.error.term_season_missing");
        }
        RuleSetSource source = source(baseId);
        org.slatecheck.rules.params.Term made;
        try {
            made = source.termData().next(id, from, to);
        } catch (ParameterException e) {
            throw new GovernanceException(List.of(GovernanceException.Problem.data(e)));
        }
        String version = id + ".1";
        // The release's declarations; the base term's values, the version row and the reference months renewed.
        RuleSetSource withDeclarations = source.with(RuleSetSource.PARAMETERS, RuleSetSource.shippedDeclarations());
        String parameters = withEntry(withDeclarations.parameterSet(), "ruleset.version", version, "",
                "phiên bản bộ quy tắc SlateCheck của nhiệm kỳ (tạo từ " + base.version() + ")", null, true);
        RuleSetSource valued = withDeclarations.withValues(parameters);
        for (String name : valued.parameterSet().entries().keySet()) {
            if (name.startsWith("reference_month.")) {
                parameters = withEntry(valued.withValues(parameters).parameterSet(), name, "", "",
                        "Chưa quy định cho nhiệm kỳ " + id + ": ban tổ chức nhập theo văn bản của nhiệm kỳ", null,
                        true);
            }
        }
        Map<String, String> files = new TreeMap<>(withDeclarations.files());
        files.put(RuleSetSource.TERM, made.text());
        files.put(RuleSetSource.VALUES, parameters);
        RuleSetSource draft = new RuleSetSource(id, files);
        try {
            draft.termData();
            draft.parameterSet();
        } catch (ParameterException e) {
            throw new GovernanceException(List.of(GovernanceException.Problem.data(e)));
        }
        long newId = insert(id, version, "DRAFT", author, baseId, draft);
        audit.append(author, "TERM_CREATED", version, base.checksum(), contentChecksum(draft),
                "from " + base.version() + ", season " + from + " to " + to);
        return newId;
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
     * The values file text with one value of {@code name} set: the value in force from {@code from} (null: the
     * undated one) gets {@code value}, its source document {@code document} (null: keep the one it had, with its
     * article and clause; another document drops them) and {@code note} (null: keep), or is added when there is
     * none from that date. {@code replaceAll} replaces every value of the parameter by that one.
     */
    static String withEntry(RuleSetParameters file, String name, String value, String document, String note,
            LocalDate from, boolean replaceAll) {
        return withEntry(file, name, value, document, null, null, note, from, replaceAll);
    }

    /** As above; {@code article} and {@code clause} null: kept with the document (dropped with another one). */
    static String withEntry(RuleSetParameters file, String name, String value, String document, String article,
            String clause, String note, LocalDate from, boolean replaceAll) {
        Map<String, List<Parameter>> entries = new LinkedHashMap<>();
        file.entries().forEach((k, v) -> entries.put(k, new ArrayList<>(v)));
        if (!file.declarations().containsKey(name)) {
            throw GovernanceException.of("data.error.unknown", name);
        }
        List<Parameter> list = entries.computeIfAbsent(name, k -> new ArrayList<>());
        Parameter old = list.stream().filter(p -> java.util.Objects.equals(p.from(), from)).findFirst()
                .orElse(list.isEmpty() ? new Parameter(name, null, "", null, "", "", "", "") : list.get(list.size() - 1));
        boolean sameDocument = document == null || document.equals(old.document());
        Parameter entry = new Parameter(name, replaceAll ? null : from, value, null,
                sameDocument ? old.document() : document,
                article != null ? article : sameDocument ? old.article() : "",
                clause != null ? clause : sameDocument ? old.clause() : "", note != null ? note : old.note());
        if (replaceAll) {
            list.clear();
            list.add(entry);
        } else {
            list.removeIf(p -> java.util.Objects.equals(p.from(), from));
            list.add(entry);
            list.sort((a, b) -> a.from() == null ? -1 : b.from() == null ? 1 : a.from().compareTo(b.from()));
        }
        return RuleSetParameters.write(file.declarations(), entries);
    }

    /** The document registry of a version: id → how a citation names it in {@code language}, in registry order. */
    public Map<String, String> documentChoices(long id, String language) {
        Map<String, String> out = new LinkedHashMap<>();
        org.slatecheck.rules.params.Documents documents = org.slatecheck.rules.params.Documents.parse(
                source(id).documents(), RuleSetSource.DOCUMENTS);
        documents.all().forEach(d -> out.put(d.id(), d.reference(language)));
        return out;
    }

    /**
     * Sets parameter values, their notes and optionally the date from which they are in force, on a draft (only
     * its author may); the source documents stay. See the full form below.
     */
    public void saveParameters(long id, String actor, Map<String, String> values, Map<String, String> notes) {
        saveParameters(id, actor, values, notes, Map.of(), Map.of());
    }

    public void saveParameters(long id, String actor, Map<String, String> values, Map<String, String> notes,
            Map<String, String> fromDates) {
        saveParameters(id, actor, values, notes, fromDates, Map.of());
    }

    /**
     * Sets parameter values, their sources — the document of the registry ({@code documents}, by id; empty: no
     * document, e.g. a board parameter's default) and a note ({@code notes}) — and optionally the date from which
     * they are in force, on a draft (only its author may). Every value needs a document or a note saying where it
     * comes from; the values file must read (types, ranges), name only documents of the registry, and the rule set
     * must compile with it, or nothing changes. A date other than those the parameter has adds a dated value.
     * Parameters not named keep what they had.
     */
    public void saveParameters(long id, String actor, Map<String, String> values, Map<String, String> notes,
            Map<String, String> fromDates, Map<String, String> documents) {
        saveParameters(id, actor, values, notes, fromDates, documents, Map.of(), Map.of());
    }

    /** As above, with the article and clause of each value's source document (the board's parameter table). */
    public void saveParameters(long id, String actor, Map<String, String> values, Map<String, String> notes,
            Map<String, String> fromDates, Map<String, String> documents, Map<String, String> articles,
            Map<String, String> clauses) {
        editable(read(id), actor);
        edit(id, actor, before -> parametersEdit(before, values, notes, fromDates, documents, articles, clauses));
    }

    private Edit parametersEdit(RuleSetSource before, Map<String, String> values, Map<String, String> sources,
            Map<String, String> fromDates, Map<String, String> documents, Map<String, String> articles,
            Map<String, String> clauses) {
        if (before.values() == null) {
            // A version stored before the declarations moved out of the terms: its values move to the new files.
            before = before.with(RuleSetSource.PARAMETERS, RuleSetSource.shippedDeclarations())
                    .withValues(before.parameterSet().text());
        }
        Map<String, List<String>> rows = parameterRows(before.parameterSet());
        List<GovernanceException.Problem> problems = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        RuleSetSource current = before;
        for (Map.Entry<String, List<String>> e : rows.entrySet()) {
            String name = e.getKey();
            if (name.equals("ruleset.version") || !(values.containsKey(name) || sources.containsKey(name)
                    || fromDates.containsKey(name) || documents.containsKey(name) || articles.containsKey(name)
                    || clauses.containsKey(name))) {
                continue;
            }
            String value = values.getOrDefault(name, e.getValue().get(0)).strip();
            String src = sources.getOrDefault(name, e.getValue().get(2)).strip();
            String document = documents.getOrDefault(name, e.getValue().get(8)).strip();
            String fromText = fromDates.getOrDefault(name, e.getValue().get(3)).strip();
            LocalDate from = null;
            if (!fromText.isEmpty()) {
                try {
                    from = LocalDate.parse(fromText);
                } catch (java.time.format.DateTimeParseException ex) {
                    problems.add(GovernanceException.Problem.of("data.error.not_date", fromText).on(name));
                    continue;
                }
            }
            if (src.isEmpty() && document.isEmpty()) {
                problems.add(GovernanceException.Problem.of("governance.source_missing", name));
                continue;
            }
            String article = articles.containsKey(name) ? articles.get(name).strip() : null;
            String clause = clauses.containsKey(name) ? clauses.get(name).strip() : null;
            if (value.equals(e.getValue().get(0)) && src.equals(e.getValue().get(2))
                    && fromText.equals(e.getValue().get(3)) && document.equals(e.getValue().get(8))
                    && (article == null || article.equals(e.getValue().get(9)))
                    && (clause == null || clause.equals(e.getValue().get(10)))) {
                continue;
            }
            if (!document.isEmpty() && org.slatecheck.rules.params.Documents.parse(current.documents(),
                    RuleSetSource.DOCUMENTS).get(document) == null) {
                problems.add(GovernanceException.Problem.of("data.error.document_unknown", document).on(name));
                continue;
            }
            try {
                current = current.withValues(withEntry(current.parameterSet(), name, value, document, article, clause,
                        src, from, false));
                changed.add(name);
            } catch (org.slatecheck.rules.params.ParameterException ex) {
                problems.add(GovernanceException.Problem.data(ex).on(name));
            }
        }
        if (!problems.isEmpty()) {
            throw new GovernanceException(problems);
        }
        return new Edit(current, "PARAMETERS_CHANGED", String.join(", ", changed));
    }

    /**
     * The data files a board may replace as a whole (citations, switches, the arrangement of provinces, guided rules,
     * rule cases); rules (DRL) are never among them, nor the parameter files: the
     * values ({@code values.csv}) change only through the parameters form ({@link #saveParameters}), its declarations (types, bounds,
     * labels, the version row) only with a release.
     */
    static boolean isBoardFile(String path) {
        return path.equals(RuleSetSource.CITATIONS) || path.equals(RuleSetSource.SWITCHES)
                || path.equals(RuleSetSource.DOCUMENTS)
                || path.equals(RuleSetSource.PROVINCES)
                || path.equals(RuleSetSource.TERM)
                || path.matches("guided/[A-Z]{3}-9\\d{2}\\.yaml")
                || path.matches("guided/[A-Z]{3}-9\\d{2}\\.cases\\.yaml")
                || path.matches("org/slatecheck/rules/([A-Z]{3})/(\\1-\\d{3})/\\2\\.cases\\.yaml")
                // a case file at its place before one folder per rule (issue 18 item 4), in an older version
                || path.matches("org/slatecheck/rules/[A-Z]{3}/[A-Z]{3}-\\d{3}\\.cases\\.yaml");
    }

    /** Longest data file a board may store. */
    static final int MAX_FILE = 512 * 1024;

    /**
     * Adds, replaces or (with null text) removes one data file of a draft (only its author may): citations, the
     * document registry, switches, a guided rule or a rule case file — never a rule (DRL), never the parameter files (refused, naming the
     * parameters form). The file is read by its strict reader and the rule set must compile with it, or nothing
     * changes.
     */
    public void replaceFile(long id, String actor, String path, String text) {
        editable(read(id), actor);
        if (RuleSetSource.PARAMETERS.equals(path) || RuleSetSource.VALUES.equals(path)) {
            throw GovernanceException.of("governance.parameters_by_form");
        }
        if (path == null || !isBoardFile(path)) {
            throw GovernanceException.of("governance.file_unknown", String.valueOf(path));
        }
        if (text != null && text.length() > MAX_FILE) {
            throw GovernanceException.of("data.error.too_long", MAX_FILE);
        }
        if (text == null && (path.equals(RuleSetSource.CITATIONS) || path.equals(RuleSetSource.DOCUMENTS)
                || path.equals(RuleSetSource.TERM))) {
            throw GovernanceException.of("governance.file_unknown", path);
        }
        if (text != null && path.endsWith(".cases.yaml")) {
            try {
                org.slatecheck.rules.cases.CaseFile.parse(path, text);
            } catch (IllegalArgumentException e) {
                throw GovernanceException.of("governance.cases_unreadable", e.getMessage());
            }
        }
        String action = text == null ? "FILE_REMOVED" : path.endsWith(".cases.yaml") ? "CASES_CHANGED"
                : "DATA_CHANGED";
        edit(id, actor, before -> {
            RuleSetSource after = before.with(path, text);
            if (path.equals(RuleSetSource.TERM) || path.equals(RuleSetSource.DOCUMENTS)) {
                directivesInRegistry(after);
            }
            return new Edit(after, action, path);
        });
    }

    /**
     * Refuses a term file whose directives ({@code directive} rows) name a document the version's registry does not
     * hold — after a new term file, or a registry that lost one.
     */
    static void directivesInRegistry(RuleSetSource source) {
        if (source.term() == null) {
            return;
        }
        try {
            org.slatecheck.rules.params.Documents documents = org.slatecheck.rules.params.Documents.parse(
                    source.documents(), RuleSetSource.DOCUMENTS);
            for (String d : source.termData().directives()) {
                if (documents.get(d) == null) {
                    throw GovernanceException.of("data.error.document_unknown", d);
                }
            }
        } catch (ParameterException e) {
            throw new GovernanceException(List.of(GovernanceException.Problem.data(e)));
        }
    }

    /** An edit of a draft: its whole content after the edit, the audit action and detail. */
    private record Edit(RuleSetSource after, String action, String detail) {
    }

    /**
     * Edits draft {@code id} without holding a database connection or its row lock while it compiles (a compile
     * takes seconds; issue 17): reads the version and its content, makes the content after the edit, compiles it —
     * as one of the compiles {@link DraftLimits} allows at once, else refused as busy — and only then, in a short
     * transaction, locks the row, checks again that it is a draft of {@code actor} and that its checksum is still the
     * one the edit started from (else refused as a conflict: the draft changed meanwhile), and writes.
     */
    private void edit(long id, String actor, java.util.function.Function<RuleSetSource, Edit> change) {
        limits.compiling(actor, () -> {
            Version started = editable(read(id), actor);
            RuleSetSource before = source(id);
            Edit edit = change.apply(before);
            compileOrRefuse(edit.after());
            transactions.executeWithoutResult(tx -> {
                Version v = editable(lock(id, "for update"), actor);
                if (!v.checksum().equals(started.checksum())) {
                    throw GovernanceException.conflict("governance.draft_changed");
                }
                store(v, actor, before, edit.after(), edit.action(), edit.detail());
            });
            return null;
        });
    }

    /** Writes every changed file and the new checksum, and audits the change (in the edit's short transaction). */
    private void store(Version v, String actor, RuleSetSource before, RuleSetSource after, String action,
            String detail) {
        java.util.TreeSet<String> paths = new java.util.TreeSet<>(before.files().keySet());
        paths.addAll(after.files().keySet());
        for (String path : paths) {
            String old = before.files().get(path);
            String now = after.files().get(path);
            if (java.util.Objects.equals(old, now)) {
                continue;
            }
            jdbc.update("delete from rule_set_file where version_id = ? and path = ?", v.id(), path);
            if (now != null) {
                jdbc.update("insert into rule_set_file (version_id, path, kind, content) values (?,?,?,?)", v.id(),
                        path, kind(path), now);
            }
            recordChange(v.id(), actor, path, kind(path), old, now);
        }
        String checksum = contentChecksum(after);
        jdbc.update("update rule_set_version set checksum = ? where id = ?", checksum, v.id());
        evictCompiled(v.id());
        audit.append(actor, action, v.version(), v.checksum(), checksum, detail);
    }

    /** Adds or replaces a rule case file of a draft (the same as {@link #replaceFile} for a case file). */
    public void replaceCases(long id, String actor, String path, String text) {
        if (path == null || !path.endsWith(".cases.yaml")) {
            throw GovernanceException.of("governance.only_cases", path == null ? "" : path);
        }
        replaceFile(id, actor, path, text);
    }

    /**
     * Replaces several rule case files of a draft in one edit (one compile, one new checksum): the new expected
     * outcomes a board accepts in one step ({@code impact/CaseAcceptance}). {@code seenChecksum}: the content the board saw
     * the changes for; refused as a conflict when the draft holds other content now.
     */
    public void replaceCases(long id, String actor, Map<String, String> files, String seenChecksum) {
        editable(read(id), actor);
        for (Map.Entry<String, String> f : files.entrySet()) {
            if (f.getKey() == null || !f.getKey().endsWith(".cases.yaml") || !isBoardFile(f.getKey())) {
                throw GovernanceException.of("governance.only_cases", String.valueOf(f.getKey()));
            }
            if (f.getValue() == null || f.getValue().length() > MAX_FILE) {
                throw GovernanceException.of("data.error.too_long", MAX_FILE);
            }
            try {
                org.slatecheck.rules.cases.CaseFile.parse(f.getKey(), f.getValue());
            } catch (IllegalArgumentException e) {
                throw GovernanceException.of("governance.cases_unreadable", e.getMessage());
            }
        }
        edit(id, actor, before -> {
            if (seenChecksum == null || !before.checksum().equals(seenChecksum)) {
                throw GovernanceException.conflict("governance.draft_changed");
            }
            RuleSetSource after = before;
            for (Map.Entry<String, String> f : files.entrySet()) {
                after = after.with(f.getKey(), f.getValue());
            }
            return new Edit(after, "CASES_CHANGED", String.join(", ", new java.util.TreeSet<>(files.keySet())));
        });
    }

    /** Runs just before a draft's content is compiled; tests slow or hold a compile with it. */
    static volatile java.util.function.Consumer<RuleSetSource> beforeCompile = s -> {
    };

    private void compileOrRefuse(RuleSetSource source) {
        if (!source.hasReleaseRules()) {
            throw GovernanceException.of("governance.foreign_rules", source.id());
        }
        beforeCompile.accept(source);
        try {
            RuleSet.release(RuleSet.compile(source), compiled.values());
        } catch (org.slatecheck.rules.params.ParameterException e) {
            throw new GovernanceException(List.of(GovernanceException.Problem.data(e)));
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
        return jdbc.query("select * from rule_set_version where id = ? and status <> 'DELETED' " + mode,
                (rs, i) -> version(rs), id).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule set version " + id));
    }

    /** Version {@code id} as it is now, without a lock; IllegalArgumentException (404) when unknown or deleted. */
    private Version read(long id) {
        return get(id).orElseThrow(() -> new IllegalArgumentException("no rule set version " + id));
    }

    /** Forgets the compiled rule set of an edited draft now and again when the edit has committed. */
    private void evictCompiled(long id) {
        forget(id);
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            forget(id);
                        }
                    });
        }
    }

    /** {@code v}, refused unless {@code actor} is a central board member, it is a DRAFT and {@code actor} its author. */
    private Version editable(Version v, String actor) {
        requireGoverns(actor, "BOARD", v.id(), "edit");
        if (!v.status().equals("DRAFT")) {
            throw GovernanceException.of("governance.not_draft");
        }
        if (!v.author().equals(actor)) {
            throw GovernanceException.forbidden("governance.not_author");
        }
        return v;
    }

    /**
     * Deletes a draft: only its author, only while it is a DRAFT, and not while another version is based on it. Its
     * files and impact reports go; its row stays as a tombstone with status DELETED (so its version number is never
     * given out again and the audit rows that name it stay unambiguous), as do the rows of its change history
     * (append-only). It no longer appears anywhere and counts no more towards the author's open drafts. Audited.
     */
    @Transactional
    public Version deleteDraft(long id, String actor) {
        Version v = lock(id, "for update");
        if (!v.status().equals("DRAFT")) {
            throw GovernanceException.of("governance.not_draft");
        }
        if (!v.author().equals(actor)) {
            throw GovernanceException.forbidden("governance.delete_not_author");
        }
        List<String> dependents = jdbc.queryForList("select version from rule_set_version where based_on = ? and "
                + "status <> 'DELETED' order by id", String.class, id);
        if (!dependents.isEmpty()) {
            throw GovernanceException.of("governance.draft_is_base", String.join(", ", dependents));
        }
        jdbc.update("delete from impact_report where version_id = ?", id);
        jdbc.update("delete from rule_set_file where version_id = ?", id);
        jdbc.update("update rule_set_version set status = 'DELETED' where id = ?", id);
        evictCompiled(id);
        audit.append(actor, "DRAFT_DELETED", v.version(), v.checksum(), null, null);
        return v;
    }

    // ---- approval and activation --------------------------------------------------------------------------------

    /**
     * Approves a draft: by a central approver ({@link #governs}), four eyes (not its author), naming the content checksum the approver saw — refused as a
     * conflict when it is missing or not the draft's current checksum — and only after an impact analysis with every
     * rule case passing was run on exactly that content. The version row is locked first, so no edit can land
     * between the checks and the approval, or after it.
     */
    @Transactional
    public void approve(long id, String actor, String seenChecksum) {
        get(id).orElseThrow(() -> new IllegalArgumentException("no rule set version " + id));
        requireGoverns(actor, "APPROVER", id, "approve");
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
        audit.append(actor, "RULESET_APPROVED", v.version(), v.checksum(), v.checksum(),
                "author " + v.author() + " unit " + unitOf(v.author()));
    }

    /** The unit of a user (author, approver) as stored; {@value OrgUnits#ROOT} for the system's own names. */
    public String unitOf(String username) {
        return jdbc.queryForList("select unit_code from app_user where username = ?", String.class, username).stream()
                .findFirst().orElse(OrgUnits.ROOT);
    }

    /** The first 16 characters of a checksum, as the pages show it (also of whatever a client sent). */
    private static String abbreviate(String checksum) {
        return checksum.length() > 16 ? checksum.substring(0, 16) : checksum;
    }

    /**
     * Makes an approved version (or an earlier, retired one: rollback) the active version of its term; only a central
     * approver may ({@link #governs}). It is compiled
     * before the swap, so no check ever waits for it; the previous active version is retired.
     */
    @Transactional
    public synchronized void activate(long id, String actor) {
        get(id).orElseThrow(() -> new IllegalArgumentException("no rule set version " + id));
        requireGoverns(actor, "APPROVER", id, "activate");
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
