package org.slatecheck.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.slatecheck.rules.intake.Columns;

/**
 * The searchable form of stored rows (issue 17 item 11): what the paged pages search — a list's congress id and
 * organisation, a nominee's id and name — is stored beside the row folded by {@link Columns#fold} (no diacritics,
 * đ → d, lower case), each field apart, in a {@code search_text} column; the search box's text is folded the same way
 * and compared with {@code like}. So "hung", "HUNG", "Hùng" and "hùng" all find "Hùng", and "duc" finds "Đức", on any
 * PostgreSQL server (no {@code unaccent} extension needed). Rows stored before the column existed are filled once by
 * {@link #backfill}, which the Liquibase change {@link SearchTextBackfill} runs.
 */
public final class SearchText {
    /** Between the folded fields: never in a folded search text, so a match never spans two fields. */
    static final char SEPARATOR = '\u001f';
    private static final int CHUNK = 2000;

    private SearchText() {
    }

    /** The stored search form of {@code fields}: each folded, joined by {@link #SEPARATOR}. */
    public static String of(String... fields) {
        StringBuilder b = new StringBuilder();
        for (String f : fields) {
            if (b.length() > 0) {
                b.append(SEPARATOR);
            }
            b.append(Columns.fold(f));
        }
        return b.toString();
    }

    /**
     * The {@code like} pattern for search text {@code q} (folded, control characters removed, {@code \ % _}
     * escaped, {@code %} around), or null when nothing is left to search for.
     */
    public static String pattern(String q) {
        if (q == null) {
            return null;
        }
        String folded = Columns.fold(q.replaceAll("\\p{Cntrl}", " "));
        if (folded.isEmpty()) {
            return null;
        }
        return "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * Fills {@code search_text} of every list and nominee row that has none, in chunks (a million nominees never sit
     * in memory at once); returns how many rows it filled. Runs on {@code connection} as it is (the caller commits).
     */
    public static long backfill(Connection connection) throws SQLException {
        long filled = 0;
        while (true) {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("select id, congress_id, organisation from "
                    + "list_result where search_text is null order by id limit " + CHUNK);
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {of(rs.getString(2), rs.getString(3)), rs.getLong(1)});
                }
            }
            if (rows.isEmpty()) {
                break;
            }
            filled += update(connection, "update list_result set search_text = ? where id = ?", rows);
        }
        while (true) {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("select list_id, position, nominee_id, full_name "
                    + "from nominee_outcome where search_text is null order by list_id, position limit " + CHUNK);
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {of(rs.getString(3), rs.getString(4)), rs.getLong(1), rs.getInt(2)});
                }
            }
            if (rows.isEmpty()) {
                break;
            }
            filled += update(connection, "update nominee_outcome set search_text = ? where list_id = ? and "
                    + "position = ?", rows);
        }
        return filled;
    }

    private static int update(Connection connection, String sql, List<Object[]> rows) throws SQLException {
        try (PreparedStatement u = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    u.setObject(i + 1, row[i]);
                }
                u.addBatch();
            }
            u.executeBatch();
        }
        return rows.size();
    }
}
