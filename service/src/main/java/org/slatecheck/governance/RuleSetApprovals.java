package org.slatecheck.governance;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who governs the national rule sets ({@link #governs}, {@link #requireGoverns}), and the two steps only a central
 * approver takes: approving a draft (four eyes, on the content seen, after a passing impact analysis) and activating
 * an approved or retired version (compiled first; the active map swapped when the transaction has committed).
 */
@Service
public class RuleSetApprovals {
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final RuleSetVersions versions;
    private final RuleSetCache cache;

    public RuleSetApprovals(JdbcTemplate jdbc, AuditLog audit, RuleSetVersions versions, RuleSetCache cache) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.versions = versions;
        this.cache = cache;
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
        String subject = versions.get(id).map(RuleSetVersions.Version::version).orElse(String.valueOf(id));
        audit.appendAlone(actor, "ACCESS_REFUSED", subject, null, null, "ruleset " + what);
        throw GovernanceException.forbidden(role.equals("APPROVER") ? "governance.central_approver"
                : "governance.central_board");
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
        versions.get(id).orElseThrow(() -> new IllegalArgumentException("no rule set version " + id));
        requireGoverns(actor, "APPROVER", id, "approve");
        RuleSetVersions.Version v = versions.lock(id, "for update");
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
                "author " + v.author() + " unit " + versions.unitOf(v.author()));
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
        versions.get(id).orElseThrow(() -> new IllegalArgumentException("no rule set version " + id));
        requireGoverns(actor, "APPROVER", id, "activate");
        RuleSetVersions.Version v = versions.lock(id, "for update");
        if (!(v.status().equals("APPROVED") || (v.status().equals("RETIRED") && v.approvedBy() != null))) {
            throw GovernanceException.of("governance.not_approved");
        }
        cache.compiled(id);
        List<RuleSetVersions.Version> previous = jdbc.query("select * from rule_set_version where term = ? and "
                + "status = 'ACTIVE'", (rs, i) -> RuleSetVersions.version(rs), v.term());
        jdbc.update("update rule_set_version set status = 'RETIRED' where term = ? and status = 'ACTIVE'", v.term());
        jdbc.update("update rule_set_version set status = 'ACTIVE', activated_by = ?, activated_at = now(), "
                + "effective_date = current_date where id = ?", actor, id);
        audit.append(actor, "RULESET_ACTIVATED", v.version(),
                previous.isEmpty() ? null : previous.get(0).checksum(), v.checksum(),
                previous.isEmpty() ? null : "replaces " + previous.get(0).version());
        // The swap happens when the transaction has committed, so a check never sees a version the database does not;
        // it changes this term alone in the map as it is then (another term's activation may have committed since).
        String term = v.term();
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        cache.activate(term, id);
                    }
                });
    }
}
