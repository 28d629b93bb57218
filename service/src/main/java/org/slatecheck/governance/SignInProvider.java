package org.slatecheck.governance;

import java.nio.charset.StandardCharsets;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * User name and password (login form, HTTP Basic): throttled per user name and client address first
 * ({@link SignInGuard}), then checked (an over-long name or password is a plain failure, never an error), with the
 * bcrypt result cached for the stateless API ({@link CredentialCache}). One instance per filter chain: pages (their
 * session remembers the sign-in, so it is audited once per session) and API.
 */
public final class SignInProvider implements AuthenticationProvider {
    private final UserAccounts users;
    private final PasswordEncoder encoder;
    private final SignInGuard guard;
    private final CredentialCache cache;
    private final boolean api;
    /** A hash to check unknown user names against, so they take as long as known ones. */
    private final String dummy;

    public SignInProvider(UserAccounts users, PasswordEncoder encoder, SignInGuard guard, CredentialCache cache,
            boolean api) {
        this.users = users;
        this.encoder = encoder;
        this.guard = guard;
        this.cache = cache;
        this.api = api;
        this.dummy = encoder.encode(java.util.UUID.randomUUID().toString());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = authentication.getName();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress()
                : null;
        long wait = guard.retryAfter(name, address);
        if (wait > 0) {
            throw new SignInThrottledException(wait);
        }
        if (name == null || name.isBlank() || name.length() > SignInGuard.MAX_NAME
                || password.getBytes(StandardCharsets.UTF_8).length > Passwords.MAX_BYTES) {
            return fail(name, address, "malformed");
        }
        UserDetails user;
        try {
            user = users.loadUserByUsername(name);
        } catch (UsernameNotFoundException e) {
            encoder.matches(password, dummy); // the same time as a known user
            return fail(name, address, "bad credentials");
        } catch (RuntimeException e) {
            // The database cannot be reached: not a wrong password (401) but a 503, and not a failed sign-in.
            if (org.slatecheck.config.DatabaseFaults.unavailable(e)) {
                throw new org.slatecheck.config.DatabaseFaults.DatabaseUnavailableException(e);
            }
            throw e;
        }
        boolean ok = api && cache.matches(user.getUsername(), password, user.getPassword());
        if (!ok && !encoder.matches(password, user.getPassword())) {
            return fail(name, address, "bad credentials");
        }
        if (!user.isEnabled() || !user.isAccountNonLocked()) {
            cache.forget(user.getUsername());
            return fail(name, address, "disabled account");
        }
        if (api) {
            cache.remember(user.getUsername(), password, user.getPassword());
        }
        guard.succeeded(user.getUsername(), address, api);
        UsernamePasswordAuthenticationToken done = UsernamePasswordAuthenticationToken.authenticated(
                org.springframework.security.core.userdetails.User.withUserDetails(user).password("").build(), null,
                user.getAuthorities());
        done.setDetails(authentication.getDetails());
        return done;
    }

    private Authentication fail(String name, String address, String reason) {
        guard.failed(name, address, reason);
        throw new BadCredentialsException("bad credentials");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
