package org.slatecheck.governance;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisation units as a tree: the central level {@value #ROOT} above, then province, commune/ward and grassroots
 * organisation. Every user belongs to one unit; every check (a batch is a check run), impact report and audit entry
 * records one. A user's <em>scope</em> is their unit and every unit below it: they see only records of their scope.
 */
@Service
public class OrgUnits {
    /** The root unit: existing rows and users without a unit belong to it; the rule sets are governed at it. */
    public static final String ROOT = "TW";
    public static final Set<String> LEVELS = Set.of("CENTRAL", "PROVINCE", "COMMUNE", "GRASSROOTS");

    /**
     * SQL for the codes of a unit and every unit below it; one {@code ?} parameter, the unit code. Use as
     * {@code unit_code in } + SUBTREE.
     */
    public static final String SUBTREE = "(with recursive sub(code) as (select cast(? as varchar) union all "
            + "select u.code from org_unit u join sub on u.parent_code = sub.code) select code from sub)";

    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    public OrgUnits(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A user's unit; the root unit for an unknown name (the command line, the system). */
    public String unitOf(String username) {
        List<String> found = jdbc.queryForList("select unit_code from app_user where username = ?", String.class,
                username);
        return found.isEmpty() ? ROOT : found.get(0);
    }

    /** A unit as people read it: "code — name" (the code alone for an unknown code). */
    public String label(String code) {
        List<String> names = jdbc.queryForList("select name from org_unit where code = ?", String.class, code);
        return names.isEmpty() ? String.valueOf(code) : code + " — " + names.get(0);
    }

    /** Whether {@code unit} is {@code scope} or lies below it. */
    public boolean within(String unit, String scope) {
        if (unit == null || scope == null) {
            return false;
        }
        Integer n = jdbc.queryForObject("select count(*) from " + SUBTREE + " s where s.code = ?", Integer.class,
                scope, unit);
        return n != null && n > 0;
    }

    public boolean exists(String code) {
        Integer n = jdbc.queryForObject("select count(*) from org_unit where code = ?", Integer.class, code);
        return n != null && n > 0;
    }

    /** Every unit, parents before children (depth-first by code). */
    public List<Map<String, Object>> all() {
        return jdbc.queryForList("with recursive t(code, name, parent_code, level, path) as (select code, name, "
                + "parent_code, level, cast(code as text) from org_unit where parent_code is null union all select "
                + "u.code, u.name, u.parent_code, u.level, t.path || '/' || u.code from org_unit u join t on "
                + "u.parent_code = t.code) select code, name, parent_code, level from t order by path");
    }

    /** The units an actor may manage: their own subtree. */
    public List<Map<String, Object>> within(String scope) {
        return all().stream().filter(u -> within((String) u.get("code"), scope)).toList();
    }

    /**
     * Creates a unit below {@code parent}, which must lie in the actor's scope; IllegalArgumentException with a
     * message key for a bad code, name or level, an unknown or foreign parent, or a taken code.
     */
    @Transactional
    public void create(String actor, String code, String name, String parent, String level) {
        validate(code, name, parent, level);
        if (!within(parent, unitOf(actor))) {
            throw new IllegalArgumentException("unit.bad_parent");
        }
        jdbc.update("insert into org_unit (code, name, parent_code, level) values (?,?,?,?)", code, name.strip(),
                parent, level);
        audit.append(actor, "UNIT_CREATED", code, null, null, "parent " + parent + ", " + level);
    }

    /** Creates units at start (test and demo configuration), parents listed first; known codes are skipped. */
    void createIfMissing(String code, String name, String parent, String level) {
        if (!exists(code)) {
            validate(code, name, parent, level);
            jdbc.update("insert into org_unit (code, name, parent_code, level) values (?,?,?,?)", code, name, parent,
                    level);
            audit.append("system", "UNIT_CREATED", code, null, null, "parent " + parent + ", " + level);
        }
    }

    private void validate(String code, String name, String parent, String level) {
        if (code == null || !code.matches("[A-Za-z0-9_.-]{1,50}")) {
            throw new IllegalArgumentException("unit.bad_code");
        }
        if (name == null || name.isBlank() || name.length() > 300) {
            throw new IllegalArgumentException("unit.bad_name");
        }
        if (level == null || !LEVELS.contains(level) || "CENTRAL".equals(level)) {
            throw new IllegalArgumentException("unit.bad_level");
        }
        if (parent == null || !exists(parent)) {
            throw new IllegalArgumentException("unit.bad_parent");
        }
        if (exists(code)) {
            throw new IllegalArgumentException("unit.taken");
        }
    }

    /**
     * Imports units from CSV (columns {@code code, name, parent_code, level}; header required; UTF-8, optional byte
     * order mark; rows in any order as long as every parent is known or in the file). All rows or none: the first
     * problem is an IllegalArgumentException naming the line, and nothing is stored. Returns the units created.
     */
    @Transactional
    public int importCsv(String actor, byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String[]> rows = new ArrayList<>();
        try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
            if (!parser.getHeaderNames().containsAll(List.of("code", "name", "parent_code", "level"))) {
                throw new IllegalArgumentException("unit.csv_header");
            }
            for (CSVRecord r : parser) {
                rows.add(new String[] {r.get("code"), r.get("name"), r.get("parent_code"), r.get("level"),
                        String.valueOf(r.getRecordNumber() + 1)});
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("unit.csv_header");
        }
        String scope = unitOf(actor);
        // Parents first: repeat over the rows whose parent is known until none is left (or none can be placed).
        Map<String, String[]> pending = new LinkedHashMap<>();
        for (String[] r : rows) {
            if (pending.put(r[0], r) != null) {
                throw new IllegalArgumentException("unit.taken");
            }
        }
        int created = 0;
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (var it = pending.values().iterator(); it.hasNext();) {
                String[] r = it.next();
                if (exists(r[2])) {
                    create(actor, r[0], r[1], r[2], r[3]);
                    it.remove();
                    created++;
                    progress = true;
                }
            }
        }
        if (!pending.isEmpty()) {
            throw new IllegalArgumentException("unit.bad_parent");
        }
        audit.append(actor, "UNITS_IMPORTED", scope, null, null, created + " units");
        return created;
    }

    /**
     * Refuses access to a record outside the user's scope: writes the refusal to the audit log (kind and id of the
     * record, never its content) and answers 404, as for a record that does not exist.
     */
    public org.springframework.web.server.ResponseStatusException refuse(String actor, String kind, String subject) {
        audit.append(actor, "ACCESS_REFUSED", subject, null, null, kind);
        return new org.springframework.web.server.ResponseStatusException(
                org.springframework.http.HttpStatus.NOT_FOUND);
    }
}
