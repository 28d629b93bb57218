package org.slatecheck.governance;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.slatecheck.rules.engine.RuleSet;
import org.slatecheck.rules.engine.RuleSetSource;
import org.slatecheck.rules.engine.RuleSets;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The version store: rule sets as versioned records. Each version is its DRL files, parameter files and rule case
 * files, a term, a status (DRAFT → APPROVED → ACTIVE → RETIRED; a draft its author deletes stays as a DELETED row
 * without content), author, approver, activator and a content checksum, plus the history of its edits. The shipped
 * sets are seeded on first start. It reads and writes rows only: compiling is {@link RuleSetCache}'s, changing a
 * draft {@link RuleSetDrafts}', approving and activating {@link RuleSetApprovals}'.
 */
@Service
public class RuleSetVersions {
    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    /** One edit of a draft: which file, by whom, when, and its whole content before (null: added) and after. */
    public record Change(long id, java.time.OffsetDateTime at, String actor, String path, String kind, String before,
            String after) {
    }

    /** A version's record. */
    public record Version(long id, String term, String version, String status, String author, String approvedBy,
            String activatedBy, String checksum, Long basedOn, LocalDate effectiveDate) {
    }

    public RuleSetVersions(JdbcTemplate jdbc, AuditLog audit, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.audit = audit;
        // Several instances starting at once on an empty database (issue 22): one seeds, the others wait for it and
        // then find the versions it stored (the lock ends with the transaction).
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.execute("select pg_advisory_xact_lock(" + SEED_LOCK + ")");
            seed();
        });
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

    long insert(String term, String version, String status, String author, Long basedOn,
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

    static Version version(java.sql.ResultSet rs) throws java.sql.SQLException {
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
    void recordChange(long id, String actor, String path, String kind, String before, String after) {
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

    /** The unit of a user (author, approver) as stored; {@value OrgUnits#ROOT} for the system's own names. */
    public String unitOf(String username) {
        return jdbc.queryForList("select unit_code from app_user where username = ?", String.class, username).stream()
                .findFirst().orElse(OrgUnits.ROOT);
    }

    /**
     * Locks the row of version {@code id} until the transaction ends and reads it as it is now (after any
     * transaction that held the lock has committed). Every edit and the approval take this lock first and decide on
     * what it returns, so they run one after the other: nothing lands in a version after its approval, and an
     * approval sees the content of the last edit that committed.
     */
    Version lock(long id, String mode) {
        return jdbc.query("select * from rule_set_version where id = ? and status <> 'DELETED' " + mode,
                (rs, i) -> version(rs), id).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule set version " + id));
    }

    /** Version {@code id} as it is now, without a lock; IllegalArgumentException (404) when unknown or deleted. */
    Version read(long id) {
        return get(id).orElseThrow(() -> new IllegalArgumentException("no rule set version " + id));
    }
}
