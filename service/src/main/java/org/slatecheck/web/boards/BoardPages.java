package org.slatecheck.web.boards;

import java.util.Locale;

import org.slatecheck.rules.explain.Labels;
import org.slatecheck.rules.text.Messages;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the boards' pages need, as every page has it (the messages and labels of the page's language). */
@ControllerAdvice(assignableTypes = {GuidedRuleController.class, CaseAcceptController.class})
public class BoardPages {
    @ModelAttribute
    void common(Model model, Locale locale) {
        Messages m = Messages.of(locale);
        model.addAttribute("t", m);
        model.addAttribute("lb", Labels.of(m));
        model.addAttribute("lang", m.locale().getLanguage());
        model.addAttribute("otherLang", m.locale().getLanguage().equals("en") ? "vi" : "en");
    }

    /** The signed-in user's name. */
    static String user() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "anonymous" : auth.getName();
    }
}
