package org.slatecheck.web;

import java.util.Map;

import org.slatecheck.governance.AuditLog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit page: the log of the reader's scope, its filters read as the API reads them ({@link AuditPage}). */
@Controller
public class AuditPageController {
    private final AuditLog audit;
    private final Scope scope;

    public AuditPageController(AuditLog audit, Scope scope) {
        this.audit = audit;
        this.scope = scope;
    }

    /** The audit log of the reader's scope, filtered (action, user, unit, dates) and paged on the server. */
    @GetMapping("/audit")
    String audit(@RequestParam(required = false) String action, @RequestParam(required = false) String user,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, Model model) {
        int n = Math.max(1, Math.min(size, 500));
        AuditLog.Page result = audit.search(AuditPage.filter(action, user, unit, from, to, scope.unit()),
                Math.max(0, page), n);
        model.addAttribute("entries", result.entries());
        model.addAttribute("page", result);
        Map<String, String> filters = new java.util.LinkedHashMap<>();
        filters.put("action", action == null ? "" : action);
        filters.put("user", user == null ? "" : user);
        filters.put("unit", unit == null ? "" : unit);
        filters.put("from", from == null ? "" : from);
        filters.put("to", to == null ? "" : to);
        model.addAttribute("filters", filters);
        model.addAttribute("size", n);
        return "audit";
    }
}
