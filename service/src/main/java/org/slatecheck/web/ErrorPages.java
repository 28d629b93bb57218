package org.slatecheck.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slatecheck.rules.text.Messages;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error a page ends in (400, 403, 404, 405, 500 and the rest) is shown as a page of the site, in its layout,
 * Vietnamese by default and English with {@code lang=en}: a title, what it means and where to go, no exception name,
 * no stack trace, never Spring's "Whitelabel Error Page" and never the JSON meant for the API. The API
 * ({@code /api/**}) keeps answering problem details ({@code application/problem+json}).
 *
 * <p>Two ways lead here: errors the container dispatches to {@code /error} (a refused page access — Spring
 * Security's 403 —, an exception no one handled, any {@code sendError}); and the MVC exceptions that carry a status
 * ({@link ErrorResponse}: unknown page, wrong method, missing parameter, {@code ResponseStatusException}) which,
 * on pages, this resolver turns into such a dispatch before the problem-details handler meant for the API would
 * answer JSON.
 */
@Controller
public class ErrorPages implements ErrorController, HandlerExceptionResolver, Ordered {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The statuses with a text of their own; others are told as their class (4xx: the request; 5xx: the server). */
    static final Set<Integer> KNOWN = Set.of(400, 403, 404, 405, 500);

    private final LocaleResolver locales;

    public ErrorPages(LocaleResolver locales) {
        this.locales = locales;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10; // after Boot's DefaultErrorAttributes, before the MVC resolvers
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (api(path(request)) && ex instanceof HttpRequestMethodNotSupportedException wrong
                && !response.isCommitted()) {
            return apiMethodNotAllowed(request, response, wrong);
        }
        // An upload over the limit keeps its own answer (UploadLimitErrors, the same as RequestSizeFilter's).
        if (api(path(request)) || !(ex instanceof ErrorResponse error) || response.isCommitted()
                || ex instanceof org.springframework.web.multipart.MultipartException) {
            return null;
        }
        try {
            if (ex instanceof HttpRequestMethodNotSupportedException m && m.getSupportedHttpMethods() != null) {
                response.setHeader("Allow", String.join(", ", m.getSupportedHttpMethods().stream()
                        .map(Object::toString).toList()));
            }
            response.sendError(error.getStatusCode().value());
            return new ModelAndView();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * A method the API address does not take: a problem detail in the language the API answers in ({@code ?lang=},
     * Vietnamese by default, as {@link ApiErrors}), naming the address, the method and the methods it takes; the
     * {@code Allow} header as well.
     */
    private ModelAndView apiMethodNotAllowed(HttpServletRequest request, HttpServletResponse response,
            HttpRequestMethodNotSupportedException ex) {
        Locale lang = Messages.language(request.getParameter("lang"));
        Messages m = Messages.of(lang == null ? Messages.VI : lang);
        String allowed = ex.getSupportedHttpMethods() == null ? ""
                : String.join(", ", ex.getSupportedHttpMethods().stream().map(Object::toString).toList());
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", m.raw("api.method_not_allowed_title"));
        problem.put("status", 405);
        problem.put("detail", m.text(allowed.isEmpty() ? "api.method_not_allowed_none" : "api.method_not_allowed",
                path(request), ex.getMethod(), allowed));
        problem.put("instance", path(request));
        try {
            if (!allowed.isEmpty()) {
                response.setHeader("Allow", allowed);
            }
            response.setStatus(405);
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(JSON.writeValueAsBytes(problem));
            return new ModelAndView();
        } catch (IOException e) {
            return null;
        }
    }

    @RequestMapping("/error")
    public ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : response.getStatus();
        if (status < 400) {
            status = 500; // reached without an error (someone opened /error): nothing to show but "an error"
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? path(request) : uri.toString().substring(request.getContextPath().length());
        Messages m = Messages.of(language(request));
        String key = KNOWN.contains(status) ? String.valueOf(status) : status < 500 ? "4xx" : "5xx";
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        if (api(path)) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", m.raw("ui.error_page.title." + key));
            problem.put("status", status);
            problem.put("detail", m.raw("ui.error_page.text." + key));
            problem.put("instance", path);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(JSON.writeValueAsBytes(problem));
            return null;
        }
        ModelAndView page = new ModelAndView("error-page");
        page.setStatus(org.springframework.http.HttpStatusCode.valueOf(status));
        page.addObject("t", m);
        page.addObject("lang", m.locale().getLanguage());
        page.addObject("otherLang", m.locale().getLanguage().equals("en") ? "vi" : "en");
        page.addObject("status", status);
        page.addObject("errorKey", key);
        page.addObject("signIn", status == 403 && request.getUserPrincipal() == null);
        return page;
    }

    /** {@code ?lang=} of the failed request, else the page language (cookie), else Vietnamese. */
    private Locale language(HttpServletRequest request) {
        Locale param = Messages.language(request.getParameter("lang"));
        if (param != null) {
            return param;
        }
        Locale chosen = Messages.language(locales.resolveLocale(request).getLanguage());
        return chosen == null ? Messages.VI : chosen;
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static boolean api(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }
}
