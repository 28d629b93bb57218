package org.slatecheck.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slatecheck.governance.GovernanceException;
import org.slatecheck.governance.RuleSetApprovals;
import org.slatecheck.governance.RuleSetDrafts;
import org.slatecheck.governance.RuleSetVersions;
import org.slatecheck.rules.engine.RuleSetSource;
import org.slatecheck.rules.params.ParameterException;
import org.slatecheck.rules.text.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The frame every board form of a version shares (issue 17 item 8; the forms' own content is {@link BoardForms}'):
 * the version, or a 404 page for an unknown version or a deleted draft; whether the signed-in user may edit it; the
 * edit saved as that user; and the way back — to the version page at the form, with what was saved, that nothing
 * changed, or the reasons of a refusal in the reader's words (never a stack trace). The forms:
 * {@link CitationFormController}, {@link SwitchFormController}, {@link DocumentFormController},
 * {@link TermFormController}, {@link ParameterTableController} and the guided-rule builder.
 */
@Component
public class BoardEdits {
    private final RuleSetVersions versions;
    private final RuleSetDrafts drafts;
    private final RuleSetApprovals approvals;
    private final BoardForms forms;

    public BoardEdits(RuleSetVersions versions, RuleSetDrafts drafts, RuleSetApprovals approvals, BoardForms forms) {
        this.versions = versions;
        this.drafts = drafts;
        this.approvals = approvals;
        this.forms = forms;
    }

    /** What a form's edit came to: the words for the page ({@code ok}), or the reasons nothing was saved. */
    public record Outcome(String ok, List<String> problems) {
        public static Outcome saved(Messages m) {
            return new Outcome(m.raw("ui.rulesets.saved"), List.of());
        }

        public static Outcome unchanged(Messages m) {
            return new Outcome(m.raw("ui.boards.unchanged"), List.of());
        }

        public static Outcome ok(String words) {
            return new Outcome(words, List.of());
        }

        public static Outcome refused(List<String> problems) {
            return new Outcome(null, List.copyOf(problems));
        }
    }

    /** One form's edit of the version's content as stored now; it saves through {@link BoardEdits} itself. */
    @FunctionalInterface
    public interface Edit {
        Outcome apply(RuleSetSource source, Messages m);
    }

    /** Version {@code id}; a 404 page when it is unknown or a deleted draft. */
    public RuleSetVersions.Version version(long id) {
        return versions.get(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The content of version {@code id} as stored now. */
    public RuleSetSource source(long id) {
        return versions.source(id);
    }

    /**
     * Version {@code id} when the signed-in user may edit it — a central board member, its author, and it is a
     * draft — else a 403 page (404 when unknown), for the pages that only an editor may open at all.
     */
    public RuleSetVersions.Version editable(long id) {
        RuleSetVersions.Version v = version(id);
        String me = PageController.user();
        if (!approvals.governs(me, "BOARD") || !v.status().equals("DRAFT") || !v.author().equals(me)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return v;
    }

    /** Replaces (null: removes) one data file of draft {@code id} as the signed-in user (refusals in words). */
    public void replaceFile(long id, String path, String text) {
        drafts.replaceFile(id, PageController.user(), path, text);
    }

    /** Sets parameter values with their sources and dates on draft {@code id} as the signed-in user. */
    public void saveParameters(long id, Map<String, String> values, Map<String, String> notes,
            Map<String, String> fromDates, Map<String, String> documents, Map<String, String> articles,
            Map<String, String> clauses) {
        drafts.saveParameters(id, PageController.user(), values, notes, fromDates, documents, articles, clauses);
    }

    /**
     * A form's post: the version (404 when unknown), the edit made on its content, and back to the version page at
     * {@code anchor} with the outcome as the flash ({@code ok} or {@code problems}). A refusal of the registry (or of
     * a file's reader) comes back in words, a parameter named by its label.
     */
    public String post(long id, String anchor, RedirectAttributes flash, Locale locale, Edit edit) {
        Messages m = Messages.of(locale);
        version(id);
        RuleSetSource source = versions.source(id);
        try {
            Outcome outcome = edit.apply(source, m);
            if (outcome.problems().isEmpty()) {
                flash.addFlashAttribute("ok", outcome.ok());
            } else {
                flash.addFlashAttribute("problems", outcome.problems());
            }
        } catch (ParameterException e) {
            flash.addFlashAttribute("problems", forms.problems(id, new GovernanceException(
                    List.of(GovernanceException.Problem.data(e))), m));
        } catch (GovernanceException e) {
            flash.addFlashAttribute("problems", forms.problems(id, e, m));
        }
        return "redirect:/rulesets/" + id + "#" + anchor;
    }
}
