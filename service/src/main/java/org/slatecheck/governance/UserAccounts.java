package org.slatecheck.governance;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Users, their roles and their organisation unit, stored with bcrypt password hashes. On start, the units listed in
 * {@code slatecheck.demo-units} ({@code CODE/name/PARENT/LEVEL,…}, parents first) and the users listed in
 * {@code slatecheck.demo-users} ({@code name/password/ROLE[+ROLE][/UNIT],…}; without a unit: the root unit) are
 * created when missing: the local run lists demo users, production sets its own list (or none) through
 * {@code SLATECHECK_DEMO_USERS}.
 */
@Service
public class UserAccounts implements UserDetailsService, ApplicationRunner {
    public static final Set<String> ROLES = Set.of("SUBCOMMITTEE", "BOARD", "APPROVER", "ADMIN");

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final OrgUnits units;
    private final String demoUsers;
    private final String demoUnits;

    public UserAccounts(JdbcTemplate jdbc, PasswordEncoder encoder, AuditLog audit, OrgUnits units,
            @Value("${slatecheck.demo-users:}") String demoUsers, @Value("${slatecheck.demo-units:}") String demoUnits) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
        this.units = units;
        this.demoUsers = demoUsers;
        this.demoUnits = demoUnits;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String entry : demoUnits.split(",")) {
            String[] parts = entry.strip().split("/");
            if (parts.length == 4) {
                units.createIfMissing(parts[0], parts[1], parts[2], parts[3]);
            }
        }
        for (String entry : demoUsers.split(",")) {
            String[] parts = entry.strip().split("/");
            if ((parts.length == 3 || parts.length == 4) && !exists(parts[0])) {
                create("system", parts[0], parts[1], Arrays.asList(parts[2].split("\\+")),
                        parts.length == 4 ? parts[3] : OrgUnits.ROOT);
            }
        }
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        List<UserDetails> found = jdbc.query("select username, password_hash, roles, enabled from app_user "
                + "where username = ?", (rs, i) -> User.withUsername(rs.getString(1)).password(rs.getString(2))
                        .roles(rs.getString(3).split(",")).disabled(!rs.getBoolean(4)).build(), username);
        if (found.isEmpty()) {
            throw new UsernameNotFoundException("no such user");
        }
        return found.get(0);
    }

    public boolean exists(String username) {
        Integer n = jdbc.queryForObject("select count(*) from app_user where username = ?", Integer.class, username);
        return n != null && n > 0;
    }

    /**
     * Creates a user of {@code unit}; IllegalArgumentException for a bad name, a short password, an unknown role, a
     * taken name, or a unit that does not exist or lies outside the actor's scope (an ADMIN creates users of their
     * own unit and the units below it; "system" is the start-up configuration).
     */
    public void create(String actor, String username, String password, List<String> roles, String unit) {
        if (username == null || !username.matches("[A-Za-z0-9_.-]{2,100}")) {
            throw new IllegalArgumentException("user.bad_name");
        }
        if (password == null || password.length() < 5) {
            throw new IllegalArgumentException("user.short_password");
        }
        if (roles.isEmpty() || !ROLES.containsAll(roles)) {
            throw new IllegalArgumentException("user.bad_role");
        }
        if (unit == null || !units.exists(unit) || !("system".equals(actor) || units.within(unit, units.unitOf(actor)))) {
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
