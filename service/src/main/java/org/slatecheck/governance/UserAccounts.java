package org.slatecheck.governance;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Users, their roles and their organisation unit, stored with bcrypt password hashes. Production starts with no
 * users: the first administrator is created with {@code slatecheck.jar users add} ({@code cli/UsersCommand}), further
 * users on the Users page. The demo units and users exist only under the {@code demo} profile ({@link DemoUsers}).
 */
@Service
public class UserAccounts implements UserDetailsService {
    public static final Set<String> ROLES = Set.of("SUBCOMMITTEE", "BOARD", "APPROVER", "ADMIN");
    /** The roles from the least to the most (how they are stored and shown). */
    public static final List<String> ROLE_ORDER = List.of("SUBCOMMITTEE", "BOARD", "APPROVER", "ADMIN");

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final OrgUnits units;

    public UserAccounts(JdbcTemplate jdbc, PasswordEncoder encoder, AuditLog audit, OrgUnits units) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
        this.units = units;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (username == null || username.isEmpty() || username.length() > 100) {
            throw new UsernameNotFoundException("no such user");
        }
        List<UserDetails> found = jdbc.query("select username, password_hash, roles, enabled from app_user "
                + "where username = ?", (rs, i) -> User.withUsername(rs.getString(1)).password(rs.getString(2))
                        .roles(rs.getString(3).split(",")).disabled(!rs.getBoolean(4)).build(), username);
        if (found.isEmpty()) {
            throw new UsernameNotFoundException("no such user");
        }
        return found.get(0);
    }

    public boolean exists(String username) {
        if (username == null || username.length() > 100) {
            return false;
        }
        Integer n = jdbc.queryForObject("select count(*) from app_user where username = ?", Integer.class, username);
        return n != null && n > 0;
    }

    /**
     * Creates a user of {@code unit}; IllegalArgumentException (message = message key) for a bad name, a weak password
     * ({@link Passwords#check}), an unknown role, a taken name, or a unit that does not exist or lies outside the
     * actor's scope (an ADMIN creates users of their own unit and the units below it; "system" is the start-up).
     */
    public void create(String actor, String username, String password, List<String> roles, String unit) {
        create(actor, username, null, password, roles, unit);
    }

    /** As {@link #create(String, String, String, List, String)}, with the user's full name (optional). */
    public void create(String actor, String username, String fullName, String password, List<String> roles,
            String unit) {
        if (username == null || !username.matches("[A-Za-z0-9_.-]{2,100}")) {
            throw new IllegalArgumentException("user.bad_name");
        }
        String name = fullName(fullName);
        Passwords.check(username, password);
        insert(actor, username, password, roles, unit);
        if (name != null) {
            jdbc.update("update app_user set full_name = ? where username = ?", name, username);
        }
    }

    /** A full name stripped, null when empty; IllegalArgumentException "user.bad_full_name" above 200 characters. */
    private static String fullName(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return null;
        }
        String name = fullName.strip();
        if (name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("user.bad_full_name");
        }
        return name;
    }

    /**
     * Replaces a user's roles. The actor must be able to manage the user ({@link #checkManageable}), may add or take
     * away only roles it may grant ({@link #grantable}: a province administrator neither grants BOARD or APPROVER nor
     * makes administrators) and cannot take the ADMIN role from themselves (so the last administrator cannot lock
     * everyone out by a slip). Audited with the roles before and after; a refusal is audited too.
     */
    public void setRoles(String actor, String username, List<String> roles) {
        Map<String, Object> user = manageable(actor, username, "roles");
        if (roles.isEmpty() || !ROLES.containsAll(roles)) {
            throw new IllegalArgumentException("user.bad_role");
        }
        if (actor.equals(username) && !roles.contains("ADMIN")) {
            throw new IllegalArgumentException("user.own_admin");
        }
        // Added or taken away: either way only a role the actor may grant (its own ADMIN stays, see above).
        Set<String> held = roles(user);
        Set<String> changed = new java.util.HashSet<>(roles);
        changed.addAll(held);
        changed.removeIf(r -> roles.contains(r) && held.contains(r));
        grantableOrRefuse(actor, username, changed);
        String before = (String) user.get("roles");
        String after = ROLE_ORDER.stream().filter(roles::contains).reduce((a, b) -> a + "," + b).orElse("");
        if (after.equals(before)) {
            return;
        }
        jdbc.update("update app_user set roles = ? where username = ?", after, username);
        audit.append(actor, "USER_ROLES_CHANGED", username, before, after, null);
    }

    /** Sets a user's full name (empty: none). Audited without the name itself. */
    public void setFullName(String actor, String username, String fullName) {
        manageable(actor, username, "name");
        jdbc.update("update app_user set full_name = ? where username = ?", fullName(fullName), username);
        audit.append(actor, "USER_NAME_CHANGED", username, null, null, null);
    }

    /**
     * Disables or enables a user. A disabled user cannot sign in (pages or API), their API tokens are refused
     * ({@link ApiTokens#user}) and their open sessions end at their next request ({@link SecurityConfig}); enabling
     * gives all of that back. An actor cannot disable themselves. Audited.
     */
    public void setEnabled(String actor, String username, boolean enabled) {
        Map<String, Object> user = manageable(actor, username, enabled ? "enable" : "disable");
        if (actor.equals(username) && !enabled) {
            throw new IllegalArgumentException("user.own_disable");
        }
        if (Boolean.valueOf(enabled).equals(user.get("enabled"))) {
            return;
        }
        jdbc.update("update app_user set enabled = ? where username = ?", enabled, username);
        audit.append(actor, enabled ? "USER_ENABLED" : "USER_DISABLED", username, null, null, null);
    }

    /** An administrator sets a new password for a user; it passes the password policy ({@link Passwords}). Audited. */
    public void resetPassword(String actor, String username, String password) {
        manageable(actor, username, "password");
        Passwords.check(username, password);
        jdbc.update("update app_user set password_hash = ? where username = ?", encoder.encode(password), username);
        audit.append(actor, "USER_PASSWORD_RESET", username, null, null, null);
    }

    /** Whether {@code username} exists and may sign in (false for an unknown or disabled user). */
    public boolean enabled(String username) {
        if (username == null || username.length() > 100) {
            return false;
        }
        List<Boolean> found = jdbc.queryForList("select enabled from app_user where username = ?", Boolean.class,
                username);
        return !found.isEmpty() && Boolean.TRUE.equals(found.get(0));
    }

    /**
     * The authorities ({@code ROLE_…}) of an enabled user as stored now; empty for an unknown or disabled user. One
     * read by primary key: the page sessions compare it with their own at every request ({@link SecurityConfig}).
     */
    public java.util.Optional<Set<String>> currentRoles(String username) {
        if (username == null || username.length() > 100) {
            return java.util.Optional.empty();
        }
        List<String> found = jdbc.queryForList("select roles from app_user where username = ? and enabled",
                String.class, username);
        if (found.isEmpty()) {
            return java.util.Optional.empty();
        }
        Set<String> roles = new java.util.HashSet<>();
        for (String r : found.get(0).split(",")) {
            if (!r.isBlank()) {
                roles.add("ROLE_" + r.strip());
            }
        }
        return java.util.Optional.of(roles);
    }

    /** A refusal because of who asks: 404 for a user outside the actor's scope, 403 for one it may not manage. */
    public static final class Refused extends IllegalArgumentException {
        private final int status;

        Refused(int status, String key) {
            super(key);
            this.status = status;
        }

        /** The HTTP status: 403 or 404. */
        public int status() {
            return status;
        }
    }

    /**
     * The roles {@code actor} may grant (and take away): every role for an administrator of the central unit (and for
     * "system" and "cli", the start-up and the command line), SUBCOMMITTEE only for an administrator of any other unit
     * — BOARD and APPROVER are about the national rule sets, which the central level governs, and ADMIN would let a
     * province make administrators beside itself (docs/decisions.md, "Who governs the national rule sets").
     */
    public Set<String> grantable(String actor) {
        if ("system".equals(actor) || "cli".equals(actor)) {
            return ROLES;
        }
        List<Map<String, Object>> found = actor == null || actor.length() > 100 ? List.of()
                : jdbc.queryForList("select roles, unit_code from app_user where username = ? and enabled", actor);
        if (found.isEmpty() || !roles(found.get(0)).contains("ADMIN")) {
            return Set.of();
        }
        return OrgUnits.ROOT.equals(found.get(0).get("unit_code")) ? ROLES : Set.of("SUBCOMMITTEE");
    }

    private static Set<String> roles(Map<String, Object> row) {
        Object roles = row.get("roles");
        return roles == null ? Set.of() : java.util.Arrays.stream(String.valueOf(roles).split(","))
                .map(String::strip).filter(r -> !r.isEmpty()).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * Returns when {@code actor} may manage {@code username} (issue a token for them, change them): the user exists
     * in the actor's unit or below it — otherwise a 404 ({@link Refused} "user.unknown"), the same answer as for a
     * user that does not exist — and holds only roles the actor may grant, or is the actor — otherwise a 403
     * ("user.not_manageable"). Refusals are written to the audit log ({@code what}: the action refused).
     */
    public void checkManageable(String actor, String username, String what) {
        manageable(actor, username, what);
    }

    /** The user row, when the actor may manage that user ({@link #checkManageable}). */
    private Map<String, Object> manageable(String actor, String username, String what) {
        boolean everyone = "system".equals(actor) || "cli".equals(actor);
        List<Map<String, Object>> found = username == null || username.length() > 100 ? List.of()
                : jdbc.queryForList("select username, roles, enabled, unit_code from app_user where username = ?",
                        username);
        if (found.isEmpty() || !(everyone || units.within((String) found.get(0).get("unit_code"),
                units.unitOf(actor)))) {
            if (!found.isEmpty()) {
                audit.append(actor, "ACCESS_REFUSED", username, null, null, "user " + what);
            }
            throw new Refused(404, "user.unknown");
        }
        Map<String, Object> user = found.get(0);
        if (!everyone && !username.equals(actor) && !grantable(actor).containsAll(roles(user))) {
            audit.append(actor, "ACCESS_REFUSED", username, null, null, "user " + what);
            throw new Refused(403, "user.not_manageable");
        }
        return user;
    }

    /** Refuses (403, audited) roles {@code actor} may not grant; {@code subject}: the user concerned. */
    private void grantableOrRefuse(String actor, String subject, java.util.Collection<String> added) {
        if (!grantable(actor).containsAll(added)) {
            audit.append(actor, "ACCESS_REFUSED", subject, null, null, "user roles");
            throw new Refused(403, "user.role_not_grantable");
        }
    }

    /** The demo users of the {@code demo} profile only: their password is their name, so no password policy. */
    void createDemo(String username, String password, List<String> roles, String unit) {
        if (username == null || !username.matches("[A-Za-z0-9_.-]{2,100}") || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("user.bad_name");
        }
        insert("system", username, password, roles, unit);
    }

    /** Gives a demo user the configured roles when they differ (audited as a change by "system"). */
    void setDemoRoles(String username, List<String> roles) {
        setRoles("system", username, roles);
    }

    /** The organisation units (for the demo units of the {@code demo} profile). */
    OrgUnits units() {
        return units;
    }

    private void insert(String actor, String username, String password, List<String> roles, String unit) {
        if (roles.isEmpty() || !ROLES.containsAll(roles)) {
            throw new IllegalArgumentException("user.bad_role");
        }
        grantableOrRefuse(actor, username, roles);
        if (unit == null || !units.exists(unit) || !("system".equals(actor) || "cli".equals(actor)
                || units.within(unit, units.unitOf(actor)))) {
            throw new IllegalArgumentException("unit.bad_unit");
        }
        if (exists(username)) {
            throw new IllegalArgumentException("user.taken");
        }
        jdbc.update("insert into app_user (username, password_hash, roles, enabled, created_at, unit_code) "
                + "values (?,?,?,true,?,?)", username, encoder.encode(password), String.join(",", roles),
                Timestamp.from(Instant.now()), unit);
        audit.append(actor, "USER_CREATED", username, null, null, String.join(",", roles) + " unit " + unit);
    }

    /** Users of {@code scope} and the units below it (every user for the root unit). */
    public List<Map<String, Object>> all(String scope) {
        return jdbc.queryForList("select u.username, u.full_name, u.roles, u.enabled, u.created_at, u.unit_code, "
                + "o.name as unit_name from app_user u left join org_unit o on o.code = u.unit_code where "
                + "u.unit_code in " + OrgUnits.SUBTREE + " order by u.username", scope);
    }
}
