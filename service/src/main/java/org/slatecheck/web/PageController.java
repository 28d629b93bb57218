package org.slatecheck.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slatecheck.records.CheckRecords;
import org.slatecheck.rules.explain.Messages;
import org.slatecheck.rules.intake.Columns;
import org.slatecheck.rules.intake.InputException;
import org.slatecheck.rules.intake.Intake;
import org.slatecheck.screening.CheckService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The pages: upload (a congress form or congresses.csv, plus the nominee file), result, nominee, history, and the
 * error page listing every line/column problem of a bad file. Server-rendered, Vietnamese first.
 */
@Controller
public class PageController {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OUTCOMES = List.of("ELIGIBLE", "REVIEW", "INELIGIBLE");

    private final CheckService checks;
    private final CheckRecords records;
    private final Scope scope;

    public PageController(CheckService checks, CheckRecords records, Scope scope) {
        this.checks = checks;
        this.records = records;
        this.scope = scope;
    }

    /** The signed-in user's name (who a check is recorded for). */
    static String user() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "anonymous" : auth.getName();
    }

    @GetMapping("/")
    public String upload(Model model, Locale locale) {
        return "upload";
    }

    /** Checks an upload: the congresses file if given, else the congress form; then shows the result. */
    @PostMapping("/checks")
    public String check(@RequestParam(required = false) MultipartFile congresses, @RequestParam MultipartFile nominees,
            @RequestParam Map<String, String> form, Model model, Locale locale, HttpServletResponse response)
            throws IOException {
        Intake.Input congressInput = congresses != null && !congresses.isEmpty()
                ? CheckApiController.input(congresses, "congresses.csv")
                : new Intake.Input(Messages.of(locale).raw("ui.congress_form"), congressCsv(form));
        return run(congressInput, CheckApiController.input(nominees, "nominees.csv"), model, locale, response);
    }

    /** Checks the shipped sample lists. */
    @PostMapping("/checks/sample")
    public String sample(Model model, Locale locale, HttpServletResponse response) throws IOException {
        return run(new Intake.Input("congresses.csv", resource("slatecheck/samples/congresses.csv")),
                new Intake.Input("nominees.csv", resource("slatecheck/samples/nominees.csv")), model, locale, response);
    }

    private String run(Intake.Input congresses, Intake.Input nominees, Model model, Locale locale,
            HttpServletResponse response) {
        try {
            CheckService.Recorded recorded = checks.check(user(), congresses, nominees);
            return "redirect:/checks/" + recorded.id();
        } catch (InputException e) {
            Messages m = Messages.of(locale);
            List<Map<String, Object>> errors = new ArrayList<>();
            e.getErrors().forEach(x -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("file", x.file());
                row.put("line", x.line());
                row.put("column", x.column());
                row.put("message", x.reason(m));
                errors.add(row);
            });
            model.addAttribute("errors", errors);
            response.setStatus(400);
            return "errors";
        }
    }

    /** The checks of the user's unit and the units below it; {@code q} searches congress ids and organisations. */
    @GetMapping("/checks")
    public String history(@RequestParam(required = false) String q, Model model, Locale locale) {
        model.addAttribute("checks", records.recent(200, scope.unit(), q));
        model.addAttribute("q", q);
        return "history";
    }

    @GetMapping("/checks/{id}")
    public String result(@PathVariable UUID id, @RequestParam(required = false) String outcome, Model model,
            Locale locale) {
        String lang = Messages.of(locale).locale().getLanguage();
        scope.check(id, "page");
        JsonNode results = records.results(id, lang).orElseThrow(() -> new ResponseStatusException(
                org.springframework.http.HttpStatus.NOT_FOUND));
        scope.downloaded(id.toString(), "page");
        model.addAttribute("id", id);
        model.addAttribute("summary", records.summary(id).orElseThrow());
        model.addAttribute("results", JSON.convertValue(results, List.class));
        model.addAttribute("structures", records.structures(id).stream().map(s -> JSON.convertValue(s, List.class))
                .toList());
        model.addAttribute("viableStructures", records.viableStructures(id).stream()
                .map(s -> JSON.convertValue(s, List.class)).toList());
        model.addAttribute("outcome", outcome != null && OUTCOMES.contains(outcome) ? outcome : null);
        model.addAttribute("outcomes", OUTCOMES);
        return "result";
    }

    @GetMapping("/checks/{id}/lists/{list}/nominees/{nomineeId}")
    public String nominee(@PathVariable UUID id, @PathVariable int list, @PathVariable String nomineeId, Model model,
            Locale locale) {
        String lang = Messages.of(locale).locale().getLanguage();
        scope.check(id, "dossier");
        JsonNode results = records.results(id, lang).orElseThrow(() -> new ResponseStatusException(
                org.springframework.http.HttpStatus.NOT_FOUND));
        JsonNode result = results.path(list);
        for (JsonNode n : result.path("nominees")) {
            if (n.path("nomineeId").asText().equals(nomineeId)) {
                // The dossier's check and list only: never the nominee's id or name in the audit log.
                scope.downloaded(id.toString(), "dossier list " + list);
                model.addAttribute("id", id);
                model.addAttribute("congress", JSON.convertValue(result.path("congress"), Map.class));
                model.addAttribute("nominee", JSON.convertValue(n, Map.class));
                return "nominee";
            }
        }
        throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
    }

    /** The congress form as a one-row congresses CSV, so it goes through exactly the same intake. */
    static byte[] congressCsv(Map<String, String> form) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            List<String> columns = new ArrayList<>(Columns.CONGRESS.keySet());
            p.printRecord(columns);
            p.printRecord(columns.stream().map(c -> form.getOrDefault(c, "")).toList());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = PageController.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("no " + path);
            }
            return in.readAllBytes();
        }
    }
}
