package org.slatecheck.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slatecheck.governance.OrgUnits;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The paged, filtered and sorted listings behind the pages (issue 12 item 5): checks (the history), batches, the
 * lists of a check or batch, and the nominees of a check. Every filter, sort and page is done in SQL (LIMIT/OFFSET
 * over indexed columns), never by loading everything and paging in Java. The history and batch listings take the
 * user's organisation scope and apply it to the rows and to the counts alike; the lists and nominees of one check are
 * only asked for once the check itself has passed the scope check.
 */
@Repository
public class Listings {
    /** How many organisation names a history row shows before "and N other units". */
    public static final int ORGANISATIONS_SHOWN = 3;

    private final JdbcTemplate jdbc;
    private final StoredResults stored;

    public Listings(JdbcTemplate jdbc, StoredResults stored) {
        this.jdbc = jdbc;
        this.stored = stored;
    }

    /** One page of rows and the number of all rows the filter matches. */
    public record Page<T>(List<T> rows, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pages();
        }
    }

    /** What a listing asks for: a search text, equality filters by name, a sort key and direction, a page. */
    public record Query(String q, Map<String, String> filters, String sort, boolean descending, int page, int size) {
        public String filter(String name) {
            String v = filters.get(name);
            return v == null || v.isBlank() ? null : v.strip();
        }

        /**
         * The {@code like} pattern of the search text, folded as the stored {@code search_text} columns are (no
         * diacritics, lower case: "hung" finds "Hùng"), or null for no search.
         */
        public String like() {
            return SearchText.pattern(q);
        }
    }

    /** A stored check as one history row: its counts, its first organisations, and its batch when it is one. */
    public record CheckRow(UUID id, OffsetDateTime createdAt, String createdBy, int lists, int nominees, int eligible,
            int review, int ineligible, int nonCompliantLists, List<String> organisations, String batchId,
            String batchStatus) {
        /** The organisations beyond the ones shown. */
        public int otherOrganisations() {
            return Math.max(0, lists - organisations.size());
        }
    }

    private static final RowMapper<CheckRow> CHECK_ROW = (rs, i) -> new CheckRow(rs.getObject("id", UUID.class),
            utc(rs, "created_at"), rs.getString("created_by"), rs.getInt("lists"), rs.getInt("nominees"),
            rs.getInt("eligible"), rs.getInt("review"), rs.getInt("ineligible"), rs.getInt("non_compliant_lists"),
            split(rs.getString("organisations")), rs.getString("batch_id"), rs.getString("batch_status"));

    /** Sort keys of the history → SQL (a closed list: nothing the user sends reaches the SQL text). */
    public static final Map<String, String> CHECK_SORTS = Map.of("created", "c.created_at", "lists", "c.lists",
            "nominees", "c.nominees", "ineligible", "c.ineligible", "non_compliant", "c.non_compliant_lists");

    /** The checks of {@code scope} and the units below it (every unit when null), filtered, sorted and paged. */
    public Page<CheckRow> checks(String scope, Query query) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (scope != null) {
            where.append(" and c.unit_code in ").append(OrgUnits.SUBTREE);
            args.add(scope);
        }
        String like = query.like();
        if (like != null) {
            where.append(" and exists (select 1 from list_result q where q.check_id = c.id and q.search_text like ?)");
            args.add(like);
        }
        String kind = query.filter("kind");
        if ("batch".equals(kind)) {
            where.append(" and b.id is not null");
        } else if ("single".equals(kind)) {
            where.append(" and b.id is null");
        }
        if (query.filter("bstatus") != null) {
            where.append(" and b.status = ?");
            args.add(query.filter("bstatus"));
        }
        String from = " from check_run c left join batch_run b on b.check_id = c.id";
        long total = count("select count(*)" + from + where, args);
        String order = CHECK_SORTS.getOrDefault(query.sort(), "c.created_at") + (query.descending() ? " desc" : " asc")
                + ", c.id";
        List<Object> pageArgs = paged(args, query);
        List<CheckRow> rows = jdbc.query("select c.id, c.created_at, c.created_by, c.lists, c.nominees, c.eligible, "
                + "c.review, c.ineligible, c.non_compliant_lists, b.id as batch_id, b.status as batch_status, "
                + "(select string_agg(x.organisation, '\u001f' order by x.position) from (select l.organisation, "
                + "l.position from list_result l where l.check_id = c.id order by l.position limit "
                + ORGANISATIONS_SHOWN + ") x) as organisations" + from + where + " order by " + order
                + " limit ? offset ?", CHECK_ROW, pageArgs.toArray());
        return new Page<>(rows, total, query.page(), query.size());
    }

    /** A stored batch as one row of the batches page. */
    public record BatchRow(String id, UUID checkId, String status, OffsetDateTime createdAt, OffsetDateTime updatedAt,
            String createdBy, int listsTotal, long nomineesTotal, int lists, int nominees, int eligible, int review,
            int ineligible, int nonCompliantLists) {
        /** The batch's name as its unit gave it: the stored id without its unit ({@code PA~dot-1} → {@code dot-1}). */
        public String name() {
            return id.substring(id.indexOf('~') + 1);
        }
    }

    public static final Map<String, String> BATCH_SORTS = Map.of("created", "b.created_at", "updated", "b.updated_at",
            "lists", "b.lists_total", "nominees", "b.nominees_total", "non_compliant", "c.non_compliant_lists",
            "id", "b.id");

    /** The batches of {@code scope} and below (every unit when null): status filter, search by id, sorted, paged. */
    public Page<BatchRow> batches(String scope, Query query) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (scope != null) {
            where.append(" and c.unit_code in ").append(OrgUnits.SUBTREE);
            args.add(scope);
        }
        if (query.like() != null) {
            // Batch ids are ASCII letters, digits and . _ - (the API refuses others): lower case is their folded form.
            where.append(" and (lower(b.id) like ? or exists (select 1 from list_result q where q.check_id = c.id "
                    + "and q.search_text like ?))");
            args.add(query.like());
            args.add(query.like());
        }
        if (query.filter("bstatus") != null) {
            where.append(" and b.status = ?");
            args.add(query.filter("bstatus"));
        }
        String from = " from batch_run b join check_run c on c.id = b.check_id";
        long total = count("select count(*)" + from + where, args);
        String order = BATCH_SORTS.getOrDefault(query.sort(), "b.created_at") + (query.descending() ? " desc" : " asc")
                + ", b.id";
        List<BatchRow> rows = jdbc.query("select b.id, b.check_id, b.status, b.created_at, b.updated_at, c.created_by, "
                + "b.lists_total, b.nominees_total, c.lists, c.nominees, c.eligible, c.review, c.ineligible, "
                + "c.non_compliant_lists" + from + where + " order by " + order + " limit ? offset ?",
                (rs, i) -> new BatchRow(rs.getString("id"), rs.getObject("check_id", UUID.class), rs.getString("status"),
                        utc(rs, "created_at"), utc(rs, "updated_at"), rs.getString("created_by"),
                        rs.getInt("lists_total"), rs.getLong("nominees_total"), rs.getInt("lists"),
                        rs.getInt("nominees"), rs.getInt("eligible"), rs.getInt("review"), rs.getInt("ineligible"),
                        rs.getInt("non_compliant_lists")), paged(args, query).toArray());
        return new Page<>(rows, total, query.page(), query.size());
    }

    /** One list of a check: where it is in the check, its congress, counts and status. */
    public record ListRow(long listId, int position, String congressId, String organisation, String level, String term,
            String listKind, int nominees, int eligible, int review, int ineligible, String listStatus) {
    }

    public static final Map<String, String> LIST_SORTS = Map.of("position", "l.position", "organisation",
            "l.organisation", "congress", "l.congress_id", "nominees", "l.nominees", "ineligible", "l.ineligible",
            "review", "l.review", "status", "l.list_status", "level", "l.level");

    private static final RowMapper<ListRow> LIST_ROW = (rs, i) -> new ListRow(rs.getLong("id"), rs.getInt("position"),
            rs.getString("congress_id"), rs.getString("organisation"), rs.getString("level"), rs.getString("term"),
            rs.getString("list_kind"), rs.getInt("nominees"), rs.getInt("eligible"), rs.getInt("review"),
            rs.getInt("ineligible"), rs.getString("list_status"));

    private static final String LIST_COLUMNS = "l.id, l.position, l.congress_id, l.organisation, l.level, l.term, "
            + "l.list_kind, l.nominees, l.eligible, l.review, l.ineligible, l.list_status";

    /**
     * The lists of check {@code checkId} (the caller has checked its scope): search by congress id or organisation,
     * filters {@code status}, {@code level}, {@code rule} (a finding of that rule in the list), {@code viable} (the
     * status of the list without its ineligible nominees), sorted, paged.
     */
    public Page<ListRow> lists(UUID checkId, Query query) {
        StringBuilder where = new StringBuilder(" where l.check_id = ?");
        List<Object> args = new ArrayList<>(List.of(checkId));
        if (query.like() != null) {
            where.append(" and l.search_text like ?");
            args.add(query.like());
        }
        listFilters(query, where, args);
        if (query.filter("rule") != null) {
            where.append(" and exists (select 1 from finding f where f.list_id = l.id and f.rule_id = ?)");
            args.add(query.filter("rule"));
        }
        if (query.filter("viable") != null) {
            where.append(" and l.viable_list_status = ?");
            args.add(query.filter("viable"));
        }
        long total = count("select count(*) from list_result l" + where, args);
        String order = LIST_SORTS.getOrDefault(query.sort(), "l.position") + (query.descending() ? " desc" : " asc")
                + ", l.position";
        List<ListRow> rows = jdbc.query("select " + LIST_COLUMNS + " from list_result l" + where + " order by " + order
                + " limit ? offset ?", LIST_ROW, paged(args, query).toArray());
        return new Page<>(rows, total, query.page(), query.size());
    }

    /** The filters on a list's columns, shared by the lists and nominees listings. */
    private static void listFilters(Query query, StringBuilder where, List<Object> args) {
        if (query.filter("status") != null) {
            where.append(" and l.list_status = ?");
            args.add(query.filter("status"));
        }
        if (query.filter("level") != null) {
            where.append(" and l.level = ?");
            args.add(query.filter("level"));
        }
        if (query.filter("list") != null) {
            where.append(" and l.position = ?");
            args.add(number(query.filter("list")));
        }
    }

    /** The lists of a check by position, as the result page heads its groups of nominees with them. */
    public List<ListRow> listsAt(UUID checkId, List<Integer> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select " + LIST_COLUMNS + " from list_result l where l.check_id = ? and l.position = any(?) "
                + "order by l.position", ps -> {
                    ps.setObject(1, checkId);
                    ps.setArray(2, ps.getConnection().createArrayOf("integer", positions.toArray()));
                }, LIST_ROW);
    }

    /** How many lists check {@code checkId} has. */
    public int listCount(UUID checkId) {
        return (int) count("select count(*) from list_result where check_id = ?", List.of(checkId));
    }

    /** A nominee as a row of the result page. */
    public record NomineeRow(int list, int position, String congressId, String organisation, String nomineeId,
            String fullName, String outcome) {
    }

    public static final Map<String, String> NOMINEE_SORTS = Map.of("position", "l.position, o.position", "name",
            "o.full_name", "id", "o.nominee_id", "outcome",
            "case o.outcome when 'INELIGIBLE' then 0 when 'REVIEW' then 1 else 2 end", "organisation",
            "l.organisation");

    /**
     * The nominees of check {@code checkId} (the caller has checked its scope): search by name, nominee id, congress
     * id or organisation; filters {@code outcome}, {@code rule} (the nominee has a finding of it), {@code status},
     * {@code level}, {@code list}; sorted (list order by default), paged.
     */
    public Page<NomineeRow> nominees(UUID checkId, Query query) {
        StringBuilder where = new StringBuilder(" where l.check_id = ?");
        List<Object> args = new ArrayList<>(List.of(checkId));
        if (query.like() != null) {
            where.append(" and (o.search_text like ? or l.search_text like ?)");
            args.add(query.like());
            args.add(query.like());
        }
        if (query.filter("outcome") != null) {
            where.append(" and o.outcome = ?");
            args.add(query.filter("outcome"));
        }
        if (query.filter("rule") != null) {
            where.append(" and exists (select 1 from finding f where f.list_id = o.list_id and f.nominee_id = "
                    + "o.nominee_id and f.rule_id = ?)");
            args.add(query.filter("rule"));
        }
        listFilters(query, where, args);
        String from = " from nominee_outcome o join list_result l on l.id = o.list_id";
        long total;
        if (query.like() == null && query.filter("rule") == null) {
            // Without a search or a rule, the count is a sum of the lists' own counts: no scan of every nominee.
            StringBuilder lists = new StringBuilder(" where l.check_id = ?");
            List<Object> listArgs = new ArrayList<>(List.of(checkId));
            listFilters(query, lists, listArgs);
            String outcome = query.filter("outcome");
            String column = outcome == null ? "l.nominees" : switch (outcome) {
                case "ELIGIBLE" -> "l.eligible";
                case "REVIEW" -> "l.review";
                case "INELIGIBLE" -> "l.ineligible";
                default -> "0";
            };
            total = count("select coalesce(sum(" + column + "), 0) from list_result l" + lists, listArgs);
        } else {
            total = count("select count(*)" + from + where, args);
        }
        String key = NOMINEE_SORTS.getOrDefault(query.sort(), NOMINEE_SORTS.get("position"));
        String order = query.descending() ? key.replace(",", " desc,") + " desc" : key;
        List<NomineeRow> rows = jdbc.query("select l.position as list, o.position, l.congress_id, l.organisation, "
                + "o.nominee_id, o.full_name, o.outcome" + from + where + " order by " + order
                + ", l.position, o.position limit ? offset ?", (rs, i) -> new NomineeRow(rs.getInt("list"),
                        rs.getInt("position"), rs.getString("congress_id"), rs.getString("organisation"),
                        rs.getString("nominee_id"), rs.getString("full_name"), rs.getString("outcome")),
                paged(args, query).toArray());
        return new Page<>(rows, total, query.page(), query.size());
    }

    /**
     * Rule ids for the rule filter of check {@code checkId}: those with findings in it (in list {@code list} when
     * given) for a check of at most {@code exactUpTo} lists; for a larger check every rule id with a finding in any
     * check, read from the rule index without visiting each finding (a choice without findings here shows no rows).
     */
    public List<String> rules(UUID checkId, Integer list, int lists, int exactUpTo) {
        if (list != null) {
            return jdbc.queryForList("select distinct f.rule_id from finding f join list_result l on l.id = f.list_id "
                    + "where l.check_id = ? and l.position = ? order by f.rule_id", String.class, checkId, list);
        }
        if (lists <= exactUpTo) {
            return jdbc.queryForList("select distinct f.rule_id from finding f join list_result l on l.id = "
                    + "f.list_id where l.check_id = ? order by f.rule_id", String.class, checkId);
        }
        return jdbc.queryForList("with recursive r(id) as (select min(rule_id) from finding union all select (select "
                + "min(rule_id) from finding where rule_id > r.id) from r where r.id is not null) select id from r "
                + "where id is not null order by id", String.class);
    }

    /** Check {@code id} as a history row (its counts and first organisations), without reading all its lists. */
    public Optional<CheckRow> check(UUID id) {
        List<CheckRow> rows = jdbc.query("select c.id, c.created_at, c.created_by, c.lists, c.nominees, c.eligible, "
                + "c.review, c.ineligible, c.non_compliant_lists, b.id as batch_id, b.status as batch_status, "
                + "(select string_agg(x.organisation, '\u001f' order by x.position) from (select l.organisation, "
                + "l.position from list_result l where l.check_id = c.id order by l.position limit "
                + ORGANISATIONS_SHOWN + ") x) as organisations from check_run c left join batch_run b on b.check_id = "
                + "c.id where c.id = ?", CHECK_ROW, id);
        return rows.stream().findFirst();
    }

    /** The levels of the lists of check {@code checkId}, for the level filter. */
    public List<String> levels(UUID checkId) {
        return jdbc.queryForList("select distinct level from list_result where check_id = ? order by level",
                String.class, checkId);
    }

    /** A nominee of a stored list: its place, outcome, stored input (JSON text, null for older checks). */
    public record StoredNominee(int list, int position, String nomineeId, String outcome, String input) {
    }

    /** Nominee {@code nomineeId} of list {@code list} of check {@code checkId}. */
    public Optional<StoredNominee> nominee(UUID checkId, int list, String nomineeId) {
        return jdbc.query("select l.position as list, o.position, o.nominee_id, o.outcome, o.input::text as input from "
                + "nominee_outcome o join list_result l on l.id = o.list_id where l.check_id = ? and l.position = ? "
                + "and o.nominee_id = ?", (rs, i) -> new StoredNominee(rs.getInt("list"), rs.getInt("position"),
                        rs.getString("nominee_id"), rs.getString("outcome"), rs.getString("input")), checkId, list,
                nomineeId).stream().findFirst();
    }

    /** The nominee id at {@code position} of list {@code list} of check {@code checkId}, if there is one. */
    public Optional<String> nomineeAt(UUID checkId, int list, int position) {
        return jdbc.queryForList("select o.nominee_id from nominee_outcome o join list_result l on l.id = o.list_id "
                + "where l.check_id = ? and l.position = ? and o.position = ?", String.class, checkId, list, position)
                .stream().findFirst();
    }

    /**
     * The stored section 7 result (in {@code lang}), structure panel and viable list's structure panel (docs/specification.md
     * section 6; empty for lists stored before it) of the lists at {@code positions}; a batch list's result is
     * rendered now from its stored facts (issue 20, render on open). A fourth element is {@code "changed"} when such
     * a list was stored under another message catalogue than today's (its words are today's), else null.
     */
    public Map<Integer, String[]> results(UUID checkId, List<Integer> positions, String lang) {
        Map<Integer, String[]> out = new LinkedHashMap<>();
        if (positions.isEmpty()) {
            return out;
        }
        String column = "en".equals(lang) ? "result_en" : "result_vi";
        jdbc.query("select position, " + column + "::text as result, facts, coalesce(structure::text, '[]') as "
                + "structure, coalesce(viable_structure::text, '[]') as viable_structure "
                + "from list_result where check_id = ? and position = any(?) order by position", ps -> {
                    ps.setObject(1, checkId);
                    ps.setArray(2, ps.getConnection().createArrayOf("integer", positions.toArray()));
                }, rs -> {
                    StoredResults.Renderer renderer = stored.renderer(lang);
                    String result = renderer.text(rs.getString("result"), rs.getString("facts"));
                    out.put(rs.getInt("position"), new String[] {result, rs.getString("structure"),
                            rs.getString("viable_structure"), renderer.catalogueChanged() ? "changed" : null});
                });
        return out;
    }

    private long count(String sql, List<Object> args) {
        Long n = jdbc.queryForObject(sql, Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    private static List<Object> paged(List<Object> args, Query query) {
        List<Object> out = new ArrayList<>(args);
        out.add(query.size());
        out.add((long) query.page() * query.size());
        return out;
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static OffsetDateTime utc(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static List<String> split(String s) {
        return s == null ? List.of() : Arrays.asList(s.split("\u001f"));
    }
}
