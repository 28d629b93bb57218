package org.slatecheck.governance;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The append-only audit log: who did what, when, with the rule set checksum before and after where one changed,
 * and the actor's organisation unit. The application only inserts and reads; the database refuses UPDATE, DELETE
 * and TRUNCATE on the table (a trigger), so not even a bug here can rewrite history. Never holds personal data of
 * nominees: subjects are record ids (check, batch, version, user, unit), never names, birth dates or nominee ids.
 */
@Repository
public class AuditLog {
    private final JdbcTemplate jdbc;
    /** For entries that must stay when the surrounding transaction rolls back (refusals). */
    private final org.springframework.transaction.support.TransactionTemplate alone;

    public AuditLog(JdbcTemplate jdbc, org.springframework.transaction.PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.alone = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.alone.setPropagationBehavior(org.springframework.transaction.TransactionDefinition
                .PROPAGATION_REQUIRES_NEW);
    }

    /**
     * As {@link #append}, committed on its own at once: the entry stays even when the transaction the caller runs in
     * rolls back (a refusal thrown from inside a transactional action).
     */
    public void appendAlone(String actor, String action, String subject, String before, String after,
            String detail) {
        alone.executeWithoutResult(s -> append(actor, action, subject, before, after, detail));
    }

    /** Appends an entry; the unit is the actor's unit at this moment (none for an unknown actor). */
    public void append(String actor, String action, String subject, String before, String after, String detail) {
        // The actor column holds 100 characters: a longer (e.g. attacker-chosen) name is cut, never a failed insert.
        String who = cut(actor == null ? "anonymous" : actor, 100);
        subject = subject == null ? null : cut(subject, 300);
        jdbc.update("insert into audit_log (at, actor, action, subject, before_checksum, after_checksum, detail, "
                + "unit_code) values (?,?,?,?,?,?,?,(select unit_code from app_user where username = ?))",
                Timestamp.from(Instant.now()), who, action, subject, before, after, detail, who);
    }

    /** {@code s} cut to at most {@code max} characters, never splitting a surrogate pair. */
    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    /** The newest entries first. */
    public List<Map<String, Object>> recent(int limit) {
        return search(new Filter(null, null, null, null, null, null), 0, limit).entries();
    }

    /**
     * What to look for: action and user exactly, unit with every unit below it, dates inclusive (UTC days);
     * {@code scope} is the reader's unit: only entries of their scope (entries without a unit count as the root's).
     */
    public record Filter(String action, String actor, String unit, LocalDate from, LocalDate to, String scope) {
    }

    /** One page of entries, newest first, with the number of all entries the filter matches. */
    public record Page(List<Map<String, Object>> entries, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    public Page search(Filter f, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (f.scope() != null) {
            where.append(" and coalesce(unit_code, '").append(OrgUnits.ROOT).append("') in ").append(OrgUnits.SUBTREE);
            args.add(f.scope());
        }
        if (f.action() != null && !f.action().isBlank()) {
            where.append(" and action = ?");
            args.add(f.action().strip());
        }
        if (f.actor() != null && !f.actor().isBlank()) {
            where.append(" and actor = ?");
            args.add(f.actor().strip());
        }
        if (f.unit() != null && !f.unit().isBlank()) {
            where.append(" and coalesce(unit_code, '").append(OrgUnits.ROOT).append("') in ").append(OrgUnits.SUBTREE);
            args.add(f.unit().strip());
        }
        if (f.from() != null) {
            where.append(" and at >= ?");
            args.add(Timestamp.from(f.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (f.to() != null) {
            where.append(" and at < ?");
            args.add(Timestamp.from(f.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        Long total = jdbc.queryForObject("select count(*) from audit_log" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<Map<String, Object>> entries = jdbc.queryForList("select id, at, actor, unit_code, action, subject, "
                + "before_checksum, after_checksum, detail from audit_log" + where
                + " order by id desc limit ? offset ?", pageArgs.toArray()).stream()
                .map(m -> (Map<String, Object>) new LinkedHashMap<>(m)).toList();
        return new Page(entries, total == null ? 0 : total, page, size);
    }
}
