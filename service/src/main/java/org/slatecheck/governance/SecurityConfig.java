package org.slatecheck.governance;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what. Roles nest: ADMIN ⊃ APPROVER ⊃ BOARD ⊃ SUBCOMMITTEE, so an approver can also read checks and
 * rule sets; four eyes are enforced on the draft itself (its author cannot approve it). Pages use a form login with
 * CSRF tokens on every form; the API uses HTTP Basic and, being stateless, no CSRF.
 */
@Configuration
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
public class SecurityConfig {

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_ADMIN > ROLE_APPROVER
                ROLE_APPROVER > ROLE_BOARD
                ROLE_BOARD > ROLE_SUBCOMMITTEE
                """);
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                .requestMatchers("/login", "/slatecheck.css", "/favicon.ico", "/error").permitAll()
                .requestMatchers("/admin/**", "/api/admin/**").hasRole("ADMIN")
                .requestMatchers("/audit", "/api/audit").hasRole("APPROVER")
                .requestMatchers(HttpMethod.POST, "/rulesets/*/approve", "/rulesets/*/activate",
                        "/api/rulesets/*/approve", "/api/rulesets/*/activate").hasRole("APPROVER")
                .requestMatchers("/rulesets/**", "/api/rulesets/**").hasRole("BOARD")
                .anyRequest().hasRole("SUBCOMMITTEE"))
                .formLogin(f -> f.loginPage("/login").permitAll())
                // A client that keeps the session cookie pays the bcrypt check once, not on every request.
                .httpBasic(b -> b.securityContextRepository(
                        new org.springframework.security.web.context.HttpSessionSecurityContextRepository()))
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .csrf(c -> c.ignoringRequestMatchers("/api/**"));
        return http.build();
    }

    /** Logins (and failed attempts, by user name only) go into the audit log. */
    @Configuration
    static class LoginAudit {
        private final AuditLog audit;

        LoginAudit(AuditLog audit) {
            this.audit = audit;
        }

        @EventListener
        void success(InteractiveAuthenticationSuccessEvent e) {
            audit.append(e.getAuthentication().getName(), "LOGIN", null, null, null, null);
        }

        @EventListener
        void failure(AbstractAuthenticationFailureEvent e) {
            audit.append(String.valueOf(e.getAuthentication().getName()), "LOGIN_FAILED", null, null, null,
                    e.getException().getClass().getSimpleName());
        }
    }
}
