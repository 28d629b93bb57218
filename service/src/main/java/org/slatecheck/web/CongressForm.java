package org.slatecheck.web;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slatecheck.rules.intake.Columns;
import org.slatecheck.rules.intake.ColumnGuide;
import org.slatecheck.rules.model.ListKind;
import org.springframework.ui.Model;

/**
 * The congress form of the upload page (it stands in for a congresses file of one row): its fields, the choices of
 * its drop-downs, what was typed (kept when the page comes back with errors), and the id made when none was typed.
 */
final class CongressForm {
    /** The drop-downs' choices, in the order a personnel officer meets them (labels: {@code ui.level.*}). */
    static final List<String> LEVELS = ColumnGuide.LEVEL.codes();
    static final List<String> LIST_KINDS = List.of(ListKind.ELECTION_LIST.name(), ListKind.PERSONNEL_PLAN.name(),
            ListKind.INSPECTION_LIST.name());
    /** Most characters of the organisation kept in a made id (ids may have 100). */
    static final int ID_ORGANISATION_CHARS = 60;

    private CongressForm() {
    }

    /** The congress fields of a request (other parameters, such as the CSRF token, are left out). */
    static Map<String, String> typed(Map<String, String> request) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String column : Columns.CONGRESS.keySet()) {
            String v = request.get(column);
            typed.put(column, v == null ? "" : v);
        }
        return typed;
    }

    /**
     * {@code typed} with an id when none was typed: the organisation without diacritics, upper case, words joined by
     * "-", then the congress date (or the term when no date was given) — "ĐẢNG BỘ TỈNH BẮC NINH" on 2025-10-15 is
     * {@code DANG-BO-TINH-BAC-NINH-2025-10-15}. Without an organisation the id starts with {@code DAI-HOI}.
     */
    static Map<String, String> withId(Map<String, String> typed) {
        if (!typed.getOrDefault("congress_id", "").isBlank()) {
            return typed;
        }
        Map<String, String> filled = new LinkedHashMap<>(typed);
        String org = slug(typed.getOrDefault("organisation", ""));
        if (org.length() > ID_ORGANISATION_CHARS) {
            org = org.substring(0, ID_ORGANISATION_CHARS).replaceAll("-+$", "");
        }
        String date = typed.getOrDefault("congress_date", "").strip();
        String when = date.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}") ? date : slug(typed.getOrDefault("term", ""));
        String id = (org.isEmpty() ? "DAI-HOI" : org) + (when.isEmpty() ? "" : "-" + when);
        filled.put("congress_id", id);
        return filled;
    }

    /** Letters and digits of {@code text} without diacritics (đ → d), upper case, runs of others as one "-". */
    static String slug(String text) {
        String plain = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return plain.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /**
     * What the upload page shows of the form: the values, each field's errors and the other errors; {@code terms}:
     * the terms with an active rule set (newest first in the drop-down), never a list in Java.
     */
    static void addTo(Model model, Map<String, String> values, Map<String, List<String>> fieldErrors,
            List<String> otherErrors, java.util.Collection<String> terms) {
        model.addAttribute("form", values);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("otherErrors", otherErrors);
        model.addAttribute("levels", LEVELS);
        model.addAttribute("listKinds", LIST_KINDS);
        model.addAttribute("terms", ColumnGuide.terms(terms).codes());
        // The id is required in a file, not here: left empty, one is made (withId).
        model.addAttribute("required", Columns.CONGRESS_REQUIRED.stream().filter(c -> !c.equals("congress_id"))
                .toList());
    }
}
