package org.slatecheck.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.slatecheck.election.ElectionRefused;
import org.slatecheck.election.ElectionRun;
import org.slatecheck.election.Elections;
import org.slatecheck.election.MinutesPdf;
import org.slatecheck.election.MinutesXlsx;
import org.slatecheck.records.Listings;
import org.slatecheck.records.StoredInputs;
import org.slatecheck.rules.election.Body;
import org.slatecheck.rules.election.DeductionReason;
import org.slatecheck.rules.election.ElectionExplainer;
import org.slatecheck.rules.election.TallyFile;
import org.slatecheck.rules.election.VoterKind;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.intake.CongressList;
import org.slatecheck.rules.intake.InputException;
import org.slatecheck.rules.model.Nominee;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The election pages (issue 21): {@code /elections} lists the elections in the user's scope and creates one (from a
 * stored check's list or uploaded candidates); {@code /elections/{id}} takes the tally — typed in the form (the
 * minutes' numbers and every candidate's votes) or uploaded — once or twice by two members, shows where the two
 * entries differ before anything is decided, decides, shows who is elected, the tie, the next round's list and the
 * elected committee's structure, takes the counting board head's confirmation, and offers the minutes as PDF and
 * .xlsx. Refusals are shown on the page in words.
 */
@Controller
public class ElectionPageController {
    private final Elections elections;
    private final Scope scope;

    public ElectionPageController(Elections elections, Scope scope) {
        this.elections = elections;
        this.scope = scope;
    }

    /** What every page needs (messages, labels, language), as {@link PageModel} gives the other pages. */
    @org.springframework.web.bind.annotation.ModelAttribute
    void common(Model model, Locale locale) {
        new PageModel().common(model, locale);
    }

    @GetMapping("/elections")
    public String list(@RequestParam(required = false) String check, @RequestParam Map<String, String> params,
            Model model) {
        // From a result page's "election from this check": the form starts with that check's id.
        model.addAttribute("check", check == null ? "" : check.strip());
        // Paged as the other lists: newest first, 50 a page (size 20/50/100/200), the organisation scope in the query.
        Listings.Query query = query(params);
        model.addAttribute("page", Listing.clamp(query, q -> elections.page(scope.unit(), q)));
        model.addAttribute("links", Listing.links("/elections", query, params));
        model.addAttribute("bodies", Body.values());
        return "elections";
    }

    /** The elections list's query: page and size only (no search, filters or other sort yet). */
    static Listings.Query query(Map<String, String> params) {
        return Listing.query(params, List.of(), java.util.Set.of("created"), "created", true);
    }

    @PostMapping("/elections")
    public String create(@RequestParam(required = false) String check, @RequestParam(required = false) String congress,
            @RequestParam(defaultValue = "COMMITTEE") String body, @RequestParam(defaultValue = "1") int round,
            @RequestParam(required = false) MultipartFile congresses,
            @RequestParam(required = false) MultipartFile candidates, RedirectAttributes flash, Locale locale)
            throws IOException {
        Messages m = Messages.of(locale);
        try {
            StoredInputs inputs;
            UUID checkId = null;
            if (check != null && !check.isBlank()) {
                try {
                    checkId = UUID.fromString(check.strip());
                } catch (IllegalArgumentException e) {
                    throw new ElectionRefused("source", false, List.of());
                }
                scope.check(checkId, "election");
                inputs = elections.checkInputs(checkId).orElseThrow();
            } else if (congresses != null && !congresses.isEmpty() && candidates != null && !candidates.isEmpty()) {
                inputs = new StoredInputs(congresses.getOriginalFilename(), congresses.getBytes(),
                        candidates.getOriginalFilename(), candidates.getBytes());
            } else {
                throw new ElectionRefused("source", false, List.of());
            }
            UUID id = elections.create(PageController.user(), scope.unit(), checkId, inputs,
                    congress == null || congress.isBlank() ? null : congress.strip(), Body.valueOf(body), round);
            return "redirect:/elections/" + id;
        } catch (ElectionRefused e) {
            flash.addFlashAttribute("errors", List.of(m.text(e.key(), e.args().toArray())));
        } catch (InputException e) {
            flash.addFlashAttribute("errors", e.getErrors().stream().map(x -> x.format(m)).toList());
        }
        return "redirect:/elections";
    }

