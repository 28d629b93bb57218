package org.slatecheck.governance;

import org.slatecheck.config.DatabaseFaults;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Sign-in (form and HTTP Basic) by user name and bcrypt password from {@link UserAccounts}, as Spring Security would
 * configure it, except for one thing: when the user cannot be read because the database is unavailable, the failure
 * is not an authentication failure (which the filters answer 401 / "wrong password") but a
 * {@link DatabaseFaults.DatabaseUnavailableException}, which {@code web.DatabaseUnavailableFilter} answers 503.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
public class DatabaseAwareAuthentication {

    @Bean
    AuthenticationProvider userAccountsAuthentication(UserAccounts users, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users) {
            @Override
            public Authentication authenticate(Authentication authentication) throws AuthenticationException {
                try {
                    return super.authenticate(authentication);
                } catch (InternalAuthenticationServiceException e) {
                    if (DatabaseFaults.unavailable(e)) {
                        throw new DatabaseFaults.DatabaseUnavailableException(e.getCause());
                    }
                    throw e;
                }
            }
        };
        provider.setPasswordEncoder(encoder);
        return provider;
    }
}
