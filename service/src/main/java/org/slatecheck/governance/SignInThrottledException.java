package org.slatecheck.governance;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused unchecked because its user name or client address is blocked (HTTP 429, Retry-After). */
public class SignInThrottledException extends AuthenticationException {
    private final long retryAfterSeconds;

    public SignInThrottledException(long retryAfterSeconds) {
        super("too many failed sign-ins");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