    @GetMapping("/elections/{id}")
    public String view(@PathVariable UUID id, Model model, Locale locale) {
        scope.record(elections.unitOf(id), "election page", id.toString());
        String lang = Messages.of(locale).locale().getLanguage();
        ElectionExplainer ex = ElectionRun.explainer(lang);
        Elections.Row row = elections.row(id).orElseThrow();
        CongressList list = elections.list(id);
        model.addAttribute("election", row);
        model.addAttribute("bodyLabel", ex.body(row.body()));
        model.addAttribute("congress", list.congress());
        model.addAttribute("candidates", list.nominees());
        Map<String, String> names = new LinkedHashMap<>();
        list.nominees().forEach(n -> names.put(n.getNomineeId(), n.getFullName()));
        model.addAttribute("names", names);
        model.addAttribute("kinds", VoterKind.values());
        model.addAttribute("kindLabels", labels(VoterKind.values(), k -> ex.kind(k)));
        model.addAttribute("reasons", DeductionReason.values());
        model.addAttribute("reasonLabels", labels(DeductionReason.values(), r -> ex.reason(r)));
        model.addAttribute("entries", elections.entries(id));
        model.addAttribute("mismatches", mismatchRows(elections.mismatches(id), list.nominees(), ex));
        model.addAttribute("decision", elections.decision(id, lang).orElse(null));
        model.addAttribute("confirmation", elections.confirmation(id).orElse(null));
        model.addAttribute("confirmed", elections.confirmed(id));
        return "election";
    }

    private static <T> Map<String, String> labels(T[] values, java.util.function.Function<T, String> label) {
        Map<String, String> out = new LinkedHashMap<>();
        for (T v : values) {
            out.put(((Enum<?>) v).name(), label.apply(v));
        }
        return out;
    }

    /** The mismatches in words: the candidate's name or the item's label, the kind by its label. */
    static List<List<String>> mismatchRows(List<Elections.Mismatch> mismatches, List<Nominee> nominees,
            ElectionExplainer ex) {
        Messages m = ex.messages();
        List<List<String>> rows = new ArrayList<>();
        for (Elections.Mismatch x : mismatches) {
            String item = x.item();
            String label;
            String a = x.first() == null ? "—" : x.first();
            String b = x.second() == null ? "—" : x.second();
            if (item.startsWith("deduct ")) {
                label = ex.reason(DeductionReason.valueOf(item.substring(7)));
            } else if (m.has("election.ui.item." + item)) {
                label = m.raw("election.ui.item." + item);
                if (item.equals("kind")) {
                    a = x.first() == null ? a : ex.kind(VoterKind.valueOf(x.first()));
                    b = x.second() == null ? b : ex.kind(VoterKind.valueOf(x.second()));
                }
            } else {
                label = nominees.stream().filter(n -> n.getNomineeId().equals(item)).map(Nominee::getFullName)
                        .findFirst().orElse(item);
            }
            rows.add(List.of(label, a, b));
        }
        return rows;
    }

    /** The typed tally (a plain form: one field per candidate would exceed the multipart part limit). */
    @PostMapping("/elections/{id}/tally")
    public String tally(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes flash,
            Locale locale) throws IOException {
        return enter(id, form, null, flash, locale);
    }

    /** The tally as a file (CSV: candidate, votes). */
    @PostMapping("/elections/{id}/tally-file")
    public String tallyFile(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file,
            RedirectAttributes flash, Locale locale) throws IOException {
        return enter(id, Map.of(), file, flash, locale);
    }

    private String enter(UUID id, Map<String, String> form, MultipartFile file, RedirectAttributes flash,
            Locale locale) throws IOException {
        scope.record(elections.unitOf(id), "election tally", id.toString());
        Messages m = Messages.of(locale);
        try {
            byte[] content;
            String name;
            if (file != null && !file.isEmpty()) {
                content = file.getBytes();
                name = file.getOriginalFilename();
            } else {
                content = typed(elections.row(id).orElseThrow(), elections.list(id), form)
                        .getBytes(StandardCharsets.UTF_8);
                name = null;
            }
            elections.enter(PageController.user(), id, name, content);
        } catch (ElectionRefused e) {
            flash.addFlashAttribute("errors", List.of(m.text(e.key(), e.args().toArray())));
        } catch (TallyFile.TallyException e) {
            flash.addFlashAttribute("errors", e.problems().stream().map(p -> m.text(p.key(), p.args().toArray()))
                    .toList());
        }
        return "redirect:/elections/" + id;
    }

