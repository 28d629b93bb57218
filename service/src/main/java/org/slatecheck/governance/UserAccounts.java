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
        if (username == null || !username.matches("[A-Za-z0-9_.-]{2,100}")) {
            throw new IllegalArgumentException("user.bad_name");
        }
        Passwords.check(username, password);
        insert(actor, username, password, roles, unit);
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
        return jdbc.queryForList("select username, roles, enabled, created_at, unit_code from app_user where "
                + "unit_code in " + OrgUnits.SUBTREE + " order by username", scope);
    }
}
