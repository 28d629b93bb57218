package org.slatecheck.governance;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The append-only audit log: who did what, when, with the rule set checksum before and after where one changed.
 * The application only inserts and reads; the database refuses UPDATE, DELETE and TRUNCATE on the table (a
 * trigger), so not even a bug here can rewrite history. Never holds personal data of nominees: subjects are ids.
 */
@Repository
public class AuditLog {
    private final JdbcTemplate jdbc;

    public AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void append(String actor, String action, String subject, String before, String after, String detail) {
        // The actor column holds 100 characters: a longer (e.g. attacker-chosen) name is cut, never a failed insert.
        actor = cut(actor == null ? "anonymous" : actor, 100);
        subject = subject == null ? null : cut(subject, 300);
        jdbc.update("insert into audit_log (at, actor, action, subject, before_checksum, after_checksum, detail) "
                + "values (?,?,?,?,?,?,?)", Timestamp.from(Instant.now()), actor,
                action, subject, before, after, detail);
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
        return jdbc.queryForList("select id, at, actor, action, subject, before_checksum, after_checksum, detail "
                + "from audit_log order by id desc limit ?", limit);
    }
}
