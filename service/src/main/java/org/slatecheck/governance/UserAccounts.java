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
     * Replaces a user's roles. The actor must be able to manage the user ({@link #manageable}) and cannot take the
     * ADMIN role from themselves (so the last administrator cannot lock everyone out by a slip). Audited with the
     * roles before and after.
     */
    public void setRoles(String actor, String username, List<String> roles) {
        Map<String, Object> user = manageable(actor, username);
        if (roles.isEmpty() || !ROLES.containsAll(roles)) {
            throw new IllegalArgumentException("user.bad_role");
        }
        if (actor.equals(username) && !roles.contains("ADMIN")) {
            throw new IllegalArgumentException("user.own_admin");
        }
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
        manageable(actor, username);
        jdbc.update("update app_user set full_name = ? where username = ?", fullName(fullName), username);
        audit.append(actor, "USER_NAME_CHANGED", username, null, null, null);
    }

    /**
     * Disables or enables a user. A disabled user cannot sign in (pages or API), their API tokens are refused
     * ({@link ApiTokens#user}) and their open sessions end at their next request ({@link SecurityConfig}); enabling
     * gives all of that back. An actor cannot disable themselves. Audited.
     */
    public void setEnabled(String actor, String username, boolean enabled) {
        Map<String, Object> user = manageable(actor, username);
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
        manageable(actor, username);
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
     * The user row, when the actor may manage that user: the user exists and belongs to the actor's unit or a unit
     * below it ("cli" and "system" manage everyone); otherwise IllegalArgumentException "user.unknown" — the same
     * answer for a user outside the scope as for one that does not exist.
     */
    private Map<String, Object> manageable(String actor, String username) {
        if (username == null || username.length() > 100) {
            throw new IllegalArgumentException("user.unknown");
        }
        List<Map<String, Object>> found = jdbc.queryForList("select username, roles, enabled, unit_code from app_user "
                + "where username = ?", username);
        if (found.isEmpty() || !("system".equals(actor) || "cli".equals(actor)
                || units.within((String) found.get(0).get("unit_code"), units.unitOf(actor)))) {
            throw new IllegalArgumentException("user.unknown");
        }
        return found.get(0);
    }

    /** The demo users of the {@code demo} profile only: their password is their name, so no password policy. */
    void createDemo(String username, String password, List<String> roles, String unit) {
        if (username == null || !username.matches("[A-Za-z0-9_.-]{2,100}") || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("user.bad_name");
        }
        insert("system", username, password, roles, unit);
    }

    /** The organisation units (for the demo units of the {@code demo} profile). */
    OrgUnits units() {
        return units;
    }

    private void insert(String actor, String username, String password, List<String> roles, String unit) {
        if (roles.isEmpty() || !ROLES.containsAll(roles)) {
            throw new IllegalArgumentException("user.bad_role");
        }
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
