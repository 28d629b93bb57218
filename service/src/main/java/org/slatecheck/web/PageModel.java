package org.slatecheck.web;

import java.util.Locale;

import org.slatecheck.rules.text.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page needs (the messages of the chosen language), and the login page. The API does not need it. */
@ControllerAdvice(assignableTypes = {PageController.class, BatchPageController.class, RuleSetPageController.class,
    PageModel.Login.class, ColumnsPageController.class, AuditPageController.class, AdminPageController.class})
public class PageModel {

    @ModelAttribute
    void common(Model model, Locale locale) {
        Messages m = Messages.of(locale);
        model.addAttribute("t", m);
        // Codes, times, numbers and evidence as words of the page's language (never the raw code).
        model.addAttribute("lb", org.slatecheck.rules.explain.Labels.of(m));
        model.addAttribute("lang", m.locale().getLanguage());
        model.addAttribute("otherLang", m.locale().getLanguage().equals("en") ? "vi" : "en");
    }

    /** The login page (Vietnamese first, like every page). */
    @Controller
    static class Login {
        @GetMapping("/login")
        String login() {
            return "login";
        }

        /** A throttled sign-in (forwarded here with status 429 and Retry-After): the form says how long to wait. */
        @org.springframework.web.bind.annotation.RequestMapping("/login/throttled")
        String throttled(jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response, Model model, java.util.Locale locale) {
            Object seconds = request.getAttribute("throttledSeconds");
            response.setStatus(429);
            long wait = seconds instanceof Long l ? l : 60L;
            model.addAttribute("throttledSeconds", wait);
            // The wait in words of the page's language ("2 phút 30 giây" / "2 min 30 s").
            model.addAttribute("throttledWait", org.slatecheck.governance.SignInGuard.inWords(wait,
                    org.slatecheck.rules.text.Messages.of(locale)));
            return "login";
        }
    }
}
