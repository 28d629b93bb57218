package org.slatecheck.governance;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slatecheck.rules.text.Messages;
import org.springframework.boot.web.server.Cookie.SameSite;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.AbstractServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may do what, and how one signs in. Roles nest: APPROVER ⊃ BOARD ⊃ SUBCOMMITTEE, so an approver can also read
 * checks and rule sets; four eyes are enforced on the draft itself (its author cannot approve it). ADMIN manages
 * users and units, reads the audit log and has the SUBCOMMITTEE rights of its scope, but does <em>not</em> include
 * BOARD or APPROVER: an administrator who approves holds APPROVER explicitly. Who governs the national rule sets
 * (the central unit's BOARD and APPROVER users only) is checked by {@link RuleSetApprovals#governs} on top of these roles
 * (docs/decisions.md, "Who governs the national rule sets").
 *
 * <p>Two filter chains (issue 11):
 * <ul>
 * <li>{@code /api/**}: stateless. Every request brings HTTP Basic or {@code Authorization: Bearer sct_…}
 * ({@link ApiTokens}); no session is created or read, so the browser's session cookie never authorises an API call
 * (and CSRF, a cookie attack, does not apply). Basic checks are cached ({@link CredentialCache}).</li>
 * <li>everything else (pages): form login (HTTP Basic too, for scripts reading pages) with a session and CSRF
 * tokens on every form.</li>
 * </ul>
 * Both throttle failed sign-ins ({@link SignInGuard}: 429 with Retry-After) and send the same security headers:
 * a Content-Security-Policy without inline script and with {@code frame-ancestors 'none'}, X-Frame-Options DENY,
 * X-Content-Type-Options nosniff, Referrer-Policy same-origin. The session cookie is HttpOnly and SameSite=Lax
 * (Secure whenever the request came over HTTPS: the container sets it then).
 */
@Configuration
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
public class SecurityConfig {
    /** Inline styles stay allowed (templates size bars with style attributes); scripts only from this origin. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_APPROVER > ROLE_BOARD
                ROLE_BOARD > ROLE_SUBCOMMITTEE
                ROLE_ADMIN > ROLE_SUBCOMMITTEE
                """);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, UserAccounts users, PasswordEncoder encoder, SignInGuard guard,
            CredentialCache cache, ApiTokens tokens) throws Exception {
        AuthenticationEntryPoint entry = new ApiEntryPoint();
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/admin/**", "/api/tokens", "/api/tokens/**").hasRole("ADMIN")
                        .requestMatchers("/api/audit").hasAnyRole("APPROVER", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/rulesets/*/approve", "/api/rulesets/*/activate")
                        .hasRole("APPROVER")
                        .requestMatchers("/api/rulesets/**").hasRole("BOARD")
                        .anyRequest().hasRole("SUBCOMMITTEE"))
                .authenticationManager(new ProviderManager(new SignInProvider(users, encoder, guard, cache, true)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(c -> c.disable())
                .httpBasic(b -> b.authenticationEntryPoint(entry)
                        .securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .addFilterBefore(new BearerFilter(tokens, guard, entry), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(entry))
                .csrf(c -> c.disable())
                .headers(SecurityConfig::headers);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, UserAccounts users, PasswordEncoder encoder, SignInGuard guard,
            CredentialCache cache) throws Exception {
        http.authorizeHttpRequests(a -> a
                .requestMatchers("/login", "/login/throttled", "/slatecheck.css", "/favicon.ico", "/error", "/healthz")
                .permitAll()
                .requestMatchers("/admin/**").hasRole("ADMIN")
                .requestMatchers("/audit").hasAnyRole("APPROVER", "ADMIN")
                .requestMatchers(HttpMethod.POST, "/rulesets/*/approve", "/rulesets/*/activate").hasRole("APPROVER")
                .requestMatchers("/rulesets/**").hasRole("BOARD")
                .anyRequest().hasRole("SUBCOMMITTEE"))
                .authenticationManager(new ProviderManager(new SignInProvider(users, encoder, guard, cache, false)))
                .formLogin(f -> f.loginPage("/login").permitAll().failureHandler(new FormFailure()))
                // HTTP Basic on pages keeps its session (checked and audited once per session, like the form).
                .httpBasic(b -> b.authenticationEntryPoint(new ApiEntryPoint()).securityContextRepository(
                        new org.springframework.security.web.context.HttpSessionSecurityContextRepository()))
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .addFilterBefore(new CurrentRolesFilter(users),
                        org.springframework.security.web.authentication.AnonymousAuthenticationFilter.class)
                .headers(SecurityConfig::headers);
        return http.build();
    }

    private static void headers(
            org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> h) {
        h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                .frameOptions(f -> f.deny())
                .contentTypeOptions(c -> { })
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN));
    }

    /** The session cookie: HttpOnly, SameSite=Lax; Tomcat adds Secure when the request is HTTPS. */
    @Bean
    WebServerFactoryCustomizer<AbstractServletWebServerFactory> sessionCookie() {
        return factory -> {
            factory.getSession().getCookie().setHttpOnly(true);
            if (factory.getSession().getCookie().getSameSite() == null) {
                factory.getSession().getCookie().setSameSite(SameSite.LAX);
            }
        };
    }

    /**
     * The session cookie when sessions live in the database (Spring Session JDBC, issue 22): its usual name
     * {@code JSESSIONID}, HttpOnly, SameSite=Lax, Secure whenever the request came over HTTPS (the serializer's
     * default), as the container's cookie was before.
     */
    @Bean
    org.springframework.session.web.http.CookieSerializer sessionCookieSerializer() {
        org.springframework.session.web.http.DefaultCookieSerializer c =
                new org.springframework.session.web.http.DefaultCookieSerializer();
        c.setCookieName("JSESSIONID");
        c.setUseHttpOnlyCookie(true);
        c.setSameSite("Lax");
        return c;
    }

    private static Messages messages(HttpServletRequest request) {
        Locale lang = Messages.language(request.getParameter("lang"));
        return Messages.of(lang == null ? Messages.VI : lang);
    }

    /**
     * API (and HTTP Basic) refusals: 429 with Retry-After and a problem detail while throttled, otherwise 401 with
     * {@code WWW-Authenticate: Basic} and a problem detail.
     */
    static final class ApiEntryPoint implements AuthenticationEntryPoint {
        private final BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();

        ApiEntryPoint() {
            basic.setRealmName("SlateCheck");
        }

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                throws IOException {
            Messages m = messages(request);
            if (e instanceof SignInThrottledException t) {
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(t.retryAfterSeconds()));
                problem(response, 429, m.raw("signin.throttled_title"),
                        m.text("signin.throttled", SignInGuard.inWords(t.retryAfterSeconds(), m)), "signin.throttled");
                return;
            }
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"SlateCheck\", Bearer");
            problem(response, 401, m.raw("signin.unauthorized_title"), m.raw("signin.unauthorized"),
                    "signin.unauthorized");
        }

        private static void problem(HttpServletResponse response, int status, String title, String detail, String code)
                throws IOException {
            response.setStatus(status);
            response.setContentType("application/problem+json;charset=UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":" + json(title) + ",\"status\":" + status
                    + ",\"detail\":" + json(detail) + ",\"code\":" + json(code) + "}");
        }

        private static String json(String s) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    b.append('\\').append(c);
                } else if (c < 0x20) {
                    b.append(String.format("\\u%04x", (int) c));
                } else {
                    b.append(c);
                }
            }
            return b.append('"').toString();
        }
    }

    /** The login form: a throttled attempt is answered 429 + Retry-After with the login page saying so. */
    static final class FormFailure extends SimpleUrlAuthenticationFailureHandler {
        FormFailure() {
            super("/login?error");
        }

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                AuthenticationException e) throws IOException, ServletException {
            if (e instanceof SignInThrottledException t) {
                response.setStatus(429);
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(t.retryAfterSeconds()));
                request.setAttribute("throttledSeconds", t.retryAfterSeconds());
                request.getRequestDispatcher("/login/throttled").forward(request, response);
                return;
            }
            super.onAuthenticationFailure(request, response, e);
        }
    }

    /**
     * A page session follows the user's row in the database at every request (one read by primary key): a user who
     * has since been disabled (or removed) has the session invalidated and the request goes on unauthenticated, so it
     * is sent to the login page, where that user cannot sign in; a user whose roles changed (an administrator took
     * BOARD away, say) has the session's authentication replaced by one with the current roles, so the very next
     * request is decided on them (403 where the old role was needed). The API needs no such check: it reads the user
     * on every request (Basic and bearer alike).
     */
    static final class CurrentRolesFilter extends OncePerRequestFilter {
        private final UserAccounts users;
        private final org.springframework.security.web.context.SecurityContextRepository sessions =
                new org.springframework.security.web.context.HttpSessionSecurityContextRepository();

        CurrentRolesFilter(UserAccounts users) {
            this.users = users;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.isAuthenticated() && auth instanceof UsernamePasswordAuthenticationToken) {
                java.util.Optional<java.util.Set<String>> roles = users.currentRoles(auth.getName());
                if (roles.isEmpty()) {
                    jakarta.servlet.http.HttpSession session = request.getSession(false);
                    if (session != null) {
                        session.invalidate();
                    }
                    SecurityContextHolder.clearContext();
                } else if (!roles.get().equals(authorities(auth))) {
                    var granted = roles.get().stream().sorted()
                            .map(org.springframework.security.core.authority.SimpleGrantedAuthority::new).toList();
                    Object principal = auth.getPrincipal() instanceof UserDetails u
                            ? org.springframework.security.core.userdetails.User.withUsername(u.getUsername())
                                    .password("").authorities(granted).build()
                            : auth.getPrincipal();
                    UsernamePasswordAuthenticationToken current = UsernamePasswordAuthenticationToken
                            .authenticated(principal, null, granted);
                    current.setDetails(auth.getDetails());
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(current);
                    SecurityContextHolder.setContext(context);
                    if (request.getSession(false) != null) {
                        sessions.saveContext(context, request, response);
                    }
                }
            }
            chain.doFilter(request, response);
        }

        private static java.util.Set<String> authorities(org.springframework.security.core.Authentication auth) {
            java.util.Set<String> out = new java.util.HashSet<>();
            auth.getAuthorities().forEach(a -> out.add(a.getAuthority()));
            return out;
        }
    }

    /** {@code Authorization: Bearer …}: the token's user for this request only; an unknown token is a 401. */
    static final class BearerFilter extends OncePerRequestFilter {
        private final ApiTokens tokens;
        private final SignInGuard guard;
        private final AuthenticationEntryPoint entry;
        private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

        BearerFilter(ApiTokens tokens, SignInGuard guard, AuthenticationEntryPoint entry) {
            this.tokens = tokens;
            this.guard = guard;
            this.entry = entry;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                chain.doFilter(request, response);
                return;
            }
            long wait = guard.retryAfter(null, request.getRemoteAddr());
            if (wait > 0) {
                entry.commence(request, response, new SignInThrottledException(wait));
                return;
            }
            UserDetails user = tokens.user(header.substring(7).strip()).orElse(null);
            if (user == null) {
                guard.failed(null, request.getRemoteAddr(), "bearer token");
                entry.commence(request, response, new org.springframework.security.authentication
                        .BadCredentialsException("unknown token"));
                return;
            }
            UsernamePasswordAuthenticationToken auth = UsernamePasswordAuthenticationToken.authenticated(
                    org.springframework.security.core.userdetails.User.withUserDetails(user).password("").build(),
                    null, user.getAuthorities());
            auth.setDetails(details.buildDetails(request));
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(auth);
            SecurityContextHolder.setContext(context);
            guard.succeeded(user.getUsername(), request.getRemoteAddr(), true);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
