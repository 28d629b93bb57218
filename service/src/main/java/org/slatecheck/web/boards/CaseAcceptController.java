package org.slatecheck.web.boards;

import java.util.Locale;

import org.slatecheck.impact.CaseAcceptance;
import org.slatecheck.governance.GovernanceException;
import org.slatecheck.rules.text.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one step in which a board accepts the new expected outcomes of the rule cases its change changes (the section
 * {@code fragments/case-changes :: pending} of the rule set page); back to the draft with what happened, or why not.
 */
@Controller
public class CaseAcceptController {
    private final CaseAcceptance cases;

    public CaseAcceptController(CaseAcceptance cases) {
        this.cases = cases;
    }

    @PostMapping("/rulesets/{id}/cases/accept")
    String accept(@PathVariable long id, @RequestParam(required = false) String checksum, RedirectAttributes flash,
            Locale locale) {
        Messages m = Messages.of(locale);
        try {
            int n = cases.accept(id, BoardPages.user(), checksum);
            flash.addFlashAttribute("ok", n == 0 ? m.raw("cases.nothing") : m.text("cases.accepted", n));
        } catch (GovernanceException e) {
            flash.addFlashAttribute("problems", e.texts(m));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/rulesets/" + id;
    }
}
