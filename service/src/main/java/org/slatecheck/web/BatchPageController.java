package org.slatecheck.web;

import java.util.Locale;

import org.slatecheck.batch.BatchService;
import org.slatecheck.rules.explain.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The page of a batch: progress while it runs (refreshing itself), the summary when it is done. */
@Controller
public class BatchPageController {
    private final BatchService batches;
    private final Scope scope;

    public BatchPageController(BatchService batches, Scope scope) {
        this.batches = batches;
        this.scope = scope;
    }

    @GetMapping("/batches/{id}")
    public String batch(@PathVariable String id, Model model, Locale locale) {
        Messages m = Messages.of(locale);
        scope.record(batches.unitOf(id), "batch page", id);
        var state = batches.state(id, m).orElseThrow(() -> new ResponseStatusException(
                org.springframework.http.HttpStatus.NOT_FOUND));
        model.addAttribute("batch", state);
        boolean running = "VALIDATING".equals(state.get("status")) || "RUNNING".equals(state.get("status"));
        model.addAttribute("running", running);
        if (!running) {
            model.addAttribute("summary", batches.summary(id, m));
        }
        return "batch";
    }
}
