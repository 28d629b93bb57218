package org.slatecheck.governance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Bearer tokens for API clients: an administrator issues one for a user (Users page, {@code POST /api/tokens}); the
 * token (32 random bytes, {@code sct_…}) is shown once and only its SHA-256 is stored ({@code api_token}). A request
 * with {@code Authorization: Bearer …} acts as that user with the user's current roles, while the user is enabled.
 */
@Service
public class ApiTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final UserAccounts users;
    private final AuditLog audit;

    public ApiTokens(JdbcTemplate jdbc, UserAccounts users, AuditLog audit) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
    }

    /**
     * Issues a token for {@code username}; returns it (the only time it exists outside the client). Only for a user
     * the actor may manage ({@link UserAccounts#checkManageable}): a user outside the actor's unit and the units below
     * it is refused as unknown (404), a user holding a role the actor may not grant (a province administrator asking
     * for a token of a BOARD member, of another administrator) is refused (403); both are audited. A token acts with
     * all the user's roles, so issuing one is managing that user.
     */
    public String issue(String actor, String username) {
        users.checkManageable(actor, username, "token");
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = "sct_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        jdbc.update("insert into api_token (username, token_hash, created_by, created_at) values (?,?,?,?)",
                username, sha256(token), actor, Timestamp.from(Instant.now()));
        audit.append(actor, "TOKEN_ISSUED", username, null, null, null);
        return token;
    }

    /** The enabled user a token belongs to, if the token is known and not revoked. */
    public Optional<UserDetails> user(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        List<String> names = jdbc.queryForList("select username from api_token where token_hash = ? "
                + "and revoked_at is null", String.class, sha256(token));
        if (names.isEmpty()) {
            return Optional.empty();
        }
        try {
            UserDetails u = users.loadUserByUsername(names.get(0));
            return u.isEnabled() ? Optional.of(u) : Optional.empty();
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
