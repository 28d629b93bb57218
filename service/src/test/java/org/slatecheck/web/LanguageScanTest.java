package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slatecheck.rules.intake.Columns;
import org.slatecheck.rules.model.Conclusion;
import org.slatecheck.rules.model.DisciplineForm;
import org.slatecheck.rules.model.Education;
import org.slatecheck.rules.model.Level;
import org.slatecheck.rules.model.ListKind;
import org.slatecheck.rules.model.ListStatus;
import org.slatecheck.rules.model.Membership;
import org.slatecheck.rules.model.Outcome;
import org.slatecheck.rules.model.PoliticalTheory;
import org.slatecheck.rules.model.Post;
import org.slatecheck.rules.model.Severity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every page, the PDFs and the CSV files in each language, with real content (the sample checked, a batch, a rule
 * set draft with a changed parameter and its impact analysis, the audit log they wrote), scanned for words of the
 * wrong language. Pages are drawn by a real headless Chromium and a screenshot of each is kept in
 * {@code service/target/screenshots/LANG/PAGE.png}; the PDF text is extracted with PDFBox.
 *
 * <p>Vietnamese fails on a code word (an upper-case identifier with an underscore such as {@code ELECTION_LIST}, or
 * one of the codes the application stores: {@code PROVINCE}, {@code ACTIVE}, {@code DONE}, {@code SECRETARY}…), an
 * evidence key ({@code birthMonth}), a dotted parameter name, an exception class name, {@code UTC}, or an English
 * word of the application's own texts. English fails on Vietnamese letters. Not scanned, as data rather than
 * interface text (docs/decisions.md, "Vietnamese throughout"): what users typed (the input files' cells,
 * organisation units, user names), citations and parameter sources (titles of Vietnamese documents), and the
 * contents of {@code pre}, {@code code} and {@code textarea} elements (rule set files, their diffs, parameter and
 * field names a board edits). Codes that may stay: rule ids ({@code AGE-002}), the rating abbreviations Vietnamese
 * documents use ({@code HTXSNV}, {@code HTTNV}, {@code HTNV}, {@code KHTNV}), the input files' column names,
 * file formats and acronyms ({@code CSV}, {@code PDF}, {@code API}, {@code JSON}, {@code UTF-8}, {@code YAML}) and
 * the product name ({@code DRL}, the rule language's name, is a code word to a personnel officer: "mã chương trình").
 * What a field of a form holds counts as shown (the value of a text field, the chosen option). The checks not made
 * ("Chưa kiểm tra") are named by their titles; the draft form's parameter table shows no parameter name in
 * Vietnamese, not even in {@code code} (issue 17 item 10).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LanguageScanTest {
    static final Path SAMPLES = Path.of("../data/samples");
    static final Path RULESETS = Path.of("../data/rulesets");
    static final Path SHOTS = Path.of("target/screenshots");
    static final ObjectMapper JSON = new ObjectMapper();

    /** Codes the application stores and must never show in Vietnamese (besides any identifier with "_"). */
    static final Set<String> CODES = new LinkedHashSet<>();
    /** Codes that may stay: rating abbreviations used by Vietnamese documents themselves. */
    static final Set<String> ALLOWED_CODES = Set.of("HTXSNV", "HTTNV", "HTNV", "KHTNV");

    static {
        for (Class<? extends Enum<?>> e : List.<Class<? extends Enum<?>>>of(Level.class, ListKind.class,
                ListStatus.class, Outcome.class, Post.class, Severity.class, Membership.class, DisciplineForm.class,
                Education.class, PoliticalTheory.class, Conclusion.class)) {
            for (Enum<?> c : e.getEnumConstants()) {
                CODES.add(c.name());
            }
        }
        CODES.addAll(List.of("CENTRAL", "DRAFT", "APPROVED", "ACTIVE", "RETIRED", "VALIDATING", "RUNNING", "DONE",
                "FAILED", "CANCELLED", "SUBCOMMITTEE", "BOARD", "APPROVER", "ADMIN", "CHECK", "LOGIN", "DOWNLOAD",
                "PARAMETERS", "CITATIONS", "SWITCHES", "PROVINCES", "DOCUMENTS", "GUIDED", "CASES", "UTC", "DRL"));
        CODES.removeAll(ALLOWED_CODES);
    }

    static final Pattern UNDERSCORE_CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");
    static final Pattern WORD_CODE = Pattern.compile("\\b[A-Z][A-Z0-9]+\\b");
    static final Pattern CAMEL_KEY = Pattern.compile("\\b[a-z]+(?:[A-Z][a-z0-9]+)+\\b");
    static final Pattern SNAKE_KEY = Pattern.compile("\\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\\b");
    static final Pattern DOTTED_NAME = Pattern.compile("\\b[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*(?:\\.[A-Za-z0-9_]+)*\\b");
    static final Pattern EXCEPTION = Pattern.compile("\\b\\w+(?:Exception|Error)\\b");
    /** English words of the application's texts that Vietnamese never uses. */
    static final Pattern ENGLISH = Pattern.compile("(?i)\\b(the|and|of|is|are|must|with|from|not|error|invalid|"
            + "unknown|null|true|false|nominees?|list|lists|rule|rules|draft|active|summary|page|check|checks|"
            + "level|status|seats?|women|months?|yes|no)\\b");
    /** Letters only Vietnamese writes (a, e, i, o, u, y with Vietnamese marks; đ). */
    static final Pattern VIETNAMESE = Pattern.compile("[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợ"
            + "ùúủũụưừứửữựỳýỷỹỵÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ]");

    static WebDriver browser;
    static boolean prepared;
    static String checkId;
    static String batchId;
    static long activeId;
    static long draftId;
    static String nomineePath;
    /** The checks the first list of the sample leaves undone. */
    static final List<String> notChecked = new ArrayList<>();
    /** User data and citations: removed from a text before it is scanned. */
    static final List<String> DATA = new ArrayList<>();

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.slatecheck.governance.RuleSetDrafts ruleSetDrafts;
    @Autowired
    org.slatecheck.governance.RuleSetVersions ruleSetVersions;

    TestRestTemplate admin() {
        return anonymous.withBasicAuth("admin", "admin");
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = BrowserTest.newBrowser("chromium-scan-", null, Duration.ofSeconds(2));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** The content the pages show: the sample checked, a batch, a draft with a changed parameter and its impact. */
    void prepare() throws Exception {
        if (prepared) {
            return;
        }
        ResponseEntity<String> created = admin().postForEntity("/api/checks", CheckApiTest.sample(), String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode check = JSON.readTree(created.getBody());
        checkId = check.get("checkId").asText();
        JsonNode list = check.get("results").get(0);
        list.path("notChecked").forEach(id -> notChecked.add(id.asText()));
        for (JsonNode n : list.get("nominees")) {
            if (n.get("findings").size() > 1) {
                nomineePath = "/checks/" + checkId + "/lists/0/nominees/" + n.get("nomineeId").asText();
                break;
            }
        }
        batchId = "scan-" + System.nanoTime();
        assertThat(admin().postForEntity("/api/batches?id=" + batchId, CheckApiTest.sample(), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        for (int i = 0; i < 600; i++) {
            String status = JSON.readTree(admin().getForObject("/api/batches/" + batchId, String.class))
                    .get("status").asText();
            if (!status.equals("VALIDATING") && !status.equals("RUNNING")) {
                break;
            }
            Thread.sleep(100);
        }
        activeId = jdbc.queryForObject("select id from rule_set_version where term = '2025-2030' "
                + "and status = 'ACTIVE'", Long.class);
        JsonNode draft = JSON.readTree(admin().postForEntity("/api/rulesets/" + activeId + "/drafts", null,
                String.class).getBody());
        draftId = draft.get("version").get("id").asLong();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        admin().put("/api/rulesets/" + draftId + "/parameters", new HttpEntity<>(
                "{\"structure.women_min_percent\": {\"value\": \"20\", \"source\": \"Kế hoạch thử nghiệm số 1\"}}",
                json));
        assertThat(admin().postForEntity("/api/rulesets/" + draftId + "/impact", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        // What users typed, and the citations and sources (titles of documents): data, not interface text.
        DATA.add("Kế hoạch thử nghiệm số 1");
        DATA.addAll(List.of("congresses.csv", "nominees.csv"));
        for (String file : List.of("congresses.csv", "nominees.csv")) {
            // Names, organisations, provinces: cells with words; cells that are codes stay and are scanned.
            cells(SAMPLES.resolve(file), null).stream().filter(c -> c.matches("(?s).*[a-zà-ỹ].*")
                    && !c.matches("yes|no|true|false")).forEach(DATA::add);
        }
        try (Stream<Path> terms = Files.list(RULESETS)) {
            for (Path term : terms.toList()) {
                cells(term.resolve("citations.csv"), Set.of("note_vi", "note_en")).forEach(DATA::add);
                cells(term.resolve("values.csv"), Set.of("note")).forEach(DATA::add);
                textValues(term.resolve("values.csv")).forEach(DATA::add);
            }
        }
        // The document registry: numbers ("190-QĐ/TW", "135/2020/NĐ-CP"), issuers and titles are the documents' own
        // words, cited in English pages too.
        cells(RULESETS.getParent().resolve("documents.csv"), Set.of("number", "issuer", "title_vi", "title_en"))
                .forEach(DATA::add);
        // Full names users were given (other test classes create users with Vietnamese names).
        jdbc.queryForList("select full_name from app_user where full_name is not null", String.class)
                .forEach(DATA::add);
        jdbc.queryForList("select code, name from org_unit").forEach(u -> {
            DATA.add(String.valueOf(u.get("name")));
            DATA.add(String.valueOf(u.get("code")));
        });
        jdbc.queryForList("select username from app_user", String.class).forEach(DATA::add);
        // Batch ids are typed by users too (other test classes' batches, e.g. "page-dl-…", are listed on the pages).
        jdbc.queryForList("select id from batch_run", String.class).stream().filter(id -> id.length() >= 4)
                .forEach(DATA::add);
        // Sources typed into the versions shown (other test classes may have activated a version of their own).
        for (long version : List.of(activeId, draftId)) {
            ruleSetDrafts.parameterRows(version).values().forEach(row -> {
                DATA.add(row.get(2));
                DATA.addAll(List.of(row.get(2).split("[;:] ?")));
            });
            // The parameter table shows each source as its document and the rest of the text, the note.
            org.slatecheck.rules.engine.RuleSetSource source = ruleSetVersions.source(version);
            org.slatecheck.rules.params.Documents documents = org.slatecheck.rules.params.Documents.parse(
                    source.documents(), "documents.csv");
            source.parameterSet().entries()
                    .values().forEach(entries -> entries.forEach(p -> DATA.add(p.note())));
        }
        // Organisations of the checks the history page lists (other test classes share the database).
        DATA.addAll(jdbc.queryForList("select distinct l.organisation from list_result l join (select id from "
                + "check_run order by created_at desc limit 500) c on l.check_id = c.id", String.class));
        DATA.addAll(List.of(checkId, batchId));
        DATA.removeIf(s -> s == null || s.isBlank() || s.length() < 2);
        // Longest first, so a cell is removed whole before a shorter cell that is part of it.
        DATA.sort(Comparator.comparingInt(String::length).reversed());
        prepared = true;
    }

    /** Every cell of a CSV file (of the named columns only, when {@code columns} is given). */
    static List<String> cells(Path file, Set<String> columns) throws IOException {
        List<String> out = new ArrayList<>();
        try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            for (CSVRecord r : parser) {
                r.toMap().forEach((k, v) -> {
                    if (columns == null || columns.contains(k)) {
                        out.add(v);
                        for (String part : v.split("[;,] ?")) {
                            out.add(part.strip());
                        }
                    }
                });
            }
        }
        return out;
    }

    /** The values of the text parameters (the rule set's version name and general citation) of a values file. */
    static List<String> textValues(Path values) throws IOException {
        Set<String> text = new java.util.HashSet<>();
        try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(RULESETS.getParent().resolve("parameters.csv"), StandardCharsets.UTF_8))) {
            for (CSVRecord r : parser) {
                if (r.get("type").equals("text")) {
                    text.add(r.get("id"));
                }
            }
        }
        List<String> out = new ArrayList<>();
        try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(values, StandardCharsets.UTF_8))) {
            for (CSVRecord r : parser) {
                if (text.contains(r.get("parameter"))) {
                    out.add(r.get("value"));
                    for (String part : r.get("value").split("; ")) {
                        out.add(part.strip());
                    }
                }
            }
        }
        return out;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The pages, by name, each shown to a signed-in administrator (who holds every role). */
    Map<String, String> pages() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("upload", "/");
        pages.put("history", "/checks");
        pages.put("result", "/checks/" + checkId);
        pages.put("result-ineligible", "/checks/" + checkId + "?outcome=INELIGIBLE");
        pages.put("nominee", nomineePath);
        pages.put("batch", "/batches/" + batchId);
        pages.put("rulesets", "/rulesets");
        pages.put("ruleset-active", "/rulesets/" + activeId);
        pages.put("ruleset-draft", "/rulesets/" + draftId);
        pages.put("impact", "/rulesets/" + draftId + "/impact");
        // The guided-rule builder (issue 17 item 8): fields, comparisons and values offered in words.
        pages.put("guided-new", "/rulesets/" + draftId + "/guided/new");
        pages.put("audit", "/audit");
        pages.put("users", "/admin/users");
        pages.put("batches", "/batches");
        // Column names and codes are shown on purpose there, inside <code> (which the scan leaves out).
        pages.put("columns", "/columns");
        pages.put("error-404", "/checks/00000000-0000-0000-0000-000000000000");
        pages.put("error-404-page", "/no-such-page");
        return pages;
    }

    void signIn() {
        browser.get(url("/checks"));
        if (browser.getCurrentUrl().contains("/login")) {
            browser.findElement(By.id("username")).sendKeys("admin");
            browser.findElement(By.id("password")).sendKeys("admin");
            browser.findElement(By.id("login")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/login"));
        }
    }

    /**
     * Opens {@code path} in {@code lang}, keeps a screenshot, and returns the text a reader sees (the title and the
     * body's rendered text), without the contents of {@code pre}, {@code code} and {@code textarea} elements.
     */
    String render(String name, String path, String lang) throws IOException {
        browser.get(url(path + (path.contains("?") ? "&" : "?") + "lang=" + lang));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> "complete".equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState")));
        Path shot = SHOTS.resolve(lang).resolve(name + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(shot).isNotEmptyFile();
        return (String) ((JavascriptExecutor) browser).executeScript(
                "document.querySelectorAll('pre, code, textarea').forEach(e => e.style.display = 'none');"
                        + "document.querySelectorAll('details').forEach(e => e.open = true);"
                        + "return document.title + '\\n' + document.body.innerText + '\\n' + " + FIELD_VALUES + ";");
    }

    /** What the form fields show: the text of text fields, the chosen option of drop-downs (a reader sees both). */
    static final String FIELD_VALUES = "Array.from(document.querySelectorAll('input, select')).filter(e => "
            + "e.offsetParent !== null && !['hidden', 'checkbox', 'radio', 'submit', 'button', 'file', 'password']"
            + ".includes(e.type)).map(e => e.tagName === 'SELECT' ? (e.selectedOptions[0] || {text: ''}).text "
            + ": e.value).join('\\n')";

    /**
     * {@code text} without user data, citations, the PDF's page numbers (a citation may run on to the next page) and
     * the language switch's name of the other language; all white space as one space (a PDF wraps lines anywhere).
     */
    static String withoutData(String text) {
        String t = text.replaceAll("(Trang \\d+/\\d+|Page \\d+ of \\d+)", " ").replaceAll("\\s+", " ");
        for (String d : DATA) {
            t = t.replace(d.replaceAll("\\s+", " "), " ");
        }
        return t.replace("Tiếng Việt", " ").replace("English", " ");
    }

    /** What in {@code text} is not Vietnamese interface text. */
    static List<String> notVietnamese(String text) {
        // A literal in Vietnamese quotes is what a user types into a file (“yes”, “parent_code”), not a word shown.
        String t = withoutData(text).replaceAll("“[^”]*”", " ");
        Set<String> allowedNames = new LinkedHashSet<>(Columns.NOMINEE.keySet());
        allowedNames.addAll(Columns.CONGRESS.keySet());
        Set<String> found = new LinkedHashSet<>();
        for (Pattern p : List.of(UNDERSCORE_CODE, CAMEL_KEY, SNAKE_KEY, DOTTED_NAME, EXCEPTION, ENGLISH)) {
            Matcher m = p.matcher(t);
            while (m.find()) {
                if (!allowedNames.contains(m.group()) && !m.group().equals("SlateCheck")) {
                    found.add(context(t, m.start(), m.end()));
                }
            }
        }
        Matcher w = WORD_CODE.matcher(t);
        while (w.find()) {
            if (CODES.contains(w.group())) {
                found.add(context(t, w.start(), w.end()));
            }
        }
        return new ArrayList<>(found);
    }

    /** What in {@code text} is Vietnamese (outside user data and citations). */
    static List<String> notEnglish(String text) {
        // A literal in quotes is an example of what a user writes (“Họ và tên” in a spreadsheet), not a word shown.
        String t = withoutData(text).replaceAll("“[^”]*”", " ");
        List<String> found = new ArrayList<>();
        Matcher m = VIETNAMESE.matcher(t);
        while (m.find()) {
            found.add(context(t, m.start(), m.end()));
        }
        return found;
    }

    static String context(String t, int start, int end) {
        return "«" + t.substring(Math.max(0, start - 30), start) + "[" + t.substring(start, end) + "]"
                + t.substring(end, Math.min(t.length(), end + 30)).replace('\n', ' ') + "»";
    }

    @Test
    @Order(1)
    void theScanSeesCodesAndEnglishInAVietnamesePageAndVietnameseInAnEnglishOne() {
        // The scanner itself: it must flag what the issue lists, and leave allowed codes alone.
        assertThat(notVietnamese("Cấp PROVINCE, loại ELECTION_LIST, trạng thái ACTIVE")).hasSize(3);
        assertThat(notVietnamese("birthMonth=1960-03")).hasSize(1);
        assertThat(notVietnamese("Tham số structure.women_min_percent")).isNotEmpty();
        assertThat(notVietnamese("30/11/2026 09:15 UTC")).hasSize(1);
        assertThat(notVietnamese("BadCredentialsException")).hasSize(1);
        assertThat(notVietnamese("… must be a decimal number, is abc")).isNotEmpty();
        assertThat(notVietnamese("AGE-002 HTTNV · 7,5% · Tải CSV · Bản in PDF")).isEmpty();
        assertThat(notEnglish("Outcome: Không đủ điều kiện")).isNotEmpty();
        assertThat(notEnglish("Outcome: Ineligible · AGE-002")).isEmpty();
    }

    @Test
    @Order(2)
    void everyPageInVietnameseShowsNoCodeWordOrEnglish() throws Exception {
        prepare();
        Map<String, List<String>> problems = new LinkedHashMap<>();
        browser.manage().deleteAllCookies();
        browser.get(url("/login?lang=vi"));
        scanVi(problems, "login", render("login", "/login", "vi"));
        signIn();
        for (Map.Entry<String, String> page : pages().entrySet()) {
            scanVi(problems, page.getKey(), render(page.getKey(), page.getValue(), "vi"));
        }
        scanVi(problems, "input-errors", inputErrorsPage("vi"));
        assertThat(problems).as("code words or English on Vietnamese pages (screenshots in %s)",
                SHOTS.toAbsolutePath()).isEmpty();
    }

    @Test
    @Order(3)
    void everyPageInEnglishShowsNoVietnameseOutsideUserDataAndCitations() throws Exception {
        prepare();
        Map<String, List<String>> problems = new LinkedHashMap<>();
        browser.manage().deleteAllCookies();
        scanEn(problems, "login", render("login", "/login", "en"));
        signIn();
        for (Map.Entry<String, String> page : pages().entrySet()) {
            String text = render(page.getKey(), page.getValue(), "en");
            // "Columns and codes" is the one bilingual page by purpose: it lists the Vietnamese header and name a
            // spreadsheet may use beside each English column and code, so it is rendered (screenshot) but not scanned.
            if (!page.getKey().equals("columns")) {
                scanEn(problems, page.getKey(), text);
            }
        }
        scanEn(problems, "input-errors", inputErrorsPage("en"));
        browser.get(url("/?lang=vi"));
        assertThat(problems).as("Vietnamese on English pages (screenshots in %s)", SHOTS.toAbsolutePath())
                .isEmpty();
    }

    /** The page listing a bad file's errors, reached by uploading a file with a bad date through the form. */
    String inputErrorsPage(String lang) throws IOException {
        Path dir = Files.createTempDirectory(Path.of("target"), "scan-upload-");
        Path congresses = dir.resolve("congresses.csv");
        Path nominees = dir.resolve("nominees.csv");
        Files.copy(SAMPLES.resolve("congresses.csv"), congresses);
        List<String> lines = new ArrayList<>(Files.readAllLines(SAMPLES.resolve("nominees.csv")));
        lines.set(1, lines.get(1).replaceFirst("\\d{4}-\\d{2}-\\d{2}", "31/02/1970"));
        // An unknown post: the error lists the posts a cell may name (in Vietnamese by their names, not codes).
        lines.set(2, lines.get(2).replace(",DEPUTY_SECRETARY;STANDING_COMMITTEE,", ",Trưởng phòng,"));
        assertThat(lines.get(2)).contains("Trưởng phòng");
        Files.write(nominees, lines);
        browser.get(url("/?lang=" + lang));
        browser.findElement(By.id("congresses")).sendKeys(congresses.toAbsolutePath().toString());
        browser.findElement(By.id("nominees")).sendKeys(nominees.toAbsolutePath().toString());
        browser.findElement(By.id("check-upload")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("input-errors"))
                .isEmpty());
        return currentText(lang);
    }

    /** The text of the page the browser shows now (after a form post), with its screenshot. */
    String currentText(String lang) throws IOException {
        Path shot = SHOTS.resolve(lang).resolve("input-errors.png");
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        return (String) ((JavascriptExecutor) browser).executeScript(
                "document.querySelectorAll('pre, code, textarea').forEach(e => e.style.display = 'none');"
                        + "return document.title + '\\n' + document.body.innerText;");
    }

    @Test
    @Order(4)
    void pdfAndCsvInVietnameseShowNoCodeWordAndInEnglishNoVietnamese() throws Exception {
        prepare();
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (String lang : List.of("vi", "en")) {
            Map<String, String> texts = new LinkedHashMap<>();
            texts.put("report.pdf", pdf("/api/checks/" + checkId + "/report.pdf?lang=" + lang));
            texts.put("summary.pdf", pdf("/api/batches/" + batchId + "/summary.pdf?lang=" + lang));
            if (lang.equals("vi")) {
                // The English CSV files keep the column names and codes scripts read (docs/decisions.md).
                texts.put("report.csv", csv("/api/checks/" + checkId + "/report.csv?lang=vi"));
                texts.put("summary.csv", csv("/api/batches/" + batchId + "/summary.csv?lang=vi"));
                texts.put("organisations.csv", csv("/api/batches/" + batchId + "/organisations.csv?lang=vi"));
            }
            texts.forEach((name, text) -> {
                assertThat(text).as(name).isNotBlank();
                if (lang.equals("vi")) {
                    scanVi(problems, name, text);
                } else {
                    scanEn(problems, name + " (en)", text);
                }
            });
        }
        String pdf = pdf("/api/checks/" + checkId + "/report.pdf?lang=vi");
        assertThat(pdf).contains("Trang 1/", "Người lập biểu", "TM. Tiểu ban nhân sự", "Đảng bộ tỉnh Ninh Bình")
                .doesNotContain(checkId).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
        assertThat(pdf("/api/checks/" + checkId + "/report.pdf?lang=en")).contains("Page 1 of ", "Prepared by");
        assertThat(problems).as("words of the wrong language in PDF and CSV").isEmpty();
    }

    /**
     * The checks not made ("Chưa kiểm tra", "Not checked") name each rule by its title beside its id, on the result
     * page, in the PDF and in the text a reader gets: "Số ủy viên vượt mức tối đa (NUM-001)", not "NUM-001" alone.
     */
    @Test
    @Order(5)
    void theChecksNotMadeAreNamedByTheirTitles() throws Exception {
        prepare();
        assertThat(notChecked).as("the sample leaves some checks undone (no committee maximum given)").isNotEmpty();
        signIn();
        for (String lang : List.of("vi", "en")) {
            org.slatecheck.rules.text.Messages m = org.slatecheck.rules.text.Messages.of(
                    org.slatecheck.rules.text.Messages.language(lang));
            String page = render("result", "/checks/" + checkId, lang).replaceAll("\\s+", " ");
            String report = pdf("/api/checks/" + checkId + "/report.pdf?lang=" + lang).replaceAll("\\s+", " ");
            String line = m.text("report.not_checked", "").strip();
            for (String id : notChecked) {
                String named = (m.raw("title." + id) + " (" + id + ")").replaceAll("\\s+", " ");
                assertThat(page).as(lang + " result page").contains(line).contains(named);
                assertThat(report).as(lang + " PDF").contains(named);
            }
        }
    }

    /**
     * The draft form in Vietnamese: a code parameter is chosen by its name (the minimum political theory "cao cấp",
     * not CAO_CAP; levels and posts as boxes with their names) and no parameter name ({@code theory.min.PROVINCE})
     * is printed under the labels — it stays in the label's title, and in English.
     */
    @Test
    @Order(6)
    void theDraftFormShowsCodeValuesAsWordsAndNoParameterNamesInVietnamese() throws Exception {
        prepare();
        signIn();
        render("ruleset-draft", "/rulesets/" + draftId, "vi");
        String table = (String) ((JavascriptExecutor) browser).executeScript(
                "const t = document.querySelector('#parameter-table');"
                        + "t.querySelectorAll('details').forEach(e => e.open = true);"
                        + "t.querySelectorAll('code').forEach(e => e.style.display = '');"
                        + "return t.innerText + '\\n' + " + FIELD_VALUES.replace("document.", "t.") + ";");
        assertThat(table).contains("cao cấp").doesNotContain("CAO_CAP", "theory.min.PROVINCE",
                "structure.women_min_percent");
        Map<String, List<String>> problems = new LinkedHashMap<>();
        scanVi(problems, "draft form (parameters, code elements and fields included)", table);
        assertThat(problems).isEmpty();
        assertThat(browser.findElements(By.cssSelector("[title='theory.min.PROVINCE']"))).isNotEmpty();
        render("ruleset-draft", "/rulesets/" + draftId, "en");
        assertThat((String) ((JavascriptExecutor) browser).executeScript(
                "const t = document.querySelector('#parameter-table');"
                        + "t.querySelectorAll('code').forEach(e => e.style.display = '');"
                        + "return t.innerText;")).contains("theory.min.PROVINCE");
    }

    String pdf(String path) throws IOException {
        ResponseEntity<byte[]> r = admin().getForEntity(path, byte[].class);
        assertThat(r.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        // Kept beside the screenshots, for a person to look at.
        Path file = SHOTS.resolve(path.contains("lang=en") ? "en" : "vi").resolve(
                path.replaceAll(".*/api/(checks|batches)/[^/]+/", "").replaceAll("\\?.*", ""));
        Files.createDirectories(file.getParent());
        Files.write(file, r.getBody());
        try (var doc = Loader.loadPDF(r.getBody())) {
            // Its first and last page as images, as a reader sees the heading, the page numbers and the signatures.
            var renderer = new org.apache.pdfbox.rendering.PDFRenderer(doc);
            for (int page : new int[] {0, doc.getNumberOfPages() - 1}) {
                javax.imageio.ImageIO.write(renderer.renderImageWithDPI(page, 72), "png",
                        file.resolveSibling(file.getFileName() + "-page" + (page + 1) + ".png").toFile());
            }
            return new PDFTextStripper().getText(doc);
        }
    }

    String csv(String path) {
        ResponseEntity<byte[]> r = admin().getForEntity(path, byte[].class);
        assertThat(r.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return new String(r.getBody(), StandardCharsets.UTF_8);
    }

    static void scanVi(Map<String, List<String>> problems, String name, String text) {
        List<String> found = notVietnamese(text);
        if (!found.isEmpty()) {
            problems.put(name, found);
        }
    }

    static void scanEn(Map<String, List<String>> problems, String name, String text) {
        List<String> found = notEnglish(text);
        if (!found.isEmpty()) {
            problems.put(name, found);
        }
    }
}
