package org.slatecheck.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slatecheck.governance.ApiTokens;
import org.slatecheck.governance.OrgUnits;
import org.slatecheck.governance.UserAccounts;
import org.slatecheck.rules.text.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administration pages: users (create, roles, full name, disable/enable, password), their API tokens and the
 * organisation units, within the administrator's scope. Every action goes back to the users page with what happened
 * (or why it was refused) in the user's language.
 */
@Controller
public class AdminPageController {
    private final UserAccounts users;
    private final ApiTokens tokens;
    private final OrgUnits units;
    private final Scope scope;

    public AdminPageController(UserAccounts users, ApiTokens tokens, OrgUnits units, Scope scope) {
        this.users = users;
        this.tokens = tokens;
        this.units = units;
        this.scope = scope;
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        String unit = scope.unit();
        String me = PageController.user();
        List<Map<String, Object>> all = users.all(unit);
        java.util.Set<String> grantable = users.grantable(me);
        model.addAttribute("users", all);
        model.addAttribute("roles", UserAccounts.ROLE_ORDER);
        model.addAttribute("grantable", grantable);
        // Rows the administrator may change: itself, and users holding only roles it may grant.
        model.addAttribute("manageable", all.stream().filter(u -> me.equals(u.get("username"))
                || grantable.containsAll(java.util.Arrays.stream(String.valueOf(u.get("roles")).split(","))
                        .map(String::strip).filter(r -> !r.isEmpty()).toList()))
                .map(u -> (String) u.get("username")).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("me", me);
        model.addAttribute("units", units.within(unit));
        return "users";
    }

    @PostMapping("/admin/users")
    String createUser(@RequestParam String username, @RequestParam(required = false) String fullName,
            @RequestParam String password, @RequestParam(required = false) List<String> roles,
            @RequestParam(required = false) String unit, RedirectAttributes flash, Locale locale) {
        Messages m = Messages.of(locale);
        try {
            users.create(PageController.user(), username, fullName, password, roles(roles),
                    unit == null || unit.isBlank() ? scope.unit() : unit.strip());
            flash.addFlashAttribute("ok", m.text("ui.users.created", username));
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("problems", List.of(m.raw(e.getMessage())));
        }
        return "redirect:/admin/users";
    }

    /** Saves a user's full name and roles (the check boxes of the user's row). */
    @PostMapping("/admin/users/update")
    String updateUser(@RequestParam String username, @RequestParam(required = false) String fullName,
            @RequestParam(required = false) List<String> roles, RedirectAttributes flash, Locale locale) {
        return userChange(username, flash, locale, "ui.users.saved", () -> {
            users.setRoles(PageController.user(), username, roles(roles));
            if (fullName != null) {
                users.setFullName(PageController.user(), username, fullName);
            }
        });
    }

    /** Disables ({@code enabled=false}) or enables a user. */
    @PostMapping("/admin/users/enabled")
    String enableUser(@RequestParam String username, @RequestParam boolean enabled, RedirectAttributes flash,
            Locale locale) {
        return userChange(username, flash, locale, enabled ? "ui.users.enabled_done" : "ui.users.disabled_done",
                () -> users.setEnabled(PageController.user(), username, enabled));
    }

    /** Sets a new password for a user (the password policy applies). */
    @PostMapping("/admin/users/password")
    String resetPassword(@RequestParam String username, @RequestParam String password, RedirectAttributes flash,
            Locale locale) {
        return userChange(username, flash, locale, "ui.users.password_done",
                () -> users.resetPassword(PageController.user(), username, password));
    }

    private String userChange(String username, RedirectAttributes flash, Locale locale, String done, Runnable change) {
        Messages m = Messages.of(locale);
        try {
            change.run();
            flash.addFlashAttribute("ok", m.text(done, username));
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("problems", List.of(m.raw(e.getMessage())));
        }
        return "redirect:/admin/users";
    }

    /** Roles from check boxes (one value each) or typed ("BOARD, APPROVER"), upper case, each once. */
    static List<String> roles(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().flatMap(v -> Arrays.stream(v.split("[,+\\s]+"))).map(String::strip)
                .filter(r -> !r.isEmpty()).map(r -> r.toUpperCase(Locale.ROOT)).distinct().toList();
    }

    /** Issues an API token for a user; it is shown once, on the page the redirect leads to, and stored hashed. */
    @PostMapping("/admin/tokens")
    String issueToken(@RequestParam String username, RedirectAttributes flash, Locale locale) {
        try {
            flash.addFlashAttribute("token", tokens.issue(PageController.user(), username));
            flash.addFlashAttribute("tokenUser", username);
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("problems", List.of(Messages.of(locale).raw(e.getMessage())));
        }
        return "redirect:/admin/users";
    }

    /** A new organisation unit below one of the admin's scope. */
    @PostMapping("/admin/units")
    String createUnit(@RequestParam String code, @RequestParam String name, @RequestParam String parent,
            @RequestParam String level, RedirectAttributes flash, Locale locale) {
        Messages m = Messages.of(locale);
        try {
            units.create(PageController.user(), code.strip(), name, parent.strip(), level.strip());
            flash.addFlashAttribute("ok", code.strip());
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("problems", List.of(m.raw(e.getMessage())));
        }
        return "redirect:/admin/users";
    }

    /** Units from CSV (code, name, parent_code, level): all of them or none. */
    @PostMapping("/admin/units/import")
    String importUnits(@RequestParam MultipartFile file, RedirectAttributes flash, Locale locale) throws IOException {
        Messages m = Messages.of(locale);
        try {
            int n = units.importCsv(PageController.user(), file.getBytes());
            flash.addFlashAttribute("ok", m.text("ui.units.imported", n));
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("problems", List.of(m.raw(e.getMessage())));
        }
        return "redirect:/admin/users";
    }
}
