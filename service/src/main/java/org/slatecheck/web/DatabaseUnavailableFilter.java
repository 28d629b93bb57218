package org.slatecheck.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slatecheck.config.DatabaseFaults;
import org.slatecheck.rules.text.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The database being unavailable (stopped, restarting, connection lost; see {@link DatabaseFaults}) during a sign-in,
 * a check or any other request is answered <b>503</b> with a clear message in Vietnamese or English: a problem detail
 * on {@code /api/**}, a page otherwise. It sits outside the security filters, so a sign-in that cannot read its user
 * is a 503 too, not a 401. Nothing was stored (a check is stored in one transaction); the next request after the
 * database is back works again, without restarting the application.
 */
public class DatabaseUnavailableFilter extends OncePerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Seconds a client is told to wait before trying again. */
    static final String RETRY_AFTER = "10";

    /** Registers the filter just outside Spring Security's filter chain, so its sign-in failures are seen here. */
    @Configuration(proxyBeanMethods = false)
    @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
    static class Registration {
        @Bean
        FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter() {
            FilterRegistrationBean<DatabaseUnavailableFilter> registration = new FilterRegistrationBean<>(
                    new DatabaseUnavailableFilter());
            registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
            return registration;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseFaults.unavailable(e) || response.isCommitted()) {
                throw e;
            }
            // No message, no SQL, no user: only that the database was unavailable and what was asked.
            LOG.warn("database unavailable: {} {} answered 503 ({})", request.getMethod(), request.getRequestURI(),
                    e.getClass().getSimpleName());
            unavailable(request, response);
        }
    }

    static void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Messages m = Messages.of(language(request));
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER);
        response.setHeader("Cache-Control", "no-store");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "https://slatecheck.example/problems/database-unavailable");
            problem.put("title", m.raw("db.unavailable_title"));
            problem.put("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            problem.put("detail", m.raw("db.unavailable"));
            problem.put("instance", path);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(JSON.writeValueAsBytes(problem));
            return;
        }
        String lang = m.locale().getLanguage();
        String html = "<!DOCTYPE html>\n<html lang=\"" + lang + "\">\n<head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                + HtmlUtils.htmlEscape(m.raw("db.unavailable_title")) + " · SlateCheck</title>"
                + "<link rel=\"stylesheet\" href=\"" + request.getContextPath() + "/slatecheck.css\"></head>\n<body>"
                + "<header><a class=\"brand\" href=\"" + request.getContextPath() + "/\">SlateCheck</a></header>\n"
                + "<main><section class=\"card\" id=\"database-unavailable\"><h1>"
                + HtmlUtils.htmlEscape(m.raw("db.unavailable_title")) + "</h1><p>"
                + HtmlUtils.htmlEscape(m.raw("db.unavailable")) + "</p><p><a href=\"\">"
                + HtmlUtils.htmlEscape(m.raw("db.retry")) + "</a></p></section></main>\n</body>\n</html>\n";
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code ?lang=}, else the page language cookie, else Vietnamese. */
    private static Locale language(HttpServletRequest request) {
        String param = request.getParameter("lang");
        if (param != null && Messages.language(param) != null) {
            return Messages.language(param);
        }
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if ("slatecheck-lang".equals(c.getName()) && c.getValue() != null
                        && Messages.language(c.getValue()) != null) {
                    return Messages.language(c.getValue());
                }
            }
        }
        return Messages.VI;
    }
}