    /** The typed form as a tally file: the same reading, the same checks as an uploaded one. */
    static String typed(Elections.Row row, CongressList list, Map<String, String> form) {
        StringBuilder b = new StringBuilder("candidate,votes\n");
        b.append("kind,").append(form.getOrDefault("kind", "")).append('\n');
        b.append("body,").append(row.body().name()).append('\n');
        b.append("round,").append(row.round()).append('\n');
        if (form.get("seats") != null && !form.get("seats").isBlank()) {
            b.append("seats,").append(cell(form.get("seats"))).append('\n');
        }
        for (String item : List.of("convened", "issued", "returned", "valid", "invalid")) {
            b.append(item).append(',').append(cell(form.getOrDefault(item, ""))).append('\n');
        }
        for (DeductionReason r : DeductionReason.values()) {
            String v = form.get("deduct_" + r.name());
            if (v != null && !v.isBlank() && !v.strip().equals("0")) {
                b.append("deduct ").append(r.name()).append(',').append(cell(v)).append('\n');
            }
        }
        for (Nominee n : list.nominees()) {
            b.append(n.getNomineeId().replace(",", "")).append(',')
                    .append(cell(form.getOrDefault("v_" + n.getNomineeId(), ""))).append('\n');
        }
        return b.toString();
    }

    /** A typed number as one CSV cell (anything else becomes a cell the reader refuses in words). */
    private static String cell(String v) {
        return "\"" + v.strip().replace("\"", "") + "\"";
    }

    @PostMapping("/elections/{id}/decide")
    public String decide(@PathVariable UUID id, RedirectAttributes flash, Locale locale) {
        scope.record(elections.unitOf(id), "election decide", id.toString());
        try {
            elections.decide(PageController.user(), id);
        } catch (ElectionRefused e) {
            flash.addFlashAttribute("errors", List.of(Messages.of(locale).text(e.key(), e.args().toArray())));
        }
        return "redirect:/elections/" + id;
    }

    @PostMapping("/elections/{id}/confirm")
    public String confirm(@PathVariable UUID id, RedirectAttributes flash, Locale locale) {
        scope.record(elections.unitOf(id), "election confirm", id.toString());
        try {
            elections.confirm(PageController.user(), id);
        } catch (ElectionRefused e) {
            flash.addFlashAttribute("errors", List.of(Messages.of(locale).text(e.key(), e.args().toArray())));
        }
        return "redirect:/elections/" + id;
    }

    /**
     * "Tái lập kết quả": a confirmed election decided again from what is stored and compared with the stored result;
     * the answer (identical, or the differences in words) shown on the election's page.
     */
    @PostMapping("/elections/{id}/reproduce")
    public String reproduce(@PathVariable UUID id, RedirectAttributes flash, Locale locale) {
        scope.record(elections.unitOf(id), "election reproduce", id.toString());
        Messages m = Messages.of(locale);
        try {
            Elections.Reproduction r = elections.reproduce(PageController.user(), id, m);
            flash.addFlashAttribute("reproduced", Boolean.TRUE);
            flash.addFlashAttribute("reproductionIdentical", r.identical());
            flash.addFlashAttribute("reproductionDifferences", new ArrayList<>(r.differences()));
            flash.addFlashAttribute("reproductionNotes", new ArrayList<>(r.notes()));
        } catch (ElectionRefused e) {
            flash.addFlashAttribute("errors", List.of(m.text(e.key(), e.args().toArray())));
        }
        return "redirect:/elections/" + id;
    }

    @GetMapping("/elections/{id}/minutes.pdf")
    public ResponseEntity<byte[]> pdf(@PathVariable UUID id, Locale locale) {
        return minutes(id, locale, "pdf");
    }

    @GetMapping("/elections/{id}/minutes.xlsx")
    public ResponseEntity<byte[]> xlsx(@PathVariable UUID id, Locale locale) {
        return minutes(id, locale, "xlsx");
    }

    @SuppressWarnings("unchecked")
    private ResponseEntity<byte[]> minutes(UUID id, Locale locale, String format) {
        scope.record(elections.unitOf(id), "election minutes", id.toString());
        Messages m = Messages.of(locale);
        Map<String, Object> decision = elections.decision(id, m.locale().getLanguage())
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.NOT_FOUND));
        Map<String, Object> result = (Map<String, Object>) decision.get("result");
        byte[] bytes = format.equals("pdf")
                ? MinutesPdf.write(result, elections.list(id).congress().getOrganisation(), m)
                : MinutesXlsx.write(result, m);
        scope.downloaded("election " + id, format);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition(ContentDisposition.attachment().filename("bien-ban-kiem-phieu-"
                + elections.row(id).orElseThrow().congressId() + "." + format, StandardCharsets.UTF_8).build());
        headers.setContentType(format.equals("pdf") ? MediaType.APPLICATION_PDF
                : MediaType.parseMediaType(ColumnsPageController.XLSX));
        return ResponseEntity.ok().headers(headers).body(bytes);
    }
}
