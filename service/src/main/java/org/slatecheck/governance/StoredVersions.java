package org.slatecheck.governance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slatecheck.rules.engine.RuleSetSnapshot;
import org.slatecheck.rules.engine.RuleSetSource;

/**
 * The active rule set versions read from the database with plain JDBC, for the command line, which starts no Spring:
 * the same tables ({@code rule_set_version}, {@code rule_set_file}) and the same content as
 * {@link RuleSetVersions#source(long)}, read once, so {@code check} uses exactly what the web application would.
 */
public final class StoredVersions {
    private StoredVersions() {
    }

    /** The active versions of the database at {@code url}; each compiles on first use. */
    public static RuleSetSnapshot active(String url, String user, String password) throws SQLException {
        try {
            // Registers the driver also where the service loader does not see it (a nested jar's class loader).
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException e) {
            // another driver for another URL: DriverManager finds it
        }
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setReadOnly(true);
            return active(c);
        }
    }

    /** The active versions, read in one transaction so that a concurrent activation is seen whole or not at all. */
    public static RuleSetSnapshot active(Connection c) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            List<RuleSetSnapshot.Entry> entries = new ArrayList<>();
            try (PreparedStatement versions = c.prepareStatement(
                    "select id, term, version, checksum from rule_set_version where status = 'ACTIVE' order by term");
                    ResultSet rs = versions.executeQuery()) {
                while (rs.next()) {
                    RuleSetSource source = source(c, rs.getLong("id"), rs.getString("term"));
                    String checksum = rs.getString("checksum");
                    if (!source.checksum().equals(checksum)) {
                        // The stored checksum must describe the stored content: refuse rather than print a wrong one.
                        throw new SQLException("rule set version " + rs.getString("version")
                                + " does not match its stored checksum");
                    }
                    if (!source.hasReleaseRules()) {
                        // Rules come only with a release: a version holding other DRL is never compiled by this one.
                        throw new SQLException("rule set version " + rs.getString("version")
                                + " holds rule files that are not this release's");
                    }
                    entries.add(RuleSetSnapshot.Entry.of(source));
                }
            }
            return RuleSetSnapshot.ofEntries(entries);
        } finally {
            c.rollback();
            c.setAutoCommit(auto);
        }
    }

    private static RuleSetSource source(Connection c, long id, String term) throws SQLException {
        Map<String, String> files = new TreeMap<>();
        try (PreparedStatement stmt = c.prepareStatement(
                "select path, content from rule_set_file where version_id = ?")) {
            stmt.setLong(1, id);
            try (ResultSet rs = stmt.executeQuery()) {
                while (rs.next()) {
                    files.put(rs.getString("path"), rs.getString("content"));
                }
            }
        }
        if (!files.containsKey(RuleSetSource.PARAMETERS)) {
            throw new SQLException("rule set version " + id + " has no parameter file");
        }
        return new RuleSetSource(term, files);
    }
}
