package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 17 item 1: every link a signed-in user can follow answers. For each demo role (subcommittee, board, approver,
 * admin) the test signs in through the login form in headless Chromium, then crawls from the home page: every
 * same-site {@code a[href]} of every page the browser shows is fetched with that browser session's cookie (and
 * nothing else: no HTTP Basic), since downloads cannot be followed by navigating the browser. The data to reach is
 * made first through the forms: the shipped sample files uploaded, a batch of them, a rule set draft with its impact
 * analysis.
 *
 * <p>A link fails when it answers 400 or more — except a deliberate 403 or 404 <em>page</em> (HTML in the site's
 * layout, no {@code WWW-Authenticate} challenge) —, answers JSON, sends the signed-in user to the sign-in page, or is
 * a download ({@code .csv}, {@code .xlsx}, {@code .pdf}) that is not a 200 of the right type with a body. The pages
 * visited per role are capped (150, and 4 per route shape — the path with its ids replaced), new shapes first, so
 * every shape reachable is visited; the shapes each role must reach are checked too. Every failure is collected, so
 * the message lists every broken link.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EveryLinkBrowserTest {
    static final Path SAMPLES = Path.of("../data/samples");
    static final int MAX_PAGES = 150;
    static final int MAX_PER_SHAPE = 4;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    static WebDriver browser;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = BrowserTest.newBrowser("chromium-links-", null, Duration.ofSeconds(2));
    }

    @AfterAll
    static void stopBrowser() {
        BrowserTest.quit(browser);
    }

    String url(String path) {
        return BrowserTest.url(port, path);
    }

    @Test
    void everyLinkOfEveryPageAnswersForEveryRole() throws Exception {
        prepare();
        // The shapes each role must reach (downloads by their ending, so the check holds wherever they live).
        Map<String, List<String>> mustReach = new LinkedHashMap<>();
        List<String> everyone = List.of("/", "/checks", "/checks/{uuid}", "/checks/{uuid}/lists/{n}/nominees/{id}",
                "/batches", "/batches/{id}", "/columns", "/docs/huong-dan", "/docs/specification",
                "/templates/nominees.xlsx", "/templates/congresses.csv", "report.csv", "report.xlsx", "report.pdf",
                "summary.csv", "summary.pdf", "organisations.csv", "organisations.xlsx");
        mustReach.put("subcommittee", everyone);
        List<String> board = new ArrayList<>(everyone);
        board.addAll(List.of("/rulesets", "/rulesets/{n}", "/rulesets/{n}/impact", "impact.csv"));
        mustReach.put("board", board);
        List<String> approver = new ArrayList<>(board);
        approver.add("/audit");
        mustReach.put("approver", approver);
        List<String> admin = new ArrayList<>(approver);
        admin.add("/admin/users");
        mustReach.put("admin", admin);

        List<String> failures = new ArrayList<>();
        for (var role : mustReach.entrySet()) {
            signIn(role.getKey());
            Set<String> shapes = crawl(role.getKey(), failures);
            for (String shape : role.getValue()) {
                if (shape.startsWith("/") ? !shapes.contains(shape)
                        : shapes.stream().noneMatch(s -> s.endsWith("/" + shape))) {
                    failures.add(role.getKey() + ": never reached a link of the shape " + shape + " (reached: "
                            + shapes + ")");
                }
            }
        }
        assertThat(failures).as("broken links:\n" + String.join("\n", failures)).isEmpty();
    }

    /**
     * What the crawl must find, made as a user makes it: the shipped sample uploaded through the upload form and
     * run as a batch through the batches form (subcommittee), a draft of the active rule set with its impact
     * analysis (board).
     */
    void prepare() throws Exception {
        String congresses = SAMPLES.resolve("congresses.csv").toRealPath().toString();
        String nominees = SAMPLES.resolve("nominees.csv").toRealPath().toString();
        signIn("subcommittee");
        browser.get(url("/?lang=vi"));
        browser.findElement(By.id("nominees")).sendKeys(nominees);
        browser.findElement(By.id("congresses")).sendKeys(congresses);
        BrowserTest.clickAndWait(browser, browser.findElement(By.id("check-upload")), ".*/checks/[0-9a-f-]{36}$",
                Duration.ofSeconds(60));

        String batchId = "links-" + System.nanoTime();
        browser.get(url("/batches"));
        browser.findElement(By.id("batch-congresses")).sendKeys(congresses);
        browser.findElement(By.id("batch-nominees")).sendKeys(nominees);
        browser.findElement(By.id("batch-id")).sendKeys(batchId);
        BrowserTest.clickAndWait(browser, browser.findElement(By.id("batch-submit")), ".*/batches/" + batchId + "$",
                Duration.ofSeconds(60));
        String status = "";
        for (int i = 0; i < 240; i++) {
            browser.get(url("/batches/" + batchId));
            status = browser.findElement(By.id("batch-status")).getAttribute("data-status");
            if (!status.equals("VALIDATING") && !status.equals("RUNNING")) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(status).isEqualTo("DONE");

        signIn("board");
        browser.get(url("/rulesets?lang=vi"));
        BrowserTest.clickAndWait(browser, browser.findElement(By.xpath("//tr[td[1]='2025-2030' and "
                + "td[3]='đang áp dụng']//button[@class='new-draft']")), ".*/rulesets/\\d+$", Duration.ofSeconds(60));
        BrowserTest.clickAndWait(browser, browser.findElement(By.id("run-impact")), ".*/rulesets/\\d+$",
                Duration.ofSeconds(120));
        assertThat(browser.findElements(By.id("impact-link"))).hasSize(1);
    }

    /** Signs out if someone is signed in, then signs in as {@code user} through the login form. */
    void signIn(String user) {
        BrowserTest.switchUser(browser, url(""), user, Duration.ofSeconds(20));
        assertThat(browser.findElement(By.id("nav-user")).getText()).isEqualTo(user);
    }

    /**
     * Crawls from the home page as the signed-in browser user; adds each broken link to {@code failures} and returns
     * the route shapes visited.
     */
    Set<String> crawl(String role, List<String> failures) throws Exception {
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        assertThat(session).as("the browser's session cookie").isNotNull();
        String cookie = "JSESSIONID=" + session.getValue();
        Map<String, String> pending = new LinkedHashMap<>(); // link → the page it was found on
        Set<String> seen = new LinkedHashSet<>();
        Map<String, Integer> perShape = new HashMap<>();
        pending.put(url("/"), "(start)");
        seen.add(url("/"));
        int visited = 0;
        while (!pending.isEmpty() && visited < MAX_PAGES) {
            // The next link: the first of the shape visited least (new shapes first), skipping full shapes.
            String next = null;
            int least = Integer.MAX_VALUE;
            for (String link : pending.keySet()) {
                int n = perShape.getOrDefault(shape(link), 0);
                if (n < least) {
                    least = n;
                    next = link;
                }
            }
            if (least >= MAX_PER_SHAPE) {
                break;
            }
            String from = pending.remove(next);
            perShape.merge(shape(next), 1, Integer::sum);
            visited++;
            List<String> links = visit(role, next, from, cookie, failures);
            for (String link : links) {
                if (seen.add(link)) {
                    pending.put(link, next);
                }
            }
        }
        return perShape.keySet();
    }

    /** Fetches {@code link} with the session cookie; checks the answer; returns the links of a page it shows. */
    List<String> visit(String role, String link, String from, String cookie, List<String> failures) throws Exception {
        String where = role + ": " + URI.create(link).getRawPath() + query(link) + " (linked from "
                + (from.startsWith("http") ? URI.create(from).getRawPath() + query(from) : from) + ")";
        HttpResponse<byte[]> r = get(link, cookie);
        String target = link;
        for (int hops = 0; r.statusCode() / 100 == 3 && hops < 5; hops++) {
            String location = r.headers().firstValue("Location").orElse("");
            target = URI.create(target).resolve(location).toString();
            if (URI.create(target).getPath().startsWith("/login")) {
                failures.add(where + ": sends the signed-in user to the sign-in page");
                return List.of();
            }
            r = get(target, cookie);
        }
        String type = r.headers().firstValue("Content-Type").orElse("");
        String path = URI.create(target).getPath();
        String problem = null;
        if (path.endsWith(".csv") || path.endsWith(".xlsx") || path.endsWith(".pdf")) {
            String expected = path.endsWith(".csv") ? "text/csv" : path.endsWith(".pdf") ? "application/pdf" : XLSX;
            if (r.statusCode() != 200 || !type.startsWith(expected) || r.body().length == 0) {
                problem = "download answered " + describe(r, type) + ", expected 200 " + expected
                        + " with a body";
            }
        } else if (r.statusCode() >= 400) {
            boolean page = (r.statusCode() == 403 || r.statusCode() == 404) && type.startsWith("text/html")
                    && r.headers().firstValue("WWW-Authenticate").isEmpty()
                    && new String(r.body(), StandardCharsets.UTF_8).contains("class=\"brand\"");
            if (!page) {
                problem = "answered " + describe(r, type);
            }
        } else if (type.contains("json")) {
            problem = "answered JSON to a page user: " + describe(r, type);
        } else if (r.statusCode() != 200) {
            problem = "answered " + describe(r, type);
        }
        if (problem != null) {
            failures.add(where + ": " + problem);
            return List.of();
        }
        if (!type.startsWith("text/html") || r.statusCode() != 200) {
            return List.of();
        }
        // The links as the browser sees them on the page (resolved by it), same site only.
        browser.get(target);
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('a[href]'), a => a.href)");
        List<String> links = new ArrayList<>();
        for (String href : hrefs) {
            URI u = URI.create(href);
            if (!"http".equals(u.getScheme()) || !"localhost".equals(u.getHost()) || u.getPort() != port
                    || u.getPath().equals("/logout")) {
                continue;
            }
            String clean = href.replaceAll("#.*$", "");
            links.add(clean);
        }
        return links;
    }

    HttpResponse<byte[]> get(String link, String cookie) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(link)).header("Cookie", cookie)
                .timeout(Duration.ofSeconds(120)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String describe(HttpResponse<byte[]> r, String type) {
        String body = new String(r.body(), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        return r.statusCode() + " " + type
                + r.headers().firstValue("WWW-Authenticate").map(w -> " WWW-Authenticate: " + w).orElse("")
                + (type.contains("json") || type.startsWith("text/plain") ? " " + body.substring(0,
                        Math.min(160, body.length())) : "");
    }

    static String query(String link) {
        String q = URI.create(link).getRawQuery();
        return q == null ? "" : "?" + q;
    }

    /** The route shape of a link: its path with ids replaced ({uuid}, {n} for numbers, {id} for other ids). */
    static String shape(String link) {
        String path = URI.create(link).getPath();
        if (path.isEmpty() || path.equals("/")) {
            return "/";
        }
        StringBuilder b = new StringBuilder();
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            b.append('/');
            if (UUID.matcher(s).matches()) {
                b.append("{uuid}");
            } else if (s.matches("\\d+")) {
                b.append("{n}");
            } else if (s.matches(".*\\d.*") && !(i == segments.length - 1 && s.contains("."))) {
                b.append("{id}");
            } else {
                b.append(s);
            }
        }
        return b.toString();
    }
}
