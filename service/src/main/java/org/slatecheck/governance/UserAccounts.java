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
 * Users and their roles, stored with bcrypt password hashes. On start, the users listed in
 * {@code slatecheck.demo-users} ({@code name/password/ROLE[+ROLE],…}) are created when missing: the local run lists
 * demo users, production sets its own list (or none) through {@code SLATECHECK_DEMO_USERS}.
 */
@Service
public class UserAccounts implements UserDetailsService, ApplicationRunner {
    public static final Set<String> ROLES = Set.of("SUBCOMMITTEE", "BOARD", "APPROVER", "ADMIN");

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final String demoUsers;

    public UserAccounts(JdbcTemplate jdbc, PasswordEncoder encoder, AuditLog audit,
            @Value("${slatecheck.demo-users:}") String demoUsers) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
        this.demoUsers = demoUsers;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String entry : demoUsers.split(",")) {
            String[] parts = entry.strip().split("/");
            if (parts.length == 3 && !exists(parts[0])) {
                create("system", parts[0], parts[1], Arrays.asList(parts[2].split("\\+")));
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

    /** Creates a user; IllegalArgumentException for a bad name, a short password, an unknown role or a taken name. */
    public void create(String actor, String username, String password, List<String> roles) {
        if (username == null || !username.matches("[A-Za-z0-9_.-]{2,100}")) {
            throw new IllegalArgumentException("user.bad_name");
        }
        if (password == null || password.length() < 5) {
            throw new IllegalArgumentException("user.short_password");
        }
        if (roles.isEmpty() || !ROLES.containsAll(roles)) {
            throw new IllegalArgumentException("user.bad_role");
        }
        if (exists(username)) {
            throw new IllegalArgumentException("user.taken");
        }
        jdbc.update("insert into app_user (username, password_hash, roles, enabled, created_at) values (?,?,?,true,?)",
                username, encoder.encode(password), String.join(",", roles), Timestamp.from(Instant.now()));
        audit.append(actor, "USER_CREATED", username, null, null, String.join(",", roles));
    }

    public List<Map<String, Object>> all() {
        return jdbc.queryForList("select username, roles, enabled, created_at from app_user order by username");
    }
}
